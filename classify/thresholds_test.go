package classify_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// TestLabelThreshold checks that New uses each label's default and that
// WithThreshold overrides one label only.
func TestLabelThreshold(t *testing.T) {
	def, err := classify.New()
	require.NoError(t, err)
	for _, l := range lexicon.Labels() {
		th := classify.LabelThreshold(l)
		assert.Truef(t, th > 0 && th <= 1, "%s default %v is outside (0,1]", l, th)
		assert.Equal(t, th, def.Threshold(l), l)
	}
	// sara is always hate_speech too: a sara flag must imply a hate_speech
	// one, and the hate_speech score is never below the sara score.
	assert.LessOrEqual(t, classify.LabelThreshold(lexicon.HateSpeech), classify.LabelThreshold(lexicon.SARA))

	c, err := classify.New(classify.WithThreshold(lexicon.Hoax, 0.9))
	require.NoError(t, err)
	assert.Equal(t, 0.9, c.Threshold(lexicon.Hoax))
	assert.Equal(t, classify.LabelThreshold(lexicon.Provocation), c.Threshold(lexicon.Provocation), "other labels keep their defaults")
}

func ExampleLabelThreshold() {
	for _, l := range lexicon.Labels() {
		fmt.Printf("%s %.2f\n", l, classify.LabelThreshold(l))
	}
	// Output:
	// hate_speech 0.50
	// sara 0.50
	// black_campaign 0.50
	// provocation 0.50
	// hoax 0.50
	// abusive 0.50
}
