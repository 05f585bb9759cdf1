package classify

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

const numLabels = 6

// labelOrder is lexicon.Labels as an array, for per-label tables.
var labelOrder = [numLabels]lexicon.Label{
	lexicon.HateSpeech, lexicon.SARA, lexicon.BlackCampaign,
	lexicon.Provocation, lexicon.Hoax, lexicon.Abusive,
}

const (
	iHate = iota
	iSARA
	iBlack
	iProvocation
	iHoax
	iAbusive
)

func labelIndex(l lexicon.Label) int {
	for i, x := range labelOrder {
		if x == l {
			return i
		}
	}
	return -1
}

// Tuning of context and rules. Weights are evidence weights in [0,1],
// combined per label by noisy-OR, where the evidence standing on one match
// counts once, at its highest weight (see miss).
const (
	// negatedFactor scales evidence right after a negator (bukan kafir).
	negatedFactor = 0.1
	// counterFactor scales non-abusive evidence in counter-speech: in the
	// sentence of a counter cue, or anywhere in a text that both names a
	// category (hoaks, SARA) and carries a counter cue, as news does.
	counterFactor = 0.3
	// ruleWindow is how many tokens apart a rule's two parts may stand,
	// within one sentence.
	ruleWindow = 4
	// politicalWindow is the window of the political target + smear rule.
	politicalWindow = 6
	// ruleBoost is added to a match's entry weight when a rule upgrades it
	// (aimed at a person or group, next to a political target).
	ruleBoost = 0.35
	// actionWeight is the weight of an imperative action verb with a target.
	actionWeight = 0.65
	// shoutWeight is the weight of shouting or "!!" in a text with hoax markers.
	shoutWeight = 0.2
	// strongChain is the least weight of a chain cue that joins chain+claim.
	strongChain = 0.3
	// chainClaimWeight is the weight of a chain imperative with another
	// hoax marker.
	chainClaimWeight = 0.5
	// imperativeWeight is the weight of a hostile verb used as a command
	// (usir wartawan itu, bunuh aja) without a known target.
	imperativeWeight = 0.4
)

// isInsultKind reports the kinds of evidence that, aimed at a group or a
// person, make hate speech.
func isInsultKind(k lexicon.Kind) bool {
	switch k {
	case lexicon.KindProfanity, lexicon.KindVulgar, lexicon.KindInsult, lexicon.KindSlur,
		lexicon.KindDehumanize, lexicon.KindStereotype, lexicon.KindCurse, lexicon.KindThreat:
		return true
	}
	return false
}

// isSmearKind reports kinds that smear whoever they are said of: near a
// political target they are a black campaign (cagub itu antek aseng).
func isSmearKind(k lexicon.Kind) bool {
	return k == lexicon.KindSmear || k == lexicon.KindSlur || k == lexicon.KindConspiracy
}

// isPersonalKind reports kinds that insult the person they are aimed at.
// Vulgarity at someone (@x ngentot) is mostly crude banter: abusive, not
// hate speech, unless the word is also an insult; a stereotype (malas,
// pelit) said of one person is a description, of a group a generalisation.
func isPersonalKind(k lexicon.Kind) bool {
	return isInsultKind(k) && k != lexicon.KindVulgar && k != lexicon.KindStereotype
}

// pronouns address or point at a person; after an insult they are its
// target (anjing lo), where a noun would be its owner (anjing tetangga).
var pronouns = map[string]bool{
	"kamu": true, "kau": true, "engkau": true, "dikau": true, "dia": true, "anda": true,
	"kalian": true, "mereka": true, "ente": true, "elu": true, "situ": true,
	// regional: Sundanese, Javanese, Malay/Medan
	"maneh": true, "sia": true, "kowe": true, "koe": true, "awak": true, "ko": true,
}

// callWords make a prefixed verb form a call to act (ayo bakar, kita usir,
// harus dibubarkan); they are grammar, not lexicon content.
var callWords = map[string]bool{
	"ayo": true, "ayok": true, "yuk": true, "mari": true, "kita": true,
	"harus": true, "wajib": true, "segera": true, "silakan": true,
}

