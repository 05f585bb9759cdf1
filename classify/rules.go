package classify

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

// The rules over nearby tokens are lexicon data (@rule lines, see
// lexicon/README.md); New compiles them into this table. Only what cannot
// be data is Go: the sides (how context is found), the finders of rules
// over the whole text and the named checks (predicates).

// ruleBoost is added to a match's entry weight when a rule with
// weight=boost upgrades it (aimed at a person or group, next to a
// political target).
const ruleBoost = 0.35

// side says where a rule looks for its context (lexicon.RuleSides).
type side uint8

const (
	sideAny side = iota
	sideBefore
	sideAfter
	sideObject
	sideAddressee
	sideText
)

var sideNames = map[string]side{
	"any": sideAny, "before": sideBefore, "after": sideAfter,
	"object": sideObject, "addressee": sideAddressee, "text": sideText,
}

// test is an entry test of a rule: an entry passes when it has one of the
// labels, its kind is one of the kinds, or its list one of the lists.
type test struct {
	labels uint8
	kinds  uint32
	lists  uint32
}

func (t test) pass(e *lexicon.Entry) bool {
	return t.passBits(entryBits(e))
}

// passBits is pass on an entry's bits (see entryBits).
func (t test) passBits(b test) bool {
	return t.labels&b.labels != 0 || t.kinds&b.kinds != 0 || t.lists&b.lists != 0
}

// entryBits returns the labels, kind and list of e as a test's bits.
func entryBits(e *lexicon.Entry) test {
	b := test{kinds: kindBits[e.Kind], lists: listBits[e.List]}
	for _, l := range e.Labels {
		b.labels |= 1 << labelIndex(l)
	}
	return b
}

// kindBits and listBits number the kinds and lists for tests.
var (
	kindBits = bitsOf(lexicon.Kinds())
	listBits = bitsOf(lexicon.Lists())
)

func bitsOf[T comparable](xs []T) map[T]uint32 {
	m := make(map[T]uint32, len(xs))
	for i, x := range xs {
		m[x] = 1 << i
	}
	return m
}

// compileTest turns the test names of a rule into a test (an entry passes
// one of them).
func compileTest(names []string) test {
	var t test
	kinds := lexicon.Kinds()
	for _, n := range names {
		switch {
		case lexicon.Label(n).Valid():
			t.labels |= 1 << labelIndex(lexicon.Label(n))
		case lexicon.Kind(n).Valid():
			t.kinds |= kindBits[lexicon.Kind(n)]
		case lexicon.List(n).Valid():
			t.lists |= listBits[lexicon.List(n)]
		default: // a kind class
			class, _ := lexicon.KindClass(n)
			for i, k := range kinds {
				if class(k) {
					t.kinds |= 1 << i
				}
			}
		}
	}
	return t
}

// rule is a compiled lexicon.Rule.
type rule struct {
	name    string
	and     []test
	near    []lexicon.List
	without []lexicon.List
	window  int
	side    side
	find    finder
	// checks are the named checks to run before the context is looked
	// for, ctxChecks those that need it; onEntry the checks of the entry
	// alone, folded into the ruleMask of each entry.
	checks    []check
	ctxChecks []check
	onEntry   []entryCheck
	give      []give
	// on holds the labels a side=text rule needs evidence for.
	on       []int
	boost    bool
	weight   float64
	targets  bool
	severity lexicon.Severity
	// aims: the rule gives sara or hate_speech (see the check aimed).
	aims bool
	// nearID and withoutID number the context searches of near and
	// without: equal lists, window and side, equal id (from 1).
	nearID, withoutID int
}

type give struct {
	label int
	when  *test // nil: always
}

// check is a named predicate of a rule, or its negation.
type check struct {
	fn   func(st *state, f *firing) bool
	want bool
}

// entryCheck is a named check of the trigger's entry alone, or its negation.
type entryCheck struct {
	fn   func(e *lexicon.Entry) bool
	want bool
}

// firing is one rule tried on one trigger match: what the checks see.
type firing struct {
	m   *match
	e   *lexicon.Entry
	ctx *match // the context found, or nil
	// aimed: an earlier rule that gives sara or hate_speech fired on m.
	aimed bool
	// weighed: m, a context-list match, has its weight after counter-speech.
	weighed bool
	// found caches the last context search on m: search is its id (see
	// rule.nearID), 0 for none yet.
	search int
	found  *match
}

