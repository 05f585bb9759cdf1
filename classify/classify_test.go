package classify_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// The posts in this file were written for these tests; they are not taken
// from any data set.

// behaviourClassifier is built once and shared by the tests: a Classifier is
// immutable and safe for concurrent use.
var behaviourClassifier = sync.OnceValues(func() (*classify.Classifier, error) {
	return classify.New()
})

func behaviourDefault(t testing.TB) *classify.Classifier {
	t.Helper()
	c, err := behaviourClassifier()
	require.NoError(t, err, "classify.New with the embedded lexicons")
	return c
}

// Short names for the labels and targets in the tests.
const (
	lHate    = lexicon.HateSpeech
	lSARA    = lexicon.SARA
	lHoax    = lexicon.Hoax
	lAbusive = lexicon.Abusive

	tAgama = lexicon.Agama
)

// assertResultInvariants checks what must hold for every Result.
func assertResultInvariants(t *testing.T, post string, r classify.Result) {
	t.Helper()
	require.NotNil(t, r.Flagged, "Flagged must be an empty slice, not nil")
	require.NotNil(t, r.Labels, "Labels must be an empty slice, not nil")
	var flagged []lexicon.Label
	order := lexicon.Labels()
	last := -1
	for _, lr := range r.Labels {
		i := behaviourLabelIndex(order, lr.Label)
		assert.Greaterf(t, i, last, "labels must be in lexicon.Labels order: %s", describeResult(r))
		last = i
		assert.Truef(t, lr.Score > 0 && lr.Score <= 1, "%s score %v outside (0,1]", lr.Label, lr.Score)
		if lr.Flagged {
			flagged = append(flagged, lr.Label)
		}
		for _, ev := range lr.Evidence {
			assert.Truef(t, ev.Weight >= 0 && ev.Weight <= 1, "%s evidence %q weight %v outside [0,1]", lr.Label, ev.Term, ev.Weight)
			if ev.Match == classify.MatchRule {
				continue
			}
			if assert.Truef(t, ev.Start >= 0 && ev.Start <= ev.End && ev.End <= len(post),
				"%s evidence %q span [%d,%d) outside the post of %d bytes", lr.Label, ev.Term, ev.Start, ev.End, len(post)) {
				assert.Equalf(t, post[ev.Start:ev.End], ev.Text, "%s evidence %q: Text must be input[Start:End]", lr.Label, ev.Term)
			}
		}
		if lr.Label == lSARA && lr.Flagged {
			assert.NotEmptyf(t, lr.Targets, "flagged sara must carry targets: %s", describeResult(r))
		}
	}
	assert.Equalf(t, flagged, behaviourNilIfEmpty(r.Flagged), "Flagged must list the flagged labels in order")
	if r.Has(lSARA) {
		assert.Truef(t, r.Has(lHate), "sara is flagged, so hate_speech must be too: %s", describeResult(r))
	}
}

func TestEmptyInputsGiveEmptyResult(t *testing.T) {
	c := behaviourDefault(t)
	for _, tc := range []struct{ name, text string }{
		{"empty", ""},
		{"spaces", "   "},
		{"whitespace mix", " \t\n\r\n  "},
		{"invalid UTF-8", "\xff\xfe\xfd"},
		{"invalid UTF-8 between spaces", " \xc3\x28 \xa0\xa1 "},
		{"zero-width space only", "\u200b\u200b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(c.Classify(tc.text))
			require.NoError(t, err)
			assert.JSONEq(t, `{"flagged":[],"labels":[]}`, string(b))
			assert.Equal(t, `{"flagged":[],"labels":[]}`, string(b))
		})
	}
}

func TestClassifyNeverPanics(t *testing.T) {
	c := behaviourDefault(t)
	for _, text := range []string{
		"k", "*", "**", "k*", "*fir", "a a a a a a a a a a a", ". . . .", "b.a.b.", "#", "@", "#Usir", "2019", "212",
		"\x00kafir\x00", "kafir\xff", "\xffkafir", strings.Repeat("kafir ", 2000), strings.Repeat("a", 5000),
		strings.Repeat("k a f i r ", 300), "🤬🤬🤬 anjing 🤬", "ｋａｆｉｒ", "K\u0301AFIR",
	} {
		assert.NotPanics(t, func() {
			r := c.Classify(text)
			assertResultInvariants(t, text, r)
		}, "text %q", text)
	}
}

