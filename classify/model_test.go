package classify_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

// handModel is a small model written by hand: abusive learns the made-up
// word zorblat, and weighs the lexicon's abusive score.
func handModel(deference bool) *model.Model {
	return &model.Model{
		Saring: "test", Features: model.FeatureVersion, Corpus: "hand", Size: 1, Defer: deference,
		Labels: []model.Label{{
			Label: lexicon.Abusive, Bias: -3, Threshold: 0.5, L2: 1,
			Weights: map[string]float64{"w:zorblat": 4, "x:abusive": 5, "w:peliharaan": 3, "w:kafir": 6, "c:reply": 0.5, "l:political": 4},
		}},
	}
}

func withModel(t *testing.T, m *model.Model, opts ...classify.Option) *classify.Classifier {
	t.Helper()
	c, err := classify.New(append(opts, classify.WithModel(m))...)
	require.NoError(t, err)
	return c
}

func TestWithModelScoresCoveredLabels(t *testing.T) {
	c := withModel(t, handModel(false))
	text := "@budi dasar zorblat"
	r := c.Classify(text)
	lr, ok := r.Label(lexicon.Abusive)
	require.True(t, ok, "%+v", r)
	assert.InDelta(t, model.Sigmoid(-3+4+0.5), lr.Score, 0.001, "the score is the model's probability")
	assert.True(t, lr.Flagged)
	assert.Equal(t, lexicon.Moderate, lr.Severity, "learned evidence counts as an entry that names no severity")
	require.Len(t, lr.Evidence, 2, "the contributing features, strongest first: %+v", lr.Evidence)
	e := lr.Evidence[0]
	assert.Equal(t, []any{"w:zorblat", "zorblat", 12, 19, classify.MatchLearned, 4.0}, []any{e.Term, e.Text, e.Start, e.End, e.Match, e.Weight})
	assert.Equal(t, "c:reply", lr.Evidence[1].Term)
	assert.Equal(t, "@budi", lr.Evidence[1].Text)
	assert.Equal(t, 0.5, c.Threshold(lexicon.Abusive), "the model's threshold")
}

// TestWithModelKeepsOtherLabels: labels the model does not cover are
// scored by the lexicons exactly as without a model.
func TestWithModelKeepsOtherLabels(t *testing.T) {
	lex, err := classify.New()
	require.NoError(t, err)
	c := withModel(t, handModel(false))
	for _, text := range []string{"dasar k4f1r lo", "bangsat lu", "Selamat pagi", "WAH!! KEREN BANGET SEMUANYA HARI INI", "halo!! apa kabar semua", "AYO SEBARKAN!!! vaksin mengandung chip, viralkan sebelum dihapus", ""} {
		a, b := lex.Classify(text), c.Classify(text)
		for _, l := range lexicon.Labels() {
			if l == lexicon.Abusive {
				continue
			}
			la, oka := a.Label(l)
			lb, okb := b.Label(l)
			assert.Equal(t, oka, okb, "%q %s", text, l)
			assert.Equal(t, la, lb, "%q %s", text, l)
			assert.Equal(t, a.Has(l), b.Has(l), "%q %s", text, l)
		}
	}
}

// TestWithModelKeepsLexiconEvidence: a covered label's evidence keeps the
// lexicon evidence and adds the learned features after it.
func TestWithModelKeepsLexiconEvidence(t *testing.T) {
	lex, err := classify.New()
	require.NoError(t, err)
	text := "bangsat zorblat"
	want, ok := lex.Classify(text).Label(lexicon.Abusive)
	require.True(t, ok)
	got, ok := withModel(t, handModel(false)).Classify(text).Label(lexicon.Abusive)
	require.True(t, ok)
	require.Greater(t, len(got.Evidence), len(want.Evidence))
	assert.Equal(t, want.Evidence, got.Evidence[:len(want.Evidence)])
	for _, e := range got.Evidence[len(want.Evidence):] {
		assert.Equal(t, classify.MatchLearned, e.Match)
		assert.Equal(t, e.Text, text[e.Start:e.End])
	}
}

