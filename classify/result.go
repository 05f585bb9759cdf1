package classify

import "github.com/saring-id/saring/lexicon"

// How tells how a piece of evidence was found. The JSON values are stable API.
type How string

// The ways evidence is matched. A token that needed several undoing steps
// reports the most telling one in Evidence.Match and all of them in Evidence.Via.
const (
	MatchExact         How = "exact"         // the normalised token is the lexicon term
	MatchSlang         How = "slang"         // a slang form mapped to the term (cino -> cina)
	MatchLeet          How = "leet"          // digits or symbols read as letters (k4f1r)
	MatchElongation    How = "elongation"    // repeated letters collapsed (kafiiir)
	MatchSplit         How = "split"         // separated letters glued (k a f i r, b.a.b.i)
	MatchUnicode       How = "unicode"       // styled letters, look-alikes or invisible characters folded
	MatchReduplication How = "reduplication" // anak2 -> anak-anak
	MatchMask          How = "mask"          // masked letters resolved against the lexicon (k*fir)
	MatchStem          How = "stem"          // a stemmed form (diviralkan -> viralkan, menyerbu -> serbu) or a clitic or reduplicated one (bangsatnya)
	MatchFuzzy         How = "fuzzy"         // a spelling variant within Evidence.Distance edits
	MatchPhrase        How = "phrase"        // a multi-word lexicon phrase
	MatchRule          How = "rule"          // a pattern over nearby tokens (Evidence.Rule)
)

// Severity grades a flagged label: weak, moderate or strong.
type Severity = lexicon.Severity

// Evidence is one reason behind a label's score: what was found, where in the
// original text, how it was matched and what context changed its weight.
type Evidence struct {
	// Term is the lexicon term (or, for rules, the terms the rule joined).
	Term string `json:"term"`
	// Text is the original text at [Start, End).
	Text string `json:"text"`
	// Start and End are byte offsets into the original input.
	Start int `json:"start"`
	End   int `json:"end"`
	// Match says how the term was found.
	Match How `json:"match"`
	// Via lists every normalisation step the matched tokens needed.
	Via []string `json:"via,omitempty"`
	// Distance is the edit distance of a fuzzy match.
	Distance int `json:"distance,omitempty"`
	// Kind is the lexicon kind of the term (slur, insult, smear, chain, ...).
	Kind string `json:"kind,omitempty"`
	// Rule names the pattern that produced rule evidence, such as "group+insult".
	Rule string `json:"rule,omitempty"`
	// Weight is the evidence's weight after context, in [0,1]; for learned
	// evidence (MatchLearned), the feature's contribution to the log-odds.
	Weight float64 `json:"weight"`
	// Context lists what changed the weight: negation, counter-speech, ...
	Context []string `json:"context,omitempty"`
	// Source is the lexicon file and line of the term.
	Source string `json:"source,omitempty"`

	severity Severity
	// src is the index of the match the evidence stands on, or -1: rules
	// that upgrade a match's evidence for its own label replace it rather
	// than add to it.
	src int32
}

// LabelResult is the verdict for one label.
type LabelResult struct {
	Label lexicon.Label `json:"label"`
	// Score is the noisy-OR of the evidence weights, 1 - Π(1 - weight),
	// rounded to three decimals, in [0,1]. Evidence standing on one match
	// counts once, at its highest weight: a rule that upgrades a match's
	// evidence (aimed insult, person+insult) replaces it rather than adding
	// to it. Independent evidence combines. For a label a model covers
	// (WithModel), Score is the model's probability (see
	// model.Reading.Combine for a model that defers to the lexicons).
	Score float64 `json:"score"`
	// Flagged is Score >= the label's threshold.
	Flagged bool `json:"flagged"`
	// Severity is the strongest severity among the evidence of weight 0.1 or
	// more, at least weak; it is set only when the label is flagged.
	Severity Severity `json:"severity,omitempty"`
	// Targets are the SARA targets, for the sara label, sorted.
	Targets []lexicon.Target `json:"targets,omitempty"`
	// Evidence lists every piece of evidence for the label, the lexicon
	// matches first, then the rules; sara evidence also appears under
	// hate_speech.
	Evidence []Evidence `json:"evidence"`
}

// Result is the verdict for one text: every label with a non-zero score, in
// the stable order of lexicon.Labels, and the names of the flagged ones.
type Result struct {
	Flagged []lexicon.Label `json:"flagged"`
	Labels  []LabelResult   `json:"labels"`
}

// Label returns the result for label l and whether it had a non-zero score.
func (r Result) Label(l lexicon.Label) (LabelResult, bool) {
	for _, lr := range r.Labels {
		if lr.Label == l {
			return lr, true
		}
	}
	return LabelResult{}, false
}

// Has reports whether label l is flagged.
func (r Result) Has(l lexicon.Label) bool {
	for _, f := range r.Flagged {
		if f == l {
			return true
		}
	}
	return false
}