func TestClassifyIsDeterministicAndConcurrent(t *testing.T) {
	c := behaviourDefault(t)
	posts := []string{"dasar k4f1r lo", "anjir macet banget, bangsat", "Selamat Imlek untuk saudara Tionghoa", "lo tuh asshle banget"}
	want := make([]string, len(posts))
	for i, p := range posts {
		want[i] = describeResult(c.Classify(p))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(posts)
				if got := describeResult(c.Classify(posts[i])); got != want[i] {
					t.Errorf("post %q: result changed under concurrency:\n%s\nvs\n%s", posts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestNoDictionaryWordIsFuzzyFlagged is the Scunthorpe guard: no ordinary
// Indonesian word, on its own, may be matched by a spelling-tolerant (fuzzy)
// match, unless the word is itself a lexicon term.
func TestNoDictionaryWordIsFuzzyFlagged(t *testing.T) {
	if _, err := os.Stat(lexicon.DefaultHunspellDic); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not installed (Debian package hunspell-id)", lexicon.DefaultHunspellDic)
	}
	words, err := lexicon.ReadHunspellDic(lexicon.DefaultHunspellDic)
	require.NoError(t, err)
	require.Greater(t, len(words), 10000, "the dictionary looks truncated")

	c := behaviourDefault(t)
	terms := make(map[string]bool)
	for _, e := range c.Lexicons().Entries() {
		terms[strings.ToLower(e.Term)] = true
		terms[e.Phrase()] = true
	}
	norm := c.Normalizer()
	var offenders []string
	for _, w := range words {
		if terms[w] || terms[norm.Word(w)] {
			continue
		}
		r := c.Classify(w)
		for _, lr := range r.Labels {
			for _, ev := range lr.Evidence {
				if ev.Match == classify.MatchFuzzy {
					offenders = append(offenders, fmt.Sprintf("%s -> %s %q (distance %d, flagged=%v)", w, lr.Label, ev.Term, ev.Distance, lr.Flagged))
				}
			}
		}
	}
	assert.Emptyf(t, offenders, "%d dictionary words matched fuzzily:\n%s", len(offenders), strings.Join(offenders, "\n"))
}

func TestWithThreshold(t *testing.T) {
	const post = "anjir, macet lagi" // anjir alone is weak evidence
	def := behaviourDefault(t)
	base, ok := def.Classify(post).Label(lAbusive)
	require.True(t, ok, "anjir must give some abusive score")
	require.False(t, base.Flagged, "anjir alone must stay under the default threshold (score %v)", base.Score)
	assert.Equal(t, classify.DefaultThreshold, def.Threshold(lAbusive))

	low, err := classify.New(classify.WithThreshold(lAbusive, base.Score))
	require.NoError(t, err)
	assert.Equal(t, base.Score, low.Threshold(lAbusive))
	assert.Equal(t, classify.DefaultThreshold, low.Threshold(lHate), "other labels keep the default")
	r := low.Classify(post)
	assert.True(t, r.Has(lAbusive), "score == threshold flags: %s", describeResult(r))

	const strong = "dasar anjing lo"
	require.True(t, def.Classify(strong).Has(lAbusive))
	high, err := classify.New(classify.WithThreshold(lAbusive, 1))
	require.NoError(t, err)
	r = high.Classify(strong)
	lr, _ := r.Label(lAbusive)
	if lr.Score < 1 {
		assert.False(t, r.Has(lAbusive), "threshold 1 must not flag score %v", lr.Score)
	}
	assert.True(t, r.Has(lHate), "the hate_speech threshold is unchanged: %s", describeResult(r))
}

func TestInvalidOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  classify.Option
	}{
		{"threshold 0", classify.WithThreshold(lAbusive, 0)},
		{"threshold negative", classify.WithThreshold(lHate, -0.2)},
		{"threshold above 1", classify.WithThreshold(lSARA, 1.5)},
		{"threshold NaN", classify.WithThreshold(lHoax, math.NaN())},
		{"threshold +Inf", classify.WithThreshold(lHoax, math.Inf(1))},
		{"unknown label", classify.WithThreshold(lexicon.Label("spam"), 0.5)},
		{"nil lexicon set", classify.WithLexicons(nil)},
		{"missing lexicon dir", classify.WithLexiconFS(fstest.MapFS{}, "nope")},
		{"bad lexicon file", classify.WithLexiconFS(fstest.MapFS{
			"lex/bad.txt": {Data: []byte("#! saring-lexicon 1\nbabi | label=hat\n")},
		}, "lex")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := classify.New(tc.opt)
			assert.Error(t, err)
			assert.Nil(t, c)
		})
	}
}

