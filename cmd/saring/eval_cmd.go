package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/saring-id/saring"
	"github.com/saring-id/saring/eval"
)

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
	var corpus corpusFlags
	corpus.register(fs, "classifying")
	errs := fs.Int("errors", 0, "show the N worst false positives and false negatives of each label")
	sweep := fs.Bool("sweep", false, "instead of the figures at the classifier's thresholds, show each label's figures at thresholds 0.05 to 0.95")
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
	if err := corpus.check(); err != nil {
		return usageError(fs, "%v", err)
	}
	recs, names, err := corpus.read(names, stdin)
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	c, err := cf.classifier()
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	if *sweep {
		return writeSweep(c, recs, names, corpus.specs, stdout, stderr)
	}
	rep, err := eval.Run(context.Background(), c, recs, corpus.specs)
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	writeEvalHeader(stdout, names)
	if err := rep.WriteText(stdout, *errs); err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	return 0
}

// writeEvalHeader prints the line that heads eval's output: the release and
// the files read.
func writeEvalHeader(w io.Writer, names []string) {
	fmt.Fprintf(w, "saring %s, %s\n", saring.Version, strings.Join(names, " "))
}
