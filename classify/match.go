package classify

import (
	"cmp"
	"slices"
	"strings"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

// match is one lexicon entry found over the tokens [from, to).
type match struct {
	idx      int32 // position in state.matches
	entry    int32
	from, to int
	how      How
	via      normalize.Via
	dist     int
	// subject is the token of a wish's subject (see subjectAfter), or 0.
	subject int
	// weight is the entry's weight after negation and counter-speech
	// (for a rule trigger of a context list, such as an action verb, its
	// weight after counter-speech).
	weight  float64
	negated bool
	context []string
	// talk says why a purely abusive match is talked about (quoted, in
	// counter-speech) when a rule fires on it: the swear word counts as
	// one, but the rule evidence built on it is scaled like talk.
	talk    string
	talked  bool // talk is known
	dropped bool
}

// isWordy reports whether tokens of kind k take part in lexicon matching.
func isWordy(k normalize.Kind) bool {
	return k == normalize.Word || k == normalize.Hashtag
}

// findMatches records every lexicon entry that occurs in the tokens, in
// token order, and numbers them.
func (st *state) findMatches() {
	c := st.c
	st.matches = st.matches[:0]
	for i := range st.toks {
		t := &st.toks[i]
		first := len(st.matches)
		var next nextForms
		switch {
		case t.Kind == normalize.Number && t.Known:
			st.tryNorm(c.words[t.Norm], i, &next) // 100 persen sembuh
		case isWordy(t.Kind):
			st.wordMatches(i, first, &next)
		}
		if len(st.matches)-first > 1 {
			// Longest first, then as written before by stem, then in
			// lexicon order: rules and overlaps take the first match they
			// find, and that must not depend on the order the index was
			// searched in.
			slices.SortFunc(st.matches[first:], func(a, b match) int {
				return cmp.Or(cmp.Compare(b.to, a.to),
					compareBool(a.how == MatchStem, b.how == MatchStem),
					cmp.Compare(a.entry, b.entry))
			})
		}
	}
	for i := range st.matches {
		st.matches[i].idx = int32(i)
	}
}

// wordMatches finds the entries word token i starts: by its form and its
// stem, and only when none matches, by its masked letters or by spelling
// tolerance. Its form is looked up only when it is Known: every entry word
// is in the normalizer's vocabulary, so an unknown Norm starts no entry
// (findMatches skips unknown numbers alike).
func (st *state) wordMatches(i, first int, next *nextForms) {
	c := st.c
	t := &st.toks[i]
	if t.Known {
		st.tryNorm(c.words[t.Norm], i, next)
	}
	if t.Stem != t.Norm {
		if w := c.words[t.Stem]; w != nil {
			st.tryAll(w.single, i, 0, first)
			st.tryPhrases(w, i, first, next)
			st.tryAll(w.stemmed, i, 0, first)
		}
	}
	switch {
	case len(st.matches) > first:
	case t.Via.Has(normalize.ViaMask):
		st.tryMask(i)
	case c.fuzzy != nil:
		st.fuzzyMatches(i)
	}
}

// fuzzyMatches finds the fuzzy terms near word token i, unless it is a
// known word.
func (st *state) fuzzyMatches(i int) {
	c := st.c
	t := &st.toks[i]
	if t.Known {
		return
	}
	ok, twice := c.fuzzy.screen(t.Norm)
	if !ok {
		return
	}
	if cap(st.buf) < 64 {
		st.buf = make([]byte, 0, 128)
	}
	if term, d, ok := c.fuzzy.lookup(t.Norm, twice, st.buf); ok {
		for _, e := range c.fuzzy.entries[term] {
			st.matches = append(st.matches, match{entry: e, from: i, to: i + 1, how: MatchFuzzy, via: t.Via, dist: d})
		}
	}
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// nextForms holds the wordForms of the token after the one being matched,
// found on first use: a token's form and stem both look them up.
type nextForms struct {
	forms [2]string
	n     int // 0 until found
}

// of returns the wordForms of token i+1.
func (nf *nextForms) of(st *state, i int) []string {
	if nf.n == 0 {
		nf.forms, nf.n = wordForms(st.toks[i+1].Norm)
	}
	return nf.forms[:nf.n]
}

// tryNorm tries the entries that w, the index of token i's Norm, holds:
// its one-word entries match as they are, and it is the first index tried
// for the token, so none of them can have been matched already; then its
// phrases (see tryPhrases).
func (st *state) tryNorm(w *wordIndex, i int, next *nextForms) {
	if w == nil {
		return
	}
	first := len(st.matches)
	for _, e := range w.single {
		st.matches = append(st.matches, st.newMatch(e, i, i+1, false))
	}
	st.tryPhrases(w, i, first, next)
}

// tryPhrases tries the phrases that w indexes as starting at token i: those
// whose second word the next token can be, and after a wish word those
// whose second word follows the wish's subject.
func (st *state) tryPhrases(w *wordIndex, i, first int, next *nextForms) {
	if w.next != nil && i+1 < len(st.toks) {
		for _, f := range next.of(st, i) {
			if w.nextBits&screenBit(f) != 0 {
				st.tryAll(w.next[f], i, 0, first)
			}
		}
		if st.wordIs(i, gWish) {
			if gap := st.subjectAfter(i); gap > 0 && i+gap+1 < len(st.toks) {
				forms, n := wordForms(st.toks[i+gap+1].Norm)
				for _, f := range forms[:n] {
					st.tryAll(w.next[f], i, gap, first)
				}
			}
		}
	}
}

// A wish (list wish: semoga ...) that opens a phrase may have its subject
// between that word and the rest (semoga lo kecelakaan matches semoga
// kecelakaan), so the lexicon lists each wish once, not once per pronoun.

// maxSubject is the most tokens a wish's subject takes (kalian semua).
const maxSubject = 2

// subjectAfter returns how many tokens after wish word i name its subject:
// a pronoun, with a subject ending (semua, sekeluarga) after it (semoga kalian semua mati),
// separated from the wish word and from what follows by spaces only (not
// semoga kamu, cacat bukan halangan); or 0.
func (st *state) subjectAfter(i int) int {
	k := i + 1
	if k >= len(st.toks) || !st.spaced(k) || !isWordy(st.toks[k].Kind) || !st.wordIs(k, gPronoun) {
		return 0
	}
	n := 1
	if k+1 < len(st.toks) && st.spaced(k+1) && st.wordIs(k+1, gSubjectEnd) {
		n = maxSubject
	}
	if k+n >= len(st.toks) || !st.spaced(k+n) {
		return 0
	}
	return n
}

// spaced reports whether only white space separates tokens i-1 and i.
func (st *state) spaced(i int) bool {
	for _, c := range []byte(st.gapBefore(i)) {
		if c != ' ' && c != '\t' {
			return false
		}
	}
	return true
}

// tryAll tries each candidate entry as a phrase starting at token i, with
// gap tokens between its first word and the rest (see subjectAfter), skipping
// entries already matched there (matches from index first on).
func (st *state) tryAll(cands []int32, i, gap, first int) {
	c := st.c
next:
	for _, e := range cands {
		for _, m := range st.matches[first:] {
			if m.entry == e {
				continue next
			}
		}
		if to, stemmed, ok := st.phraseAt(&c.entries[e], i, gap); ok {
			m := st.newMatch(e, i, to, stemmed)
			if gap > 0 {
				m.subject = i + 1
			}
			st.matches = append(st.matches, m)
		}
	}
}

// phraseAt reports whether entry e's words occur from token i on, with gap
// tokens after the first word, and where the phrase ends. A token matches a
// word by its normalised form; it matches by its stem only where stemming
// is safe (see stemMatches).
func (st *state) phraseAt(e *lexicon.Entry, i, gap int) (to int, stemmed, ok bool) {
	if i+gap+len(e.Words) > len(st.toks) {
		return 0, false, false
	}
	for k, w := range e.Words {
		at := i + k
		if k > 0 {
			at += gap
		}
		t := &st.toks[at]
		if k > 0 && st.sentenceBreak(at) {
			return 0, false, false // a phrase does not run across sentences
		}
		switch {
		case t.Norm == w && (isWordy(t.Kind) || t.Kind == normalize.Number):
		case isWordy(t.Kind) && (inflects(t.Norm, w) || stemMatches(e, k, t)):
			stemmed = true
		default:
			return 0, false, false
		}
	}
	return i + gap + len(e.Words), stemmed, true
}

// wordForms returns the entry words a token with Norm norm can match as the
// second word of a phrase (see inflects): norm itself, and norm without a
// clitic or the base of its reduplication.
func wordForms(norm string) (forms [2]string, n int) {
	forms[0] = norm
	if h := len(norm) / 2; len(norm)%2 == 1 && norm[h] == '-' && norm[:h] == norm[h+1:] {
		forms[1] = norm[:h] // before clitics: kamu-kamu is kamu, not kamu-ka
		return forms, 2
	}
	if c := clitic(norm); c > 0 {
		forms[1] = norm[:len(norm)-c]
		return forms, 2
	}
	return forms, 1
}

// clitic returns the length of the particle or possessive pronoun norm ends
// with after at least one letter (-nya, -ku, -mu, -lah, -kah, -pun), or 0.
// No two of them end alike, so the last letters decide.
func clitic(norm string) int {
	n := len(norm)
	if n < 3 {
		return 0
	}
	switch norm[n-1] {
	case 'u':
		if norm[n-2] == 'k' || norm[n-2] == 'm' {
			return 2
		}
	case 'a':
		if n > 3 && norm[n-3:] == "nya" {
			return 3
		}
	case 'h':
		if n > 3 && (norm[n-3:] == "lah" || norm[n-3:] == "kah") {
			return 3
		}
	case 'n':
		if n > 3 && norm[n-3:] == "pun" {
			return 3
		}
	}
	return 0
}

// inflects reports whether norm is w reduplicated (anak-anak) or with a
// particle or possessive pronoun attached (anjingnya, kafirlah): the same
// word for every entry, allow-listed phrases included (anak anjingnya).
func inflects(norm, w string) bool {
	if !strings.HasPrefix(norm, w) || len(norm) == len(w) {
		return false // every inflected form starts with its word and is longer
	}
	forms, n := wordForms(norm)
	return n == 2 && forms[1] == w
}

// stemMatches reports whether token t matches word k of e by its stem
// (diviralkan -> viralkan, menyerbu -> serbu). It is kept to where the
// stemmer's over-stripping (petai -> tai, media -> dia) and derivation
// (menghina is a report of an insult, not one) cannot do harm:
//   - single words only: phrases match as written, plus clitics (tidak
//     berguna is not tidak menggunakan);
//   - label entries that are not insults, and the action, group, political
//     and counter lists; insults match as written or with a clitic
//     (bangsatnya), never as verbs (dikafirkan, menghina);
//   - stems of at least four letters;
//   - a root matches verb forms but not -an nouns (sarapan is not sarap);
//   - a derived entry word (viralkan) matches only tokens with the same
//     suffix (diviralkan), so peranakan does not match anak-anak; counter
//     cues match by stem only as roots.
func stemMatches(e *lexicon.Entry, k int, t *normalize.Token) bool {
	w, s := e.Words[k], e.Stems[k]
	if t.Stem != s || !stemmable(e) {
		return false
	}
	if s == w {
		return !strings.HasSuffix(t.Norm, "an") || strings.HasSuffix(t.Norm, "kan") || strings.HasSuffix(w, "an")
	}
	if e.List == lexicon.Counter {
		return false
	}
	i := strings.LastIndex(w, s)
	return i >= 0 && strings.HasSuffix(t.Norm, w[i+len(s):])
}

// stemmable reports whether entry e may match a token by its stem at all.
func stemmable(e *lexicon.Entry) bool {
	if len(e.Words) != 1 || len(e.Stems[0]) < 4 {
		return false
	}
	switch e.List {
	case "":
		return !e.Kind.InsultLike()
	case lexicon.Action, lexicon.Group, lexicon.Political, lexicon.Counter:
		return true
	}
	return false
}

func (st *state) newMatch(e int32, from, to int, stemmed bool) match {
	var via normalize.Via
	for k := from; k < to; k++ {
		via |= st.toks[k].Via
	}
	how := howFromVia(via)
	switch {
	case to-from > 1:
		how = MatchPhrase
	case stemmed:
		how = MatchStem
	}
	return match{entry: e, from: from, to: to, how: how, via: via}
}

// tryMask resolves a token with masked letters (k*fir) against single-word
// label entries of the same length. At least half of the letters must be
// visible, so b**i alone does not guess.
func (st *state) tryMask(i int) {
	c := st.c
	t := &st.toks[i]
	hidden := 0
	for j := 0; j < len(t.Norm); j++ {
		if t.Norm[j] == '*' {
			hidden++
		}
	}
	if hidden*2 > len(t.Norm) {
		return
	}
	for _, e := range c.byLen[len(t.Norm)] {
		if maskFits(t.Norm, c.entries[e].Words[0]) {
			st.matches = append(st.matches, match{entry: e, from: i, to: i + 1, how: MatchMask, via: t.Via})
		}
	}
}

func maskFits(masked, term string) bool {
	for j := 0; j < len(masked); j++ {
		if masked[j] != '*' && masked[j] != term[j] {
			return false
		}
	}
	return true
}

// howFromVia names the most telling normalisation step in via.
func howFromVia(via normalize.Via) How {
	for _, p := range [...]struct {
		v normalize.Via
		h How
	}{
		{normalize.ViaSplit, MatchSplit},
		{normalize.ViaLeet, MatchLeet},
		{normalize.ViaUnicode, MatchUnicode},
		{normalize.ViaElongation, MatchElongation},
		{normalize.ViaMask, MatchMask},
		{normalize.ViaSlang, MatchSlang},
		{normalize.ViaReduplication, MatchReduplication},
	} {
		if via.Has(p.v) {
			return p.h
		}
	}
	return MatchExact
}

// wordIndex lists the entries a token can start, by one normalised word.
type wordIndex struct {
	// single holds the one-word entries of the word.
	single []int32
	// next holds the longer entries that start with the word, by their
	// second word, so a common first word (tidak, jangan) costs one probe
	// for the next token's forms instead of a check of every phrase.
	next map[string][]int32
	// nextBits has the screenBit of every key of next: a form whose bit
	// is clear is not a key, and is not looked up.
	nextBits uint64
	// stemmed holds the entries whose first word has this word as its
	// stem; they are tried when it is a token's stem (menyerbu for serbu,
	// terkutuklah for terkutuk).
	stemmed []int32
}

// index adds entry i, e, to c.words.
func (c *Classifier) index(e *lexicon.Entry, i int32) {
	if e.Stems[0] != e.Words[0] {
		s := c.wordAt(e.Stems[0])
		s.stemmed = append(s.stemmed, i)
	}
	w := c.wordAt(e.Words[0])
	if len(e.Words) == 1 {
		w.single = append(w.single, i)
		return
	}
	if w.next == nil {
		w.next = make(map[string][]int32)
	}
	w.next[e.Words[1]] = append(w.next[e.Words[1]], i)
	w.nextBits |= screenBit(e.Words[1])
}

// screenBit is one of 64 bits, chosen by w's length and first and last
// bytes, for wordIndex.nextBits.
func screenBit(w string) uint64 {
	if w == "" {
		return 1
	}
	return 1 << ((uint(len(w))*5 + uint(w[0])*3 + uint(w[len(w)-1])) & 63)
}

// wordAt returns the index of word, adding an empty one if needed.
func (c *Classifier) wordAt(word string) *wordIndex {
	w := c.words[word]
	if w == nil {
		w = new(wordIndex)
		c.words[word] = w
	}
	return w
}