// run classifies text with the scratch space st.
func (st *state) run(c *Classifier, text string) Result {
	st.src = text
	st.toks = c.norm.Append(st.toks[:0], text)
	st.matches = st.matches[:0]
	st.findMatches(c)
	for i := range st.matches {
		st.matches[i].idx = int32(i)
	}
	if len(st.matches) == 0 {
		return st.unmatched(c, text)
	}
	st.sentences()
	st.resolveOverlaps(c)
	st.applyContext(c)
	for i := range st.ev {
		clear(st.ev[i])
		st.ev[i] = st.ev[i][:0]
		st.targets[i] = st.targets[i][:0]
	}
	st.lexiconEvidence(c, text, &st.ev, &st.targets)
	st.ruleEvidence(c, text, &st.ev, &st.targets)
	st.learn(c, text, &st.ev)
	return st.result(c, &st.ev, &st.targets)
}

// sentences numbers the sentence of each token: a sentence ends at . ! ? ;
// or a line break between two tokens.
func (st *state) sentences() {
	st.sent = st.sent[:0]
	n := int32(0)
	for i := range st.toks {
		if i > 0 && st.sentenceBreak(i) {
			n++
		}
		st.sent = append(st.sent, n)
	}
}

// gapBefore returns the text between tokens i-1 and i.
func (st *state) gapBefore(i int) string {
	return st.src[st.toks[i-1].End:st.toks[i].Start]
}

// sentenceBreak reports whether a sentence ends between tokens i-1 and i.
func (st *state) sentenceBreak(i int) bool {
	for _, c := range []byte(st.gapBefore(i)) {
		switch c {
		case '.', '!', '?', ';', '\n':
			return true
		}
	}
	return false
}

func (st *state) list(c *Classifier, m *match) lexicon.List {
	return c.entries[m.entry].List
}

// around returns the range [i, j) of st.matches whose first token lies in
// [lo, hi). Matches are found in token order, so st.matches is sorted by
// from; every search below looks at a bounded neighbourhood, which keeps
// Classify linear in the length of the text.
func (st *state) around(lo, hi int) (int, int) {
	i := sort.Search(len(st.matches), func(k int) bool { return st.matches[k].from >= lo })
	j := i
	for j < len(st.matches) && st.matches[j].from < hi {
		j++
	}
	return i, j
}

// resolveOverlaps drops what the lexicon's own structure rules out: anything
// overlapping an allow-listed phrase; anything but cues overlapping a mention
// word (hoaks, kampanye hitam); label evidence inside a longer label match,
// or repeating one (two spellings of a term); counter cues inside longer
// label evidence (jangan pilih) and evidence inside a cue (jangan
// sebarkan). A cue that only overlaps evidence stays and applies to it.
func (st *state) resolveOverlaps(c *Classifier) {
	ms := st.matches
	for i := range ms {
		a := &ms[i]
		la := st.list(c, a)
		lo, hi := st.around(a.from-c.maxPhrase+1, a.to)
		for j := lo; j < hi; j++ {
			b := &ms[j]
			if i == j || b.to <= a.from || a.to <= b.from {
				continue
			}
			lb := st.list(c, b)
			switch {
			case lb == lexicon.Allow && la != lexicon.Allow && !covers(a, b):
				a.dropped = true // anjing in anjing peliharaan; not pengkhianat bangsa over bangsa
			case lb == lexicon.Mention && la != lexicon.Mention && la != lexicon.Counter && !covers(a, b):
				a.dropped = true // kampanye hitam names a category: not a political target
			case la == "" && lb == "" && a.from == b.from && a.to == b.to && i > j &&
				slices.Equal(c.entries[a.entry].Labels, c.entries[b.entry].Labels):
				a.dropped = true // two spellings of one term (ijazah/ijasah palsu) count once
			case la == "" && lb == "" && covers(b, a) &&
				sharesLabel(c.entries[a.entry].Labels, c.entries[b.entry].Labels):
				a.dropped = true // babi inside babi cina stays abusive evidence
			case (la == lexicon.Group || la == lexicon.Political) && lb == "" &&
				b.from <= a.from && a.to <= b.to && isSmearKind(c.entries[b.entry].Kind):
				a.dropped = true // asing in antek asing is part of the smear, not a target
			case la == lexicon.Counter && lb == "" && covers(b, a):
				a.dropped = true // jangan pilih: the cue is part of the evidence
			case la == "" && lb == lexicon.Counter && b.from <= a.from && a.to <= b.to:
				a.dropped = true // jangan sebarkan: the evidence is part of the cue
			}
		}
	}
}

