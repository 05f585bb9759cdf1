package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"

	"github.com/saring-id/saring/classify"
)

// SweepSteps are the thresholds Sweep reports by default: 0.05 to 0.95 in
// steps of 0.05.
func SweepSteps() []float64 {
	steps := make([]float64, 0, 19)
	for i := 1; i <= 19; i++ {
		steps = append(steps, float64(i)/20)
	}
	return steps
}

// SweepRow is one spec's figures at each threshold of a Sweep; Metrics hold
// counts and ratios only, no cases.
type SweepRow struct {
	Name       string
	Thresholds []float64
	Metrics    []Metrics
}

// Sweep classifies recs once and returns, per spec, the figures its label
// would have if it were flagged at each of thresholds (a score at or above
// the threshold, with one of the spec's targets when it names any). The
// classifier's own thresholds play no part.
func Sweep(ctx context.Context, c *classify.Classifier, recs []Record, specs []Spec, thresholds []float64) ([]SweepRow, error) {
	results, err := classifyAll(ctx, c, recs, specs)
	if err != nil {
		return nil, err
	}
	rows := make([]SweepRow, 0, len(specs))
	for si, s := range specs {
		row := SweepRow{Name: s.Name(), Thresholds: thresholds}
		for _, t := range thresholds {
			m := Metrics{Name: s.Name(), Label: s.Label}
			for i, res := range results {
				pred, gold := s.score(res) >= t, recs[i].Gold[si]
				switch {
				case pred && gold:
					m.TP++
				case pred && !gold:
					m.FP++
				case !pred && gold:
					m.FN++
				default:
					m.TN++
				}
			}
			m.finish()
			row.Metrics = append(row.Metrics, m)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// WriteSweep prints each row as a table of threshold, precision, recall, F1
// and the confusion counts, marking the threshold of highest F1 with '*'.
func WriteSweep(w io.Writer, rows []SweepRow) error {
	bw := bufio.NewWriter(w)
	for _, r := range rows {
		best := 0
		for i, m := range r.Metrics {
			if m.F1 > r.Metrics[best].F1 {
				best = i
			}
		}
		fmt.Fprintf(bw, "%s\n%9s %9s %9s %9s %7s %7s %7s\n", r.Name, "threshold", "precision", "recall", "f1", "tp", "fp", "fn")
		for i, m := range r.Metrics {
			mark := ""
			if i == best {
				mark = " *"
			}
			fmt.Fprintf(bw, "%9.2f %9.3f %9.3f %9.3f %7d %7d %7d%s\n", r.Thresholds[i], m.Precision, m.Recall, m.F1, m.TP, m.FP, m.FN, mark)
		}
		fmt.Fprintln(bw)
	}
	return bw.Flush()
}
