package classify

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
	"github.com/saring-id/saring/normalize"
)

// MatchLearned marks evidence from a model's learned weights: Term is the
// feature (w:kata, t:bangsat, ...), Text its words in the original text and
// Weight its contribution to the label's log-odds.
const MatchLearned How = "learned"

// learnedSeverity is the severity of learned evidence: that of a lexicon
// entry that names none (lexicon: moderate). A label the model flags thus
// takes its severity as a lexicon label does, the strongest among its
// evidence of weight 0.1 or more, lexicon and learned: moderate, or strong
// where strong lexicon evidence stands beside the learned features.
const learnedSeverity = lexicon.Moderate

// learnedEvidence is how many of a label's strongest contributing features
// a result shows as evidence.
const learnedEvidence = 3

// WithModel makes the labels m covers scored by m: a calibrated probability
// from a logistic regression over the text's features (see Features),
// flagged at m's threshold unless WithThreshold sets another. Their
// evidence keeps the lexicon evidence and, when flagged, adds the
// strongest contributing learned features. A covered label appears in a
// result when it is flagged or has lexicon evidence. Labels m does not
// cover are scored by the lexicons. sara is hate speech too: where m covers
// both, hate_speech scores at least sara's score and is flagged where sara
// is, as the lexicons count sara's evidence for hate_speech.
func WithModel(m *model.Model) Option {
	return func(c *config) error {
		if m == nil {
			return fmt.Errorf("classify: WithModel: nil model")
		}
		if m.Features != model.FeatureVersion {
			return fmt.Errorf("classify: WithModel: %w: the model has feature version %d, this saring computes %d",
				model.ErrFeatureVersion, m.Features, model.FeatureVersion)
		}
		c.model = m
		return nil
	}
}

// WithModelFile is WithModel with the model file at path (model.Load). The
// file is read by New, so Live.Reload with this option reads it again.
func WithModelFile(path string) Option {
	return func(c *config) error {
		m, err := model.Load(path)
		if err != nil {
			return err
		}
		return WithModel(m)(c)
	}
}

// learned is a model laid out for scoring: one map probe a feature.
type learned struct {
	// ids maps a feature's name after its kind letter and colon to its
	// id, by the kind letter (ids['w']["kata"]), so that a feature is
	// looked up by the word itself, without building its name.
	ids [128]map[string]int32
	// names are the features by id (for evidence terms).
	names []string
	// slot is the column of each label in w, or -1 when not covered.
	slot [numLabels]int
	bias []float64
	// w holds the weights, row by feature id, one column a covered label.
	w []float64
	// deference is the model's Defer; threshold holds the model's
	// threshold of each covered label, which a deferring model's scores
	// are rescaled by (model.Reading.Combine).
	deference bool
	threshold []float64
	// id names the model (see Classifier.ModelID).
	id string
}

// ModelID names the model c scores with: the first 12 hex digits of the
// SHA-256 of the model as model.Model.Write writes it (the same model
// always gives the same bytes), then its training corpus's name and size
// from its header ("3f2a9c1d0b7e dev.csv/9298"); "" when c has no model.
func (c *Classifier) ModelID() string {
	if c.learned == nil {
		return ""
	}
	return c.learned.id
}

// modelID computes the name ModelID gives m.
func modelID(m *model.Model) string {
	sum := sha256.New()
	if err := m.Write(sum); err != nil {
		return "unwritable " + m.Corpus // a feature name Write refuses; still a model in force
	}
	return fmt.Sprintf("%s %s/%d", hex.EncodeToString(sum.Sum(nil))[:12], m.Corpus, m.Size)
}

// useModel lays out cfg's model, if any, and sets the thresholds of the
// labels it covers that WithThreshold did not set.
func (c *Classifier) useModel(cfg *config) {
	m := cfg.model
	if m == nil {
		return
	}
	lm := &learned{deference: m.Defer, id: modelID(m)}
	for i := range lm.slot {
		lm.slot[i] = -1
	}
	seen := make(map[string]bool)
	for s, l := range m.Labels {
		i := labelIndex(l.Label)
		lm.slot[i] = s
		lm.bias = append(lm.bias, l.Bias)
		lm.threshold = append(lm.threshold, l.Threshold)
		if _, set := cfg.threshold[l.Label]; !set && !m.Defer {
			c.threshold[i] = l.Threshold // a deferring model's scores are on the lexicons' scale
		}
		for f := range l.Weights {
			if !seen[f] {
				seen[f] = true
				lm.names = append(lm.names, f)
			}
		}
	}
	slices.Sort(lm.names) // ids in name order, independent of map order
	id := make(map[string]int32, len(lm.names))
	for k, f := range lm.names {
		id[f] = int32(k)
		kind, name, ok := strings.Cut(f, ":")
		if !ok || len(kind) != 1 || kind[0] >= 128 {
			continue // no feature classify computes: its weight never counts
		}
		if lm.ids[kind[0]] == nil {
			lm.ids[kind[0]] = make(map[string]int32)
		}
		lm.ids[kind[0]][name] = int32(k)
	}
	stride := len(m.Labels)
	lm.w = make([]float64, len(lm.names)*stride)
	for s, l := range m.Labels {
		for f, w := range l.Weights {
			lm.w[int(id[f])*stride+s] = w
		}
	}
	c.learned = lm
}

