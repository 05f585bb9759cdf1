package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/normalize"
)

const normalizeUsage = `usage: saring normalize [--max-bytes N] [--slang FILE] [--lexicons DIR] < posts.txt

Reads one text a line on stdin ("\n" or "\r\n" line ends) and writes one JSON
object a line: {"tokens":[{"raw":"k4f1r","norm":"kafir","stem":"kafir",
"start":0,"end":5,"kind":"word","via":["leet"],"known":true}]}. start and end
are byte offsets in the input line. The normalizer knows the lexicons' words
(kafiir -> kafir) and the slang dictionary's; "known" marks the words and
numbers it knows, so the words missing from both are easy to find. Without
--slang the tokens are exactly those "saring classify" matches. A line longer
than --max-bytes is answered with {"error":"..."} in its place, as "saring
classify" does; the exit code is 1 only when reading or writing fails.

flags:
`

// normalizeOutput is one output line of "saring normalize".
type normalizeOutput struct {
	Tokens []normalize.Token `json:"tokens"`
}

// runNormalize runs "saring normalize" and returns the exit code: 0 when
// every line was answered (a rejected line is answered with an error
// object), 1 on an I/O error, 2 on a usage error.
func runNormalize(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring normalize", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), normalizeUsage)
		fs.PrintDefaults()
	}
	maxBytes := fs.Int("max-bytes", 1<<20, "longest accepted input line, in bytes")
	slangPath := fs.String("slang", "", "extra slang `FILE` (\"colloquial standard\" lines) over the embedded dictionary")
	lexicons := fs.String("lexicons", "", "directory of lexicon files that extend the defaults")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "saring normalize: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if *maxBytes <= 0 {
		fmt.Fprintf(stderr, "saring normalize: --max-bytes must be positive, got %d\n", *maxBytes)
		return 2
	}
	n, err := loadNormalizer(*slangPath, *lexicons)
	if err != nil {
		fmt.Fprintf(stderr, "saring normalize: %v\n", err)
		return 1
	}

	var toks []normalize.Token
	answer := func(_ int, line string) any {
		toks = n.Append(toks[:0], line)
		if toks == nil {
			toks = []normalize.Token{}
		}
		return normalizeOutput{Tokens: toks}
	}
	return answerLines("saring normalize", stdin, stdout, stderr, *maxBytes, answer, nil)
}

// loadNormalizer returns the normalizer of the classifier built with the
// lexicons in dir (or the defaults) and the slang file at path, if any.
func loadNormalizer(path, dir string) (*normalize.Normalizer, error) {
	var opts []classify.Option
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, fmt.Errorf("slang: %w", err)
		}
		defer f.Close()
		m, err := normalize.ParseSlang(f, path)
		if err != nil {
			return nil, fmt.Errorf("slang: %w", err)
		}
		opts = append(opts, classify.WithSlang(m))
	}
	if dir != "" {
		opts = append(opts, classify.WithLexiconDir(dir))
	}
	c, err := classify.New(opts...)
	if err != nil {
		return nil, err
	}
	return c.Normalizer(), nil
}
