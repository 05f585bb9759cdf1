package classify

import (
	"slices"
	"sort"
	"strings"

	"github.com/saring-id/saring/lexicon"
)

// Tuning of context. Weights are evidence weights in [0,1].
const (
	// negatedFactor scales evidence right after a negator (bukan kafir).
	negatedFactor = 0.1
	// counterFactor scales non-abusive evidence in counter-speech: in the
	// sentence of a counter cue, or anywhere in a text that both names a
	// category (hoaks, SARA) and carries a counter cue, as news does.
	counterFactor = 0.3
)

// sentences numbers the sentence and the clause of each token: a sentence
// ends at . ! ? ; or a line break between two tokens, a clause also at a
// comma or colon and before a contrast word (padahal, tapi). It also
// records, once a token, the breaks before it (clauseBreak) and the grammar
// lists its word is in (tokIs), which the phases after it read.
func (st *state) sentences() {
	st.sent, st.clause, st.brk, st.gram = st.sent[:0], st.clause[:0], st.brk[:0], st.gram[:0]
	n, k := int32(0), int32(0)
	for i := range st.toks {
		var b breaks
		if i > 0 {
			b = gapBreaks(st.gapBefore(i))
		}
		g := st.c.grammar[st.toks[i].Norm]
		if b&brkSentence != 0 {
			n++
		}
		if i > 0 && (b&brkClause != 0 || g&gContrast != 0) {
			k++
		}
		st.sent = append(st.sent, n)
		st.clause = append(st.clause, k)
		st.brk = append(st.brk, b)
		st.gram = append(st.gram, g)
	}
}

// breaks is the punctuation between two tokens, as bits.
type breaks uint8

const (
	brkClause   breaks = 1 << iota // , . ! ? ; : or a line break
	brkSentence                    // . ! ? ; or a line break
)

// gapBreaks returns the breaks in gap, the text between two tokens.
func gapBreaks(gap string) breaks {
	var b breaks
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '.', '!', '?', ';', '\n':
			return brkClause | brkSentence
		case ',', ':':
			b = brkClause
		}
	}
	return b
}

// gapBefore returns the text between tokens i-1 and i.
func (st *state) gapBefore(i int) string {
	return st.src[st.toks[i-1].End:st.toks[i].Start]
}

// sentenceBreak reports whether a sentence ends between tokens i-1 and i.
// Matching uses it before sentences has run.
func (st *state) sentenceBreak(i int) bool {
	return gapBreaks(st.gapBefore(i))&brkSentence != 0
}

// list returns the context list of m's entry ("" for a label entry).
func (st *state) list(m *match) lexicon.List {
	return st.c.entries[m.entry].List
}