// TestModelDefers: a model that defers leaves the verdict to the lexicons
// where they read the text otherwise; one that does not, decides alone.
func TestModelDefers(t *testing.T) {
	cases := []struct {
		text    string
		alone   bool // flagged abusive by the model alone
		deferTo bool // flagged abusive by the deferring model
	}{
		{"zorblat", true, true},                        // the lexicons found nothing: the model decides
		{"anjing peliharaan saya lucu", false, false},  // an allow-listed phrase: its words are no features at all
		{"bukan kafir dia zorblat", true, false},       // evidence for another label, defused by negation
		{"dasar k4f1r lo", true, false},                // the lexicons flag hate speech, not abusive
		{"jangan sebarkan hoaks zorblat", true, false}, // counter-speech and a mention word
		{"bangsat", true, true},                        // the lexicons flag abusive: it stays flagged
		{"capres zorblat", true, false},                // a political target and no evidence: read, like a group noun
		{"capres itu datang ke pasar", true, false},    // news about a politician is not abuse
		{"gila zorblat", true, false},                  // a word the lexicons weigh weakly: their verdict on it stands
	}
	alone, deferring := withModel(t, handModel(false)), withModel(t, handModel(true))
	for _, tc := range cases {
		assert.Equal(t, tc.alone, alone.Classify(tc.text).Has(lexicon.Abusive), "alone: %q", tc.text)
		assert.Equal(t, tc.deferTo, deferring.Classify(tc.text).Has(lexicon.Abusive), "deferring: %q", tc.text)
	}
}

// TestModelDefersOnAim: a deferring model raises a label of aim
// (hate_speech) only where the lexicons found evidence of it too weak to
// flag, and never where they found none: its corpus's definition of hate
// speech does not reach texts without a hostile word.
func TestModelDefersOnAim(t *testing.T) {
	m := &model.Model{
		Saring: "test", Features: model.FeatureVersion, Corpus: "hand", Size: 1, Defer: true,
		Labels: []model.Label{{
			Label: lexicon.HateSpeech, Bias: -3, Threshold: 0.5, L2: 1,
			Weights: map[string]float64{"w:zorblat": 4, "x:hate_speech": 2},
		}},
	}
	lex, err := classify.New()
	require.NoError(t, err)
	c := withModel(t, m)
	for _, tc := range []struct {
		text    string
		flagged bool
	}{
		{"sok cantik zorblat", true},  // weak evidence of hate speech: the model judges its aim
		{"zorblat", false},            // no evidence of it: the lexicons' verdict stands
		{"timnas zorblat 6-0", false}, // nor here
	} {
		lr, _ := lex.Classify(tc.text).Label(lexicon.HateSpeech)
		require.Less(t, lr.Score, 0.5, "the lexicons flag %q: not a test of the model", tc.text)
		assert.Equal(t, tc.flagged, c.Classify(tc.text).Has(lexicon.HateSpeech), "%q", tc.text)
	}
}

func TestWithModelThresholdOverride(t *testing.T) {
	c := withModel(t, handModel(false), classify.WithThreshold(lexicon.Abusive, 0.9))
	assert.Equal(t, 0.9, c.Threshold(lexicon.Abusive), "WithThreshold wins over the model's")
	assert.False(t, c.Classify("zorblat").Has(lexicon.Abusive))
}

// TestModelFlagsWithoutEvidence: a label the model flags where no feature
// contributes positively (its bias alone carries it) is in the result,
// flagged, with the model's score and no evidence.
func TestModelFlagsWithoutEvidence(t *testing.T) {
	m := &model.Model{
		Saring: "test", Features: model.FeatureVersion, Corpus: "hand", Size: 1,
		Labels: []model.Label{{
			Label: lexicon.Abusive, Bias: 5, Threshold: 0.5, L2: 1,
			Weights: map[string]float64{"w:pagi": -1},
		}},
	}
	c := withModel(t, m)
	cases := []struct {
		text string
		z    float64 // the log-odds: the bias and the negative weights
	}{
		{"selamat pagi", 4},   // no lexicon entry matches
		{"selamat siang", 5},  // the bias alone
		{"dasar k4f1r lo", 5}, // the lexicons flag hate speech, not abusive
	}
	for _, tc := range cases {
		r := c.Classify(tc.text)
		assert.Contains(t, r.Flagged, lexicon.Abusive, "%q: %+v", tc.text, r)
		lr, ok := r.Label(lexicon.Abusive)
		require.True(t, ok, "%q: a flagged label is in the result: %+v", tc.text, r)
		assert.True(t, lr.Flagged, tc.text)
		assert.InDelta(t, model.Sigmoid(tc.z), lr.Score, 0.001, tc.text)
		assert.Empty(t, lr.Evidence, tc.text)
	}
}

