package normalize

import (
	"unicode"
	"unicode/utf8"
)

// class is the tokenizer's view of a folded rune.
type class uint8

const (
	cOther class = iota // punctuation, symbols, controls, invalid bytes
	cSpace
	cLetter
	cDigit
)

// asciiClass is the class of each ASCII byte. It has 256 entries so that any
// byte indexes it without a bounds check; bytes from 0x80 up are classified
// by classAtRune instead.
var asciiClass = func() (t [256]class) {
	for c := range utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z':
			t[c] = cLetter
		case '0' <= c && c <= '9':
			t[c] = cDigit
		case c == ' ', c == '\t', c == '\n', c == '\r', c == '\v', c == '\f':
			t[c] = cSpace
		}
	}
	return t
}()

// classAt returns the class and the encoded size of the rune at b[i].
func classAt(b []byte, i int) (class, int) {
	if c := b[i]; c < utf8.RuneSelf {
		return asciiClass[c], 1
	}
	return classAtRune(b, i)
}

// classAtRune is classAt for a non-ASCII byte; kept apart so that the hot
// scanning loops test the ASCII case inline and call it only for the rest.
func classAtRune(b []byte, i int) (class, int) {
	r, size := utf8.DecodeRune(b[i:])
	switch {
	case unicode.IsLetter(r):
		return cLetter, size
	case unicode.IsDigit(r):
		return cDigit, size
	case unicode.IsSpace(r):
		return cSpace, size
	}
	return cOther, size
}

// classOf is classAt without the size; it returns cOther past the end.
func classOf(b []byte, i int) class {
	if i < 0 || i >= len(b) {
		return cOther
	}
	c, _ := classAt(b, i)
	return c
}

func isAlnum(c class) bool { return c == cLetter || c == cDigit }

// pending is a Norm written to the arena, assigned once the arena has been
// turned into a string.
type pending struct{ idx, off, n int }

// scratch holds the per-call buffers, pooled per Normalizer.
type scratch struct {
	f     folder
	arena []byte // changed Norms of the current call
	pend  []pending
	w0    []byte // glued letters, hashtag parts
	w1    []byte // leet output
	w2    []byte // elongation output
	w3    []byte // reduplication output
	runs  []run  // elongation runs
	toks  []Token
}

// tokenizer is the state of one call of appendTokens.
type tokenizer struct {
	n       *Normalizer
	s       *scratch
	text    string
	buf     []byte // s.f.buf
	dst     []Token
	lastEnd int

	noLinkUntil int // linkAt found no address in buf[:noLinkUntil]
}

// appendTokens tokenizes text into dst using the scratch buffers s.
func (n *Normalizer) appendTokens(dst []Token, text string, s *scratch) []Token {
	s.f.fold(text)
	s.arena = s.arena[:0]
	s.pend = s.pend[:0]
	first := len(dst)
	t := tokenizer{n: n, s: s, text: text, buf: s.f.buf, dst: dst}
	t.run()
	dst = t.dst
	if len(s.pend) > 0 {
		arena := string(s.arena)
		for _, p := range s.pend {
			dst[p.idx].Norm = arena[p.off : p.off+p.n]
		}
	}
	for i := first; i < len(dst); i++ {
		if dst[i].Stem == "" {
			dst[i].Stem = stemOf(&dst[i])
		}
	}
	return dst
}

func (t *tokenizer) run() {
	b := t.buf
	for i := 0; i < len(b); {
		cl, size := asciiClass[b[i]], 1
		if b[i] >= utf8.RuneSelf {
			cl, size = classAtRune(b, i)
		}
		switch {
		case isAlnum(cl):
			i = t.scanAlnum(i)
		case b[i] == '#':
			i = t.scanHashtag(i)
		case b[i] == '@':
			i = t.scanMention(i)
		case b[i] == '$' && classOf(b, i+1) == cLetter:
			i = t.scanWord(i)
		default:
			i += size
		}
	}
}

