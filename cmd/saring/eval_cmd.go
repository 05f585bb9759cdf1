package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/saring-id/saring"
	"github.com/saring-id/saring/eval"
)

// specFlag collects repeated --label NAME=EXPR flags.
type specFlag []eval.Spec

func (s *specFlag) String() string { return fmt.Sprint([]eval.Spec(*s)) }

func (s *specFlag) Set(v string) error {
	spec, err := eval.ParseSpec(v)
	if err != nil {
		return err
	}
	*s = append(*s, spec)
	return nil
}

// replFlag collects --replace OLD=NEW pairs for strings.NewReplacer.
type replFlag []string

func (r *replFlag) String() string { return strings.Join(*r, " ") }

func (r *replFlag) Set(v string) error {
	old, new, err := eval.ParseReplacement(v)
	if err != nil {
		return err
	}
	*r = append(*r, old, new)
	return nil
}

const evalUsage = `usage: saring eval [flags] --label NAME[@TARGETS]=EXPR ... [FILE...]

Classifies every record of a labelled corpus and prints precision, recall
and F1 for each --label mapping. The corpus is the FILEs named, in turn (-
is standard input), or standard input when none is named: JSONL when a
name ends in .jsonl or .ndjson, CSV otherwise (--format says it for
standard input or overrides the name). A gold column holds 0, 1, true or
false; any other value is an error naming the file and line.

flags:
`

func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf classifierFlags
	cf.register(fs)
	text := fs.String("text", "text", "name of the text column")
	var specs specFlag
	fs.Var(&specs, "label", "label mapping NAME=EXPR, e.g. sara='HS_Religion|HS_Race' (repeatable; '|' or, '&' and)")
	var repl replFlag
	fs.Var(&repl, "replace", `replace OLD=NEW in every text before classifying, Go escapes allowed (e.g. '\\n=\n', 'USER=@user'); repeatable`)
	errs := fs.Int("errors", 0, "show the N worst false positives and false negatives of each label")
	sweep := fs.Bool("sweep", false, "instead of the figures at the classifier's thresholds, show each label's figures at thresholds 0.05 to 0.95")
	format := fs.String("format", "", "corpus format, csv or jsonl (default: from the file name; csv for standard input)")
	delim := fs.String("delimiter", ",", `CSV field delimiter: one character, or \t for a tab`)
	fs.Usage = func() {
		fmt.Fprint(stderr, evalUsage)
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	names, err := fileArgs(fs, args)
	if err != nil {
		return usageError(fs, "%v", err)
	}
	if len(specs) == 0 {
		return usageError(fs, "no --label given")
	}
	if *format != "" && *format != "csv" && *format != "jsonl" {
		return usageError(fs, "--format must be csv or jsonl, got %q", *format)
	}
	comma, err := parseDelimiter(*delim)
	if err != nil {
		return usageError(fs, "%v", err)
	}
	if len(names) == 0 {
		names = []string{"-"}
	}
	var recs []eval.Record
	for _, name := range names {
		rs, err := readCorpus(name, *format, stdin, *text, specs, eval.WithDelimiter(comma))
		if err != nil {
			fmt.Fprintf(stderr, "saring eval: %v\n", err)
			return 1
		}
		recs = append(recs, rs...)
	}
	if len(repl) > 0 {
		r := strings.NewReplacer(repl...)
		for i := range recs {
			recs[i].Text = r.Replace(recs[i].Text)
		}
	}
	c, err := cf.classifier()
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	if *sweep {
		return writeSweep(c, recs, specs, stdout, stderr)
	}
	rep, err := eval.Run(context.Background(), c, recs, specs)
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "saring %s, %s\n", saring.Version, strings.Join(names, " "))
	if err := rep.WriteText(stdout, *errs); err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	return 0
}

// readCorpus reads one corpus file, or standard input for "-", in format
// (csv or jsonl; "" picks it from the name, csv for standard input).
func readCorpus(name, format string, stdin io.Reader, textCol string, specs []eval.Spec, opts ...eval.ReadOption) ([]eval.Record, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if format == "jsonl" || format == "" && eval.IsJSONL(name) {
		return eval.ReadJSONL(r, name, textCol, specs)
	}
	return eval.ReadCSV(r, name, textCol, specs, opts...)
}

// parseDelimiter reads --delimiter: one character, or \t for a tab.
func parseDelimiter(s string) (rune, error) {
	if s == `\t` {
		return '\t', nil
	}
	r := []rune(s)
	if len(r) != 1 || r[0] == '"' || r[0] == '\r' || r[0] == '\n' || r[0] == utf8.RuneError {
		return 0, fmt.Errorf("--delimiter must be one character other than a quote or a line break, got %q", s)
	}
	return r[0], nil
}
