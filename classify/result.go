package classify

import (
	"cmp"
	"slices"
	"strings"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

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
	// Start and End are byte offsets into the text as given to Classify,
	// invalid UTF-8 bytes included (a JSON reader has turned each into
	// U+FFFD before saring sees it; see the README's Offsets).
	Start int `json:"start"`
	End   int `json:"end"`
	// StartCodePoint and EndCodePoint are the same span in Unicode code
	// points (Python's str indices); StartUTF16 and EndUTF16 in UTF-16 code
	// units (JavaScript's and Java's string indices, and Perspective's span
	// offsets). An invalid UTF-8 byte counts as one code point and one
	// UTF-16 unit, as U+FFFD. See offsets.go.
	StartCodePoint int `json:"start_codepoint"`
	EndCodePoint   int `json:"end_codepoint"`
	StartUTF16     int `json:"start_utf16"`
	EndUTF16       int `json:"end_utf16"`
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
	// trigStart and trigEnd are, for rule evidence, the span of the term
	// the rule fired on (its on= match), or of what a rule over the whole
	// text found: the words Mask hides.
	trigStart, trigEnd int32
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
	// Evidence lists the evidence for the label, the lexicon matches first,
	// then the rules; sara evidence also appears under hate_speech. It is
	// every piece but on long texts dense with matches, where it is the
	// MaxEvidence strongest in text order (see MaxEvidence).
	Evidence []Evidence `json:"evidence"`
	// EvidenceOmitted counts the pieces of evidence beyond MaxEvidence that
	// Evidence does not list; 0 when it lists them all.
	EvidenceOmitted int `json:"evidence_omitted,omitempty"`

	// omitted is what the unlisted evidence still decides, nil when
	// nothing was omitted.
	omitted *omittedEvidence
}

// MaxEvidence is the most evidence a LabelResult lists. A long text dense
// with matches has evidence in proportion to its length (a 1 MB post of
// insults and group slurs, about 50,000 pieces a label), and each piece
// costs some 250 bytes in a Result and more in its JSON; the cap bounds
// both. Beyond it a label lists its MaxEvidence strongest pieces (by
// weight, the earlier of equal ones) in text order (by Start, where a
// highlighter wants them), and counts the others in EvidenceOmitted. The
// score and severity count every piece, listed or not, and Mask hides
// every piece's span, so the cap changes no verdict.
const MaxEvidence = 100

// omittedEvidence is what a label's unlisted evidence decides besides its
// score: the spans Mask hides and the label's severity over all its
// evidence (which WithThresholds gives a label it newly flags).
type omittedEvidence struct {
	spans    []span
	severity Severity
}

// span is a byte range [start, end) of a text.
type span struct{ start, end int32 }

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

// WithThresholds returns r as it would be with the given flagging
// thresholds: each label in thresholds is flagged when its score reaches its
// threshold there, and the others keep their verdict. Scores and evidence do
// not change. A label newly flagged gets the severity it would have had;
// a label no longer flagged loses it. r itself is not changed.
func (r Result) WithThresholds(thresholds map[lexicon.Label]float64) Result {
	out := Result{Flagged: []lexicon.Label{}, Labels: slices.Clone(r.Labels)}
	for i := range out.Labels {
		lr := &out.Labels[i]
		if t, ok := thresholds[lr.Label]; ok {
			flagged := lr.Score >= t
			switch {
			case flagged && !lr.Flagged:
				lr.Severity = lr.severity()
			case !flagged:
				lr.Severity = 0
			}
			lr.Flagged = flagged
		}
		if lr.Flagged {
			out.Flagged = append(out.Flagged, lr.Label)
		}
	}
	return out
}

// severity is the severity lr has when flagged: over all its evidence,
// listed or not.
func (lr *LabelResult) severity() Severity {
	if lr.omitted != nil {
		return lr.omitted.severity
	}
	return labelSeverity(lr.Evidence)
}

// Evidence is built here only: from a lexicon match (lexiconEvidence), by a
// rule over nearby tokens (ruleEv) and by a rule over the whole text
// (textEv).

// lexiconEvidence turns each kept label match into evidence for its labels.
func (st *state) lexiconEvidence() {
	c := st.c
	for i := range st.matches {
		m := &st.matches[i]
		e := &c.entries[m.entry]
		if m.dropped || len(e.Labels) == 0 {
			continue
		}
		start, end := st.span(m)
		x := Evidence{
			Term: e.Term, Text: st.src[start:end], Start: start, End: end,
			Match: m.how, Via: viaNames(m.via), Distance: m.dist, Kind: string(e.Kind),
			Weight: m.weight, Context: m.context, Source: c.sources[m.entry], severity: e.Severity,
			src: m.idx,
		}
		for _, l := range e.Labels {
			li := labelIndex(l)
			st.ev[li] = append(st.ev[li], x)
			if li == iSARA {
				st.targets[li] = appendTargets(st.targets[li], e.Targets)
			}
		}
	}
}

// ruleEv builds the evidence of rule r fired on trigger m with context ctx
// (m itself when the rule has none), of weight w. It spans both and stands
// on m, whose context it carries.
func (st *state) ruleEv(r *rule, m, ctx *match, w float64) Evidence {
	c := st.c
	s1, e1 := st.span(m)
	s2, e2 := st.span(ctx)
	start, end := min(s1, s2), max(e1, e2)
	first, second := ctx, m // the context first when both start together (mulutmu in mulut bau)
	if m.from < ctx.from {
		first, second = m, ctx
	}
	sev := r.severity
	for _, x := range [...]*match{m, ctx} {
		if x.entry >= 0 {
			sev = max(sev, c.entries[x.entry].Severity)
		}
	}
	term := st.termOf(first)
	if first != second {
		term += " + " + st.termOf(second)
	}
	var why []string
	why = append(why, m.context...)
	if ctx != m && ctx.entry >= 0 {
		why = append(why, ctx.context...)
	}
	return Evidence{
		Term: term, Text: st.src[start:end], Start: start, End: end,
		Match: MatchRule, Rule: r.name, Weight: w, Context: why, severity: sev, src: m.idx,
		trigStart: int32(s1), trigEnd: int32(e1),
	}
}

