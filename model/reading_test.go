package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

// Label indices of lexicon.Labels().
const (
	hate = iota
	sara
	black
	_
	_
	abusive
)

// TestReadingStands: a deferring model may raise a label of aim only where
// the lexicons found evidence of it too weak to flag, and a label of words
// (abusive) only where they found none and read nothing harmless; neither
// where context defused the label or another label's evidence is at least
// as strong.
func TestReadingStands(t *testing.T) {
	for i, l := range map[int]lexicon.Label{hate: lexicon.HateSpeech, sara: lexicon.SARA, black: lexicon.BlackCampaign, abusive: lexicon.Abusive} {
		require.Equal(t, l, lexicon.Labels()[i], "the test's label indices")
	}
	cases := []struct {
		name   string
		r      model.Reading
		label  int
		stands bool
	}{
		{"aim: weak evidence, nothing else", model.Reading{Score: [6]float64{hate: 0.3, sara: 0.3}}, hate, false},
		{"aim: weak evidence beside weaker evidence of another label", model.Reading{Score: [6]float64{hate: 0.45, abusive: 0.2}}, hate, false},
		{"aim: sara's evidence is hate speech's own", model.Reading{Score: [6]float64{hate: 0.45, sara: 0.45}}, sara, false},
		{"aim: the label is flagged", model.Reading{Score: [6]float64{hate: 0.8, black: 0.9}}, hate, false},
		{"aim: no evidence, nothing else", model.Reading{}, hate, true},
		{"aim: no evidence, harmless words", model.Reading{Harmless: true}, sara, true},
		{"aim: another label's evidence as strong", model.Reading{Score: [6]float64{hate: 0.45, sara: 0.45, black: 0.45}}, hate, true},
		{"aim: another label flagged", model.Reading{Score: [6]float64{hate: 0.3, black: 0.7}}, hate, true},
		{"aim: defused evidence", model.Reading{Score: [6]float64{hate: 0.06}, Defused: [6]bool{hate: true}}, hate, true},
		{"words: no evidence, nothing else", model.Reading{}, abusive, false},
		{"words: weak evidence", model.Reading{Score: [6]float64{abusive: 0.3}}, abusive, true},
		{"words: no evidence, harmless words", model.Reading{Harmless: true}, abusive, true},
		{"words: another label's evidence", model.Reading{Score: [6]float64{hate: 0.25}}, abusive, true},
		{"words: the label is flagged", model.Reading{Score: [6]float64{abusive: 0.7}, Harmless: true}, abusive, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.stands, tc.r.Stands(tc.label))
			lex := tc.r.Score[tc.label]
			decided, flag := tc.r.Decided(tc.label)
			assert.Equal(t, tc.stands || lex >= 0.5, decided)
			assert.Equal(t, lex >= 0.5, flag)
			// A probability of 0.3 at threshold 0.2 is above it: 0.5 and more.
			got := tc.r.Combine(tc.label, 0.3, 0.2)
			if decided && !flag {
				assert.Equal(t, lex, got)
			} else {
				assert.Equal(t, max(model.Rescale(0.3, 0.2), lex), got)
				assert.GreaterOrEqual(t, got, 0.5)
			}
		})
	}
}

func TestReadingOf(t *testing.T) {
	r := model.ReadingOf([]model.Feature{
		{Name: "d:sara", Value: 1}, {Name: "l:counter", Value: 1}, {Name: "w:x:hate_speech", Value: 1},
		{Name: "x:hate_speech", Value: 0.85}, {Name: "x:nope", Value: 1}, {Name: "l:political", Value: 1},
	})
	assert.Equal(t, model.Reading{Score: [6]float64{hate: 0.85}, Defused: [6]bool{sara: true}, Harmless: true}, r)
	for list, harmless := range map[string]bool{
		"allow": true, "counter": true, "mention": true, "group": true,
		"political": true, // a politician or party named, with no evidence, is news
		"person":    false,
	} {
		assert.Equal(t, harmless, model.ReadingOf([]model.Feature{{Name: "l:" + list, Value: 1}}).Harmless, list)
	}
}

func TestRescale(t *testing.T) {
	assert.InDelta(t, 0.5, model.Rescale(0.3, 0.3), 1e-12)
	assert.Greater(t, model.Rescale(0.31, 0.3), 0.5)
	assert.Less(t, model.Rescale(0.29, 0.3), 0.5)
	assert.InDelta(t, 0.7, model.Rescale(0.7, 0.5), 1e-12)
}