// covers reports whether match a spans more tokens than b, b's included.
func covers(a, b *match) bool {
	return a.from <= b.from && b.to <= a.to && a.to-a.from > b.to-b.from
}

func sharesLabel(a, b []lexicon.Label) bool {
	for _, l := range a {
		if slices.Contains(b, l) {
			return true
		}
	}
	return false
}

// indexCues records the first kept counter cue of each sentence, and of the
// whole text when it also names a category (hoaks, SARA), as news does.
func (st *state) indexCues(c *Classifier) {
	n := 0
	if len(st.sent) > 0 {
		n = int(st.sent[len(st.sent)-1]) + 1
	}
	st.cue = st.cue[:0]
	for range n {
		st.cue = append(st.cue, -1)
	}
	st.textCue = -1
	mention := false
	for i := range st.matches {
		m := &st.matches[i]
		if m.dropped {
			continue
		}
		switch st.list(c, m) {
		case lexicon.Mention:
			mention = true
		case lexicon.Counter:
			if s := st.sent[m.from]; st.cue[s] < 0 {
				st.cue[s] = int32(i)
			}
			if st.textCue < 0 {
				st.textCue = int32(i)
			}
		}
	}
	if !mention {
		st.textCue = -1
	}
}

// cueFor returns the counter cue that applies to m: one in its sentence,
// else one anywhere in a text that names a category; or nil.
func (st *state) cueFor(m *match) *match {
	if i := st.cue[st.sent[m.from]]; i >= 0 {
		return &st.matches[i]
	}
	if st.textCue >= 0 {
		return &st.matches[st.textCue]
	}
	return nil
}

// applyContext sets each label match's weight after negation and
// counter-speech, and says why in its context.
func (st *state) applyContext(c *Classifier) {
	st.indexCues(c)
	for i := range st.matches {
		m := &st.matches[i]
		e := &c.entries[m.entry]
		if m.dropped || len(e.Labels) == 0 {
			continue
		}
		m.weight = e.Weight
		m.context = nil
		if slices.Equal(e.Labels, []lexicon.Label{lexicon.Abusive}) {
			continue // a swear word is one whether negated, quoted or countered
		}
		if neg := st.negatorBefore(c, m); neg != nil {
			m.negated = true
			m.weight *= negatedFactor
			m.context = append(m.context, "negated by \""+st.text(neg)+"\"")
		}
		if why := st.mentioned(m); why != "" {
			m.weight *= counterFactor
			m.context = append(m.context, why)
		}
	}
}

// mentioned says why m is talked about rather than said — a counter cue
// applies to it, or it is quoted — or returns "".
func (st *state) mentioned(m *match) string {
	if cue := st.cueFor(m); cue != nil {
		return "counter-speech \"" + st.text(cue) + "\""
	}
	if start, end := st.span(m); quoted(st.src, start, end) {
		return "quoted"
	}
	return ""
}

// quoteScan bounds how far quoted looks for the quotation marks.
const quoteScan = 120

// quoted reports whether text[start:end] stands inside quotation marks on
// its line (kata 'kafir' sering dipakai): a quotation is a mention, not a
// use. An opening mark follows a space, a line start or punctuation, so
// apostrophes inside words (Ma'ruf, Jum'at) do not open one.
func quoted(text string, start, end int) bool {
	open := false
	for i := start - 1; i >= max(0, start-quoteScan); i-- {
		ch := text[i]
		if ch == '\n' {
			return false
		}
		if isQuoteAt(text, i) {
			open = i == 0 || strings.IndexByte(" \t([:,", text[i-1]) >= 0
			break
		}
	}
	if !open {
		return false
	}
	for i := end; i < min(len(text), end+quoteScan); i++ {
		if text[i] == '\n' {
			return false
		}
		if isQuoteAt(text, i) {
			return true
		}
	}
	return false
}

// isQuoteAt reports a quotation mark starting at text[i]: ' " or the
// typographic “ ” ‘ ’ (UTF-8 E2 80 98..9D).
func isQuoteAt(text string, i int) bool {
	switch text[i] {
	case '\'', '"':
		return true
	case 0xE2:
		return i+2 < len(text) && text[i+1] == 0x80 && text[i+2] >= 0x98 && text[i+2] <= 0x9D
	}
	return false
}

