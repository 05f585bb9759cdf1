package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"

	"github.com/saring-id/saring/model"
)

const modelUsage = `usage: saring model inspect [-n N] MODEL

inspect prints a model's header (the saring version that trained it, the
feature version, the training corpus, each label's threshold and
cross-validated figures beside the Naive Bayes baseline) and each label's N
strongest positive and negative features.
`

// runModel runs "saring model ..." and returns the exit code: 0 on success,
// 1 when the model cannot be read, 2 on a usage error.
func runModel(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, modelUsage)
		return 2
	}
	switch args[0] {
	case "inspect":
		return runModelInspect(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, modelUsage)
		return 0
	}
	fmt.Fprintf(stderr, "saring model: unknown command %q\n%s", args[0], modelUsage)
	return 2
}

func runModelInspect(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring model inspect", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 15, "how many strongest positive and negative features to show a label")
	fs.Usage = func() { fmt.Fprint(stderr, modelUsage) }
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	files, err := fileArgs(fs, args)
	switch {
	case err != nil:
		return usageError(fs, "%v", err)
	case len(files) != 1:
		return usageError(fs, "want one MODEL, got %d", len(files))
	case *n < 0:
		return usageError(fs, "-n must not be negative, got %d", *n)
	}
	m, err := model.Load(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "saring model inspect: %v\n", err)
		return 1
	}
	bw := bufio.NewWriter(stdout)
	fmt.Fprintf(bw, "%s: trained by saring %s, feature version %d, on %d texts of %s; defers to the lexicons: %v\n",
		files[0], m.Saring, m.Features, m.Size, m.Corpus, m.Defer)
	for _, l := range m.Labels {
		fmt.Fprintf(bw, "\n%s: threshold %g, l2 %g, %d weights, bias %g\n", l.Label, l.Threshold, l.L2, len(l.Weights), l.Bias)
		fmt.Fprintf(bw, "  cross-validated precision %.3f recall %.3f F1 %.3f (Naive Bayes: %.3f %.3f %.3f)\n",
			l.CV.Precision, l.CV.Recall, l.CV.F1, l.Baseline.Precision, l.Baseline.Recall, l.Baseline.F1)
		pos, neg := l.Strongest(*n)
		for _, side := range []struct {
			name  string
			feats []string
		}{{"positive", pos}, {"negative", neg}} {
			fmt.Fprintf(bw, "  strongest %s:\n", side.name)
			for _, f := range side.feats {
				fmt.Fprintf(bw, "    %+8.4f  %s\n", l.Weights[f], f)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "saring model inspect: %v\n", err)
		return 1
	}
	return 0
}