// emit appends a token for the folded range [fa, fb). Its Norm is w.static
// when not empty, else w.norm (copied to the arena unless equal to the raw
// text). A non-empty w.stem is the Norm's stem, known from the word table;
// otherwise appendTokens computes the stem.
func (t *tokenizer) emit(fa, fb int, kind Kind, w normed) {
	f := &t.s.f
	start, end := f.start[fa], f.origEnd(fb, len(t.text))
	if start < t.lastEnd {
		// Cannot happen with the folding rules (token boundaries fall on
		// original rune boundaries); kept so spans never overlap.
		start = t.lastEnd
	}
	if start >= end {
		return
	}
	via := w.via
	for i := fa; i < fb && f.nonASCII; i++ {
		if f.flags[i]&flUnicode != 0 {
			via |= ViaUnicode
			break
		}
	}
	raw, norm := t.text[start:end], w.norm
	tok := Token{Raw: raw, Stem: w.stem, Start: start, End: end, Kind: kind, Via: via, Known: w.known}
	switch {
	case w.static != "":
		tok.Norm = w.static
	case string(norm) == raw:
		tok.Norm = raw
	case len(norm) > 0 && len(norm) < len(raw) && string(norm) == raw[len(raw)-len(norm):]:
		tok.Norm = raw[len(raw)-len(norm):] // #hashtag
	default:
		t.s.pend = append(t.s.pend, pending{idx: len(t.dst), off: len(t.s.arena), n: len(norm)})
		t.s.arena = append(t.s.arena, norm...)
	}
	t.dst = append(t.dst, tok)
	t.lastEnd = end
}

// scanAlnum handles a token starting with a letter or a digit: a link, a
// run of split letters or a word/number.
func (t *tokenizer) scanAlnum(i int) int {
	if end := t.linkAt(i); end > i {
		t.emit(i, end, URL, normed{norm: t.buf[i:end]})
		return end
	}
	if end, ok := t.splitRun(i); ok {
		return end
	}
	return t.scanWord(i)
}

// hasPrefix reports whether b[i:] starts with p.
func hasPrefix(b []byte, i int, p string) bool {
	return len(b)-i >= len(p) && string(b[i:i+len(p)]) == p
}

// linkAt returns the end of a URL or e-mail address starting at i, or i.
func (t *tokenizer) linkAt(i int) int {
	b := t.buf
	switch b[i] {
	case 'h':
		if hasPrefix(b, i, "http://") || hasPrefix(b, i, "https://") {
			return urlEnd(b, i)
		}
	case 'w':
		if hasPrefix(b, i, "www.") && isAlnum(classOf(b, i+4)) {
			return urlEnd(b, i)
		}
	}
	// A run of ASCII address characters: a bare domain or an e-mail address.
	// A run that is not a link is not scanned again from a later position,
	// which keeps tokenizing linear on inputs like "ab.ab.ab...".
	if i < t.noLinkUntil {
		return i
	}
	j, dots := i, 0
	for j < len(b) && b[j]-'a' < 26 {
		j++ // lower-case letters, most of the run, a byte a step
	}
	for j < len(b) && isAddrByte(b[j]) {
		if b[j] == '.' {
			dots++
		}
		j++
	}
	t.noLinkUntil = j
	if j < len(b) && b[j] == '@' {
		// E-mail: local part [i,j), then a domain with a dot.
		k, lastDot := j+1, -1
		for k < len(b) && (isDomainByte(b[k])) {
			if b[k] == '.' {
				lastDot = k
			}
			k++
		}
		for k > j+1 && b[k-1] == '.' {
			k--
			if lastDot == k {
				lastDot = -1
				for x := j + 1; x < k; x++ {
					if b[x] == '.' {
						lastDot = x
					}
				}
			}
		}
		if lastDot > j+1 && k-lastDot > 2 && isLetters(b[lastDot+1:k]) {
			return k
		}
		return i
	}
	if dots == 0 {
		return i
	}
	// Bare domain: letters after the last dot, a path or a common TLD.
	end := j
	for end > i && b[end-1] == '.' {
		end--
	}
	last := end
	for last > i && b[last-1] != '.' {
		last--
	}
	if last <= i+1 || !isLetters(b[last:end]) || end-last < 2 {
		return i
	}
	for x := i; x < end; x++ {
		if !isDomainByte(b[x]) || b[x] == '.' && b[x-1] == '.' {
			return i
		}
	}
	if end == j && j < len(b) && b[j] == '/' {
		return urlEnd(b, i)
	}
	switch string(b[last:end]) {
	case "com", "net", "org":
		return end
	}
	return i
}

func isLetters(b []byte) bool {
	for _, c := range b {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// Bits of addrTable.
const (
	abDomain uint8 = 1 << iota // a-z, 0-9, '-', '.'
	abAddr                     // abDomain bytes and '_', '+', '%'
)

// addrTable classifies the bytes of web and e-mail addresses.
var addrTable = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '.':
			t[c] = abDomain | abAddr
		case c == '_', c == '+', c == '%':
			t[c] = abAddr
		}
	}
	return t
}()