// TestModelHugeWeight: a hand-edited weight far beyond what training
// gives keeps its sign in the evidence.
func TestModelHugeWeight(t *testing.T) {
	m := handModel(false)
	m.Labels[0].Weights["w:zorblat"] = 1e308
	lr, ok := withModel(t, m).Classify("zorblat").Label(lexicon.Abusive)
	require.True(t, ok)
	assert.Equal(t, 1.0, lr.Score)
	require.NotEmpty(t, lr.Evidence)
	assert.Equal(t, 1e308, lr.Evidence[0].Weight)
}

func TestWithModelRefuses(t *testing.T) {
	_, err := classify.New(classify.WithModel(nil))
	assert.Error(t, err)
	old := handModel(false)
	old.Features = model.FeatureVersion + 1
	_, err = classify.New(classify.WithModel(old))
	assert.ErrorIs(t, err, model.ErrFeatureVersion)
	_, err = classify.New(classify.WithModelFile(filepath.Join(t.TempDir(), "none.txt")))
	assert.Error(t, err)
	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("#! saring-model 1\n@saring x\n"), 0o644))
	_, err = classify.New(classify.WithModelFile(bad))
	assert.ErrorContains(t, err, "bad.txt:2: truncated")
}

// TestLiveReloadsModel: Reload with a model file puts the model in force,
// reads the file again on the next Reload, and keeps the old classifier
// when the file is broken.
func TestLiveReloadsModel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.txt")
	writeModel := func(m *model.Model) {
		f, err := os.Create(path)
		require.NoError(t, err)
		require.NoError(t, m.Write(f))
		require.NoError(t, f.Close())
	}
	live, err := classify.NewLive()
	require.NoError(t, err)
	assert.False(t, live.Classify("zorblat").Has(lexicon.Abusive), "lexicon-only")
	writeModel(handModel(false))
	require.NoError(t, live.Reload(classify.WithModelFile(path)))
	assert.True(t, live.Classify("zorblat").Has(lexicon.Abusive), "the model is in force")
	m := handModel(false)
	delete(m.Labels[0].Weights, "w:zorblat")
	writeModel(m)
	require.NoError(t, live.Reload(classify.WithModelFile(path)))
	assert.False(t, live.Classify("zorblat").Has(lexicon.Abusive), "the file is read again")
	require.NoError(t, os.WriteFile(path, []byte("#! saring-model 1\n"), 0o644))
	assert.Error(t, live.Reload(classify.WithModelFile(path)))
	assert.False(t, live.Classify("zorblat").Has(lexicon.Abusive), "the previous classifier stays")
	assert.True(t, live.Classify("bangsat").Has(lexicon.Abusive))
}

func TestFeatures(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	fs := c.Features("@budi dasar k4f1r lo, kamu itu memang jahat sekali ya")
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.Name
	}
	assert.True(t, slices.IsSorted(names), "sorted")
	assert.Equal(t, len(names), len(slices.Compact(slices.Clone(names))), "each once")
	for _, want := range []string{"c:reply", "c:you", "t:dasar kafir", "x:hate_speech", "x:sara", "g:agama", "w:jahat"} {
		assert.Contains(t, names, want)
	}
	for _, f := range fs {
		if f.Name == "t:dasar kafir" {
			assert.Equal(t, 0.85, f.Value)
		}
		assert.NoError(t, model.CheckFeature(f.Name))
	}
	assert.Contains(t, c.Features("KAMU ITU MEMANG JAHAT SEKALI YA"), model.Feature{Name: "c:shout", Value: 1})
	negated := c.Features("dia bukan kafir")
	for _, want := range []string{"d:sara", "d:hate_speech", "x:sara", "x:hate_speech"} {
		assert.True(t, slices.ContainsFunc(negated, func(f model.Feature) bool { return f.Name == want }), "%s in %v", want, negated)
	}
	allowed := c.Features("anjing peliharaan saya lucu")
	for _, f := range allowed {
		assert.False(t, strings.Contains(f.Name, "anjing"), "allow-listed words are no word features: %s", f.Name)
	}
	assert.Empty(t, c.Features(""))
	assert.NotPanics(t, func() { c.Features("\xff\xfe k\x00afir") })
}

