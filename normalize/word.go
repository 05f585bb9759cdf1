package normalize

import (
	"bytes"
	"math/bits"
)

// leetTable maps the characters read as letters inside a leet word. '2' is
// deliberately absent: a trailing 2 is reduplication (anak2) and an
// interior one marks an alphanumeric name (b2b).
var leetTable = [256]byte{
	'0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g',
	'@': 'a', '$': 's', '!': 'i',
}

// leetChar returns the letter that c stands for in a leet word, or 0.
func leetChar(c byte) byte { return leetTable[c] }

// alnumNames are alphanumeric names whose digits sit between letters and
// must not be read as leet (kotak P3K, flu H5N1).
var alnumNames = map[string]struct{}{
	"p3k": {}, "h1n1": {}, "h5n1": {}, "h7n9": {}, "5w1h": {}, "g30s": {}, "k3l": {},
}

func isLower(c byte) bool { return 'a' <= c && c <= 'z' }

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// letterLike reports whether byte c belongs to a letter (ASCII a-z or any
// byte of a non-ASCII rune, which in a word is a letter) or a mask '*'.
func letterLike(c byte) bool { return c >= 0x80 || isLower(c) || c == '*' }

// leetEligible reports whether the folded word w reads as leetspeak: it has
// at least two letters, only letters, leet characters, masks, hyphens and apostrophes,
// and either a run of leet characters between letters (k4f1r, b4b1, 4nj1ng)
// or a leading '$' before a letter ($etan). A run of different digits
// (g30s, rp50rb) or a '2' (b2b) marks a name or a number, not leet; so does a
// leading "rp" before a digit (rp5rb).
func leetEligible(w []byte) bool {
	if len(w) >= 3 && w[0] == 'r' && w[1] == 'p' && isDigitByte(w[2]) {
		return false
	}
	letters, interior := 0, false
	for i := 0; i < len(w); {
		c := w[i]
		switch {
		case isLower(c) || c >= 0xC0:
			letters++
			i++
		case c >= 0x80:
			i++ // continuation byte
		case leetTable[c] != 0:
			j := i
			var digit byte
			for j < len(w) && leetTable[w[j]] != 0 {
				if d := w[j]; isDigitByte(d) {
					if digit != 0 && d != digit {
						return false
					}
					digit = d
				}
				j++
			}
			if i > 0 && letterLike(w[i-1]) && j < len(w) && letterLike(w[j]) {
				interior = true
			}
			i = j
		case c == '*' || c == '-' || c == '\'':
			i++
		default:
			return false
		}
	}
	if letters < 2 {
		return false
	}
	return interior || w[0] == '$' && isLower(w[1])
}

// leetWord reports whether w is read as leet: eligible, not a known
// alphanumeric name and not a known word.
func (n *Normalizer) leetWord(w []byte) bool {
	if !leetEligible(w) {
		return false
	}
	if _, ok := alnumNames[string(w)]; ok {
		return false
	}
	return !n.isKnownBytes(w)
}

// mapLeet appends w to dst with every leet character replaced by its letter.
func mapLeet(dst, w []byte) []byte {
	for _, c := range w {
		if l := leetTable[c]; l != 0 {
			c = l
		}
		dst = append(dst, c)
	}
	return dst
}

// redupSuffixes are the suffixes that may follow the 2 of a written
// reduplication (anak2nya -> anak-anaknya, main2an -> main-mainan).
var redupSuffixes = [...]string{"nya", "an", "ku", "mu", "lah", "kah", "pun", "in"}

// redupAt reports whether w is a reduplication written with a 2 (anak2,
// hati2, anak2nya) and returns the index of the 2. The 2 follows a letter
// and ends the word or comes before a suffix; the base before it has at
// least two letters and no other '2', hyphen or number punctuation.
func redupAt(w []byte) (int, bool) {
	i := bytes.IndexByte(w, '2')
	if i < 2 || !isLower(w[i-1]) {
		return 0, false
	}
	if rest := w[i+1:]; len(rest) > 0 {
		ok := false
		for _, suf := range redupSuffixes {
			if string(rest) == suf {
				ok = true
				break
			}
		}
		if !ok {
			return 0, false
		}
	}
	letters := 0
	for _, c := range w[:i] {
		switch {
		case isLower(c) || c >= 0xC0:
			letters++
		case c == '-' || c == '.' || c == ',':
			return 0, false
		}
	}
	return i, letters >= 2
}

// run is a run of one repeated ASCII letter in a word.
type run struct{ at, n int }

// maxAltRuns bounds the runs whose alternatives are searched.
const maxAltRuns = 6

// maxAltWordLen bounds the length of the words whose alternatives are
// searched; longer ones are not words anyone looks up.
const maxAltWordLen = 64

// hasDouble reports whether two bytes in a row of w are the same.
func hasDouble(w []byte) bool {
	for i := 1; i < len(w); i++ {
		if w[i] == w[i-1] {
			return true
		}
	}
	return false
}

