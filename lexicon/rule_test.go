package lexicon_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

func TestParseRule(t *testing.T) {
	f, err := lexicon.ParseFile(strings.NewReader(v1+`# rules
@rule group+insult | on=insult_like | unless=sara | near=group | window=4 | give=sara | weight=boost | targets=near
@rule  call +  identity | on=call | and=black_campaign | near=group | window=6 | side=after | if=!reason | give=black_campaign,hate_speech:personal | weight=0.65 | note=uji
@rule shouting | on=hoax | side=text | find=shouting | give=hoax | weight=0.2 | severity=weak
@rule threat | off=yes
kafir | label=sara
`), "r.txt")
	require.NoError(t, err)
	require.Len(t, f.Entries, 1)
	require.Len(t, f.Rules, 4)

	r := f.Rules[0]
	assert.Equal(t, "group+insult", r.Name)
	assert.Equal(t, []string{"insult_like"}, r.On)
	assert.Equal(t, []string{"sara"}, r.Unless)
	assert.Equal(t, []lexicon.List{lexicon.Group}, r.Near)
	assert.Equal(t, 4, r.Window)
	assert.Equal(t, "any", r.Side)
	assert.True(t, r.Boost)
	assert.True(t, r.NearTargets)
	assert.Equal(t, []lexicon.Give{{Label: lexicon.SARA}}, r.Give)
	assert.Equal(t, lexicon.Moderate, r.Severity)
	assert.Equal(t, lexicon.Position{File: "r.txt", Line: 3}, r.Source)

	r = f.Rules[1]
	assert.Equal(t, "call + identity", r.Name, "inner spaces are collapsed")
	assert.Equal(t, []string{"black_campaign"}, r.And)
	assert.Equal(t, "after", r.Side)
	assert.Equal(t, []string{"!reason"}, r.If)
	assert.Equal(t, []lexicon.Give{{Label: lexicon.BlackCampaign}, {Label: lexicon.HateSpeech, When: "personal"}}, r.Give)
	assert.InDelta(t, 0.65, r.Weight, 1e-12)
	assert.False(t, r.Boost)
	assert.Equal(t, "uji", r.Note)

	assert.Equal(t, "shouting", f.Rules[2].Find)
	assert.Equal(t, lexicon.Weak, f.Rules[2].Severity)
	assert.True(t, f.Rules[3].Off)

	es, err := lexicon.Parse(strings.NewReader(v1+"@rule x | on=abusive | give=abusive | weight=0.5\nkafir | label=sara\n"), "r.txt")
	require.NoError(t, err)
	assert.Len(t, es, 1, "Parse returns the entries of a file with rules")
}

