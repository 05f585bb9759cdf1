package main

import (
	"context"
	"fmt"
	"io"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
)

// writeSweep prints eval --sweep's tables: each label's figures at the
// thresholds of eval.SweepSteps, headed as eval's report is (release, files
// and record count).
func writeSweep(c *classify.Classifier, recs []eval.Record, names []string, specs []eval.Spec, stdout, stderr io.Writer) int {
	rows, err := eval.Sweep(context.Background(), c, recs, specs, eval.SweepSteps())
	if err == nil {
		writeEvalHeader(stdout, names)
		fmt.Fprintf(stdout, "%d records\n\n", len(recs))
		err = eval.WriteSweep(stdout, rows)
	}
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	return 0
}
