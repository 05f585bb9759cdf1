package lexicon_test

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
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
	dict := []string{
		"bangsa", "bangsal", "goblok", "gobak", "berengsek", "brengsek", "kampreto", "kafan", "kafil", "abc",
		// One edit from kafir, but the classifier never matches them:
		// another first letter, fewer than 5 bytes, not ASCII.
		"nafir", "kafi", "kafír",
	}
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
		// kafan is a lexicon term (mention list), so only kafil collides;
		// nafir, kafi and kafír are out of FuzzyMatch's reach.
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

func TestLintSingleLetterIsError(t *testing.T) {
	// A term that the normalizer turns into one letter would match chat
	// noise such as "P"; that is an error, other rewrites are warnings.
	s := load(t, map[string]string{"lex/a.txt": v1 + "\uff30 | label=abusive\np! | list=person\nAnjing | label=abusive\n"})
	probs := lexicon.Lint(s, nil)
	require.Len(t, probs, 2)
	for i, line := range []int{2, 3} {
		assert.Equal(t, lexicon.LintError, probs[i].Severity)
		assert.Equal(t, lexicon.CheckNormalized, probs[i].Check)
		assert.Equal(t, line, probs[i].Pos.Line)
		assert.Contains(t, probs[i].Msg, `normalised to the single letter "p"`)
	}
}

// TestLintShortTerms: a single word of fewer than three letters warns
// unless its line marks it short=yes; longer words and phrases of short
// words do not.
func TestLintShortTerms(t *testing.T) {
	tests := []struct {
		line string
		warn bool
	}{
		{"a | label=abusive", true},
		{"k | label=abusive", true},
		{"ah | label=abusive", true},
		{"nu | list=group | target=agama", true},
		{"nu | list=group | target=agama | short=yes", false},
		{"k | label=abusive | short=yes", false},
		{"ko | list=person | short=no", true},
		{"asu | label=abusive", false},
		{"ah lu | label=abusive", false},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			s := load(t, map[string]string{"lex/a.txt": v1 + tt.line + "\n"})
			var short []lexicon.Problem
			for _, p := range lexicon.Lint(s, nil) {
				if p.Check == lexicon.CheckShort {
					short = append(short, p)
				}
			}
			if !tt.warn {
				assert.Empty(t, short)
				return
			}
			require.Len(t, short, 1)
			assert.Equal(t, lexicon.LintWarning, short[0].Severity)
			assert.Equal(t, 2, short[0].Pos.Line)
			assert.Contains(t, short[0].Msg, "fewer than 3 letters")
			assert.Contains(t, short[0].Msg, "short=yes")
		})
	}
}

func TestLintExtension(t *testing.T) {
	// base and over use the same file name, as when a user lints a copy of
	// the default files: problems are told apart by the Set, not the path.
	base := load(t, map[string]string{"lex/a.txt": v1 + `@defaults label=abusive
bangsat | fuzzy=yes
bangsat
kampret | weight=0
sontoloyo | label=hoax
`})
	over, err := lexicon.Load(mapFS(map[string]string{"lex/a.txt": v1 + `@defaults label=abusive
bajingan | fuzzy=yes
brengsek | fuzzy=yes
jancuk
jancuk
kampret | weight=0
`}), "lex")
	require.NoError(t, err)
	dict := []string{"bangsal", "bajingah", "brengsel", "sontoloyo"}

	var got []string
	for _, p := range lexicon.LintExtension(base, over, dict) {
		got = append(got, p.Check+" "+p.String())
	}
	assert.Equal(t, []string{
		`fuzzy lex/a.txt:3: warning: fuzzy term "bajingan" (up to 2 edit(s)) would also match dictionary word(s) "bajingah"; set fuzzy=no or allow-list them`,
		`fuzzy lex/a.txt:4: warning: fuzzy term "brengsek" (up to 2 edit(s)) would also match dictionary word(s) "brengsel"; set fuzzy=no or allow-list them`,
		`duplicate lex/a.txt:6: warning: duplicate entry: "jancuk" with label=abusive is already at lex/a.txt:5`,
		`disabled lex/a.txt:7: warning: weight 0 disables this entry`,
	}, got, "base's own problems (bangsat, its duplicate, sontoloyo) are left out")

	all := lexicon.Lint(base.Extend(over), dict)
	assert.Len(t, all, len(got)+2, "Lint on the merged Set also reports base's fuzzy bangsat and duplicate")
	assert.Nil(t, lexicon.LintExtension(base, nil, dict))
	assert.Equal(t, lexicon.Lint(over, dict), lexicon.LintExtension(nil, over, dict))
}