// negatorBefore returns a kept negator that ends right where m starts, in
// m's sentence (bukan kafir).
func (st *state) negatorBefore(c *Classifier, m *match) *match {
	lo, hi := st.around(m.from-c.maxPhrase, m.from)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if !o.dropped && o.to == m.from && st.list(c, o) == lexicon.Negator && st.sent[o.from] == st.sent[m.from] {
			return o
		}
	}
	return nil
}

// near returns a kept match of list l within window tokens of m, in m's
// sentence and not overlapping it (orang gila names no target besides
// itself), or nil. With after, only matches after m count.
func (st *state) near(c *Classifier, l lexicon.List, m *match, window int, after bool) *match {
	lo, hi := st.around(m.from-window-c.maxPhrase, m.to+window+1)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if o.dropped || st.list(c, o) != l || st.sent[o.from] != st.sent[m.from] {
			continue
		}
		apart := o.to <= m.from || m.to <= o.from
		if apart && dist(o, m) <= window && (!after || o.from >= m.to) {
			return o
		}
	}
	return nil
}

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

func (st *state) span(m *match) (int, int) {
	return st.toks[m.from].Start, st.toks[m.to-1].End
}

func (st *state) text(m *match) string {
	var b strings.Builder
	for k := m.from; k < m.to; k++ {
		if k > m.from {
			b.WriteByte(' ')
		}
		b.WriteString(st.toks[k].Raw)
	}
	return b.String()
}

// lexiconEvidence turns each kept label match into evidence for its labels.
func (st *state) lexiconEvidence(c *Classifier, text string, ev *[numLabels][]Evidence, targets *[numLabels][]lexicon.Target) {
	for i := range st.matches {
		m := &st.matches[i]
		e := &c.entries[m.entry]
		if m.dropped || len(e.Labels) == 0 {
			continue
		}
		start, end := st.span(m)
		x := Evidence{
			Term: e.Term, Text: text[start:end], Start: start, End: end,
			Match: m.how, Via: viaNames(m.via), Distance: m.dist, Kind: string(e.Kind),
			Weight: m.weight, Context: m.context, Source: c.sources[m.entry], severity: e.Severity,
			src: m.idx,
		}
		for _, l := range e.Labels {
			li := labelIndex(l)
			ev[li] = append(ev[li], x)
			if li == iSARA {
				targets[li] = appendTargets(targets[li], e.Targets)
			}
		}
	}
}

// ruleEvidence applies the patterns over nearby tokens.
func (st *state) ruleEvidence(c *Classifier, text string, ev *[numLabels][]Evidence, targets *[numLabels][]lexicon.Target) {
	for i := range st.matches {
		m := &st.matches[i]
		if m.dropped {
			continue
		}
		e := &c.entries[m.entry]
		switch {
		case e.List == lexicon.Action:
			st.actionRule(c, text, m, ev, targets)
		case len(e.Labels) > 0 && m.weight > 0 && !m.negated:
			if isInsultKind(e.Kind) && !slices.Contains(e.Labels, lexicon.SARA) {
				aimed := false
				if g := st.near(c, lexicon.Group, m, ruleWindow, false); g != nil {
					ev[iSARA] = append(ev[iSARA], st.ruleEv(c, text, "group+insult", g, m, st.boosted(c, m)))
					targets[iSARA] = appendTargets(targets[iSARA], c.entries[g.entry].Targets)
					aimed = true
				}
				if p := st.personNear(c, m); p != nil && isPersonalKind(e.Kind) {
					ev[iHate] = append(ev[iHate], st.ruleEv(c, text, "person+insult", p, m, st.boosted(c, m)))
					aimed = true
				}
				// Aimed at someone, inside a slur (babi cina) or shouted on
				// its own (Babi, mouse gw rusak), an ambiguous word (babi,
				// anjing) is the insult, not the animal.
				if slices.Contains(e.Labels, lexicon.Abusive) {
					switch {
					case aimed || st.inLabel(c, m, lexicon.SARA) || st.inLabel(c, m, lexicon.HateSpeech):
						ev[iAbusive] = append(ev[iAbusive], st.ruleEv(c, text, "aimed insult", m, m, st.boosted(c, m)))
					case e.Weight < DefaultThreshold && e.Severity > lexicon.Weak && st.exclaimed(m):
						// (only ambiguous words need it; softened
						// exclamations such as anjir stay mild)
						ev[iAbusive] = append(ev[iAbusive], st.ruleEv(c, text, "exclamation", m, m, st.boosted(c, m)))
					}
				}
			}
			if slices.Contains(e.Labels, lexicon.BlackCampaign) && e.Kind == lexicon.KindCall {
				// A call not to vote for an identity (jangan pilih caleg
				// Kristen) is a black campaign; not to vote because of one
				// (jangan pilih karena agamanya) is counter-speech.
				if g := st.near(c, lexicon.Group, m, politicalWindow, true); g != nil && !st.reasonBefore(m, g) {
					w := actionWeight * m.weight / e.Weight // counter-speech and quotes lower it, as m
					ev[iBlack] = append(ev[iBlack], st.ruleEv(c, text, "call+identity", m, g, w))
				}
			}
			if slices.Contains(e.Labels, lexicon.BlackCampaign) || isSmearKind(e.Kind) {
				if p := st.near(c, lexicon.Political, m, politicalWindow, false); p != nil {
					x := st.ruleEv(c, text, "political+smear", p, m, st.boosted(c, m))
					ev[iBlack] = append(ev[iBlack], x)
					if isPersonalKind(e.Kind) {
						// A smear that insults (maling, pengkhianat) is
						// hate speech against its target too.
						ev[iHate] = append(ev[iHate], x)
					}
				}
			}
		}
	}
	if len(ev[iHoax]) > 0 {
		st.hoaxRules(text, ev)
	}
}