// contextOf returns the result of search id over lists ls around f.m,
// looked up once per trigger: rules that share a search (action+target,
// action+group, threat, imperative) share its result.
func (st *state) contextOf(r *rule, id int, ls []lexicon.List, f *firing) *match {
	if f.search != id {
		f.search, f.found = id, st.findContext(r, ls, f.m)
	}
	return f.found
}

// predicates are the named checks (lexicon.RulePredicates) of the trigger
// and its neighbourhood; ctxPredicates those that look at the context
// found; entryPredicates those of the trigger's entry alone.
var (
	predicates = map[string]func(st *state, f *firing) bool{
		"aimed": func(st *state, f *firing) bool {
			return f.aimed || st.inLabel(f.m, lexicon.SARA) || st.inLabel(f.m, lexicon.HateSpeech)
		},
		"exclaimed": func(st *state, f *firing) bool { return st.exclaimed(f.m) },
		"imperative": func(st *state, f *firing) bool {
			t := &st.toks[f.m.from]
			prefixed := t.Norm != t.Stem && !strings.HasPrefix(t.Norm, t.Stem) || st.splitPassive(f.m)
			return !prefixed || st.called(f.m)
		},
		"command":        func(st *state, f *firing) bool { return st.called(f.m) || st.commandAt(f.m) },
		"in_provocation": func(st *state, f *firing) bool { return st.inLabel(f.m, lexicon.Provocation) },
		"negated":        func(st *state, f *firing) bool { return st.negation(f.m) != nil },
		"self":           func(st *state, f *firing) bool { return st.ownAct(f.m) },
	}
	ctxPredicates = map[string]func(st *state, f *firing) bool{
		"reason":       func(st *state, f *firing) bool { return f.ctx != nil && st.reasonBetween(f.m, f.ctx) },
		"group_target": func(st *state, f *firing) bool { return f.ctx != nil && st.list(f.ctx) == lexicon.Group },
		"one_person":   func(st *state, f *firing) bool { return st.onePerson(f.m, f.ctx) },
		"personal_threat": func(st *state, f *firing) bool {
			return st.onePerson(f.m, f.ctx) && !st.called(f.m) && st.c.addressed(&st.c.entries[f.ctx.entry])
		},
		"generalised": func(st *state, f *firing) bool { return f.ctx != nil && st.generalised(f.m, f.ctx) },
		"spoken_to":   func(st *state, f *firing) bool { return st.spokenTo(f.m, f.ctx) },
	}
	entryPredicates = map[string]func(e *lexicon.Entry) bool{
		"mild": func(e *lexicon.Entry) bool { return e.Weight < DefaultThreshold && e.Severity > lexicon.Weak },
	}
)

// finder finds the evidence of a rule over the whole text (side=text), or
// reports false.
type finder func(st *state, r *rule) (term string, start, end int, ok bool)

var finders = map[string]finder{
	"shouting": func(st *state, r *rule) (string, int, int, bool) {
		return "shouting", 0, len(st.src), isShouting(st.src)
	},
	"exclamations": func(st *state, r *rule) (string, int, int, bool) {
		ends := st.chainEnds(r.on[0])
		last, j := -1, 0 // the end of the last chain match before "!!"
		for from := 0; ; {
			i := strings.Index(st.src[from:], "!!")
			if i < 0 {
				return "", 0, 0, false
			}
			i += from
			for ; j < len(ends) && ends[j] <= i; j++ {
				last = ends[j]
			}
			if last < 0 || !closesCall(st.src[last:i]) {
				return "!!", i, i + 2, true
			}
			for from = i; from < len(st.src) && st.src[from] == '!'; from++ {
			}
		}
	},
	"chain_claim": func(st *state, r *rule) (string, int, int, bool) {
		a, b := st.chainClaim(r.on[0])
		if a == nil || b == nil {
			return "", 0, 0, false
		}
		return a.Term + " + " + b.Term, min(a.Start, b.Start), max(a.End, b.End), true
	},
}