func TestFuzzyMatch(t *testing.T) {
	tests := []struct {
		term, word string
		dist       int
		ok         bool
	}{
		{"bangsat", "bangsal", 1, true},
		{"bangsat", "bangsa", 1, true},
		{"bangsat", "bangsat", 0, false}, // equal: an exact match, not a fuzzy one
		{"bangsat", "bangst", 1, true},
		{"bangsat", "bngsatt", 0, false}, // two edits, budget one
		{"brengsek", "berengsk", 2, true},
		{"brengsek", "brengsekkk", 2, true},
		{"brengsek", "brengsekkkk", 0, false},
		{"kafir", "nafir", 0, false}, // another first letter
		{"kafir", "kafi", 0, false},  // shorter than 5 bytes
		{"kafir", "kafír", 0, false}, // not ASCII
		{"kafir", "kaf*r", 0, false}, // masked words are matched elsewhere
		{"kafír", "kafir", 0, false},
		{"babi", "babu", 0, false},               // term too short for fuzzy matching
		{"anjing gila", "anjing gilo", 0, false}, // phrases are never fuzzy
		{"", "kafir", 0, false},
		{"kafir", "", 0, false},
		{"bajingan", "bajingan" + strings.Repeat("n", 30), 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.term+"/"+tt.word, func(t *testing.T) {
			dist, ok := lexicon.FuzzyMatch(tt.term, tt.word)
			assert.Equal(t, tt.ok, ok)
			assert.Equal(t, tt.dist, dist)
		})
	}
}

// TestLintFuzzyUsesFuzzyMatch checks that the fuzzy-collision check reports
// a dictionary word exactly when FuzzyMatch matches it with the term.
func TestLintFuzzyUsesFuzzyMatch(t *testing.T) {
	const term = "bajingan"
	s := load(t, map[string]string{"lex/a.txt": v1 + term + " | label=abusive | fuzzy=yes\n"})
	// At most 8 of them match, so the message lists them all.
	dict := []string{"bajinga", "bajing", "bajin", "vajingan", "bajingannya", "bajíngan",
		"bajigan", "majingan", "bajingaxx", "bajingxxx", "b-jingan"}
	var want []string
	for _, w := range dict {
		if _, ok := lexicon.FuzzyMatch(term, w); ok {
			want = append(want, w)
		}
	}
	sort.Strings(want)
	require.NotEmpty(t, want)
	require.Less(t, len(want), len(dict))
	var got []string
	for _, p := range lexicon.Lint(s, dict) {
		require.Equal(t, lexicon.CheckFuzzy, p.Check)
		_, list, ok := strings.Cut(p.Msg, "dictionary word(s) ")
		require.True(t, ok, p.Msg)
		list, _, _ = strings.Cut(list, ";")
		for _, q := range strings.Split(list, ", ") {
			w, err := strconv.Unquote(q)
			require.NoError(t, err, q)
			got = append(got, w)
		}
	}
	assert.Equal(t, want, got)
}

