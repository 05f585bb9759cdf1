package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/normalize"
)

const normalizeUsage = `usage: saring normalize [flags] [FILE...]

Reads one text a line ("\n" or "\r\n" line ends) from each FILE in turn (- is
standard input), or from standard input when no FILE is named, and writes one
JSON object a line: {"tokens":[{"raw":"k4f1r","norm":"kafir","stem":"kafir",
"start":0,"end":5,"kind":"word","via":["leet"],"known":true}]}. start and end
are byte offsets in the input line. The normalizer knows the lexicons' words
(kafiir -> kafir) and the slang dictionary's; "known" marks the words and
numbers it knows, so the words missing from both are easy to find. Without
--slang the tokens are exactly those "saring classify" matches. A line longer
than --max-bytes is answered with {"error":"..."} in its place, as "saring
classify" does; the exit code is 1 only when reading or writing fails, 2 on a
usage error.

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
	var lf lexiconFlags
	lf.register(fs)
	var sf streamFlags
	sf.register(fs, stdout, stderr)
	srcs, code, ok := sf.parse(fs, args, stdin)
	if !ok {
		return code
	}
	c, err := classify.New(lf.options()...)
	if err != nil {
		fmt.Fprintf(stderr, "saring normalize: %v\n", err)
		return 1
	}
	n := c.Normalizer()
	answer := func(_ place, line string) any {
		return normalizeOutput{Tokens: n.Append([]normalize.Token{}, line)}
	}
	return answerLines("saring normalize", srcs, stdout, stderr, sf, answer, nil)
}
