package eval_test

import (
	"context"
	"fmt"
	"log"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
)

// TestSweep checks that each point of a sweep is what Run reports for a
// classifier with that threshold, targets included.
func TestSweep(t *testing.T) {
	specs := mustSpecs(t, "hate_speech=hs", "abusive=abusive", "sara@suku,ras=sara")
	recs := runRecords(t)
	def, err := classify.New()
	require.NoError(t, err)
	steps := eval.SweepSteps()
	require.Len(t, steps, 19)
	assert.InDelta(t, 0.05, steps[0], 1e-9)
	assert.InDelta(t, 0.95, steps[18], 1e-9)

	rows, err := eval.Sweep(context.Background(), def, recs, specs, steps)
	require.NoError(t, err)
	require.Len(t, rows, len(specs))
	for si, s := range specs {
		row := rows[si]
		assert.Equal(t, s.Name(), row.Name)
		require.Len(t, row.Metrics, len(steps))
		for i := 0; i < len(steps); i += 3 { // every third step keeps the test fast
			th := steps[i]
			c, err := classify.New(classify.WithThreshold(s.Label, th))
			require.NoError(t, err)
			rep, err := eval.Run(context.Background(), c, recs, specs)
			require.NoError(t, err)
			want, got := rep.Labels[si], row.Metrics[i]
			assert.Equalf(t, [4]int{want.TP, want.FP, want.FN, want.TN}, [4]int{got.TP, got.FP, got.FN, got.TN}, "%s at %.2f", s.Name(), th)
			assert.InDeltaf(t, want.F1, got.F1, 1e-9, "%s at %.2f", s.Name(), th)
			assert.Empty(t, got.FalsePositives, "a sweep keeps no cases")
		}
	}

	var b strings.Builder
	require.NoError(t, eval.WriteSweep(&b, rows))
	out := b.String()
	assert.True(t, strings.HasPrefix(out, "hate_speech\n"), out)
	assert.Contains(t, out, "threshold precision")
	assert.Equal(t, len(specs), strings.Count(out, " *\n"), "one best threshold marked per label")

	_, err = eval.Sweep(context.Background(), def, recs, specs[:1], steps)
	assert.Error(t, err, "records with gold values for other specs")
}

// Sweep a label's threshold on a small labelled corpus: anjir alone scores
// 0.35, so a threshold above that misses it.
func ExampleSweep() {
	const corpus = `{"text":"bangsat lu","kasar":1}
{"text":"anjir, macet lagi","kasar":1}
{"text":"selamat pagi semua","kasar":0}
`
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	spec, err := eval.ParseSpec("abusive=kasar")
	if err != nil {
		log.Fatal(err)
	}
	specs := []eval.Spec{spec}
	var rows []eval.SweepRow
	recs, err := eval.ReadJSONL(strings.NewReader(corpus), "corpus.jsonl", "text", specs)
	if err == nil {
		rows, err = eval.Sweep(context.Background(), c, recs, specs, []float64{0.3, 0.5})
	}
	if err != nil {
		log.Fatal(err)
	}
	for i, m := range rows[0].Metrics {
		fmt.Printf("%s at %.1f: recall %.2f\n", rows[0].Name, rows[0].Thresholds[i], m.Recall)
	}
	// Output:
	// abusive at 0.3: recall 1.00
	// abusive at 0.5: recall 0.50
}
