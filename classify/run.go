package classify

import (
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

// state is the per-call scratch space of Classify, pooled per Classifier.
// It owns what every phase needs: the classifier, the text, its tokens and
// sentences, the matches and the evidence.
type state struct {
	c      *Classifier
	src    string
	toks   []normalize.Token
	sent   []int32
	clause []int32
	// brk and gram are, per token, the breaks before it and the grammar
	// lists of its word (see sentences).
	brk     []breaks
	gram    []grammar
	matches []match
	buf     []byte
	// cue holds, per clause, the index of the counter cue that applies to
	// it or -1; textCue the cue that applies to the whole text, or -1.
	cue     []int32
	textCue int32
	// best is scratch for scoring: per match, the highest weight of the
	// evidence standing on it.
	best    []float64
	ev      [numLabels][]Evidence
	targets [numLabels][]lexicon.Target
	// order, kept and omit are scratch for choosing the evidence a label
	// lists when it has more than MaxEvidence (see strongest).
	order []int32
	kept  []Evidence
	omit  []bool
	learnState
}

// run classifies text. It is the outline of the whole pipeline, one file a
// phase: normalise (package normalize), match the lexicons (match.go),
// weigh each match in its context (context.go), turn matches into evidence
// and apply the rules over nearby tokens (rules.go), score each label
// (score.go) and assemble the Result (result.go).
func (st *state) run(c *Classifier, text string) Result {
	r := st.pipeline(c, text)
	st.release()
	return r
}

// maxPooledTokens is the most tokens a state's scratch may have held to
// go back to the pool whole. A long text's scratch (tokens, matches and
// evidence: some 90 MB for a 1 MB post dense with insults) is left to the
// collector instead, so that the pool does not pin it, nor the text, after
// the call.
const maxPooledTokens = 1 << 14

// release drops what st holds of the call just done that the pool would
// otherwise keep alive: the text, and the scratch of a long one, the
// buffers of its features (learnState) included. Features reads the
// features before it releases st.
func (st *state) release() {
	st.src = ""
	if cap(st.toks) <= maxPooledTokens {
		return
	}
	st.toks, st.sent, st.clause, st.brk, st.gram, st.matches, st.buf, st.cue, st.best = nil, nil, nil, nil, nil, nil, nil, nil, nil
	st.ev, st.targets = [numLabels][]Evidence{}, [numLabels][]lexicon.Target{}
	st.order, st.kept, st.omit = nil, nil, nil
	st.fbuf, st.feats, st.allowed, st.hits = nil, nil, nil, nil
}

// pipeline runs each phase on text (see run).
func (st *state) pipeline(c *Classifier, text string) Result {
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