// compileRules compiles the rules of set.
func compileRules(rs []lexicon.Rule) ([]rule, error) {
	if len(rs) > lexicon.MaxRules {
		r := &rs[lexicon.MaxRules]
		return nil, fmt.Errorf("%s: rule %q is rule %d of the lexicons; at most %d", r.Source, r.Name, lexicon.MaxRules+1, lexicon.MaxRules)
	}
	out := make([]rule, 0, len(rs))
	for _, lr := range rs {
		r := rule{
			name: lr.Name, near: lr.Near, without: lr.Without, window: lr.Window,
			side: sideNames[lr.Side], boost: lr.Boost, weight: lr.Weight,
			targets: lr.NearTargets, severity: lr.Severity,
		}
		for _, a := range lr.And {
			r.and = append(r.and, compileTest([]string{a}))
		}
		for _, name := range lr.If {
			base, want := strings.TrimPrefix(name, "!"), !strings.HasPrefix(name, "!")
			if fn, ok := predicates[base]; ok {
				r.checks = append(r.checks, check{fn: fn, want: want})
			} else if fn, ok := ctxPredicates[base]; ok {
				r.ctxChecks = append(r.ctxChecks, check{fn: fn, want: want})
			} else if fn, ok := entryPredicates[base]; ok {
				r.onEntry = append(r.onEntry, entryCheck{fn: fn, want: want})
			} else {
				return nil, fmt.Errorf("%s: rule %q: no check %q in this build", lr.Source, lr.Name, name)
			}
		}
		for _, g := range lr.Give {
			x := give{label: labelIndex(g.Label)}
			if g.When != "" {
				t := compileTest([]string{g.When})
				x.when = &t
			}
			r.give = append(r.give, x)
			r.aims = r.aims || g.Label == lexicon.SARA || g.Label == lexicon.HateSpeech
		}
		if r.side == sideText {
			r.find = finders[lr.Find]
			if r.find == nil {
				return nil, fmt.Errorf("%s: rule %q: no finder %q in this build", lr.Source, lr.Name, lr.Find)
			}
			for _, l := range lr.On {
				r.on = append(r.on, labelIndex(lexicon.Label(l)))
			}
		}
		out = append(out, r)
	}
	ids := map[string]int{}
	id := func(r *rule, ls []lexicon.List) int {
		if len(ls) == 0 {
			return 0
		}
		k := fmt.Sprint(ls, r.window, r.side)
		if ids[k] == 0 {
			ids[k] = len(ids) + 1
		}
		return ids[k]
	}
	for i := range out {
		out[i].nearID, out[i].withoutID = id(&out[i], out[i].near), id(&out[i], out[i].without)
	}
	return out, nil
}

// ruleMasks returns, for each entry, the rules (not over the whole text) it
// can trigger: those whose on, and and unless tests and entry checks it
// passes.
func ruleMasks(rs []lexicon.Rule, rules []rule, entries []lexicon.Entry) []uint64 {
	masks := make([]uint64, len(entries))
	on := make([]test, len(rs))
	unless := make([]test, len(rs))
	for i := range rs {
		on[i], unless[i] = compileTest(rs[i].On), compileTest(rs[i].Unless)
	}
	for ei := range entries {
		e := &entries[ei]
		b := entryBits(e)
	next:
		for i := range rules {
			r := &rules[i]
			if r.side == sideText || !on[i].passBits(b) || unless[i].passBits(b) {
				continue
			}
			for _, t := range r.and {
				if !t.passBits(b) {
					continue next
				}
			}
			for _, ch := range r.onEntry {
				if ch.fn(e) != ch.want {
					continue next
				}
			}
			masks[ei] |= 1 << i
		}
	}
	return masks
}

// applyRules applies the rule table: to each kept match, in order, the
// rules it triggers, in table order; then the rules over the whole text.
func (st *state) applyRules() {
	c := st.c
	for i := range st.matches {
		m := &st.matches[i]
		mask := c.ruleMask[m.entry]
		if m.dropped || mask == 0 || m.negated || m.weight <= 0 {
			continue
		}
		f := firing{m: m, e: &c.entries[m.entry]}
		for ; mask != 0; mask &= mask - 1 {
			r := &c.rules[bits.TrailingZeros64(mask)]
			if st.fire(r, &f) && r.aims {
				f.aimed = true
			}
		}
	}
	for i := range c.rules {
		if r := &c.rules[i]; r.side == sideText {
			st.fireText(r)
		}
	}
}