// Model features (model.FeatureVersion 1), computed from the analysis
// Classify already made:
//
//	w:WORD    a normalised word (value 1)
//	s:STEM    its stem, when it differs from the word
//	t:TERM    a lexicon term found, at its weight after context
//	k:KIND    the kind of a lexicon term found (insult, slur, ...), at its weight
//	r:RULE    a rule that fired (person+insult, ...), at its weight
//	x:LABEL   the label's lexicon score
//	l:LIST    a group or political-target word found (value 1)
//	g:TARGET  the SARA target of a group word or term (value 1)
//	c:reply   the text opens with a mention (a reply to someone)
//	c:you     a pronoun that addresses the reader (list=second_person)
//	c:shout   most of the text's letters are capitals
//
//	d:LABEL   context (negation, counter-speech, quotation) weakened the
//	          label's lexicon evidence (value 1)
//
// and l:LIST also for allow-listed phrases, counter-speech cues and
// mention words. The words of an allow-listed phrase (anjing peliharaan)
// are not word features: the lexicons know them harmless. A label's score
// combines the model's probability with this reading of the text (see
// model.Reading.Combine).
type feat struct {
	off, n     int32 // the name in state.fbuf
	val        float64
	start, end int32
}

// unmatched is the result of a text that no lexicon entry matched: empty,
// or with a model (or for Features) the model's features and scores. The
// lexicons' rules do not run, as without a model.
func (st *state) unmatched() Result {
	if !st.learning() {
		return Result{Flagged: []lexicon.Label{}, Labels: []LabelResult{}}
	}
	st.clearEvidence()
	st.learn()
	return st.result()
}

// learning reports whether run must compute features.
func (st *state) learning() bool { return st.c.learned != nil || st.collect }

// learn computes the text's features and, with a model, scores the labels
// it covers and adds their learned evidence to ev. It runs after the
// lexicon and rule evidence are in st.ev.
func (st *state) learn() {
	if !st.learning() {
		return
	}
	st.features()
	if st.c.learned != nil {
		st.predict()
	}
}

// addFeat records the feature kind:name (kind is one letter and its
// colon, "w:") with its value and span: in st.feats when collecting them
// (Features), and in st.hits when the classifier's model knows it.
func (st *state) addFeat(kind, name string, val float64, start, end int) {
	if st.collect {
		off := len(st.fbuf)
		st.fbuf = append(st.fbuf, kind...)
		st.fbuf = append(st.fbuf, name...)
		st.feats = append(st.feats, feat{int32(off), int32(len(st.fbuf) - off), val, int32(start), int32(end)})
	}
	if st.lm == nil {
		return
	}
	id, ok := st.lm.ids[kind[0]&127][name]
	if !ok {
		return
	}
	// A feature counts once, at its highest value, with its first span.
	if st.mark[id] == st.gen {
		h := &st.hits[st.where[id]]
		h.val = max(h.val, val)
		return
	}
	st.mark[id] = st.gen
	st.where[id] = int32(len(st.hits))
	st.hits = append(st.hits, hit{id, val, int32(start), int32(end)})
}