// hoaxRules: a chain imperative (sebarkan, viralkan) together with another
// hoax marker, with shouting or with a run of exclamation marks is the
// shape of a hoax message; each alone is weak. Weak chain cues (tolong
// share, as genuine requests say) do not take part.
func (st *state) hoaxRules(text string, ev *[numLabels][]Evidence) {
	chain, other := -1, -1
	for i, x := range ev[iHoax] {
		switch {
		case x.Weight < 0.1:
			// negated or counter-speech
		case x.Kind == string(lexicon.KindChain):
			if chain < 0 && x.Weight >= strongChain {
				chain = i
			}
		case other < 0:
			other = i
		}
	}
	if isShouting(text) {
		ev[iHoax] = append(ev[iHoax], Evidence{
			Term: "shouting", Text: text, Start: 0, End: len(text),
			Match: MatchRule, Rule: "shouting", Weight: shoutWeight, severity: lexicon.Weak, src: -1,
		})
		if other < 0 {
			other = len(ev[iHoax]) - 1
		}
	}
	if i := strings.Index(text, "!!"); i >= 0 {
		ev[iHoax] = append(ev[iHoax], Evidence{Term: "!!", Text: "!!", Start: i, End: i + 2, Match: MatchRule, Rule: "exclamations", Weight: shoutWeight, severity: lexicon.Weak, src: -1})
		if other < 0 {
			other = len(ev[iHoax]) - 1
		}
	}
	if chain >= 0 && other >= 0 {
		a, b := ev[iHoax][chain], ev[iHoax][other]
		start, end := min(a.Start, b.Start), max(a.End, b.End)
		ev[iHoax] = append(ev[iHoax], Evidence{
			Term: a.Term + " + " + b.Term, Text: text[start:end], Start: start, End: end,
			Match: MatchRule, Rule: "chain+claim", Weight: chainClaimWeight, severity: lexicon.Moderate, src: -1,
		})
	}
}

// personNear finds a person word, a political target or an @mention that
// m's insult is aimed at: before it (dasar goblok, kamu tuh sampah), after
// it when the insult is said of it (see predicated), or inside the insult
// when it speaks to "you" (matamu picek).
func (st *state) personNear(c *Classifier, m *match) *match {
	if m.subject > 0 {
		return &match{entry: -1, from: m.subject, to: m.subject + 1} // semoga kalian mati
	}
	for _, l := range [...]lexicon.List{lexicon.Person, lexicon.Political} {
		if p := st.near(c, l, m, ruleWindow-1, false); p != nil && (p.to <= m.from || st.predicated(p, m)) {
			return p
		}
	}
	if p := st.addressedIn(c, m); p != nil {
		return p
	}
	for k := max(0, m.from-ruleWindow+1); k < min(len(st.toks), m.to+ruleWindow-1); k++ {
		if st.toks[k].Kind == normalize.Mention && st.sent[k] == st.sent[m.from] {
			return &match{entry: -1, from: k, to: k + 1}
		}
	}
	// A reply (@user first) speaks to its addressee: an insult in its first
	// sentence, or one that opens a later sentence (Tolol banget), with no
	// nearer target is aimed at them.
	if len(st.toks) > 0 && st.toks[0].Kind == normalize.Mention &&
		(st.sent[m.from] == 0 || st.sent[m.from-1] != st.sent[m.from]) {
		return &match{entry: -1, from: 0, to: 1}
	}
	return nil
}