func TestWithoutFuzzy(t *testing.T) {
	posts := []string{"lo tuh asshle banget", "motherfukcer lo", "dasar rafidah sesat"}
	def := behaviourDefault(t)
	nf, err := classify.New(classify.WithoutFuzzy())
	require.NoError(t, err)
	for _, p := range posts {
		t.Run(p, func(t *testing.T) {
			require.Positive(t, countEvidenceMatch(def.Classify(p), classify.MatchFuzzy), "default must match %q fuzzily", p)
			r := nf.Classify(p)
			assert.Zero(t, countEvidenceMatch(r, classify.MatchFuzzy), "WithoutFuzzy: %s", describeResult(r))
			assertResultInvariants(t, p, r)
		})
	}
	// Exact matches are unaffected.
	assert.True(t, nf.Classify("dasar anjing lo").Has(lAbusive))
}

func TestWithLexiconFS(t *testing.T) {
	fsys := fstest.MapFS{
		"mylex/extra.txt": {Data: []byte(`#! saring-lexicon 1
# A researcher's additions and overrides.
@defaults label=abusive kind=insult severity=moderate
otak ubi | weight=0.7 | note=hinaan bodoh (uji)
bangsat | weight=0 | note=dimatikan untuk uji
`)},
	}
	def := behaviourDefault(t)
	c, err := classify.New(classify.WithLexiconFS(fsys, "mylex"))
	require.NoError(t, err)

	t.Run("extends", func(t *testing.T) {
		require.False(t, def.Classify("otak ubi").Has(lAbusive), "otak ubi is not a default term")
		r := c.Classify("otak ubi")
		assert.True(t, r.Has(lAbusive), "%s", describeResult(r))
		assertBehaviourEvidence(t, "otak ubi", r, behaviourEv{Label: lAbusive, Text: "otak ubi", Term: "otak ubi", Match: classify.MatchPhrase})
		lr, _ := r.Label(lAbusive)
		require.NotEmpty(t, lr.Evidence)
		assert.Equal(t, "mylex/extra.txt:4", lr.Evidence[0].Source)
	})
	t.Run("weight 0 disables a default term", func(t *testing.T) {
		require.True(t, def.Classify("bangsat").Has(lAbusive))
		r := c.Classify("bangsat")
		assert.Empty(t, r.Flagged, "%s", describeResult(r))
		for _, lr := range r.Labels {
			for _, ev := range lr.Evidence {
				assert.NotEqual(t, "bangsat", ev.Term, "disabled term still gives evidence: %s", describeResult(r))
			}
		}
	})
	t.Run("defaults still apply", func(t *testing.T) {
		assert.True(t, c.Classify("dasar k4f1r lo").Has(lSARA))
		assert.Empty(t, c.Classify("Selamat Imlek untuk saudara Tionghoa").Flagged)
	})
}

func TestClassifyBatch(t *testing.T) {
	c := behaviourDefault(t)
	posts := []string{
		"dasar k4f1r lo",
		"Selamat Natal untuk saudara-saudara umat Kristiani, damai selalu",
		"anjir macet banget, bangsat",
		"",
		"sebarkan ke semua grup sebelum dihapus!!",
		"capres nomor urut 2 itu antek asing dan PKI",
		"\xff\xfe",
		"usir mereka dari kampung kita!",
	}
	// Enough posts that several workers run at once.
	var texts []string
	for i := 0; i < 25; i++ {
		texts = append(texts, posts...)
	}

	t.Run("order preserved", func(t *testing.T) {
		got, err := c.ClassifyBatch(context.Background(), texts)
		require.NoError(t, err)
		require.Len(t, got, len(texts))
		for i, text := range texts {
			assert.Equalf(t, describeResult(c.Classify(text)), describeResult(got[i]), "result %d (%q)", i, text)
		}
	})
	t.Run("empty batch", func(t *testing.T) {
		got, err := c.ClassifyBatch(context.Background(), nil)
		require.NoError(t, err)
		assert.Empty(t, got)
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		got, err := c.ClassifyBatch(ctx, texts)
		require.Error(t, err)
		assert.ErrorIs(t, err, context.Canceled)
		assert.Nil(t, got)
	})
	t.Run("cancelled context, one text", func(t *testing.T) {
		// With a context that is done before the call, the result must not
		// depend on whether a worker happened to be ready first.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		one := []string{"dasar k4f1r lo"}
		succeeded := 0
		const runs = 100000
		for i := 0; i < runs; i++ {
			if _, err := c.ClassifyBatch(ctx, one); err == nil {
				succeeded++
			}
		}
		assert.Zerof(t, succeeded, "ClassifyBatch with an already-cancelled context returned a nil error in %d of %d runs", succeeded, runs)
	})
	t.Run("deadline exceeded", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 0)
		defer cancel()
		<-ctx.Done()
		_, err := c.ClassifyBatch(ctx, texts)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	})
}

