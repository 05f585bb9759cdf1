package classify_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// TestWithThresholds checks that re-thresholding a Result gives what a
// Classifier built with those thresholds gives.
func TestWithThresholds(t *testing.T) {
	def, err := classify.New()
	require.NoError(t, err)
	texts := []string{"dasar anjing kau", "bodoh", "selamat pagi", "ayo serbu kampung mereka", "sebarkan sebelum dihapus"}
	for _, th := range []float64{0.05, 0.3, 0.9, 1} {
		thresholds := map[lexicon.Label]float64{}
		opts := []classify.Option{}
		for _, l := range lexicon.Labels() {
			thresholds[l] = th
			opts = append(opts, classify.WithThreshold(l, th))
		}
		c, err := classify.New(opts...)
		require.NoError(t, err)
		for _, text := range texts {
			want := c.Classify(text)
			got := def.Classify(text).WithThresholds(thresholds)
			assert.Equal(t, want, got, "threshold %v, %q", th, text)
		}
	}
	r := def.Classify("dasar anjing kau")
	before := r.Flagged
	_ = r.WithThresholds(map[lexicon.Label]float64{lexicon.Abusive: 1})
	assert.Equal(t, before, r.Flagged, "the receiver is not changed")
}