func TestParseRuleErrors(t *testing.T) {
	for _, tc := range []struct {
		name, line, want string
	}{
		{"no name", "@rule | on=abusive | give=abusive | weight=0.5", "r.txt:2: @rule needs a name"},
		{"not key=value", "@rule x | on=abusive | give=abusive | weight=0.5 | boost", `r.txt:2: rule field "boost" is not key=value`},
		{"unknown field", "@rule x | on=abusive | give=abusive | weight=0.5 | label=sara", `r.txt:2: unknown rule field "label"`},
		{"duplicate field", "@rule x | on=abusive | on=sara | give=abusive | weight=0.5", `r.txt:2: duplicate rule field "on"`},
		{"unknown test", "@rule x | on=insulting | give=abusive | weight=0.5", `r.txt:2: on: unknown test "insulting"`},
		{"unknown list", "@rule x | on=abusive | near=groups | give=abusive | weight=0.5", `r.txt:2: near: unknown list "groups"`},
		{"grammar list as context", "@rule x | on=abusive | near=pronoun | give=abusive | weight=0.5", `r.txt:2: near: "pronoun" is a grammar list`},
		{"bad window", "@rule x | on=abusive | near=group | window=40 | give=abusive | weight=0.5", `r.txt:2: invalid window "40"`},
		{"unknown side", "@rule x | on=abusive | near=group | side=left | give=abusive | weight=0.5", `r.txt:2: unknown side "left"`},
		{"unknown check", "@rule x | on=abusive | if=!loud | give=abusive | weight=0.5", `r.txt:2: if: unknown check "!loud"`},
		{"unknown label", "@rule x | on=abusive | give=hate | weight=0.5", `r.txt:2: give: unknown label "hate"`},
		{"bad weight", "@rule x | on=abusive | give=abusive | weight=2", `r.txt:2: invalid rule weight "2"`},
		{"zero weight", "@rule x | on=abusive | give=abusive | weight=0", `r.txt:2: invalid rule weight "0"`},
		{"no on", "@rule x | give=abusive | weight=0.5", `r.txt:2: rule "x" has no on=`},
		{"no give", "@rule x | on=abusive | weight=0.5", `r.txt:2: rule "x" has no give=`},
		{"no weight", "@rule x | on=abusive | give=abusive", `r.txt:2: rule "x" has no weight=`},
		{"side without near", "@rule x | on=abusive | side=after | give=abusive | weight=0.5", "r.txt:2: side= and targets= need near="},
		{"text without find", "@rule x | on=hoax | side=text | give=hoax | weight=0.2", "r.txt:2: side=text needs find="},
		{"find without text", "@rule x | on=hoax | find=shouting | give=hoax | weight=0.2", "r.txt:2: find= is only for side=text"},
		{"text rule on a kind", "@rule x | on=chain | side=text | find=shouting | give=hoax | weight=0.2", `r.txt:2: side=text: on= names labels`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := lexicon.ParseFile(strings.NewReader(v1+tc.line+"\n"), "r.txt")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestRuleNamesAreUnambiguous(t *testing.T) {
	for _, c := range lexicon.KindClasses() {
		assert.False(t, lexicon.Label(c).Valid() || lexicon.Kind(c).Valid() || lexicon.List(c).Valid(),
			"kind class %q is also a label, kind or list name", c)
	}
	for _, k := range lexicon.Kinds() {
		assert.False(t, lexicon.List(k).Valid(), "kind %q is also a list", k)
	}
}

func TestRulesLoadAndExtend(t *testing.T) {
	base, err := lexicon.Load(fstest.MapFS{
		"d/a.txt": {Data: []byte(v1 + "@rule one | on=abusive | give=abusive | weight=0.5\n@rule two | on=sara | give=sara | weight=0.5\nkafir | label=sara\n")},
		"d/b.txt": {Data: []byte(v1 + "@rule three | on=hoax | give=hoax | weight=0.5\n")},
	}, "d")
	require.NoError(t, err)
	names := func(s *lexicon.Set) []string {
		var out []string
		for _, r := range s.Rules() {
			out = append(out, r.Name)
		}
		return out
	}
	assert.Equal(t, []string{"one", "two", "three"}, names(base))

	over, err := lexicon.Load(fstest.MapFS{
		"m/x.txt": {Data: []byte(v1 + "@rule two | on=sara | give=sara | weight=0.9\n@rule one | off=yes\n@rule four | on=abusive | give=hate_speech | weight=0.4\n")},
	}, "m")
	require.NoError(t, err)
	ext := base.Extend(over)
	assert.Equal(t, []string{"two", "three", "four"}, names(ext), "off=yes switches off; a changed rule keeps its place; new rules come last")
	i := slices.IndexFunc(ext.Rules(), func(r lexicon.Rule) bool { return r.Name == "two" })
	assert.InDelta(t, 0.9, ext.Rules()[i].Weight, 1e-12)
	assert.Equal(t, []string{"one", "two", "three"}, names(base), "Extend does not change its receiver")

	_, err = lexicon.Load(fstest.MapFS{
		"d/a.txt": {Data: []byte(v1 + "@rule one | on=abusive | give=abusive | weight=0.5\n")},
		"d/b.txt": {Data: []byte(v1 + "\n@rule one | on=sara | give=sara | weight=0.5\n")},
	}, "d")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `d/b.txt:3: rule "one" is already defined at d/a.txt:2`)
}

// The grammar words are written as the normalizer leaves them: a word it
// rewrites (banget -> sangat, nih -> ini) would never match a token.
func TestDefaultGrammarWordsAreNormalised(t *testing.T) {
	def, err := lexicon.Default()
	require.NoError(t, err)
	n := 0
	for _, e := range def.Entries() {
		if !e.List.Grammar() {
			continue
		}
		n++
		assert.Equal(t, strings.ToLower(e.Term), e.Phrase(), "%s: grammar word %q is normalised to %q", e.Source, e.Term, e.Phrase())
	}
	assert.Greater(t, n, 40, "the default grammar lists")
	require.NotEmpty(t, def.Rules(), "the default rules")
}

func TestLintWarnsOnRewrittenGrammarWord(t *testing.T) {
	s, err := lexicon.Load(fstest.MapFS{"g/g.txt": {Data: []byte(v1 + "banget | list=particle\nmemang | list=particle\n")}}, "g")
	require.NoError(t, err)
	probs := lexicon.Lint(s, nil)
	require.Len(t, probs, 1)
	assert.Equal(t, `g/g.txt:2: warning: term "banget" is normalised to "sangat" and matches that; write the standard form or check the slang dictionary`, probs[0].String())
}

func TestGrammarEntryIsOneWord(t *testing.T) {
	_, err := lexicon.Parse(strings.NewReader(v1+"lebih baik | list=call_word\n"), "g.txt")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `g.txt:2: list=call_word takes one word a line, not "lebih baik"`)
}

// Garbled rule lines give file:line errors or valid rules, never a panic;
// a rule that parses loads into a classifier (see classify's tests).
func TestParseRuleNeverPanicsOnGarbage(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	parts := []string{
		"@rule", " x", " |", " on=", "insult_like", "abusive", "action", ",", "!", " near=", "group", "person",
		" window=", "4", "-1", "99", " side=", "object", "text", " find=", "shouting", " if=", "!aimed", "mild",
		" give=", "sara", "hate_speech:personal", ":", " weight=", "boost", "0.5", "NaN", " targets=near",
		" off=yes", " severity=weak", " without=", "=", "\xff", "\n",
	}
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		b.WriteString(v1)
		for n := rng.IntN(30); n > 0; n-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		assert.NotPanics(t, func() {
			f, err := lexicon.ParseFile(strings.NewReader(b.String()), "g.txt")
			if err != nil {
				var pe *lexicon.ParseError
				require.ErrorAs(t, err, &pe)
				return
			}
			for _, r := range f.Rules {
				if r.Off {
					continue
				}
				assert.NotEmpty(t, r.On, "%s", r.Source)
				assert.NotEmpty(t, r.Give, "%s", r.Source)
				assert.True(t, r.Boost || r.Weight > 0 && r.Weight <= 1, "%s", r.Source)
				assert.True(t, r.Window >= 0 && r.Window <= 12, "%s", r.Source)
			}
		})
	}
}