// features fills st.feats (see feat) and st.reading from the tokens, the
// matches and the evidence.
func (st *state) features() {
	c, text, ev := st.c, st.src, &st.ev
	st.fbuf, st.feats, st.hits = st.fbuf[:0], st.feats[:0], st.hits[:0]
	st.lm = c.learned
	if lm := st.lm; lm != nil {
		if len(st.mark) != len(lm.names) {
			st.mark, st.where, st.gen = make([]uint32, len(lm.names)), make([]int32, len(lm.names)), 0
		}
		if st.gen++; st.gen == 0 { // wrapped: forget every mark
			clear(st.mark)
			st.gen = 1
		}
	}
	st.reading = model.Reading{}
	st.allowed = slices.Grow(st.allowed[:0], len(st.toks))[:len(st.toks)]
	clear(st.allowed)
	for i := range st.matches {
		m := &st.matches[i]
		e := &c.entries[m.entry]
		if m.dropped {
			continue
		}
		start, end := st.span(m)
		switch e.List {
		case lexicon.Allow:
			for k := m.from; k < m.to; k++ {
				st.allowed[k] = true
			}
			fallthrough
		case lexicon.Counter, lexicon.Mention, lexicon.Group, lexicon.Political:
			st.reading.Harmless = true
			st.addFeat("l:", string(e.List), 1, start, end)
		}
		for _, t := range e.Targets {
			st.addFeat("g:", string(t), 1, start, end)
		}
	}
	for i := range st.toks {
		t := &st.toks[i]
		if !isWordy(t.Kind) || st.allowed[i] {
			if i == 0 && t.Kind == normalize.Mention {
				st.addFeat("c:", "reply", 1, t.Start, t.End)
			}
			continue
		}
		st.addFeat("w:", t.Norm, 1, t.Start, t.End)
		if t.Stem != t.Norm {
			st.addFeat("s:", t.Stem, 1, t.Start, t.End)
		}
		if c.is(t.Norm, gSecondPerson) {
			st.addFeat("c:", "you", 1, t.Start, t.End)
		}
	}
	if isShouting(text) {
		st.addFeat("c:", "shout", 1, 0, len(text))
	}
	for i, l := range labelOrder {
		for k, j := range [...]int{i, iSARA} {
			if k > 0 && i != iHate {
				break // sara's evidence also counts for hate_speech
			}
			for _, x := range ev[j] {
				if len(x.Context) > 0 && !st.reading.Defused[i] {
					st.reading.Defused[i] = true
					st.addFeat("d:", string(l), 1, x.Start, x.End)
				}
			}
		}
		for _, x := range ev[i] {
			if x.Rule != "" {
				st.addFeat("r:", x.Rule, x.Weight, x.Start, x.End)
				continue
			}
			st.addFeat("t:", x.Term, x.Weight, x.Start, x.End)
			if x.Kind != "" {
				st.addFeat("k:", x.Kind, x.Weight, x.Start, x.End)
			}
		}
		s, at := st.lexiconScore(i)
		st.reading.Score[i] = s
		if s > 0 && at.label >= 0 {
			st.addFeat("x:", string(l), s, ev[at.label][at.i].Start, ev[at.label][at.i].End)
		}
	}
}

// evAt names one piece of evidence in ev.
type evAt struct{ label, i int }

// lexiconScore is the score the lexicons give label i, as result computes
// it (sara's evidence counts for hate_speech), and its strongest evidence.
// It is computed once a label: scoreOf reuses it (st.reading.Score).
func (st *state) lexiconScore(i int) (float64, evAt) {
	ev := &st.ev
	var miss float64
	if i == iHate && len(ev[iSARA]) > 0 {
		n := len(ev[iHate])
		ev[iHate] = append(ev[iHate], ev[iSARA]...)
		miss = st.miss(ev[iHate])
		ev[iHate] = ev[iHate][:n]
	} else {
		miss = st.miss(ev[i])
	}
	best := evAt{-1, -1}
	var bw float64
	for n, j := range [...]int{i, iSARA} {
		if n > 0 && i != iHate {
			break // sara's evidence also counts for hate_speech
		}
		for k, x := range ev[j] {
			if x.Weight > bw {
				best, bw = evAt{j, k}, x.Weight
			}
		}
	}
	return round3(1 - miss), best
}

// learnState is the scratch space of features and scoring in state.
type learnState struct {
	// collect makes run compute features without a model (Features).
	collect bool
	fbuf    []byte
	feats   []feat
	// allowed marks the tokens of allow-listed phrases (see feat).
	allowed []bool
	// reading is what the lexicons made of the text (see model.Reading).
	reading model.Reading
	hits    []hit
	// lm is the model features are looked up in, or nil.
	lm *learned
	// mark[id] == gen marks the model features already in hits, at
	// where[id]; both are sized to the model.
	mark  []uint32
	where []int32
	gen   uint32
	// prob is the model's probability of each label it covers.
	prob [numLabels]float64
}

// hit is a feature the model knows.
type hit struct {
	id         int32
	val        float64
	start, end int32
}