func isDomainByte(c byte) bool { return addrTable[c]&abDomain != 0 }

func isAddrByte(c byte) bool { return addrTable[c]&abAddr != 0 }

// urlEnd returns the end of a URL starting at i: up to white space, a
// control character, a quote or angle bracket, or a non-ASCII rune that is
// neither letter nor digit, without trailing punctuation.
func urlEnd(b []byte, i int) int {
	j := i
	parens := 0
	for j < len(b) {
		c := b[j]
		if c < utf8.RuneSelf {
			if c <= ' ' || c == 0x7f || c == '"' || c == '<' || c == '>' || c == '`' {
				break
			}
			switch c {
			case '(':
				parens++
			case ')':
				parens--
			}
			j++
			continue
		}
		cl, size := classAt(b, j)
		if !isAlnum(cl) {
			break
		}
		j += size
	}
	for j > i {
		c := b[j-1]
		switch c {
		case '.', ',', '!', '?', ':', ';', '\'', '*':
			j--
			continue
		case ')':
			if parens < 0 {
				parens++
				j--
				continue
			}
		}
		break
	}
	return j
}

// isSplitSep reports whether c may separate split letters (k a f i r,
// b.a.b.i, b-a-b-i, b_a_b_i).
func isSplitSep(c byte) bool { return c == ' ' || c == '.' || c == '-' || c == '_' }

// splitRun glues a run of at least three single letters separated by the
// same separator into one token (ViaSplit), e.g. k a f i r, b.a.b.i,
// b-a-b-i, b_a_b_i. Inside the run a single leet character stands for a
// letter (k a f 1 r); the run starts and ends with a letter. It reports
// whether it emitted a token.
func (t *tokenizer) splitRun(i int) (int, bool) {
	b := t.buf
	if b[i] < utf8.RuneSelf && (i+1 >= len(b) || !isSplitSep(b[i+1])) {
		return i, false // the common case, decided before classAt below
	}
	cl, size := classAt(b, i)
	p := i + size
	if cl != cLetter || p >= len(b) || !isSplitSep(b[p]) {
		return i, false
	}
	sep := b[p]
	count, letters, last, lastLetterEnd := 1, 1, p, p
	for p+1 < len(b) {
		cl, size := classAt(b, p+1)
		if cl != cLetter && !(size == 1 && leetChar(b[p+1]) != 0 && b[p+1] != '!') {
			break
		}
		q := p + 1 + size
		if isAlnum(classOf(b, q)) {
			break // the letter starts a longer word
		}
		if q < len(b) && b[q] != sep && b[q] != ' ' && isSplitSep(b[q]) && isAlnum(classOf(b, q+1)) {
			break // the letter starts a run with another separator (b.a.b.i)
		}
		count++
		last = q
		if cl == cLetter {
			letters++
			lastLetterEnd = q
		}
		if q >= len(b) || b[q] != sep {
			break
		}
		p = q
	}
	if last != lastLetterEnd {
		// Drop trailing leet characters: count the elements again up to
		// the last letter.
		last = lastLetterEnd
		count = 0
		for x := i; x < last; {
			_, size := classAt(b, x)
			if b[x] != sep {
				count++
			}
			x += size
		}
	}
	if count < 3 || letters < 2 {
		return i, false
	}
	w := t.s.w0[:0]
	for x := i; x < last; {
		_, size := classAt(b, x)
		if b[x] != sep {
			w = append(w, b[x:x+size]...)
		}
		x += size
	}
	t.s.w0 = w
	nw := t.normWord(w, true, false)
	nw.via |= ViaSplit
	t.emit(i, last, Word, nw)
	return last, true
}

