package model

import (
	"math"
	"slices"
	"strings"

	"github.com/saring-id/saring/lexicon"
)

// Feature is one named feature of a text with its value (see
// classify.Classifier.Features).
type Feature struct {
	Name  string
	Value float64
}

// flagAt is the lexicon score at which the lexicons flag a label by
// default (classify.DefaultThreshold).
const flagAt = 0.5

// Reading is what the lexicons made of a text, as far as a model's
// decision needs it. Label indices follow lexicon.Labels().
type Reading struct {
	// Score is each label's lexicon score.
	Score [6]float64
	// Defused marks the labels whose lexicon evidence context weakened:
	// negation, counter-speech, quotation.
	Defused [6]bool
	// Harmless reports an allow-listed phrase, a counter-speech cue, a
	// word that only names a category (hoaks, SARA), a group noun or a
	// political target (a politician, a party, an office) in the text:
	// where the lexicons found no evidence for a label beside it, they read
	// the text as harmless (a neutral mention of a group is not SARA, and
	// one of a politician is news, not hate speech).
	Harmless bool
}

// Stands reports whether the lexicons' verdict on label i stands, so that
// a deferring model may not raise it. A model trained on one corpus learns
// that corpus's definitions: trained on a corpus that calls smears and
// calls to act hate speech, and insults abusive, it flags them so, and
// flags the ambiguous words the lexicons weigh weakly (gila, tai, celeng)
// as that corpus's frequencies say. So the model may raise a label only
// where the lexicons' reading leaves the question open, and what is open
// depends on what the label is:
//
//   - A label of aim (hate_speech, sara, black_campaign, provocation,
//     hoax: DESIGN.md defines them by whom or what a text attacks) is open
//     where the lexicons found evidence of it too weak to flag: a hostile
//     word whose aim they could not settle, which the model judges from the
//     words around it. With no evidence of the label the lexicons found no
//     hostile word of it, and a model that flags such texts imports its
//     corpus's definition (a smear as hate speech).
//   - A label of words (abusive: profanity and vulgarity, aimed or not) is
//     open where the lexicons found no word of it: profanity they lack,
//     which the model knows from its corpus. A word they weigh weakly is
//     their verdict on an ambiguous word, and a text with an allow-listed
//     phrase, counter-speech, a mention word, a group noun or a political
//     target (Harmless) is one they read as harmless.
//
// Either way the verdict stands where context defused the label's
// evidence, and where another label, outside the label's family (sara's
// evidence counts for hate_speech), has evidence at least as strong: the
// lexicons read the text as that label (a smear of a candidate as
// black_campaign, not hate_speech; an insult as hate_speech, not abusive).
func (r *Reading) Stands(i int) bool {
	switch {
	case r.Score[i] >= flagAt:
		return false
	case r.Defused[i]:
		return true
	}
	for j, s := range r.Score {
		if !sameFamily(i, j) && s > 0 && s >= r.Score[i] {
			return true
		}
	}
	if ofWords(i) {
		return r.Score[i] > 0 || r.Harmless
	}
	return r.Score[i] == 0
}

// Indices in lexicon.Labels() of the labels Stands treats apart.
var (
	hateIdx    = slices.Index(lexicon.Labels(), lexicon.HateSpeech)
	saraIdx    = slices.Index(lexicon.Labels(), lexicon.SARA)
	abusiveIdx = slices.Index(lexicon.Labels(), lexicon.Abusive)
)

// sameFamily reports whether labels i and j are one label for Stands: the
// same, or hate_speech and sara (sara is hate speech aimed at an identity,
// and its evidence counts for hate_speech).
func sameFamily(i, j int) bool {
	hate := func(k int) bool { return k == hateIdx || k == saraIdx }
	return i == j || hate(i) && hate(j)
}

// ofWords reports whether label i is defined by its words rather than by
// its aim: abusive (see Stands).
func ofWords(i int) bool { return i == abusiveIdx }

// Decided reports whether the lexicons decide label i alone, for a model
// that defers to them: where they flag it, or where their verdict stands
// (see Stands). flag is their verdict.
func (r *Reading) Decided(i int) (decided, flag bool) {
	flag = r.Score[i] >= flagAt
	return flag || r.Stands(i), flag
}

// Combine is the score of label i for a model that defers to the lexicons,
// with the model's probability p and threshold t, on the lexicons' scale
// (flagged at 0.5): the lexicon score where the lexicons decide the label
// and do not flag it; else the larger of the lexicon score and p rescaled
// so that t becomes 0.5 (Rescale). The label is flagged where the lexicons
// flag it, or where they do not decide it and p reaches t.
func (r *Reading) Combine(i int, p, t float64) float64 {
	if decided, flag := r.Decided(i); decided && !flag {
		return r.Score[i]
	}
	return max(Rescale(p, t), r.Score[i])
}

// Rescale moves probability p on the log-odds scale so that threshold t
// becomes 0.5: 1/(1+exp(-(logit(p) - logit(t)))).
func Rescale(p, t float64) float64 {
	return Sigmoid(math.Log(p/(1-p)) - math.Log(t/(1-t)))
}

// ReadingOf is the Reading a text's features (classify.Classifier.Features)
// record: the x:LABEL scores, d:LABEL defused labels and the l:allow,
// l:counter, l:mention, l:group and l:political lists.
func ReadingOf(features []Feature) Reading {
	var r Reading
	labels := lexicon.Labels()
	for _, f := range features {
		kind, name, _ := strings.Cut(f.Name, ":")
		switch kind {
		case "x", "d":
			i := slices.Index(labels, lexicon.Label(name))
			if i < 0 {
				continue
			}
			if kind == "x" {
				r.Score[i] = f.Value
			} else {
				r.Defused[i] = true
			}
		case "l":
			r.Harmless = r.Harmless || name == "allow" || name == "counter" || name == "mention" || name == "group" || name == "political"
		}
	}
	return r
}
