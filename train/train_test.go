package train_test

import (
	"bytes"
	"context"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
	"github.com/saring-id/saring/train"
)

// everyday words that no lexicon reads as evidence.
var everyday = strings.Fields(`hari ini saya mau pergi ke pasar beli sayur dan buah
	terus pulang masak nasi goreng untuk keluarga besok pagi kita kerja lagi
	cuaca cerah sekali jalan agak ramai motor mobil banyak sekolah anak libur
	nonton film baru sama teman makan bakso minum teh manis sore nanti hujan`)

// synthetic makes n texts of everyday words; a text is labelled when it
// carries the planted word, which half of them do (and a few unlabelled
// texts carry by noise).
func synthetic(n int, planted string) ([]string, [][]bool) {
	r := rand.New(rand.NewPCG(1, 2))
	texts := make([]string, n)
	gold := make([][]bool, n)
	for i := range n {
		words := make([]string, 6+r.IntN(6))
		for k := range words {
			words[k] = everyday[r.IntN(len(everyday))]
		}
		pos := i%2 == 0
		if pos || r.IntN(20) == 0 {
			words[r.IntN(len(words))] = planted
		}
		texts[i], gold[i] = strings.Join(words, " "), []bool{pos}
	}
	return texts, gold
}

func newClassifier(t testing.TB) *classify.Classifier {
	c, err := classify.New()
	require.NoError(t, err)
	return c
}

func TestTrainFindsPlantedSignal(t *testing.T) {
	texts, gold := synthetic(300, "zorblat")
	res, err := train.Train(context.Background(), newClassifier(t), texts, []lexicon.Label{lexicon.HateSpeech}, gold, train.Defaults())
	require.NoError(t, err)
	l, ok := res.Model.Label(lexicon.HateSpeech)
	require.True(t, ok)
	pos, _ := l.Strongest(1)
	assert.Equal(t, []string{"w:zorblat"}, pos, "the planted word is the strongest positive feature")
	assert.Greater(t, l.CV.F1, 0.9, "cross-validated F1")
	assert.Greater(t, l.Baseline.F1, 0.5, "the Naive Bayes baseline is computed")
	assert.Greater(t, l.Threshold, 0.0)
	assert.Less(t, l.Threshold, 1.0)
	require.Len(t, res.Labels, 1)
	assert.Equal(t, 150, res.Labels[0].Positives)
	assert.Len(t, res.Labels[0].Tried, len(train.Defaults().L2))

	// The model, used by a classifier, flags a new text with the planted
	// word and explains it by that word's span.
	c, err := classify.New(classify.WithModel(res.Model))
	require.NoError(t, err)
	text := "besok pagi zorblat lagi"
	r := c.Classify(text)
	assert.True(t, r.Has(lexicon.HateSpeech), "%+v", r)
	lr, _ := r.Label(lexicon.HateSpeech)
	require.NotEmpty(t, lr.Evidence)
	e := lr.Evidence[0]
	assert.Equal(t, classify.MatchLearned, e.Match)
	assert.Equal(t, "w:zorblat", e.Term)
	assert.Equal(t, "zorblat", text[e.Start:e.End])
	assert.Greater(t, e.Weight, 0.0)
	assert.False(t, c.Classify("besok pagi kita kerja lagi").Has(lexicon.HateSpeech))
}

// TestTrainIsDeterministic: the same texts give the same model file, byte
// for byte, whatever the number of cores.
func TestTrainIsDeterministic(t *testing.T) {
	texts, gold := synthetic(120, "zorblat")
	c := newClassifier(t)
	var files []string
	for _, procs := range []int{1, 2, 1} {
		prev := runtime.GOMAXPROCS(procs)
		res, err := train.Train(context.Background(), c, texts, []lexicon.Label{lexicon.HateSpeech}, gold, train.Defaults())
		runtime.GOMAXPROCS(prev)
		require.NoError(t, err)
		var b bytes.Buffer
		require.NoError(t, res.Model.Write(&b))
		files = append(files, b.String())
	}
	assert.Equal(t, files[0], files[1])
	assert.Equal(t, files[0], files[2])
	m, err := model.Parse(strings.NewReader(files[0]), "trained")
	require.NoError(t, err, "what train writes parses")
	assert.Equal(t, 120, m.Size)
}

func TestTrainRefusesBadInput(t *testing.T) {
	texts, gold := synthetic(40, "zorblat")
	c := newClassifier(t)
	hate := []lexicon.Label{lexicon.HateSpeech}
	opt := train.Defaults()
	few := opt
	few.Folds = 1
	noL2 := opt
	noL2.L2 = nil
	two := make([][]bool, len(gold))
	for i, g := range gold {
		two[i] = []bool{g[0], !g[0]}
	}
	// neg has no positive text, pos no negative one, three only three
	// positives: fewer than one a fold.
	neg, pos, three := make([][]bool, len(gold)), make([][]bool, len(gold)), make([][]bool, len(gold))
	for i := range gold {
		neg[i], pos[i], three[i] = []bool{false}, []bool{true}, []bool{i < 3}
	}
	cases := []struct {
		name   string
		texts  []string
		labels []lexicon.Label
		gold   [][]bool
		opt    train.Options
		want   string
	}{
		{"no labels", texts, nil, gold, opt, "no labels"},
		{"gold rows", texts[:10], hate, gold, opt, "gold rows"},
		{"one fold", texts, hate, gold, few, "at least 2"},
		{"no l2", texts, hate, gold, noL2, "no L2"},
		{"too few texts", texts[:5], hate, gold[:5], opt, "too few"},
		{"labels out of order", texts, []lexicon.Label{lexicon.Abusive, lexicon.HateSpeech}, two, opt, "order of lexicon.Labels"},
		{"a label twice", texts, []lexicon.Label{lexicon.HateSpeech, lexicon.HateSpeech}, two, opt, "given twice"},
		{"gold width", texts, []lexicon.Label{lexicon.HateSpeech, lexicon.Abusive}, gold, opt, "has 1 gold labels for 2"},
		{"no positives", texts, hate, neg, opt, "hate_speech has 0 positive and 40 negative texts; it needs at least 5 of each (one a fold)"},
		{"no negatives", texts, hate, pos, opt, "hate_speech has 40 positive and 0 negative texts"},
		{"too few positives", texts, hate, three, opt, "hate_speech has 3 positive and 37 negative texts"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := train.Train(context.Background(), c, tc.texts, tc.labels, tc.gold, tc.opt)
			assert.ErrorContains(t, err, "train: ")
			assert.ErrorContains(t, err, tc.want)
		})
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := train.Train(ctx, c, texts, hate, gold, opt)
	assert.ErrorIs(t, err, context.Canceled)
}