// scanWord scans a word or number starting at i (a letter, a digit, or a
// '$' followed by a letter) and emits it.
func (t *tokenizer) scanWord(i int) int {
	b := t.buf
	j := i
	if b[j] == '$' {
		j++
	}
	hasLetter := false
	prev := cOther
	for j < len(b) {
		// A run of ASCII letters, most of a word, a byte a step.
		k := j
		for k < len(b) && asciiClass[b[k]] == cLetter {
			k++
		}
		if k > j {
			hasLetter, prev, j = true, cLetter, k
			continue
		}
		cl, size := asciiClass[b[j]], 1
		if b[j] >= utf8.RuneSelf {
			cl, size = classAtRune(b, j)
		}
		if isAlnum(cl) {
			if cl == cLetter {
				hasLetter = true
			}
			prev = cl
			j += size
			continue
		}
		next := classOf(b, j+1)
		switch b[j] {
		case '-', '\'':
			if isAlnum(next) {
				j++
				continue
			}
		case '.', ',':
			if prev == cDigit && next == cDigit {
				j++
				continue
			}
		case '@', '$':
			if isAlnum(next) {
				j++
				continue
			}
		case '!':
			// Read as leet for i (anj!ng, ANJ!NG), but not before a capital
			// that starts a sentence (Wah!Keren).
			if isAlnum(next) && (t.s.f.flags[j+1]&flUpper == 0 || t.s.f.flags[j-1]&flUpper != 0) {
				j++
				continue
			}
		case '*':
			k := j
			for k < len(b) && b[k] == '*' {
				k++
			}
			if nk := classOf(b, k); isAlnum(nk) && (prev == cLetter || nk == cLetter) {
				j = k
				continue
			}
		}
		break
	}
	w := b[i:j]
	if !hasLetter {
		t.emit(i, j, Number, normed{norm: w, known: t.n.isKnownBytes(w)})
		return j
	}
	t.emit(i, j, Word, t.normWord(w, true, true))
	return j
}

// scanMention scans an @mention at i.
func (t *tokenizer) scanMention(i int) int {
	b := t.buf
	j := i + 1
	for j < len(b) {
		cl, size := classAt(b, j)
		if isAlnum(cl) || b[j] == '_' || b[j] == '.' && j > i+1 && isAlnum(classOf(b, j+1)) {
			j += size
			continue
		}
		break
	}
	if j == i+1 {
		return i + 1
	}
	t.emit(i, j, Mention, normed{norm: b[i:j]})
	return j
}

// scanHashtag scans a #hashtag at i and emits its parts.
func (t *tokenizer) scanHashtag(i int) int {
	b := t.buf
	if !isAlnum(classOf(b, i+1)) {
		return i + 1
	}
	j := i + 1
	for j < len(b) {
		cl, size := classAt(b, j)
		if !isAlnum(cl) && b[j] != '_' {
			break
		}
		j += size
	}
	body := b[i+1 : j]
	if t.n.leetWord(body) {
		t.emit(i, j, Hashtag, t.normWord(body, true, false))
		return j
	}
	// Split on '_', letter/digit changes, lower->upper (iklanAhok) and the
	// last capital of a capital run followed by lower case (RUUCipta).
	f := &t.s.f
	partStart, first := i+1, true
	prev, prevUpper := cOther, false
	for p := i + 1; p <= j; {
		cl, size, upper := cOther, 0, false
		if p < j {
			cl, size = classAt(b, p)
			upper = f.flags[p]&flUpper != 0
		}
		cut := p == j || b[p] == '_'
		if !cut && p > partStart && f.runeBoundary(p) {
			switch {
			case cl != prev:
				cut = true
			case cl == cLetter && upper && !prevUpper:
				cut = true
			case cl == cLetter && upper && prevUpper:
				if nc, _ := classAtEnd(b, p+size, j); nc == cLetter && f.flags[p+size]&flUpper == 0 {
					cut = true
				}
			}
		}
		if cut {
			if p > partStart {
				start := partStart
				if first {
					start = i
				}
				t.emitHashPart(start, partStart, p)
				first = false
			}
			if p == j {
				break
			}
			if b[p] == '_' {
				p++
				partStart = p
				prev, prevUpper = cOther, false
				continue
			}
			partStart = p
		}
		prev, prevUpper = cl, upper
		p += size
	}
	return j
}

// classAtEnd is classAt bounded by end; it returns cOther at or past end.
func classAtEnd(b []byte, i, end int) (class, int) {
	if i >= end {
		return cOther, 0
	}
	return classAt(b, i)
}

// emitHashPart emits the hashtag part b[from:to], with its span starting
// at spanStart (the '#' for the first part).
func (t *tokenizer) emitHashPart(spanStart, from, to int) {
	w := t.buf[from:to]
	if classOf(w, 0) != cLetter {
		t.emit(spanStart, to, Hashtag, normed{norm: w, known: t.n.isKnownBytes(w)})
		return
	}
	t.emit(spanStart, to, Hashtag, t.normWord(w, false, false))
}
