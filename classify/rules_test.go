package classify_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// A researcher changes, switches off and adds rules in a lexicon file of
// their own.
func TestRulesFromLexiconFiles(t *testing.T) {
	def := behaviourDefault(t)
	mine := func(t *testing.T, rules string) *classify.Classifier {
		t.Helper()
		c, err := classify.New(classify.WithLexiconFS(fstest.MapFS{
			"mylex/rules.txt": {Data: []byte("#! saring-lexicon 1\n" + rules)},
		}, "mylex"))
		require.NoError(t, err)
		return c
	}
	hate := func(c *classify.Classifier, post string) (classify.LabelResult, bool) {
		lr, _ := c.Classify(post).Label(lexicon.HateSpeech)
		return lr, lr.Flagged
	}

	t.Run("switch off", func(t *testing.T) {
		_, ok := hate(def, "anjing lo")
		require.True(t, ok, "person+insult aims anjing at lo")
		_, ok = hate(mine(t, "@rule person+insult | off=yes\n"), "anjing lo")
		assert.False(t, ok, "with person+insult off, anjing lo is abusive only")
	})
	t.Run("change", func(t *testing.T) {
		c := mine(t, "@rule person+insult | on=personal | unless=sara | near=person,political | window=3 | side=addressee | give=hate_speech | weight=0.55\n")
		lr, ok := hate(c, "anjing lo")
		require.True(t, ok)
		ev := lr.Evidence[len(lr.Evidence)-1]
		assert.Equal(t, "person+insult", ev.Rule)
		assert.InDelta(t, 0.55, ev.Weight, 1e-9, "the rule's own weight instead of boost")
	})
	t.Run("add", func(t *testing.T) {
		post := "kamu ngentot"
		_, ok := hate(def, post)
		require.False(t, ok, "vulgarity at someone is not hate speech by default")
		lr, ok := hate(mine(t, "@rule vulgar+person | on=vulgar | near=person | window=1 | side=before | give=hate_speech | weight=0.6\n"), post)
		require.True(t, ok)
		assert.Equal(t, "vulgar+person", lr.Evidence[len(lr.Evidence)-1].Rule)
		assert.Equal(t, "kamu ngentot", lr.Evidence[len(lr.Evidence)-1].Text)
	})
	t.Run("errors name file and line", func(t *testing.T) {
		_, err := classify.New(classify.WithLexiconFS(fstest.MapFS{
			"mylex/rules.txt": {Data: []byte("#! saring-lexicon 1\n\n@rule x | on=abusive | if=loud | give=abusive | weight=0.5\n")},
		}, "mylex"))
		require.Error(t, err)
		assert.Contains(t, err.Error(), `mylex/rules.txt:3: if: unknown check "loud"`)
	})
}

// Any rule a lexicon file can hold compiles, and classifying with it never
// panics and keeps the Result's invariants.
func TestRandomRulesNeverPanic(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	tests := []string{"insult_like", "personal", "smear_like", "abusive", "sara", "hoax", "chain", "call", "action", "group", "person", "negator", "gloss"}
	lists := []string{"group", "person", "political", "action", "counter", "negator", "mention", "allow", "gloss"}
	checks := append(lexicon.RulePredicates(), "!aimed", "!one_person")
	posts := []string{
		"dasar k4f1r lo", "ayo usir orang Madura dari kampung kita", "SEBARKAN!!! vaksin mengandung chip",
		"capres itu antek asing", "Asu itu artinya anjing dalam bahasa Jawa", "@budi goblok", "semoga kalian semua mati",
		"jangan belanja di toko orang Cina", "", "bukan kafir", "\"monyet\" katanya",
	}
	for i := 0; i < 60; i++ {
		var rules strings.Builder
		for n := 1 + rng.IntN(4); n > 0; n-- {
			fmt.Fprintf(&rules, "@rule r%d | on=%s | give=%s | weight=%s", n, pick(tests), pick([]string{"sara", "hate_speech:personal", "hoax", "abusive,provocation"}), pick([]string{"boost", "0.4", "1"}))
			sd := pick([]string{"any", "before", "after", "object", "addressee"})
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&rules, " | near=%s,%s | window=%d | side=%s", pick(lists), pick(lists), rng.IntN(13), sd)
			}
			if rng.IntN(2) == 0 {
				fmt.Fprintf(&rules, " | if=%s", pick(checks))
			}
			if rng.IntN(3) == 0 && sd != "addressee" {
				fmt.Fprintf(&rules, " | without=%s", pick(lists))
			}
			rules.WriteString("\n")
		}
		if rng.IntN(3) == 0 {
			fmt.Fprintf(&rules, "@rule t | on=hoax | side=text | find=%s | give=hoax,sara | weight=0.9\n", pick(lexicon.RuleFinders()))
		}
		c, err := classify.New(classify.WithLexiconFS(fstest.MapFS{
			"mylex/rules.txt": {Data: []byte("#! saring-lexicon 1\n" + rules.String())},
		}, "mylex"))
		require.NoError(t, err, rules.String())
		for _, p := range posts {
			assert.NotPanics(t, func() { assertResultInvariants(t, p, c.Classify(p)) }, "%s\n%s", rules.String(), p)
		}
	}
}

// New refuses more rules than an entry can record, at the first rule over
// the limit, as lint does.
func TestNewRefusesTooManyRules(t *testing.T) {
	var b strings.Builder
	b.WriteString("#! saring-lexicon 1\n")
	for i := range lexicon.MaxRules {
		fmt.Fprintf(&b, "@rule r%d | on=abusive | near=person | give=abusive | weight=0.5\n", i)
	}
	_, newErr := classify.New(classify.WithLexiconFS(fstest.MapFS{"mylex/rules.txt": {Data: []byte(b.String())}}, "mylex"))
	require.Error(t, newErr)
	def, err := lexicon.Default()
	require.NoError(t, err)
	n := len(def.Rules()) // the default rules come first
	assert.Contains(t, newErr.Error(), fmt.Sprintf("mylex/rules.txt:%d: rule \"r%d\" is rule %d of the lexicons; at most %d", lexicon.MaxRules-n+2, lexicon.MaxRules-n, lexicon.MaxRules+1, lexicon.MaxRules))
}
