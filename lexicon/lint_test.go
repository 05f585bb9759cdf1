package lexicon_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

func TestLint(t *testing.T) {
	s := load(t, map[string]string{
		"lex/a.txt": v1 + `@defaults label=abusive
bangsat | fuzzy=yes
goblok | fuzzy=yes
brengsek | fuzzy=yes
kampret | fuzzy=no
bangsat
babi | weight=0
bangsa | list=allow
tionghoa | list=group
kafir | label=sara | fuzzy=yes
kafan | list=mention
`,
	})
	dict := []string{"bangsa", "bangsal", "goblok", "gobak", "berengsek", "brengsek", "kampreto", "kafan", "kafil", "abc"}
	probs := lexicon.Lint(s, dict)
	var got []string
	for _, p := range probs {
		assert.Equal(t, lexicon.LintWarning, p.Severity)
		got = append(got, p.Check+" "+p.String())
	}
	assert.Equal(t, []string{
		// bangsa is allow-listed; bangsal is one edit away.
		`fuzzy lex/a.txt:3: warning: fuzzy term "bangsat" (up to 1 edit(s)) would also match dictionary word(s) "bangsal"; set fuzzy=no or allow-list them`,
		// "gobak" is two edits away: goblok has a budget of one.
		// brengsek: "berengsek" is one edit away, but it is fuzzy only within 2: reported.
		`fuzzy lex/a.txt:5: warning: fuzzy term "brengsek" (up to 2 edit(s)) would also match dictionary word(s) "berengsek"; set fuzzy=no or allow-list them`,
		`duplicate lex/a.txt:7: warning: duplicate entry: "bangsat" with label=abusive is already at lex/a.txt:3`,
		`disabled lex/a.txt:8: warning: weight 0 disables this entry`,
		`target lex/a.txt:10: warning: group noun "tionghoa" has no target= (suku, agama, ras, antargolongan)`,
		// kafan is a lexicon term (mention list), so only kafil collides.
		`fuzzy lex/a.txt:11: warning: fuzzy term "kafir" (up to 1 edit(s)) would also match dictionary word(s) "kafil"; set fuzzy=no or allow-list them`,
	}, got)

	noDict := lexicon.Lint(s, nil)
	for _, p := range noDict {
		assert.NotEqual(t, lexicon.CheckFuzzy, p.Check)
	}
	assert.Len(t, noDict, 3)
	assert.Nil(t, lexicon.Lint(nil, dict))
}

func TestLintManyCollisions(t *testing.T) {
	s := load(t, map[string]string{"lex/a.txt": v1 + "bajingan | label=abusive | fuzzy=yes\n"})
	dict := []string{"bajingaa", "bajingab", "bajingac", "bajingad", "bajingae", "bajingaf", "bajingag", "bajingah", "bajingai", "bajingaj", "zzzzzzzz"}
	probs := lexicon.Lint(s, dict)
	require.Len(t, probs, 1)
	assert.Contains(t, probs[0].Msg, `"bajingah" and 2 more`)
}

func TestLintNormalized(t *testing.T) {
	// Case and spacing differences are not reported; a term the normalizer
	// rewrites (a slang form mapped to its standard word) is, because the
	// entry then matches the rewritten form.
	s := load(t, map[string]string{"lex/a.txt": v1 + "Anjing | label=abusive\nemak  lu | list=person\n"})
	probs := lexicon.Lint(s, nil)
	norm := normalize.Default().Word("emak lu")
	if norm == "emak lu" {
		assert.Empty(t, probs)
		return
	}
	require.Len(t, probs, 1)
	assert.Equal(t, lexicon.CheckNormalized, probs[0].Check)
	assert.Equal(t, `lex/a.txt:3: warning: term "emak lu" is normalised to "`+norm+`" and matches that; write the standard form or check the slang dictionary`, probs[0].String())
}

func TestReadHunspellDic(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.dic")
	require.NoError(t, os.WriteFile(path, []byte(`9
abadi/DkMkO0k0nl
Abraham
ABRI
abad/i0
agentif 
aba-aba
abadi
x2y/A0
po:noun st:foo
`), 0o644))
	words, err := lexicon.ReadHunspellDic(path)
	require.NoError(t, err)
	assert.Equal(t, []string{"aba-aba", "abad", "abadi", "abraham", "agentif"}, words)
	assert.NotContains(t, words, "abri")
	assert.NotContains(t, words, "x2y")

	_, err = lexicon.ReadHunspellDic(filepath.Join(t.TempDir(), "missing.dic"))
	require.ErrorIs(t, err, os.ErrNotExist)
}
