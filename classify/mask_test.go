package classify_test

import (
	"fmt"
	"log"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
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
		{"a rule's term masked, not the person it joins", "bangsat lu, hari ini macet lagi", nil, "******* lu, hari ini macet lagi"},
		{"a label with rule evidence only", "bangsat lu", []lexicon.Label{lexicon.HateSpeech}, "******* lu"},
		{"a call to action, not its target", "bakar rumah ibadah mereka malam ini!!", nil, "***** rumah ibadah mereka malam ini!!"},
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

// TestMaskLearned masks a model-flagged label's lexicon evidence and none
// of its learned evidence (ordinary words that weighed).
func TestMaskLearned(t *testing.T) {
	m, err := model.Parse(strings.NewReader("#! saring-model 1\n@saring 0.7.0\n@features 1\n@corpus 2 mine.jsonl\n@defer no\n"+
		"@label abusive bias=-2 threshold=0.5 l2=1 weights=3 cv=1,1,1 nb=1,1,1\n"+
		"abusive\tw:kamu\t3\nabusive\tw:partai\t3\nabusive\tt:bangsat\t2\n@end\n"), "mine.model")
	require.NoError(t, err)
	c, err := classify.New(classify.WithModel(m))
	require.NoError(t, err)
	for _, tt := range []struct{ text, want string }{
		{"partai oposisi mengkritik kebijakan", "partai oposisi mengkritik kebijakan"},
		{"kamu hebat, selamat ya", "kamu hebat, selamat ya"},
		{"kamu bangsat", "kamu *******"},
	} {
		r := c.Classify(tt.text)
		lr, _ := r.Label(lexicon.Abusive)
		require.True(t, lr.Flagged && slices.ContainsFunc(lr.Evidence, func(e classify.Evidence) bool {
			return e.Match == classify.MatchLearned
		}), "precondition: %q flagged with learned evidence: %+v", tt.text, lr)
		assert.Equal(t, tt.want, r.Mask(tt.text), tt.text)
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