func TestResultLabelAndHas(t *testing.T) {
	c := behaviourDefault(t)
	r := c.Classify("dasar k4f1r lo")
	lr, ok := r.Label(lSARA)
	require.True(t, ok)
	assert.Equal(t, lSARA, lr.Label)
	assert.True(t, lr.Flagged)
	assert.Contains(t, lr.Targets, tAgama)
	assert.True(t, r.Has(lSARA))

	_, ok = r.Label(lHoax)
	assert.False(t, ok, "a label without score is absent")
	assert.False(t, r.Has(lHoax))
}

func TestResultJSONShape(t *testing.T) {
	c := behaviourDefault(t)
	b, err := json.Marshal(c.Classify("dasar k4f1r lo"))
	require.NoError(t, err)
	var got struct {
		Flagged []string `json:"flagged"`
		Labels  []struct {
			Label    string   `json:"label"`
			Score    float64  `json:"score"`
			Flagged  bool     `json:"flagged"`
			Severity string   `json:"severity"`
			Targets  []string `json:"targets"`
			Evidence []struct {
				Term  string   `json:"term"`
				Text  string   `json:"text"`
				Start int      `json:"start"`
				End   int      `json:"end"`
				Match string   `json:"match"`
				Via   []string `json:"via"`
			} `json:"evidence"`
		} `json:"labels"`
	}
	require.NoError(t, json.Unmarshal(b, &got), "%s", b)
	assert.Contains(t, got.Flagged, "sara")
	assert.Contains(t, got.Flagged, "hate_speech")
	var saw bool
	for _, l := range got.Labels {
		if l.Flagged {
			assert.Contains(t, []string{"weak", "moderate", "strong"}, l.Severity)
		} else {
			assert.Empty(t, l.Severity, "an unflagged label has no severity")
		}
		if l.Label != "sara" {
			continue
		}
		saw = true
		assert.Contains(t, l.Targets, "agama")
		require.NotEmpty(t, l.Evidence)
		ev := l.Evidence[0]
		assert.Equal(t, "dasar k4f1r", ev.Text)
		assert.Equal(t, "dasar kafir", ev.Term)
		assert.Equal(t, "phrase", ev.Match)
		assert.Equal(t, []string{"leet"}, ev.Via)
		assert.Equal(t, 0, ev.Start)
		assert.Equal(t, 11, ev.End)
	}
	assert.True(t, saw, "%s", b)
}

// ---- helpers ----------------------------------------------------------

// describeResult renders a result compactly for failure messages (without sources).
func describeResult(r classify.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "flagged=%v", r.Flagged)
	for _, lr := range r.Labels {
		fmt.Fprintf(&b, "\n  %s score=%.3f flagged=%v severity=%v targets=%v", lr.Label, lr.Score, lr.Flagged, lr.Severity, lr.Targets)
		for _, ev := range lr.Evidence {
			fmt.Fprintf(&b, "\n    term=%q text=%q [%d,%d) match=%s", ev.Term, ev.Text, ev.Start, ev.End, ev.Match)
			if len(ev.Via) > 0 {
				fmt.Fprintf(&b, " via=%v", ev.Via)
			}
			if ev.Rule != "" {
				fmt.Fprintf(&b, " rule=%s", ev.Rule)
			}
			if ev.Distance > 0 {
				fmt.Fprintf(&b, " distance=%d", ev.Distance)
			}
			fmt.Fprintf(&b, " weight=%.3f", ev.Weight)
			if len(ev.Context) > 0 {
				fmt.Fprintf(&b, " context=%q", ev.Context)
			}
		}
	}
	return b.String()
}

func countEvidenceMatch(r classify.Result, how classify.How) int {
	n := 0
	for _, lr := range r.Labels {
		for _, ev := range lr.Evidence {
			if ev.Match == how {
				n++
			}
		}
	}
	return n
}

func behaviourLabelIndex(ls []lexicon.Label, l lexicon.Label) int {
	for i, x := range ls {
		if x == l {
			return i
		}
	}
	return -1
}

func behaviourNilIfEmpty(ls []lexicon.Label) []lexicon.Label {
	if len(ls) == 0 {
		return nil
	}
	return ls
}