// fire tries rule r on the trigger of f and adds its evidence when it fires.
func (st *state) fire(r *rule, f *firing) bool {
	m := f.m
	f.ctx = nil
	for _, ch := range r.checks {
		if ch.fn(st, f) != ch.want {
			return false
		}
	}
	if len(r.near) > 0 {
		if f.ctx = st.contextOf(r, r.nearID, r.near, f); f.ctx == nil {
			return false
		}
	}
	if len(r.without) > 0 && st.contextOf(r, r.withoutID, r.without, f) != nil {
		return false
	}
	for _, ch := range r.ctxChecks {
		if ch.fn(st, f) != ch.want {
			return false
		}
	}
	ctx := f.ctx
	if ctx == nil {
		ctx = m
	}
	if len(f.e.Labels) == 0 && !f.weighed {
		st.weighList(m)
		f.weighed = true
	}
	w := r.weight * m.weight / f.e.Weight // scaled by the trigger's context
	if r.boost {
		w = st.boosted(m)
	}
	talk := ""
	if isPurelyAbusive(f.e) && len(m.context) == 0 {
		// A swear word quoted in a report (menyebut warga Papua "monyet")
		// or in counter-speech stays one; what a rule makes of it is talk.
		if talk = st.talkedAbout(m); talk != "" {
			w *= counterFactor
		}
	}
	x := st.ruleEv(r, m, ctx, w)
	if talk != "" {
		x.Context = append(x.Context, talk)
	}
	for _, g := range r.give {
		if g.when != nil && !g.when.pass(f.e) {
			continue
		}
		if g.label == iSARA {
			// sara names what it targets: the context's targets
			// (targets=near), else the trigger's own; without any, no sara.
			ts := f.e.Targets
			if r.targets && f.ctx != nil && f.ctx.entry >= 0 {
				ts = st.c.entries[f.ctx.entry].Targets
			}
			if len(ts) == 0 {
				continue
			}
			st.targets[iSARA] = appendTargets(st.targets[iSARA], ts)
		}
		st.ev[g.label] = append(st.ev[g.label], x)
	}
	return true
}

// fireText tries rule r over the whole text: when the text has evidence
// for one of its on labels and its finder finds something.
func (st *state) fireText(r *rule) {
	has := false
	for _, l := range r.on {
		has = has || len(st.ev[l]) > 0
	}
	if !has {
		return
	}
	term, start, end, ok := r.find(st, r)
	if !ok {
		return
	}
	x := st.textEv(r, term, start, end)
	for _, g := range r.give {
		if g.label != iSARA { // a whole text names no targets
			st.ev[g.label] = append(st.ev[g.label], x)
		}
	}
}

// chainClaim returns, in the evidence of label l, the first chain
// imperative of weight strongChain or more and the first claim: evidence
// of another kind of weight claimWeight or more (negated and
// counter-speech evidence weighs less), or nil. Rule evidence on the whole
// text (shouting) is no claim: it says how the text is written, the chain
// call included (SEBARKAN!!!).
func (st *state) chainClaim(l int) (chain, claim *Evidence) {
	for i := range st.ev[l] {
		x := &st.ev[l][i]
		switch {
		case x.Match == MatchRule && x.Start == 0 && x.End == len(st.src):
		case x.Kind == string(lexicon.KindChain):
			if chain == nil && x.Weight >= strongChain {
				chain = x
			}
		case claim == nil && x.Weight >= claimWeight:
			claim = x
		}
	}
	return chain, claim
}

// claimWeight is the least weight of the claim that joins a chain
// imperative in chain_claim: a weak lure word (hadiah, 0.15) in a notice
// that asks to be spread (lomba 17an, hadiah menarik, SEBARKAN!!!) is none.
const claimWeight = 0.2