func TestLintRules(t *testing.T) {
	s := load(t, map[string]string{"lex/a.txt": v1 + `kafir | label=sara | target=agama
anjing | label=abusive
kamu | list=person
@rule r1 | on=pronoun | near=person | give=abusive | weight=0.5
@rule r2 | on=allow | near=person | give=abusive | weight=0.5
@rule r3 | on=hoax | side=text | find=shouting | give=hoax,sara | weight=0.2
@rule r4 | on=abusive | near=person | give=sara | weight=0.5
@rule r5 | on=sara | near=person | give=sara | weight=0.5
@rule r6 | on=abusive | near=person | give=sara | targets=near | weight=0.5
@rule r7 | on=abusive | near=person | give=hate_speech:personal,abusive,hate_speech:personal | weight=0.5
@rule r8 | on=hoax,abusive | side=text | find=exclamations | give=hoax | weight=0.2
@rule r9 | on=hoax,abusive | side=text | find=shouting | give=hoax | weight=0.2
`})
	var got []string
	for _, p := range lexicon.Lint(s, nil) {
		assert.Equal(t, lexicon.CheckRule, p.Check)
		got = append(got, p.String())
	}
	assert.Equal(t, []string{
		`lex/a.txt:5: warning: rule "r1" can never fire on "pronoun": the words of a grammar list are never matched as terms; rules read them around a trigger`,
		`lex/a.txt:6: warning: rule "r2" can never fire on "allow": allow-listed matches are dropped`,
		`lex/a.txt:7: warning: rule "r3" looks at the whole text, which names no SARA target: give=sara gives nothing`,
		`lex/a.txt:8: warning: rule "r4" gives sara, but no entry of on= has a target and targets=near is not set: it gives no sara`,
		`lex/a.txt:11: warning: rule "r7" gives hate_speech:personal twice: its evidence would count twice`,
		`lex/a.txt:12: warning: rule "r8": find=exclamations reads the evidence of the first on= label (hoax) only`,
	}, got, "r5's trigger kafir has a target; r6 takes its context's; shouting reads no evidence")
}

func TestLintRulesOverLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(v1 + "kamu | list=person\n")
	for i := range lexicon.MaxRules + 2 {
		b.WriteString("@rule r" + strconv.Itoa(i) + " | on=abusive | near=person | give=abusive | weight=0.5\n")
	}
	s := load(t, map[string]string{"lex/a.txt": b.String()})
	probs := lexicon.Lint(s, nil)
	require.Len(t, probs, 1)
	assert.Equal(t, lexicon.LintError, probs[0].Severity)
	assert.Equal(t, `lex/a.txt:67: error: rule "r64" is rule 65 of the lexicons; a classifier takes at most 64 (switch rules off with off=yes)`, probs[0].String())

	// A user's rules laid over a base: the count is of the merged rules,
	// and a file of rules only is linted too.
	base := load(t, map[string]string{"lex/a.txt": v1 + "kamu | list=person\n@rule b | on=abusive | near=person | give=abusive | weight=0.5\n"})
	over, err := lexicon.Load(mapFS(map[string]string{"my/r.txt": strings.Replace(b.String(), "kamu | list=person\n", "", 1)}), "my")
	require.NoError(t, err)
	probs = lexicon.LintExtension(base, over, nil)
	require.Len(t, probs, 1)
	assert.Equal(t, `my/r.txt:65: error: rule "r63" is rule 65 of the lexicons; a classifier takes at most 64 (switch rules off with off=yes)`, probs[0].String())
}

func TestLintPronounNotPerson(t *testing.T) {
	s := load(t, map[string]string{"lex/a.txt": v1 + `kamu | list=person
kamu | list=pronoun
beta | list=pronoun
beta | list=second_person
`})
	var got []string
	for _, p := range lexicon.Lint(s, nil) {
		got = append(got, p.Check+" "+p.String())
	}
	assert.Equal(t, []string{
		`person lex/a.txt:4: warning: pronoun word "beta" is not a person word, so no rule reads it; add "beta | list=person"`,
		`person lex/a.txt:5: warning: second_person word "beta" is not a person word, so no rule reads it; add "beta | list=person"`,
	}, got)
}
