package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

func TestExtendedClassifier(t *testing.T) {
	def, err := classify.New()
	require.NoError(t, err)
	ext, err := classify.New(classify.WithLexiconFS(lexicons, "lexicon"))
	require.NoError(t, err)

	tests := []struct {
		name        string
		text        string
		defAbusive  bool
		extAbusive  bool
		extEvidence string // lexicon source of the extended classifier's evidence
	}{
		{"new insult only flagged when extended", "ontohod pisan maneh teh", false, true, "lexicon/sunda.txt:8"},
		{"allow entry clears a default match", "ngopi dulu, pesan kopi jancuk satu", true, false, ""},
		{"default entries still work", "dasar goblok lo", true, true, "lexicon/data/abusive.txt"},
		{"clean post stays clean", "selamat pagi semuanya", false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.defAbusive, def.Classify(tt.text).Has(lexicon.Abusive), "default")
			r := ext.Classify(tt.text)
			assert.Equal(t, tt.extAbusive, r.Has(lexicon.Abusive), "extended")
			if tt.extEvidence == "" {
				return
			}
			lr, ok := r.Label(lexicon.Abusive)
			require.True(t, ok)
			var sources []string
			for _, e := range lr.Evidence {
				sources = append(sources, e.Source)
			}
			assert.Contains(t, strings.Join(sources, " "), tt.extEvidence)
		})
	}
}

func TestRun(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(nil, &out))
	got := out.String()
	assert.Contains(t, got, `"ontohod pisan maneh teh"
  default:  clean
  extended: flagged`)
	assert.Contains(t, got, `"ontohod" from lexicon/sunda.txt:8`)
	assert.Contains(t, got, `"ngopi dulu, pesan kopi jancuk satu"
  default:  flagged abusive`)
	assert.Contains(t, got, "extended: clean")
}