// chainEnds returns the end offsets of the chain imperatives in label l's
// evidence, in ascending order.
func (st *state) chainEnds(l int) []int {
	var ends []int
	for _, x := range st.ev[l] {
		if x.Kind == string(lexicon.KindChain) {
			ends = append(ends, x.End)
		}
	}
	slices.Sort(ends)
	return ends
}

// closesCall reports whether an exclamation after gap, the text since the
// last chain imperative, closes that call: at most two words and no
// sentence break between them (Sebarkan ya!!, SEBARKAN!!!). The
// exclamation is part of the call, no second marker of a hoax. The last
// chain imperative before the exclamation is the only one to check (any
// earlier one has a longer gap), and gap is read from its end backwards,
// only up to the first break or the third word, so that the finder reads
// each byte of the text a bounded number of times.
func closesCall(gap string) bool {
	words, inWord := 0, false
	for i := len(gap); i > 0; {
		r, n := utf8.DecodeLastRuneInString(gap[:i])
		i -= n
		switch {
		case strings.ContainsRune(".!?;\n", r):
			return false
		case unicode.IsSpace(r):
			inWord = false
		case !inWord:
			inWord = true
			if words++; words > 2 {
				return false
			}
		}
	}
	return true
}

// strongChain is the least weight of a chain imperative that joins
// chain_claim: weaker chain cues (tolong share), as genuine requests use,
// pair with nothing.
const strongChain = 0.3

// findContext returns the first kept match of the lists ls, in order,
// that r's side and window allow around m, or nil.
func (st *state) findContext(r *rule, ls []lexicon.List, m *match) *match {
	if r.side == sideAddressee {
		return st.addressee(r, m)
	}
	for _, l := range ls {
		if o := st.near(l, m, r.window, r.side); o != nil {
			return o
		}
	}
	return nil
}

// near returns a kept match of list l within window tokens of m on side sd
// (any, before, after or object), in m's sentence and not overlapping it
// (orang gila names no target besides itself), or nil. The speaker and the
// speaker's own are no one's target (see own). A verb's object is after it
// (usir mereka): a person before it is its subject (polisi tangkap
// pelaku), unless a call word makes the sentence a demand; and a player
// in a game is no object (see inPlay).
func (st *state) near(l lexicon.List, m *match, window int, sd side) *match {
	object := sd == sideObject
	if object {
		sd = sideAfter
		if st.called(m) {
			sd = sideAny
		}
	}
	lo, hi := st.around(m.from-window-st.c.maxPhrase, m.to+window+1)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if o.dropped || st.list(o) != l || st.sent[o.from] != st.sent[m.from] || st.own(o) || object && st.inPlay(o) {
			continue
		}
		apart := o.to <= m.from || m.to <= o.from
		if apart && dist(o, m) <= window && (sd != sideAfter || o.from >= m.to) && (sd != sideBefore || o.to <= m.from) {
			return o
		}
	}
	return nil
}

// own reports a group or person match that is the speaker or the
// speaker's own: a group or person the speaker says they are, with a
// first_person word opening the clause right before it (Gue orang Jawa,
// emang bego); or a person noun the speaker owns, a first_person word
// right after it or -ku on it (Kakek saya buta, adikku). What one says of
// oneself or one's own is self-description, not an attack; after another
// word the first person is its owner or speaker (menurut saya orang X ...)
// and the group stays a target.
func (st *state) own(p *match) bool {
	l := st.list(p)
	if l != lexicon.Group && l != lexicon.Person {
		return false
	}
	if k := st.nounFrom(p) - 1; k >= 0 && st.sent[k] == st.sent[p.from] && st.tokIs(k, gFirstPerson) && (k == 0 || st.clauseBreak(k)) {
		return true
	}
	if l != lexicon.Person || st.tokIs(p.from, gPronoun) {
		return false
	}
	if k := p.to; k < len(st.toks) && st.sent[k] == st.sent[p.from] && st.tokIs(k, gFirstPerson) {
		return true
	}
	e := &st.c.entries[p.entry]
	return strings.HasSuffix(st.toks[p.to-1].Norm, "ku") && !strings.HasSuffix(e.Words[len(e.Words)-1], "ku")
}

