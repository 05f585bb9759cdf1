package classify

import (
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

// state is the per-call scratch space of Classify, pooled per Classifier.
// It owns what every phase needs: the classifier, the text, its tokens and
// sentences, the matches and the evidence.
type state struct {
	c       *Classifier
	src     string
	toks    []normalize.Token
	sent    []int32
	matches []match
	buf     []byte
	// cue holds, per sentence, the index of its first counter cue or -1;
	// textCue the cue that applies to the whole text, or -1.
	cue     []int32
	textCue int32
	// best is scratch for scoring: per match, the highest weight of the
	// evidence standing on it.
	best    []float64
	ev      [numLabels][]Evidence
	targets [numLabels][]lexicon.Target
	learnState
}

// run classifies text. It is the outline of the whole pipeline, one file a
// phase: normalise (package normalize), match the lexicons (match.go),
// weigh each match in its context (context.go), turn matches into evidence
// and apply the rules over nearby tokens (rules.go), score each label
// (score.go) and assemble the Result (result.go).
func (st *state) run(c *Classifier, text string) Result {
	st.c, st.src = c, text
	st.toks = c.norm.Append(st.toks[:0], text)
	st.findMatches()
	if len(st.matches) == 0 {
		return st.unmatched()
	}
	st.sentences()
	st.resolveOverlaps()
	st.applyContext()
	st.clearEvidence()
	st.lexiconEvidence()
	st.applyRules()
	st.learn()
	return st.result()
}

// clearEvidence empties the evidence and targets of the previous call.
func (st *state) clearEvidence() {
	for i := range st.ev {
		clear(st.ev[i])
		st.ev[i] = st.ev[i][:0]
		st.targets[i] = st.targets[i][:0]
	}
}