// actionRule: a hostile verb used as a command is provocation: at the start
// of a sentence, after a call word (ayo, kita, harus) or before aja/saja, or
// with a human or group target after it (usir mereka, bakar gerejanya, ayo
// serbu kantor partai). Prefixed forms (dibakar, membakar) are reports,
// unless a call word makes them a demand (harus dibubarkan).
func (st *state) actionRule(c *Classifier, text string, a *match, ev *[numLabels][]Evidence, targets *[numLabels][]lexicon.Target) {
	t := &st.toks[a.from]
	called := a.from > 0 && callWords[st.toks[a.from-1].Norm] && st.sent[a.from-1] == st.sent[a.from]
	prefixed := t.Norm != t.Stem && !strings.HasPrefix(t.Norm, t.Stem)
	if prefixed && !called || st.negatorBefore(c, a) != nil {
		return // a report (dibakar), or negated (bukan usir, jangan bakar)
	}
	// The target is the verb's object, after it (usir mereka); a person
	// before it is its subject (polisi tangkap pelaku), unless a call word
	// makes the sentence a demand.
	var target *match
	for _, l := range [...]lexicon.List{lexicon.Group, lexicon.Person, lexicon.Political} {
		if target = st.near(c, l, a, ruleWindow, !called); target != nil {
			break
		}
	}
	var x Evidence
	switch {
	case target != nil:
		x = st.ruleEv(c, text, "action+target", a, target, actionWeight)
	case (called || st.commandAt(a)) && !st.inLabel(c, a, lexicon.Provocation):
		// (inside a call phrase such as kita serbu, the phrase counts)
		x = st.ruleEv(c, text, "imperative", a, a, imperativeWeight)
	default:
		return
	}
	if why := st.mentioned(a); why != "" {
		x.Weight *= counterFactor
		x.Context = append(x.Context, why)
	}
	switch {
	case target == nil:
		ev[iProvocation] = append(ev[iProvocation], x)
	case st.list(c, target) == lexicon.Group:
		// A call to act against an identity group is hate against it too.
		ev[iProvocation] = append(ev[iProvocation], x)
		y := x
		y.Rule = "action+group"
		ev[iSARA] = append(ev[iSARA], y)
		targets[iSARA] = appendTargets(targets[iSARA], c.entries[target.entry].Targets)
	case st.list(c, target) == lexicon.Person && st.onePerson(c, target):
		// Violence against one person (dia, si X, kamu) is a threat: hate
		// speech; said to "you" without a call it is personal, not
		// incitement. Against a role or a crowd (polisi, mereka) it is
		// incitement only.
		y := x
		y.Rule = "threat"
		ev[iHate] = append(ev[iHate], y)
		if called || !addressed(&c.entries[target.entry]) {
			ev[iProvocation] = append(ev[iProvocation], x)
		}
	default:
		ev[iProvocation] = append(ev[iProvocation], x)
	}
}

// exclaimed reports a match that stands as its own exclamation: nothing of
// its sentence before it, or a comma; and after it the sentence ends, a
// comma or "!" follows, or a particle (Anjrit lah).
func (st *state) exclaimed(m *match) bool {
	if m.from > 0 && st.sent[m.from-1] == st.sent[m.from] && !strings.ContainsAny(st.gapBefore(m.from), ",:") {
		return false
	}
	n := m.to
	if n >= len(st.toks) || st.sent[n] != st.sent[m.from] || strings.ContainsAny(st.gapBefore(n), ",!") {
		return true
	}
	switch st.toks[n].Norm {
	case "lah", "deh", "sih", "dah", "sudah", "banget":
		return true
	}
	return false
}