// inPlay reports a pronoun that owns a sport word right before it (bek
// mereka, gawang kalian): the other team in a game, not the object of a
// hostile act (ayo serang terus sisi kanan, bek mereka lambat). A group
// noun there names whom the player is (bunuh kiper cina itu): a target.
func (st *state) inPlay(p *match) bool {
	k := st.nounFrom(p)
	if k == 0 || st.clauseBreak(k) || !st.tokIs(p.from, gPronoun) {
		return false
	}
	return st.endingAt(lexicon.Sport, k) != nil
}

// nounFrom returns the first token of the run of group and person
// matches, unbroken by punctuation, that ends in p: ambon in orang ambon
// starts at orang.
func (st *state) nounFrom(p *match) int {
	from := p.from
	lo, hi := st.around(p.from-2*st.c.maxPhrase, p.from)
	for j := hi - 1; j >= lo; j-- {
		o := &st.matches[j]
		if l := st.list(o); !o.dropped && (o.to > from || o.to == from && !st.clauseBreak(from)) && (l == lexicon.Group || l == lexicon.Person) {
			from = min(from, o.from)
		}
	}
	return from
}

// spokenReach is how many words may stand between an @mention and what is
// said to it (see spokenTo).
const spokenReach = 3

// dist is the number of tokens between two matches (0 when adjacent).
func dist(a, b *match) int {
	switch {
	case a.to <= b.from:
		return b.from - a.to
	case b.to <= a.from:
		return a.from - b.to
	}
	return 0
}

// addressee finds whom m's insult is aimed at (side=addressee): a pronoun
// after it that it is said of (dasar PKI lu), a word of r's near lists
// before it (dasar goblok, kamu tuh sampah), or a noun after it that it is
// said of (see predicated); a person word inside the
// insult that speaks to "you" (matamu picek); an @mention within the
// window; the wish's subject (semoga kalian mati); or the addressee of a
// reply.
func (st *state) addressee(r *rule, m *match) *match {
	if m.subject > 0 {
		return &match{entry: -1, from: m.subject, to: m.subject + 1} // semoga kalian mati
	}
	// A pronoun the insult is said of names whom it is aimed at before a
	// word in front of it does (@budi dasar PKI lu: lu, not dasar).
	for _, l := range r.near {
		if p := st.near(l, m, r.window, sideAfter); p != nil && st.tokIs(p.from, gPronoun) && st.predicated(p, m) {
			return p
		}
	}
	for _, l := range r.near {
		if p := st.near(l, m, r.window, sideAny); p != nil && (p.to <= m.from || st.predicated(p, m)) {
			return p
		}
	}
	if p := st.addressedIn(m); p != nil {
		return p
	}
	for k := max(0, m.from-r.window); k < min(len(st.toks), m.to+r.window); k++ {
		if st.toks[k].Kind == normalize.Mention && st.sent[k] == st.sent[m.from] {
			return &match{entry: -1, from: k, to: k + 1}
		}
	}
	// A reply (@user first) speaks to its addressee: an insult in its first
	// sentence, or one that opens a later sentence (Tolol banget), with no
	// nearer target is aimed at them.
	if len(st.toks) > 0 && st.toks[0].Kind == normalize.Mention &&
		(st.sent[m.from] == 0 || st.sent[m.from-1] != st.sent[m.from] || st.calledOut(m)) {
		return &match{entry: -1, from: 0, to: 1}
	}
	return nil
}

// calledOut reports an insult that closes its sentence set off from what
// comes before it, by a comma or after a command or exclamation ending
// (..., goblok. / Jangan ngomong doang, tolol!): in a reply, a vocative.
func (st *state) calledOut(m *match) bool {
	if m.to < len(st.toks) && st.sent[m.to] == st.sent[m.from] {
		return false
	}
	return strings.ContainsAny(st.gapBefore(m.from), ",") || st.tokIs(m.from-1, gCommandEnd|gExclamationEnd)
}

