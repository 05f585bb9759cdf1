package classify_test

import (
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