// predict computes the score of each label the model covers into st.prob
// and, when it flags the label, adds the strongest contributing features
// to its evidence as learned evidence. A covered label that the model does
// not flag and the lexicons found no evidence for is left out of the
// result; a flagged one is always in it, with no evidence when only the
// bias carries it. sara is hate speech too (see coverSARA).
func (st *state) predict() {
	c := st.c
	lm := c.learned
	hits := st.hits
	stride := len(lm.bias)
	var decided [numLabels]bool
	for i := range labelOrder {
		s := lm.slot[i]
		if s < 0 {
			continue
		}
		z := lm.bias[s]
		for _, h := range hits {
			z += lm.w[int(h.id)*stride+s] * h.val
		}
		st.prob[i] = model.Sigmoid(z)
		if lm.deference {
			decided[i], _ = st.reading.Decided(i)
			st.prob[i] = st.reading.Combine(i, st.prob[i], lm.threshold[s])
		}
	}
	st.coverSARA()
	for i := range labelOrder {
		if s := lm.slot[i]; s >= 0 && round3(st.prob[i]) >= c.threshold[i] && !decided[i] {
			st.explain(lm, s, i)
		}
	}
}

// coverSARA keeps sara hate speech too (DESIGN.md: sara is always also
// hate_speech) when the model covers both: hate_speech scores at least
// sara's score, and where sara is flagged so is hate_speech, at least at
// its threshold (which may be above sara's: a model sets each label's
// own). The lexicons keep this by counting sara's evidence for
// hate_speech; the two models' probabilities need not agree.
func (st *state) coverSARA() {
	if !st.modelled(iHate) || !st.modelled(iSARA) {
		return
	}
	p, t := &st.prob, &st.c.threshold
	p[iHate] = max(p[iHate], p[iSARA])
	if round3(p[iSARA]) >= t[iSARA] {
		p[iHate] = max(p[iHate], t[iHate])
	}
}

// explain adds the strongest positive contributions to label i's score
// (slot s of the model) to its evidence as learned evidence.
func (st *state) explain(lm *learned, s, i int) {
	text, ev := st.src, &st.ev
	var top [learnedEvidence]struct {
		h hit
		c float64
	}
	stride := len(lm.bias)
	for _, h := range st.hits {
		contrib := lm.w[int(h.id)*stride+s] * h.val
		for k := range top {
			if contrib > top[k].c {
				copy(top[k+1:], top[k:len(top)-1])
				top[k].h, top[k].c = h, contrib
				break
			}
		}
	}
	for _, t := range top {
		if t.c <= 0 {
			break
		}
		start, end := int(t.h.start), int(t.h.end)
		ev[i] = append(ev[i], Evidence{
			Term: lm.names[t.h.id], Text: text[start:end], Start: start, End: end,
			Match: MatchLearned, Weight: t.c, src: -1, severity: learnedSeverity,
		})
	}
}

// modelled reports whether the classifier's model covers label i.
func (st *state) modelled(i int) bool {
	lm := st.c.learned
	return lm != nil && lm.slot[i] >= 0
}

// scoreOf is the score of label i: the model's probability when the
// classifier has a model that covers it, else the lexicons' noisy-OR,
// which features already computed when the text's features were computed
// (st.reading.Score).
func (st *state) scoreOf(i int) float64 {
	switch {
	case st.modelled(i):
		return round3(st.prob[i])
	case st.learning():
		return st.reading.Score[i]
	}
	return round3(1 - st.miss(st.ev[i]))
}

// Features returns the model features of text (see WithModel), each once
// at its highest value, sorted by name: what package train fits models on.
// They come from the same analysis Classify makes, with this classifier's
// lexicons; a classifier's model does not change them.
func (c *Classifier) Features(text string) []model.Feature {
	st := c.scratch.Get().(*state)
	st.collect = true
	st.pipeline(c, text)
	st.collect = false
	out := make([]model.Feature, 0, len(st.feats))
	for _, f := range st.feats {
		out = append(out, model.Feature{Name: string(st.fbuf[f.off : f.off+f.n]), Value: f.val})
	}
	st.release()
	c.scratch.Put(st)
	slices.SortStableFunc(out, func(a, b model.Feature) int {
		return cmp.Or(strings.Compare(a.Name, b.Name), -cmp.Compare(a.Value, b.Value))
	})
	return slices.CompactFunc(out, func(a, b model.Feature) bool { return a.Name == b.Name })
}