// predicated reports whether person p after insult m is what m is said of:
// a pronoun (babi kau, anjing lo), or a noun after a particle (tolol bgt
// nih admin). A noun right after the insult is its owner instead (anjing
// tetangga is the neighbour's dog).
func (st *state) predicated(p, m *match) bool {
	if pronouns[st.toks[p.from].Norm] {
		return true
	}
	if p.from <= m.to {
		return false
	}
	switch st.toks[p.from-1].Norm {
	case "nih", "tuh", "ini", "itu", "sih", "banget", "memang":
		return true
	}
	return false
}

// addressedIn returns a person match inside m that speaks to "you"
// (matamu picek, otak kamu): the insult is aimed by its own words. A third
// person inside it (orang gila) names no target.
func (st *state) addressedIn(c *Classifier, m *match) *match {
	lo, hi := st.around(m.from, m.to)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if !o.dropped && o.to <= m.to && st.list(c, o) == lexicon.Person && addressed(&c.entries[o.entry]) {
			return o
		}
	}
	return nil
}

// secondPerson are the pronouns that address the reader.
var secondPerson = map[string]bool{"kamu": true, "kau": true, "engkau": true, "anda": true, "ente": true}

// reasonBefore reports whether a reason word (karena, berdasarkan) stands
// between matches a and b.
func (st *state) reasonBefore(a, b *match) bool {
	for k := a.to; k < b.from; k++ {
		switch st.toks[k].Norm {
		case "karena", "berdasarkan", "sebab":
			return true
		}
	}
	return false
}

// onePerson reports whether person match p points at one person: a
// singular word (see singular), or a noun with a demonstrative after it
// (dukun itu, dosen ini).
func (st *state) onePerson(c *Classifier, p *match) bool {
	e := &c.entries[p.entry]
	if singular(e) {
		return true
	}
	if len(e.Words) > 1 || pronouns[e.Words[0]] || strings.Contains(st.toks[p.from].Norm, "-") ||
		p.to >= len(st.toks) || st.sent[p.to] != st.sent[p.from] {
		return false // one noun, not doubled (dukun-dukun itu)
	}
	if p.from > 0 {
		switch st.toks[p.from-1].Norm {
		case "para", "semua", "kaum", "seluruh", "segenap":
			return false // para dukun itu
		}
	}
	switch st.toks[p.to].Norm {
	case "itu", "ini", "tersebut":
		return true
	}
	return false
}

// singular reports whether a person entry points at one person: "you",
// dia, beliau, si (si Budi).
func singular(e *lexicon.Entry) bool {
	for _, w := range e.Words {
		switch {
		case secondPerson[w], w == "dia", w == "ia", w == "beliau", w == "si":
			return true
		}
	}
	return addressed(e)
}

// addressed reports whether a person entry speaks to "you" (lo, muka lo,
// matamu).
func addressed(e *lexicon.Entry) bool {
	for _, w := range e.Words {
		if secondPerson[w] || strings.HasSuffix(w, "mu") {
			return true
		}
	}
	return false
}

// inLabel reports whether m lies inside a kept match of a label-l entry.
func (st *state) inLabel(c *Classifier, m *match, l lexicon.Label) bool {
	lo, hi := st.around(m.from-c.maxPhrase+1, m.to)
	for j := lo; j < hi; j++ {
		o := &st.matches[j]
		if !o.dropped && o.from <= m.from && m.to <= o.to && slices.Contains(c.entries[o.entry].Labels, l) {
			return true
		}
	}
	return false
}

// commandAt reports a bare verb that opens its sentence and has an object
// after it, or that is followed by aja/saja (bunuh aja).
func (st *state) commandAt(a *match) bool {
	next := a.to
	if next >= len(st.toks) || st.sent[next] != st.sent[a.from] {
		return false
	}
	if n := st.toks[next].Norm; n == "saja" || n == "aja" {
		return true
	}
	return a.from == 0 || st.sent[a.from-1] != st.sent[a.from]
}

