package classify_test

import (
	"fmt"
	"log"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

func TestMask(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	tests := []struct {
		name, text string
		labels     []lexicon.Label
		want       string
	}{
		{"flagged labels by default", "Anjing! Macet lagi pagi ini.", nil, "******! Macet lagi pagi ini."},
		{"rule spans not masked, their words are", "bangsat lu, hari ini macet lagi", nil, "******* lu, hari ini macet lagi"},
		{"clean text unchanged", "selamat pagi semua", nil, "selamat pagi semua"},
		{"empty", "", nil, ""},
		{"spaces inside a split word kept", "k a f i r", nil, "* * * * *"},
		{"one code point a star", "𝐛𝐚𝐛𝐢!", nil, "****!"},
		{"unnamed label left alone", "bangsat lu", []lexicon.Label{lexicon.Hoax}, "bangsat lu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(tt.text)
			assert.Equal(t, tt.want, r.Mask(tt.text, tt.labels...))
		})
	}
}

// Mask hides the evidence of the flagged labels; name labels to choose.
func ExampleResult_Mask() {
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	post := "Kamu memang bangsat, tapi aku tetap sabar."
	r := c.Classify(post)
	fmt.Println(r.Flagged)
	fmt.Println(r.Mask(post))
	fmt.Println(r.Mask(post, lexicon.Provocation))
	// Output:
	// [hate_speech abusive]
	// Kamu memang *******, tapi aku tetap sabar.
	// Kamu memang bangsat, tapi aku tetap sabar.
}