// textEv builds the evidence of rule r over the whole text, found at
// [start, end): it stands on no match.
func (st *state) textEv(r *rule, term string, start, end int) Evidence {
	return Evidence{
		Term: term, Text: st.src[start:end], Start: start, End: end,
		Match: MatchRule, Rule: r.name, Weight: r.weight, severity: r.severity, src: -1,
		trigStart: int32(start), trigEnd: int32(end),
	}
}

// termOf names m in rule evidence: its entry's term, or the token.
func (st *state) termOf(m *match) string {
	if m.entry < 0 {
		return st.toks[m.from].Norm
	}
	return st.c.entries[m.entry].Term
}

func appendTargets(ts []lexicon.Target, add []lexicon.Target) []lexicon.Target {
	for _, t := range add {
		if !slices.Contains(ts, t) {
			ts = append(ts, t)
		}
	}
	return ts
}

// viaTable holds the names of every combination of the seven Via bits.
var viaTable = func() (t [128][]string) {
	for v := 1; v < len(t); v++ {
		t[v] = strings.Split(normalize.Via(v).String(), ",")
	}
	return t
}()

// viaNames lists the normalisation steps in via.
func viaNames(via normalize.Via) []string {
	if via == 0 {
		return nil
	}
	if int(via) < len(viaTable) {
		return slices.Clone(viaTable[via]) // the caller owns its Evidence
	}
	return strings.Split(via.String(), ",")
}

// shown reports whether label i is in the result: it scores above 0 and
// has evidence or is flagged (a model's bias alone may flag a label).
func (st *state) shown(i int, s scores) bool {
	return s.score[i] > 0 && (len(st.ev[i]) > 0 || s.score[i] >= st.c.threshold[i])
}

// result scores each label and assembles the Result. It copies the
// evidence out of the scratch space into one allocation.
func (st *state) result() Result {
	c := st.c
	s := st.score()
	nLabels, nFlagged, nEv := 0, 0, 0
	for i := range labelOrder {
		if !st.shown(i, s) {
			continue
		}
		nLabels++
		nEv += min(len(st.ev[i]), MaxEvidence)
		if s.score[i] >= c.threshold[i] {
			nFlagged++
		}
	}
	r := Result{Flagged: []lexicon.Label{}, Labels: []LabelResult{}}
	if nLabels == 0 {
		return r
	}
	r.Labels = make([]LabelResult, 0, nLabels)
	if nFlagged > 0 {
		r.Flagged = make([]lexicon.Label, 0, nFlagged)
	}
	all := make([]Evidence, 0, nEv)
	for i, l := range labelOrder {
		if !st.shown(i, s) {
			continue
		}
		from := len(all)
		lr := LabelResult{Label: l, Score: s.score[i], Flagged: s.score[i] >= c.threshold[i]}
		ev := st.ev[i]
		if len(ev) > MaxEvidence {
			ev = st.strongest(ev)
			lr.EvidenceOmitted = len(st.ev[i]) - MaxEvidence
			lr.omitted = &omittedEvidence{spans: st.omittedSpans(st.ev[i]), severity: s.sev[i]}
		}
		for _, x := range ev {
			x.Weight = round3(x.Weight) // for stable output; scores used the exact weights
			all = append(all, x)
		}
		lr.Evidence = all[from:len(all):len(all)]
		if lr.Flagged {
			lr.Severity = s.sev[i]
			r.Flagged = append(r.Flagged, l)
		}
		if i == iSARA && len(st.targets[i]) > 0 {
			lr.Targets = slices.Clone(st.targets[i])
			slices.Sort(lr.Targets)
		}
		r.Labels = append(r.Labels, lr)
	}
	return r
}

// strongest returns the MaxEvidence pieces of ev of the highest weight, the
// earlier of equal ones, in text order (by Start; pieces that start
// together in their order in ev), and marks the others in st.omit for
// omittedSpans. The slice returned is st's scratch.
func (st *state) strongest(ev []Evidence) []Evidence {
	order := st.order[:0]
	for i := range ev {
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(a, b int32) int { return cmp.Compare(ev[b].Weight, ev[a].Weight) })
	keep := order[:MaxEvidence]
	slices.Sort(keep)
	st.omit = slices.Grow(st.omit[:0], len(ev))[:len(ev)]
	for i := range st.omit {
		st.omit[i] = true
	}
	kept := st.kept[:0]
	for _, k := range keep {
		kept = append(kept, ev[k])
		st.omit[k] = false
	}
	slices.SortStableFunc(kept, func(a, b Evidence) int { return cmp.Compare(a.Start, b.Start) })
	st.order, st.kept = order, kept
	return kept
}

// omittedSpans returns the spans Mask hides of the pieces of ev strongest
// left out (marked in st.omit), merged where they overlap or touch: Mask
// hides their union.
func (st *state) omittedSpans(ev []Evidence) []span {
	var spans []span
	for i := range ev {
		if !st.omit[i] {
			continue
		}
		if start, end, ok := ev[i].maskSpan(); ok && start < end {
			spans = append(spans, span{int32(start), int32(end)})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return cmp.Compare(a.start, b.start) })
	merged := spans[:0]
	for _, x := range spans {
		if n := len(merged); n > 0 && x.start <= merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, x.end)
			continue
		}
		merged = append(merged, x)
	}
	return slices.Clip(merged)
}