// predicated reports whether person p after insult m is what m is said of:
// a pronoun (babi kau, anjing lo), a phrase that opens with a particle
// (tolol itu orang), or a noun after a particle or an exclamation ending
// (tolol bgt nih admin, idiot banget dah si Budi). A noun right after the
// insult is its owner instead (anjing tetangga is the neighbour's dog).
func (st *state) predicated(p, m *match) bool {
	if st.tokIs(p.from, gPronoun) {
		// Only particles between (babi banget lo): a pronoun further on
		// belongs to another clause (Jancuk, motorku mogok maneh).
		for k := m.to; k < p.from; k++ {
			if !st.tokIs(k, gParticle|gExclamationEnd) {
				return false
			}
		}
		return true
	}
	return st.tokIs(p.from, gParticle) || p.from > m.to && st.tokIs(p.from-1, gParticle|gExclamationEnd)
}

// addressedIn returns a person match inside m that speaks to "you"
// (matamu picek, otak kamu): the insult is aimed by its own words. A third
// person inside it (orang gila) names no target, nor does a word that is
// the whole insult (raimu alone is a crude word, raimu kaya asu aims asu).
func (st *state) addressedIn(m *match) *match {
	lo, hi := st.around(m.from, m.to)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if !o.dropped && o.to <= m.to && o.to-o.from < m.to-m.from && st.list(o) == lexicon.Person && st.c.addressed(&st.c.entries[o.entry]) {
			return o
		}
	}
	return nil
}

// exclaimed reports a match that stands as its own exclamation: nothing of
// its sentence before it, or a comma; and after it the sentence ends, a
// comma or "!" follows, or an exclamation ending (Anjrit lah).
func (st *state) exclaimed(m *match) bool {
	if m.from > 0 && st.sent[m.from-1] == st.sent[m.from] && !strings.ContainsAny(st.gapBefore(m.from), ",:") {
		return false
	}
	n := m.to
	if n >= len(st.toks) || st.sent[n] != st.sent[m.from] || strings.ContainsAny(st.gapBefore(n), ",!") {
		return true
	}
	return st.tokIs(n, gExclamationEnd)
}

// called reports a call word right before m in its sentence (ayo bakar,
// harus dibubarkan), or before its passive prefix written apart (harus di
// usir); or a passive verb that a command ending closes, the ending last
// in its sentence (gereja mereka di bakar saja, dibakar aja!): a demand of
// what should be done to it. Where the sentence goes on, the ending means
// "just" or is emphasis (baru dibakar saja polisi sudah datang; dibakar
// lah, makanya jemaat ngungsi).
func (st *state) called(m *match) bool {
	k := m.from - 1
	split := st.splitPassive(m)
	if split {
		k--
	}
	if e := m.to; (split || st.joinedPassive(m)) && e < len(st.toks) && st.sent[e] == st.sent[m.from] && st.tokIs(e, gCommandEnd) &&
		(e+1 == len(st.toks) || st.sent[e+1] != st.sent[e]) {
		return true
	}
	return k >= 0 && st.tokIs(k, gCallWord) && st.sent[k] == st.sent[m.from]
}

// passivePrefix is the passive prefix di-, often written apart from its
// verb (di usir for diusir) and then a token of its own.
const passivePrefix = "di"

// splitPassive reports a verb m whose passive prefix stands apart right
// before it in its sentence (mereka di usir: a report, not the command
// usir). A verb is no place, so di before it is the prefix, not the
// preposition di.
func (st *state) splitPassive(m *match) bool {
	k := m.from - 1
	return k >= 0 && st.toks[k].Norm == passivePrefix && st.sent[k] == st.sent[m.from] && !st.clauseBreak(m.from)
}

// joinedPassive reports a verb m written with its passive prefix
// (dibakar: di + bakar).
func (st *state) joinedPassive(m *match) bool {
	t := &st.toks[m.from]
	return len(t.Norm) > len(passivePrefix) && t.Norm == passivePrefix+t.Stem
}

// commandAt reports a bare verb that opens its sentence and has an object
// after it, or that is followed by a command ending (bunuh aja).
func (st *state) commandAt(a *match) bool {
	next := a.to
	if next >= len(st.toks) || st.sent[next] != st.sent[a.from] {
		return false
	}
	if st.tokIs(next, gCommandEnd) {
		return true
	}
	return a.from == 0 || st.sent[a.from-1] != st.sent[a.from]
}

