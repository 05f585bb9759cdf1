package classify_test

import (
	"context"
	"math"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// fuzzMaxInput bounds the fuzzed inputs: the fuzzer looks for odd shapes,
// not sizes (long posts have their own tests), and long inputs full of
// matches slow it down to a crawl.
const fuzzMaxInput = 2 << 10

// FuzzClassify checks the invariants every Result keeps, for any input:
// no panic, scores and weights in [0,1], each label's score the documented
// noisy-OR of its evidence, labels known, unique and in the order of
// lexicon.Labels, Flagged consistent with the scores, evidence spans inside
// the input on UTF-8 boundaries (and, for lexicon evidence, Text ==
// input[Start:End]), sara flagged only with hate_speech, the same answer
// twice, and the same answer from ClassifyBatch as from Classify.
func FuzzClassify(f *testing.F) {
	for _, s := range concurrencyPosts {
		if len(s) <= fuzzMaxInput {
			f.Add(s)
		}
	}
	for _, s := range []string{
		"\xed\xa0\x80kafir\xed\xbf\xbf",
		"a\r\nb\rc\n",
		"k a f i r!! b-a-b-i!! b_a_b_i",
		"kafir kafir kafir kafir kafir kafir kafir kafir kafir kafir",
		"bukan bukan bukan kafir",
		"\u202ekafir\u202c \u0336b\u0336a\u0336b\u0336i",
		"cina kafir! yahudi babi? syiah sesat; usir\nmereka",
		"@@@@ ### $$$ *** !!! ... ---",
		"k*** b*** a*j*ng",
		"SEBARKAN SEBELUM DIHAPUS!! viralkan, dokter bilang bawang putih menyembuhkan",
		"Ｋａｆｉｒ ⓚⓐⓕⓘⓡ 🅺🅰🅵🅸🆁",
	} {
		f.Add(s)
	}
	c, err := classify.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) > fuzzMaxInput {
			return
		}
		r := c.Classify(in)
		checkResult(t, c, in, r)
		if again := c.Classify(in); !reflect.DeepEqual(r, again) {
			t.Fatalf("not deterministic for %q:\n%+v\n%+v", in, r, again)
		}
		// In a batch, among other texts, the text gets the same answer.
		texts := []string{in, "dasar k4f1r lo", in, "", in}
		batch, err := c.ClassifyBatch(context.Background(), texts)
		if err != nil {
			t.Fatal(err)
		}
		for i, b := range batch {
			if want := c.Classify(texts[i]); !reflect.DeepEqual(b, want) {
				t.Fatalf("ClassifyBatch differs from Classify for %q:\n%+v\n%+v", texts[i], b, want)
			}
		}
	})
}

// checkResult asserts the invariants of one Result.
func checkResult(t *testing.T, c *classify.Classifier, in string, r classify.Result) {
	t.Helper()
	if r.Flagged == nil || r.Labels == nil {
		t.Fatalf("%q: nil Flagged or Labels (JSON would say null): %+v", in, r)
	}
	order := make(map[lexicon.Label]int)
	for i, l := range lexicon.Labels() {
		order[l] = i
	}
	var flagged []lexicon.Label
	last := -1
	for _, lr := range r.Labels {
		pos, ok := order[lr.Label]
		if !ok {
			t.Fatalf("%q: unknown label %q", in, lr.Label)
		}
		if pos <= last {
			t.Fatalf("%q: labels out of order or repeated: %+v", in, r.Labels)
		}
		last = pos
		if math.IsNaN(lr.Score) || lr.Score <= 0 || lr.Score > 1 {
			t.Fatalf("%q: %s score %v outside (0,1]", in, lr.Label, lr.Score)
		}
		if want := lr.Score >= c.Threshold(lr.Label); lr.Flagged != want {
			t.Fatalf("%q: %s score %v, threshold %v, flagged %v", in, lr.Label, lr.Score, c.Threshold(lr.Label), lr.Flagged)
		}
		if lr.Flagged {
			flagged = append(flagged, lr.Label)
		}
		// A flagged label is graded; an unflagged one has no severity.
		if lr.Flagged && (lr.Severity < lexicon.Weak || lr.Severity > lexicon.Strong) || !lr.Flagged && lr.Severity != 0 {
			t.Fatalf("%q: %s flagged %v with severity %v", in, lr.Label, lr.Flagged, lr.Severity)
		}
		if len(lr.Evidence) == 0 {
			t.Fatalf("%q: %s has a score but no evidence", in, lr.Label)
		}
		if len(lr.Targets) > 0 && lr.Label != lexicon.SARA {
			t.Fatalf("%q: targets on %s", in, lr.Label)
		}
		for _, e := range lr.Evidence {
			checkEvidence(t, in, lr.Label, e)
		}
		checkScore(t, in, lr)
	}
	if !reflect.DeepEqual(append([]lexicon.Label{}, flagged...), r.Flagged) {
		t.Fatalf("%q: Flagged %v, but the flagged labels are %v", in, r.Flagged, flagged)
	}
	// sara is always hate speech too: its evidence counts for hate_speech,
	// so with equal thresholds a flagged sara flags hate_speech.
	if r.Has(lexicon.SARA) && c.Threshold(lexicon.SARA) >= c.Threshold(lexicon.HateSpeech) && !r.Has(lexicon.HateSpeech) {
		t.Fatalf("%q: sara flagged without hate_speech: %+v", in, r)
	}
}