// TestModelConcurrent: results with a model do not depend on which pooled
// scratch space, or how many goroutines, computed them.
func TestModelConcurrent(t *testing.T) {
	c := withModel(t, handModel(true))
	texts := []string{"zorblat", "bangsat zorblat", "@budi dasar zorblat", "selamat pagi", "bukan kafir dia zorblat", ""}
	var many []string
	for range 200 {
		many = append(many, texts...)
	}
	got, err := c.ClassifyBatch(context.Background(), many)
	require.NoError(t, err)
	for i, text := range many {
		require.Equal(t, c.Classify(text), got[i], "%q", text)
	}
}

// TestModelEveryInput: a classifier with a model answers empty, invalid
// UTF-8 and a 1 MB post, with evidence spans inside the text.
func TestModelEveryInput(t *testing.T) {
	c := withModel(t, handModel(false))
	long := strings.Repeat("zorblat bangsat selamat pagi k4f1r \xff ", 1<<20/36)
	for _, text := range []string{"", "\xff\xfe\x00", "ZORBLAT!!", long} {
		r := c.Classify(text)
		for _, lr := range r.Labels {
			for _, e := range lr.Evidence {
				require.True(t, 0 <= e.Start && e.Start <= e.End && e.End <= len(text), "%s %+v", lr.Label, e)
				assert.Equal(t, text[e.Start:e.End], e.Text)
			}
		}
	}
	assert.True(t, c.Classify(long).Has(lexicon.Abusive))
}

// TestModelSARAIsHate checks that a model covering hate_speech and sara
// keeps sara hate speech too (DESIGN.md): hate_speech scores at least sara's
// score, and is flagged where sara is, also at a higher threshold of its own.
func TestModelSARAIsHate(t *testing.T) {
	m := &model.Model{
		Saring: "test", Features: model.FeatureVersion, Corpus: "hand", Size: 1,
		Labels: []model.Label{
			{Label: lexicon.HateSpeech, Bias: -1, Threshold: 0.9, L2: 1, Weights: map[string]float64{"w:zorblat": -1}},
			{Label: lexicon.SARA, Bias: -3, Threshold: 0.5, L2: 1, Weights: map[string]float64{"w:zorblat": 6, "w:plonk": 3.2, "w:frob": 2.5}},
		},
	}
	c := withModel(t, m)
	tests := []struct {
		text                string
		hate                float64
		sara                float64
		hateFlag, saraFlags bool
	}{
		{"zorblat", model.Sigmoid(3), model.Sigmoid(3), true, true},      // sara above hate's threshold: its score
		{"plonk", 0.9, model.Sigmoid(0.2), true, true},                   // sara flagged below hate's threshold: hate's threshold
		{"frob", model.Sigmoid(-0.5), model.Sigmoid(-0.5), false, false}, // sara unflagged above hate: its score, unflagged
		{"halo", model.Sigmoid(-1), model.Sigmoid(-3), false, false},     // hate above sara: its own
	}
	for _, tc := range tests {
		r := c.Classify(tc.text + " kafir") // a slur: lexicon evidence shows both labels
		hate, okHate := r.Label(lexicon.HateSpeech)
		sara, okSARA := r.Label(lexicon.SARA)
		require.True(t, okHate && okSARA, "%q: %+v", tc.text, r)
		assert.InDelta(t, tc.hate, hate.Score, 0.001, "%q hate_speech", tc.text)
		assert.InDelta(t, tc.sara, sara.Score, 0.001, "%q sara", tc.text)
		assert.Equal(t, tc.hateFlag, r.Has(lexicon.HateSpeech), "%q hate_speech flagged", tc.text)
		assert.Equal(t, tc.saraFlags, r.Has(lexicon.SARA), "%q sara flagged", tc.text)
	}
}