// reasonBetween reports whether a reason word (karena, berdasarkan) stands
// between matches a and b.
func (st *state) reasonBetween(a, b *match) bool {
	from, to := a.to, b.from
	if b.to <= a.from {
		from, to = b.to, a.from
	}
	for k := from; k < to; k++ {
		if st.tokIs(k, gReason) {
			return true
		}
	}
	return false
}

// generalised reports a generaliser (semua, selalu, memang) in the
// sentence of trigger m, from the window before the first of m and ctx to
// the window after the last (orang X emang licik, umat Y barbar semua).
func (st *state) generalised(m, ctx *match) bool {
	const reach = 3
	from, to := max(0, min(m.from, ctx.from)-reach), min(len(st.toks), max(m.to, ctx.to)+reach)
	for k := from; k < to; k++ {
		if st.sent[k] == st.sent[m.from] && st.tokIs(k, gGeneraliser) {
			return true
		}
	}
	return false
}

// onePerson reports whether p, the context of trigger m, is a person match
// that points at one person: a singular word, or a noun with no quantifier
// before it (para dukun itu) made definite by a demonstrative after it
// (dukun itu, ketua RT ini) or by -nya in m's clause (sandera direkturnya;
// after a comma the noun opens a clause of its own: serbu kantornya,
// camatnya korup). A collective noun with -nya is still many (warganya).
func (st *state) onePerson(m, p *match) bool {
	if p == nil || p.entry < 0 || st.list(p) != lexicon.Person {
		return false
	}
	e := &st.c.entries[p.entry]
	if st.c.singular(e) {
		return true
	}
	if st.c.is(e.Words[0], gPronoun) || strings.Contains(st.toks[p.from].Norm, "-") ||
		p.from > 0 && st.tokIs(p.from-1, gQuantifier) {
		return false // one noun, not doubled (dukun-dukun itu) nor many (para dukun)
	}
	if last, w := st.toks[p.to-1].Norm, e.Words[len(e.Words)-1]; strings.HasSuffix(last, "nya") && !strings.HasSuffix(w, "nya") {
		// sandera direkturnya; not a collective noun (usir warganya: many)
		return !st.c.is(w, gCollective) && !st.clauseBreakIn(min(m.to, p.to), max(m.from, p.from))
	}
	return p.to < len(st.toks) && st.sent[p.to] == st.sent[p.from] && st.tokIs(p.to, gDemonstrative)
}

// spokenTo reports whether context p of trigger m is the one the text
// speaks to: a word that speaks to "you" (kamu, lu, anda), or an @mention
// or the addressee of a reply within spokenReach words of m (@budi dasar
// PKI lu; not @budi, PKI itu bahaya laten, where the reply talks about
// something); not a third person (dia, si petahana), whom a smear describes
// to others.
func (st *state) spokenTo(m, p *match) bool {
	if p == nil {
		return false
	}
	if p.entry < 0 {
		return st.toks[p.from].Kind == normalize.Mention && dist(m, p) <= spokenReach
	}
	return st.list(p) == lexicon.Person && st.c.addressed(&st.c.entries[p.entry])
}

// inLabel reports whether m lies inside a kept match of a label-l entry.
func (st *state) inLabel(m *match, l lexicon.Label) bool {
	lo, hi := st.around(m.from-st.c.maxPhrase+1, m.to)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if !o.dropped && o.from <= m.from && m.to <= o.to && slices.Contains(st.c.entries[o.entry].Labels, l) {
			return true
		}
	}
	return false
}

// boosted is the weight of rule evidence built on m: the entry's weight
// raised by ruleBoost, then scaled by the same context as m (a smear quoted
// in a news report stays weak when a rule joins it to its target).
func (st *state) boosted(m *match) float64 {
	base := st.c.entries[m.entry].Weight
	if base == 0 {
		return 0
	}
	return min(0.95, base+ruleBoost) * m.weight / base
}

// isShouting reports a text of at least 20 letters, most of them capitals.
func isShouting(text string) bool {
	letters, upper := 0, 0
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf { // ASCII without decoding
			i++
			if 'A' <= c && c <= 'Z' {
				letters++
				upper++
			} else if 'a' <= c && c <= 'z' {
				letters++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters >= 20 && upper*10 >= letters*7
}
