package model_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

// sample is a small model written by hand.
func sample() *model.Model {
	return &model.Model{
		Saring: "0.6.0", Features: model.FeatureVersion, Corpus: "mine.jsonl", Size: 40, Defer: true,
		Labels: []model.Label{
			{
				Label: lexicon.HateSpeech, Bias: -2.5, Threshold: 0.4, L2: 3,
				CV: model.Figures{Precision: 0.8, Recall: 0.75, F1: 0.7742}, Baseline: model.Figures{Precision: 0.7, Recall: 0.7, F1: 0.7},
				Weights: map[string]float64{"w:benci": 1.25, "t:dasar kafir": 2, "s:damai": -0.5},
			},
			{
				Label: lexicon.Abusive, Bias: -1, Threshold: 0.55, L2: 1,
				Weights: map[string]float64{"x:abusive": 4.5},
			},
		},
	}
}

func write(t *testing.T, m *model.Model) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, m.Write(&b))
	return b.Bytes()
}

func TestRoundTrip(t *testing.T) {
	m := sample()
	first := write(t, m)
	back, err := model.Parse(bytes.NewReader(first), "m.txt")
	require.NoError(t, err)
	assert.Equal(t, m, back)
	assert.Equal(t, string(first), string(write(t, back)), "writing what was read gives the same bytes")
	assert.Contains(t, string(first), "hate_speech\tt:dasar kafir\t2\n")
}

func TestLoad(t *testing.T) {
	path := filepath.Join(t.TempDir(), "m.txt")
	require.NoError(t, os.WriteFile(path, write(t, sample()), 0o644))
	m, err := model.Load(path)
	require.NoError(t, err)
	l, ok := m.Label(lexicon.Abusive)
	require.True(t, ok)
	assert.Equal(t, 4.5, l.Weights["x:abusive"])
	_, ok = m.Label(lexicon.Hoax)
	assert.False(t, ok)
	_, err = model.Load(filepath.Join(t.TempDir(), "missing.txt"))
	assert.Error(t, err)
}