// around returns the range [i, j) of st.matches whose first token lies in
// [lo, hi). Matches are found in token order, so st.matches is sorted by
// from; every search looks at a bounded neighbourhood, which keeps
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
func (st *state) resolveOverlaps() {
	c := st.c
	ms := st.matches
	for i := range ms {
		a := &ms[i]
		la := st.list(a)
		lo, hi := st.around(a.from-c.maxPhrase+1, a.to)
		for j := lo; j < hi; j++ {
			b := &ms[j]
			if i == j || b.to <= a.from || a.to <= b.from {
				continue
			}
			lb := st.list(b)
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
				b.from <= a.from && a.to <= b.to && c.entries[b.entry].Kind.Smear():
				a.dropped = true // asing in antek asing is part of the smear, not a target
			case la == lexicon.Mention && lb == lexicon.Counter && covers(b, a):
				a.dropped = true // jangan generalisasi: the cue's own word names no category of the text
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

// indexCues records the counter cue of each clause: its own first kept
// cue, else one of an earlier or a later clause of its sentence; and the
// cue of the whole text when it also names a category (hoaks, SARA), as
// news does.
func (st *state) indexCues() {
	n := 0
	if len(st.clause) > 0 {
		n = int(st.clause[len(st.clause)-1]) + 1
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
		switch st.list(m) {
		case lexicon.Mention:
			mention = true
		case lexicon.Counter:
			if st.judgedAfter(m) {
				continue
			}
			if k := st.clause[m.from]; st.cue[k] < 0 {
				st.cue[k] = int32(i)
			}
			if st.textCue < 0 {
				st.textCue = int32(i)
			}
		}
	}
	if !mention {
		st.textCue = -1
	}
	// A cue reaches on to the next clauses of its sentence (udah gak usah
	// ribut, cebong kampret sama-sama warga sini) up to one that makes a
	// claim of its own (see opensClaim) ...
	j := 0
	for i := 1; i < len(st.toks); i++ {
		for ; j < len(st.matches) && st.matches[j].from < i; j++ {
		}
		if k := st.clause[i]; k != st.clause[i-1] && st.sent[i-1] == st.sent[i] && st.cue[k] < 0 && !st.opensClaim(i, j) {
			st.cue[k] = st.cue[k-1]
		}
	}
	// ... and back to what its sentence said before it (kalau ada yang
	// bilang orang X teroris, itu salah besar), or to the question right
	// before the sentence, which it answers as a fact check does (vaksin
	// bikin lumpuh? Itu hoaks): only the clause just before the question
	// mark, only a cue of the answering sentence itself, and not a
	// question that makes a claim of its own (usir cina dari sini? itu
	// mitos).
	for i := len(st.toks) - 1; i > 0; i-- {
		k := st.clause[i-1]
		if k == st.clause[i] || st.cue[k] >= 0 {
			continue
		}
		cue := st.cue[st.clause[i]]
		switch {
		case st.sent[i-1] == st.sent[i]:
			st.cue[k] = cue
		case cue >= 0 && st.sent[st.matches[cue].from] == st.sent[i] && strings.Contains(st.gapBefore(i), "?") && !st.questionClaims(i-1):
			st.cue[k] = cue
		}
	}
}

// questionClaims reports whether the clause of token i calls for an act
// (it opens with a call word, or has an action verb or a call) or names a
// group: a question like that (usir cina dari sini?, cina anjing?) is no
// question a fact check answers. A question about what an official or a
// politician does (pemerintah tidak mau kita tahu?) is.
func (st *state) questionClaims(i int) bool {
	lo := i
	for lo > 0 && st.clause[lo-1] == st.clause[i] {
		lo--
	}
	if st.tokIs(lo, gCallWord) {
		return true
	}
	from, to := st.around(lo, i+1)
	for j := from; j < to; j++ {
		if m := &st.matches[j]; !m.dropped && st.callsOrNamesGroup(m) {
			return true
		}
	}
	return false
}

// callsOrNamesGroup reports a match that calls for an act, an action verb
// or a call phrase, or that names a group.
func (st *state) callsOrNamesGroup(m *match) bool {
	switch st.list(m) {
	case lexicon.Action, lexicon.Group:
		return true
	case "":
		return st.c.entries[m.entry].Kind == lexicon.KindCall
	}
	return false
}

// judgedAfter reports a cue that is a denial of existence written out
// (tidak ada suku yang) with a judgement word right after it: tidak ada
// suku yang lebih biadab dari X compares, no stereotype is refuted (see
// existenceDenial).
func (st *state) judgedAfter(cue *match) bool {
	return st.toks[cue.to-1].Norm == relativizer && cue.to < len(st.toks) && st.sent[cue.to] == st.sent[cue.from] && st.tokIs(cue.to, gJudgement)
}

// opensClaim reports a clause, starting at token i, that says something
// of its own rather than go on with what a counter cue before it answers:
// it opens with a contrast word (..., padahal X memang babi), a call word
// or a call (..., bunuh aja semua kafir), or a target named outright, a
// group, person or political word (..., cina itu babi; ..., dasar babi).
// matches[j:] are the matches from token i on.
func (st *state) opensClaim(i, j int) bool {
	if st.tokIs(i, gContrast|gCallWord) {
		return true
	}
	for ; j < len(st.matches) && st.matches[j].from == i; j++ {
		m := &st.matches[j]
		if l := st.list(m); !m.dropped && (st.callsOrNamesGroup(m) || l == lexicon.Person || l == lexicon.Political) {
			return true
		}
	}
	return false
}

// cueFor returns the counter cue that applies to m: one of its clause
// (see indexCues), else one anywhere in a text that names a category; or
// nil.
func (st *state) cueFor(m *match) *match {
	if i := st.cue[st.clause[m.from]]; i >= 0 {
		return &st.matches[i]
	}
	if st.textCue >= 0 {
		return &st.matches[st.textCue]
	}
	return nil
}

// applyContext sets each label match's weight after negation and
// counter-speech, and says why in its context. A match of a context list
// that triggers rules (an action verb) is negated the same way; its weight
// after counter-speech is found when a rule fires on it (see weighList).
func (st *state) applyContext() {
	c := st.c
	st.indexCues()
	report, next := -1, 0 // the reporting verb whose clause is open; the next gap to read
	for i := range st.matches {
		m := &st.matches[i]
		e := &c.entries[m.entry]
		if m.dropped {
			continue
		}
		if e.List == lexicon.Report {
			if !st.bySpeaker(m) {
				report, next = i, m.to
			}
			continue
		}
		if len(e.Labels) == 0 {
			if c.ruleMask[m.entry] != 0 {
				m.weight, m.context = e.Weight, nil
				m.negated = st.negation(m) != nil
			}
			continue
		}
		m.weight = e.Weight
		m.context = nil
		if g := st.glossOf(m); g != nil {
			// Asu itu artinya anjing: a word talked about, a swear word too.
			m.weight *= counterFactor
			m.context = append(m.context, "talk about words \""+st.text(g)+"\"")
		}
		if isPurelyAbusive(e) {
			continue // a swear word is one whether negated, quoted or countered
		}
		if report >= 0 && m.from >= st.matches[report].to {
			for ; report >= 0 && next <= m.from; next++ {
				if st.clauseBreak(next) {
					report = -1
				}
			}
			if report >= 0 {
				// pria yang menyebut warga Papua monyet: the term is reported.
				m.weight *= counterFactor
				m.context = append(m.context, "reported by \""+st.text(&st.matches[report])+"\"")
			}
		}
		if e.Kind == lexicon.KindCall && !st.called(m) {
			switch {
			case st.splitPassive(m):
				// warga di usir dari kampung: a call's verb after its passive
				// prefix written apart reports what was done.
				m.weight *= counterFactor
				m.context = append(m.context, "passive \""+st.withWordBefore(m)+"\"")
			case st.bySpeaker(m):
				// Gue ganyang semua soal ujian: the speaker says what they do.
				m.weight *= counterFactor
				m.context = append(m.context, "said by the speaker of themselves \""+st.withWordBefore(m)+"\"")
			}
		}
		if neg := st.negation(m); neg != nil {
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

// withWordBefore returns the text from the token before m to m's first
// token (di usir, gue ganyang).
func (st *state) withWordBefore(m *match) string {
	return st.src[st.toks[m.from-1].Start:st.toks[m.from].End]
}

// bySpeaker reports whether the speaker is the subject of the verb m: a
// first_person word opens its clause right before it. A reporting verb
// then reports the speaker's own words (Aku menyebut kalian ...), and an
// action verb says what the speaker does, not what others should do (Gue
// ganyang semua soal ujian). After a noun the word is a possessive (teman
// saya menyebut ...): the verb's subject is someone else.
func (st *state) bySpeaker(m *match) bool {
	k := m.from - 1
	return k >= 0 && !st.clauseBreak(m.from) && st.tokIs(k, gFirstPerson) && (k == 0 || st.clauseBreak(k))
}

// ownAct reports an action verb m that the speaker says they do (see
// bySpeaker) and asks no one to join (check self): an invitation later in
// its sentence (gue serbu kampung X malam ini, siapa ikut?; kami usir
// mereka, kalian juga harus) makes the act against a target an example to
// follow, a call. The invitation is looked for within invitationReach
// tokens.
func (st *state) ownAct(m *match) bool {
	if !st.bySpeaker(m) {
		return false
	}
	for k := m.to; k < min(len(st.toks), m.to+invitationReach) && st.sent[k] == st.sent[m.from]; k++ {
		if st.tokIs(k, gInvitation) {
			return false
		}
	}
	return true
}

// invitationReach bounds how far after the speaker's act ownAct looks for
// an invitation.
const invitationReach = 12

// glossOf returns the gloss cue that talks about m, or nil: a cue right
// after m or one word after it (Asu itu artinya), or right before it
// (artinya anjing), with no punctuation between. A gloss cue elsewhere in
// the sentence is the connective "that means" (Kamu anjing, artinya ...).
func (st *state) glossOf(m *match) *match {
	i, j := st.around(max(m.from-glossReach, 0), m.to+2)
	for k := i; k < j; k++ {
		g := &st.matches[k]
		if g.dropped || st.list(g) != lexicon.Gloss {
			continue
		}
		switch {
		case g.from >= m.to && g.from <= m.to+1 && !st.clauseBreakIn(m.to, g.from):
			return g
		case g.to == m.from && !st.clauseBreakIn(m.from, m.from):
			return g
		}
	}
	return nil
}

// glossReach bounds how many tokens a gloss cue spans (dalam bahasa).
const glossReach = 4

// clauseBreakIn reports whether a clause ends before any of the tokens
// lo..hi.
func (st *state) clauseBreakIn(lo, hi int) bool {
	for k := max(lo, 1); k <= hi && k < len(st.toks); k++ {
		if st.clauseBreak(k) {
			return true
		}
	}
	return false
}

// clauseBreak reports whether punctuation stands between tokens i-1 and i
// (after sentences).
func (st *state) clauseBreak(i int) bool {
	return i > 0 && st.brk[i]&brkClause != 0
}

// isPurelyAbusive reports an entry that is evidence for abusive only: a
// swear word, which negation, quotation and counter-speech do not weaken.
func isPurelyAbusive(e *lexicon.Entry) bool {
	return len(e.Labels) == 1 && e.Labels[0] == lexicon.Abusive
}

// weighList scales the weight of m, a match of a context list that
// triggers a rule (an action verb), by counter-speech, and says why in its
// context.
func (st *state) weighList(m *match) {
	if why := st.mentioned(m); why != "" {
		m.weight *= counterFactor
		m.context = append(m.context, why)
	}
}

// talkedAbout says why m, a purely abusive match, is talked about (see
// match.talk), or returns "".
func (st *state) talkedAbout(m *match) string {
	if !m.talked {
		m.talk, m.talked = st.mentioned(m), true
	}
	return m.talk
}

// mentioned says why m is talked about rather than said — a counter cue
// applies to it, or it is quoted — or returns "".
func (st *state) mentioned(m *match) string {
	if cue := st.cueFor(m); cue != nil {
		return "counter-speech \"" + st.text(cue) + "\""
	}
	for k := m.from; k < m.to; k++ {
		// a phrase with a quoted part (orang Papua "monyet") reports it
		if quoted(st.src, st.toks[k].Start, st.toks[k].End) {
			return "quoted"
		}
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

// negation returns the negator that denies m, or nil: one right before m
// in its sentence (bukan kafir), or one that denies that the head of the
// relative clause m stands in exists (gak ada tuh suku yang pelit semua:
// there is no such group). Both together cancel: gak ada orang X yang gak
// pelit says that every X is. A negator that ends in ada before the head
// of a relative clause denies the clause, not the head (mana ada kafir
// yang pantas dihormati).
func (st *state) negation(m *match) *match {
	before, denial := st.negatorEndingAt(m.from, m), st.existenceDenial(m)
	if before != nil && st.toks[before.to-1].Norm == existVerb && st.headOfRelative(m) {
		before = nil
	}
	if before != nil && denial != nil {
		return nil
	}
	if before != nil {
		return before
	}
	return denial
}

// The words of a denial of existence: tidak ada + head + yang + clause.
const (
	existVerb   = "ada"
	relativizer = "yang"
	// clauseReach bounds how many tokens of the relative clause stand
	// before m (yang pelit semua atau malas semua), headReach those of its
	// head (tuh suku, orang Jawa).
	clauseReach = 8
	headReach   = 4
)

// headOfRelative reports whether a relative clause follows m within
// headReach tokens of its clause (kafir yang ..., orang X itu yang ...).
func (st *state) headOfRelative(m *match) bool {
	for k := m.to; k < min(len(st.toks), m.to+headReach); k++ {
		if st.clauseBreak(k) {
			return false
		}
		if st.toks[k].Norm == relativizer {
			return true
		}
	}
	return false
}

// existenceDenial returns the negator of a denial of existence whose
// relative clause holds m, in one clause of the text: tidak ada (gak ada,
// mana ada) + a head of at most headReach tokens that names a group or
// person (tuh suku, orang Jawa) + yang + the clause. What a speaker says no
// such group or person is, no one is called. With no head (gak ada yang
// ...) the sentence says nothing of a group; a clause that compares or
// judges (yang lebih najis dari X, yang salah dengan ..., yang berani
// ...: list judgement) is no property denied.
func (st *state) existenceDenial(m *match) *match {
	y := m.from - 1
	for ; y >= max(0, m.from-clauseReach) && st.toks[y].Norm != relativizer; y-- {
		if st.clauseBreak(y+1) || st.tokIs(y, gJudgement) {
			return nil
		}
	}
	if y < 0 || y < m.from-clauseReach || st.clauseBreak(y+1) {
		return nil
	}
	for a := y - 1; a >= max(0, y-1-headReach); a-- {
		if st.clauseBreak(a + 1) {
			return nil
		}
		if st.toks[a].Norm != existVerb {
			continue
		}
		if !st.namesHead(a+1, y) {
			return nil
		}
		if n := st.negatorEndingAt(a, m); n != nil {
			return n // tidak ada
		}
		return st.negatorEndingAt(a+1, m) // the phrase mana ada
	}
	return nil
}

// namesHead reports a kept group or person match within tokens [lo, hi).
func (st *state) namesHead(lo, hi int) bool {
	i, j := st.around(lo, hi)
	for k := i; k < j; k++ {
		o := &st.matches[k]
		if l := st.list(o); !o.dropped && o.to <= hi && (l == lexicon.Group || l == lexicon.Person) {
			return true
		}
	}
	return false
}

// negatorEndingAt returns a kept negator in m's sentence that ends right
// where token k starts.
func (st *state) negatorEndingAt(k int, m *match) *match {
	if o := st.endingAt(lexicon.Negator, k); o != nil && st.sent[o.from] == st.sent[m.from] {
		return o // a phrase does not run across sentences: every negator ending at k is in one
	}
	return nil
}

// endingAt returns a kept match of list l that ends right where token k
// starts, or nil.
func (st *state) endingAt(l lexicon.List, k int) *match {
	lo, hi := st.around(k-st.c.maxPhrase, k)
	for j := lo; j < hi; j++ {
		if o := &st.matches[j]; !o.dropped && o.to == k && st.list(o) == l {
			return o
		}
	}
	return nil
}

// span returns the byte span of m in the original text.
func (st *state) span(m *match) (int, int) {
	return st.toks[m.from].Start, st.toks[m.to-1].End
}

// text returns the raw tokens of m joined by single spaces.
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
