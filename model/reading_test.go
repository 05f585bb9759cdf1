package model_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

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

// TestReadingStands: where the lexicons' verdict on a label stands, a
// deferring model scores with the lexicon score; elsewhere with the larger
// of its probability and the lexicon score; a model that does not defer
// always with its probability.
func TestReadingStands(t *testing.T) {
	cases := []struct {
		name   string
		r      model.Reading
		label  int
		stands bool
	}{
		{"nothing found", model.Reading{}, hate, false},
		{"weak evidence for the label", model.Reading{Score: [6]float64{hate: 0.3}}, hate, false},
		{"the label is flagged", model.Reading{Score: [6]float64{hate: 0.8, black: 0.9}}, hate, false},
		{"defused evidence", model.Reading{Score: [6]float64{hate: 0.06}, Defused: [6]bool{hate: true}}, hate, true},
		{"another label is flagged", model.Reading{Score: [6]float64{hate: 0.3, black: 0.7}}, hate, true},
		{"weak evidence for another label only", model.Reading{Score: [6]float64{black: 0.2}}, hate, true},
		{"an allow-listed phrase, a counter cue or a mention", model.Reading{Harmless: true}, abusive, true},
		{"harmless words beside evidence for the label", model.Reading{Score: [6]float64{abusive: 0.4}, Harmless: true}, abusive, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.stands, tc.r.Stands(tc.label))
			lex := tc.r.Score[tc.label]
			want := max(0.9, lex)
			if tc.stands {
				want = lex
			}
			assert.Equal(t, want, tc.r.Combine(tc.label, 0.9, true))
			assert.Equal(t, 0.9, tc.r.Combine(tc.label, 0.9, false))
		})
	}
}

func TestReadingOf(t *testing.T) {
	r := model.ReadingOf([]model.Feature{
		{Name: "d:sara", Value: 1}, {Name: "l:counter", Value: 1}, {Name: "w:x:hate_speech", Value: 1},
		{Name: "x:hate_speech", Value: 0.85}, {Name: "x:nope", Value: 1}, {Name: "l:group", Value: 1},
	})
	assert.Equal(t, model.Reading{Score: [6]float64{hate: 0.85}, Defused: [6]bool{sara: true}, Harmless: true}, r)
	assert.False(t, model.ReadingOf([]model.Feature{{Name: "l:group", Value: 1}}).Harmless)
}