// elongate collapses repeated letters. Runs of three or more identical
// letters become one letter; when the result is not a known word but the
// variant with two letters is, the latter is used (maaaaf -> maaf). A run of
// exactly two collapses only when w is not known and the collapsed word is
// a standard word (kafiir -> kafir when kafir is in the vocabulary). It
// returns the result in s.w2 and whether it differs from w.
func (n *Normalizer) elongate(s *scratch, w []byte) ([]byte, bool) {
	if !hasDouble(w) {
		return w, false // no run of a letter: most words
	}
	runs := s.runs[:0]
	long := false
	for i := 0; i < len(w); {
		j := i + 1
		for j < len(w) && w[j] == w[i] {
			j++
		}
		if j-i >= 2 && isLower(w[i]) {
			runs = append(runs, run{at: i, n: j - i})
			long = long || j-i >= 3
		}
		i = j
	}
	s.runs = runs
	if len(runs) == 0 || !long && n.isKnownBytes(w) || len(runs) == 1 && runs[0].n == len(w) {
		// (a word of one repeated letter, ppp or wwww, is an
		// abbreviation or noise, not an elongated one-letter word)
		return w, false
	}
	if long {
		s.w2 = buildElongated(s.w2[:0], w, runs, 0)
		if n.isKnownBytes(s.w2) {
			return s.w2, true
		}
	}
	k := min(len(runs), maxAltRuns)
	if len(w) > maxAltWordLen {
		k = 0
	}
	for pc := 1; pc <= k; pc++ {
		for alt := uint(1); alt < 1<<k; alt++ {
			if bits.OnesCount(alt) != pc {
				continue
			}
			s.w2 = buildElongated(s.w2[:0], w, runs, alt)
			collapsedDouble := false
			for r := range k {
				if alt&(1<<r) != 0 && runs[r].n == 2 {
					collapsedDouble = true
				}
			}
			if collapsedDouble && n.isStandardBytes(s.w2) || !collapsedDouble && n.isKnownBytes(s.w2) {
				return s.w2, true
			}
		}
	}
	if !long {
		return w, false
	}
	s.w2 = buildElongated(s.w2[:0], w, runs, 0)
	return s.w2, true
}

// buildElongated appends w to dst with each run collapsed: by default runs
// of three or more become one letter and runs of two stay; the runs whose
// bit is set in alt take the other choice (two letters, or one).
func buildElongated(dst, w []byte, runs []run, alt uint) []byte {
	prev := 0
	for r, rn := range runs {
		dst = append(dst, w[prev:rn.at]...)
		keep := 2
		if rn.n >= 3 {
			keep = 1
		}
		if r < maxAltRuns && alt&(1<<r) != 0 {
			keep = 3 - keep
		}
		for range keep {
			dst = append(dst, w[rn.at])
		}
		prev = rn.at + rn.n
	}
	return append(dst, w[prev:]...)
}

// normed is what normWord makes of a word.
type normed struct {
	norm   []byte // the Norm, when static is "": the word or a scratch buffer valid until the next call
	static string // the Norm, when it is a slang value
	stem   string // the Norm's stem when the word table has it, else ""
	via    Via
	known  bool // the Norm is a word the Normalizer knows (Token.Known)
}

// normWord normalises the folded word w: slang or vocabulary lookup of the
// whole word, reduplication (anak2, anak2nya), leet, masks, elongation and
// slang.
func (t *tokenizer) normWord(w []byte, allowLeet, allowRedup bool) normed {
	n, s := t.n, t.s
	if wi := n.words[string(w)]; wi.slang != "" {
		return normed{static: wi.slang, stem: wi.stem, via: ViaSlang, known: true}
	} else if wi.known != 0 {
		return normed{norm: w, stem: wi.stem, known: true}
	}
	var r normed
	redup, suffix := false, []byte(nil)
	if allowRedup {
		if i, ok := redupAt(w); ok {
			w, suffix = w[:i], w[i+1:]
			redup = true
			r.via |= ViaReduplication
		}
	}
	if allowLeet && n.leetWord(w) {
		s.w1 = mapLeet(s.w1[:0], w)
		w = s.w1
		r.via |= ViaLeet
	}
	if bytes.IndexByte(w, '*') >= 0 {
		r.via |= ViaMask
	}
	if e, ok := n.elongate(s, w); ok {
		w = e
		r.via |= ViaElongation
	}
	r.norm = w
	if r.via != 0 {
		// w changed: look it up again.
		wi := n.words[string(w)]
		if wi.slang != "" {
			r.static = wi.slang
			r.via |= ViaSlang
		}
		r.known = wi.known != 0
		if r.known && !r.via.Has(ViaMask) {
			r.stem = wi.stem // a masked word's stem is its Norm (stemOf)
		}
	}
	if !redup {
		return r
	}
	base := s.w3[:0]
	if r.static != "" {
		base = append(base, r.static...)
	} else {
		base = append(base, w...)
	}
	m := len(base)
	base = append(base, '-')
	base = append(base, base[:m]...)
	base = append(base, suffix...)
	s.w3 = base
	// The Norm is base even when base is a slang key, so the table's stem
	// (that of the slang value) is not its stem: stemOf computes it.
	return normed{norm: base, via: r.via, known: n.isKnownBytes(base)}
}