// ruleEv builds rule evidence spanning matches a and b.
func (st *state) ruleEv(c *Classifier, text, rule string, a, b *match, w float64) Evidence {
	s1, e1 := st.span(a)
	s2, e2 := st.span(b)
	start, end := min(s1, s2), max(e1, e2)
	first, second := a, b
	if b.from < a.from {
		first, second = b, a
	}
	sev := lexicon.Moderate
	for _, m := range [...]*match{a, b} {
		if m.entry >= 0 {
			sev = max(sev, c.entries[m.entry].Severity)
		}
	}
	term := st.termOf(c, first)
	if first != second {
		term += " + " + st.termOf(c, second)
	}
	var ctx []string
	if a.entry >= 0 {
		ctx = append(ctx, a.context...)
	}
	if b != a && b.entry >= 0 {
		ctx = append(ctx, b.context...)
	}
	// The rule stands on its label match (b for group+insult and the like,
	// where a is the context), else on a (the action verb).
	src := a.idx
	if b.entry >= 0 && len(c.entries[b.entry].Labels) > 0 {
		src = b.idx
	}
	return Evidence{
		Term: term, Text: text[start:end], Start: start, End: end,
		Match: MatchRule, Rule: rule, Weight: w, Context: ctx, severity: sev, src: src,
	}
}

func (st *state) termOf(c *Classifier, m *match) string {
	if m.entry < 0 {
		return st.toks[m.from].Norm
	}
	return c.entries[m.entry].Term
}

// boosted is the weight of rule evidence built on m: the entry's weight
// raised by ruleBoost, then scaled by the same context as m (a smear quoted
// in a news report stays weak when a rule joins it to its target).
func (st *state) boosted(c *Classifier, m *match) float64 {
	base := c.entries[m.entry].Weight
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

// miss is the noisy-OR complement of evidence: the product of 1 - weight,
// where the evidence standing on one match counts once, with its highest
// weight (a rule that upgrades "babi" to an aimed insult replaces it).
func (st *state) miss(evs []Evidence) float64 {
	if cap(st.best) < len(st.matches) {
		st.best = make([]float64, len(st.matches))
	}
	best := st.best[:len(st.matches)]
	for _, x := range evs {
		if x.src >= 0 {
			best[x.src] = max(best[x.src], x.Weight)
		}
	}
	miss := 1.0
	for _, x := range evs {
		switch {
		case x.src < 0:
			miss *= 1 - x.Weight
		case best[x.src] > 0:
			miss *= 1 - best[x.src]
			best[x.src] = 0 // counted; also leaves best zeroed for the next label
		}
	}
	return miss
}

// result scores each label and assembles the Result. It copies the
// evidence out of the scratch space into one allocation.
func (st *state) result(c *Classifier, ev *[numLabels][]Evidence, targets *[numLabels][]lexicon.Target) Result {
	// sara is hate speech too: its evidence counts for hate_speech.
	ev[iHate] = append(ev[iHate], ev[iSARA]...)
	var scores [numLabels]float64
	var sevs [numLabels]lexicon.Severity
	nLabels, nFlagged, nEv := 0, 0, 0
	for i := range labelOrder {
		if len(ev[i]) == 0 {
			continue
		}
		miss := st.miss(ev[i])
		sev := lexicon.Severity(0)
		for _, x := range ev[i] {
			if x.Weight >= 0.1 {
				sev = max(sev, x.severity)
			}
		}
		scores[i], sevs[i] = st.scoreOf(c, i, miss), max(sev, lexicon.Weak)
		if scores[i] <= 0 {
			continue
		}
		nLabels++
		nEv += len(ev[i])
		if scores[i] >= c.threshold[i] {
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
		if len(ev[i]) == 0 || scores[i] <= 0 {
			continue
		}
		from := len(all)
		for _, x := range ev[i] {
			x.Weight = round3(x.Weight) // for stable output; scores used the exact weights
			all = append(all, x)
		}
		lr := LabelResult{
			Label: l, Score: scores[i], Flagged: scores[i] >= c.threshold[i],
			Evidence: all[from:len(all):len(all)],
		}
		if lr.Flagged {
			lr.Severity = sevs[i]
		}
		if i == iSARA && len(targets[i]) > 0 {
			lr.Targets = slices.Clone(targets[i])
			slices.Sort(lr.Targets)
		}
		if lr.Flagged {
			r.Flagged = append(r.Flagged, l)
		}
		r.Labels = append(r.Labels, lr)
	}
	return r
}

// round3 rounds a score to three decimals, for stable output.
func round3(x float64) float64 {
	return float64(int(x*1000+0.5)) / 1000
}
