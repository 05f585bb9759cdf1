package lexicon_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

func TestDefaultLoads(t *testing.T) {
	s, err := lexicon.Default()
	require.NoError(t, err)
	again, err := lexicon.Default()
	require.NoError(t, err)
	assert.Same(t, s, again, "Default is built once")

	st := s.Stats()
	for _, l := range lexicon.Labels() {
		assert.Positive(t, st.Labels[l], "label %s has no entries", l)
	}
	for _, e := range s.Entries() {
		assert.Contains(t, e.Source.File, lexicon.DefaultDir+"/")
	}
}

// TestDefaultShortTermsMarked: every default term of fewer than three
// letters says short=yes, so each one was judged meant, and lint has
// nothing to warn about.
func TestDefaultShortTermsMarked(t *testing.T) {
	s, err := lexicon.Default()
	require.NoError(t, err)
	for _, p := range lexicon.Lint(s, nil) {
		if p.Check == lexicon.CheckShort {
			t.Error(p.String())
		}
	}
}

// TestDefaultLexiconHunspell proves the fuzzy guard against a whole
// dictionary: no fuzzy-enabled default term may be within its edit budget of
// an ordinary Indonesian word. CI installs hunspell-id.
func TestDefaultLexiconHunspell(t *testing.T) {
	if _, err := os.Stat(lexicon.DefaultHunspellDic); err != nil {
		t.Skipf("no hunspell dictionary at %s (install hunspell-id)", lexicon.DefaultHunspellDic)
	}
	dict, err := lexicon.ReadHunspellDic(lexicon.DefaultHunspellDic)
	require.NoError(t, err)
	require.Greater(t, len(dict), 10000)
	s, err := lexicon.Default()
	require.NoError(t, err)
	for _, p := range lexicon.Lint(s, dict) {
		if p.Check == lexicon.CheckFuzzy {
			t.Error(p.String())
		} else {
			t.Log(p.String())
		}
	}
}