// checkScore recomputes a label's score from its evidence by the rule of
// the package documentation: noisy-OR, 1 - Π(1 - weight), where the
// evidence standing on one match counts once, at its highest weight, and
// evidence of its own counts apart. The evidence weights are rounded to
// three decimals, as the score is, so each may be 0.0005 off.
func checkScore(t *testing.T, in string, lr classify.LabelResult) {
	t.Helper()
	best := make(map[int]float64)
	miss := 1.0
	for _, e := range lr.Evidence {
		if m := classify.EvidenceMatch(e); m >= 0 {
			best[m] = max(best[m], e.Weight)
		} else {
			miss *= 1 - e.Weight
		}
	}
	for _, w := range best {
		miss *= 1 - w
	}
	tolerance := 0.0005*float64(len(lr.Evidence)+1) + 1e-9
	if math.Abs(lr.Score-(1-miss)) > tolerance {
		t.Fatalf("%q: %s score %v, but its evidence combines to %.4f: %+v", in, lr.Label, lr.Score, 1-miss, lr.Evidence)
	}
}

func checkEvidence(t *testing.T, in string, l lexicon.Label, e classify.Evidence) {
	t.Helper()
	if e.Start < 0 || e.End < e.Start || e.End > len(in) {
		t.Fatalf("%q: %s evidence span [%d,%d) outside the input (%d bytes): %+v", in, l, e.Start, e.End, len(in), e)
	}
	if !boundary(in, e.Start) || !boundary(in, e.End) {
		t.Fatalf("%q: %s evidence span [%d,%d) cuts a UTF-8 character: %+v", in, l, e.Start, e.End, e)
	}
	if math.IsNaN(e.Weight) || e.Weight < 0 || e.Weight > 1 {
		t.Fatalf("%q: %s evidence weight %v outside [0,1]: %+v", in, l, e.Weight, e)
	}
	if e.Match == "" || e.Term == "" {
		t.Fatalf("%q: %s evidence without match or term: %+v", in, l, e)
	}
	if e.Match == classify.MatchRule {
		if e.Rule == "" {
			t.Fatalf("%q: %s rule evidence without a rule name: %+v", in, l, e)
		}
		return
	}
	if e.Text != in[e.Start:e.End] {
		t.Fatalf("%q: %s evidence text %q is not input[%d:%d] = %q", in, l, e.Text, e.Start, e.End, in[e.Start:e.End])
	}
	if e.Start == e.End {
		t.Fatalf("%q: %s empty lexicon evidence span: %+v", in, l, e)
	}
	if e.Source == "" {
		t.Fatalf("%q: %s lexicon evidence without a source: %+v", in, l, e)
	}
	if e.Match == classify.MatchFuzzy && e.Distance <= 0 {
		t.Fatalf("%q: %s fuzzy evidence with distance %d", in, l, e.Distance)
	}
}

// boundary reports whether byte offset i of s starts a character (or is
// the end): not inside a valid multi-byte UTF-8 sequence. Invalid bytes
// count as characters of their own.
func boundary(s string, i int) bool {
	for j := 0; j < len(s); {
		if j == i {
			return true
		}
		if j > i {
			return false
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	return i == len(s)
}