// TestBadFiles: every broken model is refused with the line of the problem.
func TestBadFiles(t *testing.T) {
	good := strings.Split(string(write(t, sample())), "\n")
	// good: 1 format, 2-3 comments, 4 @saring, 5 @features, 6 @corpus,
	// 7 @defer, 8-9 @label, 10-12 hate_speech's weights, 13 abusive's, 14 @end.
	edit := func(line int, s string) string {
		l := append([]string(nil), good...)
		l[line-1] = s
		return strings.Join(l, "\n")
	}
	cut := func(n int) string { return strings.Join(good[:n], "\n") + "\n" }
	cases := []struct {
		name, file string
		line       int
		want       string
	}{
		{"empty", "", 0, "truncated"},
		{"not a model", "hello\n", 1, "not a saring model"},
		{"truncated in the header", cut(8), 8, "truncated"},
		{"truncated in the weights", cut(11), 11, "truncated"},
		{"missing weight", strings.Join(append(good[:10:10], good[11:]...), "\n"), 13, "declares 3 weights, the file has 2"},
		{"other feature version", edit(5, "@features 99"), 5, "feature version 99"},
		{"bad weight", edit(10, "abusive\tx:abusive\tbanyak"), 10, "not a number"},
		{"infinite weight", edit(10, "abusive\tx:abusive\t+Inf"), 10, "not finite"},
		{"huge weight", edit(10, "abusive\tx:abusive\t1e308"), 10, `"1e308" is beyond ±1000`},
		{"huge negative weight", edit(10, "abusive\tx:abusive\t-1000.5"), 10, "beyond ±1000"},
		{"huge bias", edit(8, "@label hate_speech bias=-2e3 threshold=0.5 l2=1 weights=3 cv=0,0,0 nb=0,0,0"), 8, "bias: \"-2e3\" is beyond ±1000"},
		{"two fields", edit(10, "abusive\tx:abusive"), 10, "2 fields"},
		{"uncovered label", edit(10, "hoax\tx:hoax\t1"), 10, "no @label line"},
		{"unknown label", edit(10, "hatred\tx:hoax\t1"), 10, "unknown label"},
		{"duplicate feature", edit(11, "hate_speech\ts:damai\t1"), 11, "given twice"},
		{"threshold out of range", edit(8, "@label hate_speech bias=0 threshold=1.5 l2=1 weights=3 cv=0,0,0 nb=0,0,0"), 8, "outside (0,1)"},
		{"figures out of range", edit(8, "@label hate_speech bias=0 threshold=0.5 l2=1 weights=3 cv=0,2,0 nb=0,0,0"), 8, "outside [0,1]"},
		{"missing field", edit(8, "@label hate_speech bias=0 threshold=0.5 weights=3 cv=0,0,0 nb=0,0,0"), 8, "no l2="},
		{"labels out of order", strings.Replace(strings.Replace(string(write(t, sample())), "@label hate_speech", "@label X", 1), "@label abusive", "@label hate_speech", 1), 8, "unknown label"},
		{"unknown directive", edit(6, "@kopi 1"), 6, "unknown directive"},
		{"bad defer", edit(7, "@defer maybe"), 7, "want yes or no"},
		{"no defer", edit(7, ""), 8, "@label before @defer"},
		{"header line twice", edit(9, "@saring 1"), 9, "given twice"},
		{"invalid UTF-8", edit(10, "abusive\tw:\xff\t1"), 10, "invalid UTF-8"},
		{"text after end", strings.Join(good, "\n") + "more\n", 15, "after @end"},
		{"space around a feature", edit(10, "abusive\t x:abusive\t1"), 10, "leading or trailing space"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := model.Parse(strings.NewReader(tc.file), "m.txt")
			require.Error(t, err)
			var pe *model.ParseError
			require.True(t, errors.As(err, &pe), "%v is a ParseError", err)
			assert.Equal(t, tc.line, pe.Line, "%v", err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "m.txt:"), "%v names the file", err)
		})
	}
}

func TestFeatureVersionIsRefused(t *testing.T) {
	s := strings.Replace(string(write(t, sample())), "@features 1", "@features 2", 1)
	_, err := model.Parse(strings.NewReader(s), "old.txt")
	assert.ErrorIs(t, err, model.ErrFeatureVersion)
	assert.Contains(t, err.Error(), "old.txt:5: ")
	assert.Contains(t, err.Error(), "retrain")
}

func TestWriteRefusesBadFeatureNames(t *testing.T) {
	m := sample()
	m.Labels[0].Weights["w:a\tb"] = 1
	assert.Error(t, m.Write(&bytes.Buffer{}))
}

func TestStrongest(t *testing.T) {
	l := sample().Labels[0]
	pos, neg := l.Strongest(1)
	assert.Equal(t, []string{"t:dasar kafir"}, pos)
	assert.Equal(t, []string{"s:damai"}, neg)
	pos, neg = l.Strongest(5)
	assert.Equal(t, []string{"t:dasar kafir", "w:benci"}, pos)
	assert.Equal(t, []string{"s:damai"}, neg)
}

// FuzzParse: any input is parsed or refused with a ParseError, never a
// panic, and what parses writes and parses back to the same model.
func FuzzParse(f *testing.F) {
	var b bytes.Buffer
	if err := sample().Write(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.String())
	f.Add("#! saring-model 1\n@end\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := model.Parse(strings.NewReader(s), "f")
		if err != nil {
			var pe *model.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v is not a ParseError", err)
			}
			return
		}
		var out bytes.Buffer
		if err := m.Write(&out); err != nil {
			t.Fatalf("a parsed model does not write: %v", err)
		}
		back, err := model.Parse(&out, "again")
		if err != nil {
			t.Fatalf("a written model does not parse: %v", err)
		}
		assert.Equal(t, m, back)
	})
}
