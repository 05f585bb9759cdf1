package lexicon_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

func TestLabels(t *testing.T) {
	got := lexicon.Labels()
	assert.Equal(t, []lexicon.Label{"hate_speech", "sara", "black_campaign", "provocation", "hoax", "abusive"}, got)
	got[0] = "mutated"
	assert.Equal(t, lexicon.HateSpeech, lexicon.Labels()[0], "Labels must return a copy")
}

func TestParseNames(t *testing.T) {
	tests := []struct {
		name  string
		parse func(string) (string, error)
		in    string
		want  string
		err   string
	}{
		{"label", wrap(lexicon.ParseLabel), "sara", "sara", ""},
		{"label unknown", wrap(lexicon.ParseLabel), "hat", "", `unknown label "hat"`},
		{"label case", wrap(lexicon.ParseLabel), "SARA", "", `unknown label "SARA"`},
		{"target", wrap(lexicon.ParseTarget), "antargolongan", "antargolongan", ""},
		{"target unknown", wrap(lexicon.ParseTarget), "bangsa", "", `unknown target "bangsa"`},
		{"list", wrap(lexicon.ParseList), "negator", "negator", ""},
		{"list unknown", wrap(lexicon.ParseList), "deny", "", `unknown list "deny"`},
		{"kind", wrap(lexicon.ParseKind), "adu_domba", "adu_domba", ""},
		{"kind unknown", wrap(lexicon.ParseKind), "rude", "", `unknown kind "rude"`},
		{"kind empty", wrap(lexicon.ParseKind), "", "", `unknown kind ""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(tt.in)
			if tt.err != "" {
				require.EqualError(t, err, tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func wrap[T ~string](f func(string) (T, error)) func(string) (string, error) {
	return func(s string) (string, error) {
		v, err := f(s)
		return string(v), err
	}
}

func TestEnumerations(t *testing.T) {
	assert.Len(t, lexicon.Targets(), 4)
	assert.Len(t, lexicon.Lists(), 29)
	assert.Len(t, lexicon.Kinds(), 19)
	for _, k := range lexicon.Kinds() {
		assert.True(t, k.Valid(), k)
	}
	for _, l := range lexicon.Lists() {
		assert.True(t, l.Valid(), l)
	}
}

func TestSeverity(t *testing.T) {
	tests := []struct {
		sev  lexicon.Severity
		text string
	}{
		{0, ""},
		{lexicon.Weak, "weak"},
		{lexicon.Moderate, "moderate"},
		{lexicon.Strong, "strong"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.text, tt.sev.String())
			b, err := tt.sev.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, tt.text, string(b))
			var back lexicon.Severity
			require.NoError(t, back.UnmarshalText(b))
			assert.Equal(t, tt.sev, back)
		})
	}
	assert.Less(t, lexicon.Weak, lexicon.Moderate)
	assert.Less(t, lexicon.Moderate, lexicon.Strong)

	_, err := lexicon.Severity(9).MarshalText()
	require.Error(t, err)
	assert.Equal(t, "Severity(9)", lexicon.Severity(9).String())
	var s lexicon.Severity
	require.EqualError(t, s.UnmarshalText([]byte("high")), `unknown severity "high" (want weak, moderate or strong)`)

	b, err := json.Marshal(map[string]lexicon.Severity{"s": lexicon.Strong})
	require.NoError(t, err)
	assert.JSONEq(t, `{"s":"strong"}`, string(b))
	var m map[string]lexicon.Severity
	require.NoError(t, json.Unmarshal([]byte(`{"s":"weak"}`), &m))
	assert.Equal(t, lexicon.Weak, m["s"])
}

func TestPosition(t *testing.T) {
	assert.Equal(t, "lexicon/data/x.txt:12", lexicon.Position{File: "lexicon/data/x.txt", Line: 12}.String())
	assert.Equal(t, "x.txt", lexicon.Position{File: "x.txt"}.String())
}

func TestFuzzyDistance(t *testing.T) {
	tests := []struct {
		term string
		want int
	}{
		{"", 0},
		{"tai", 0},
		{"babi", 0},
		{"kafir", 1},
		{"goblok", 1},
		{"bangsat", 1},
		{"keparat", 1},
		{"brengsek", 2},
		{"bajingan", 2},
		{"anjing gila", 0},
		{"édouard", 1}, // counts runes, not bytes
	}
	for _, tt := range tests {
		t.Run(tt.term, func(t *testing.T) {
			assert.Equal(t, tt.want, lexicon.FuzzyDistance(tt.term))
		})
	}
}
