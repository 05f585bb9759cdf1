package normalize

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Flags recorded per folded byte.
const (
	flUpper   uint8 = 1 << iota // the byte comes from an upper- or title-case letter
	flUnicode                   // folding changed more than the case (ViaUnicode)
)

// sepInvalid is written to the folded buffer for every byte of invalid
// UTF-8; it is a control character, so it always separates tokens.
const sepInvalid = 0x00

// confusables folds letters that look like Latin letters (Cyrillic, Greek,
// Latin small capitals, enclosed letters without a compatibility
// decomposition) and a few punctuation variants to their ASCII look-alike.
// The table is authored; it is applied to the rune itself and to every rune
// of its NFKD decomposition, upper and lower case alike.
var confusables = map[rune]byte{
	// Cyrillic.
	'а': 'a', 'А': 'a', 'в': 'b', 'В': 'b', 'Ь': 'b', 'ь': 'b', 'с': 'c', 'С': 'c',
	'ԁ': 'd', 'е': 'e', 'Е': 'e', 'ѐ': 'e', 'ё': 'e', 'г': 'r', 'һ': 'h', 'н': 'h',
	'Н': 'h', 'і': 'i', 'І': 'i', 'ӏ': 'l', 'Ӏ': 'l', 'ј': 'j', 'Ј': 'j', 'к': 'k',
	'К': 'k', 'м': 'm', 'М': 'm', 'п': 'n', 'о': 'o', 'О': 'o', 'р': 'p', 'Р': 'p',
	'ԛ': 'q', 'Ԛ': 'q', 'ѕ': 's', 'Ѕ': 's', 'т': 't', 'Т': 't', 'у': 'y', 'У': 'y',
	'Ү': 'y', 'ү': 'y', 'ԝ': 'w', 'Ԝ': 'w', 'х': 'x', 'Х': 'x', 'Ꭵ': 'i',
	// Greek.
	'α': 'a', 'Α': 'a', 'β': 'b', 'Β': 'b', 'γ': 'y', 'δ': 'd', 'ε': 'e', 'Ε': 'e',
	'Ζ': 'z', 'η': 'n', 'Η': 'h', 'ι': 'i', 'Ι': 'i', 'κ': 'k', 'Κ': 'k', 'μ': 'u',
	'Μ': 'm', 'ν': 'v', 'Ν': 'n', 'ο': 'o', 'Ο': 'o', 'ρ': 'p', 'Ρ': 'p', 'σ': 'o',
	'τ': 't', 'Τ': 't', 'υ': 'u', 'Υ': 'y', 'χ': 'x', 'Χ': 'x', 'ω': 'w',
	// Latin small capitals and other look-alike Latin letters.
	'ᴀ': 'a', 'ʙ': 'b', 'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e', 'ꜰ': 'f', 'ɢ': 'g', 'ʜ': 'h',
	'ɪ': 'i', 'ᴊ': 'j', 'ᴋ': 'k', 'ʟ': 'l', 'ᴍ': 'm', 'ɴ': 'n', 'ᴏ': 'o', 'ᴘ': 'p',
	'ʀ': 'r', 'ꜱ': 's', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w', 'ʏ': 'y', 'ᴢ': 'z',
	'ı': 'i', 'ł': 'l', 'Ł': 'l', 'ø': 'o', 'Ø': 'o', 'đ': 'd', 'Đ': 'd', 'ɑ': 'a',
	'ɡ': 'g', 'ɩ': 'i', 'ɵ': 'o', 'ƅ': 'b',
	// Punctuation variants that join words.
	'\u2019': '\'', '\u02BC': '\'', '\u2010': '-', '\u2011': '-',
}

// enclosedLetter folds the enclosed Latin capital letters that have no
// compatibility decomposition (🅐 🅰 used as letters in styled posts).
func enclosedLetter(r rune) (byte, bool) {
	switch {
	case r >= 0x1F150 && r <= 0x1F169: // negative circled
		return byte('a' + r - 0x1F150), true
	case r >= 0x1F170 && r <= 0x1F189: // negative squared
		return byte('a' + r - 0x1F170), true
	}
	return 0, false
}

// invisible reports whether r is removed by folding: format characters
// (zero-width space, joiners, word joiner, BOM, soft hyphen, bidi marks),
// combining and enclosing marks, and Hangul fillers used as invisible
// letters.
func invisible(r rune) bool {
	switch r {
	case 0x115F, 0x1160, 0x3164, 0xFFA0:
		return true
	}
	return unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me)
}

// folder accumulates the folded form of a text: lower-cased, compatibility
// decomposed, marks and invisible characters removed, look-alikes folded.
// For every folded byte it records the offset of the original rune it comes
// from, so token spans can be mapped back to the original text.
type folder struct {
	buf   []byte // folded text (valid UTF-8 except nothing: invalid bytes become sepInvalid)
	start []int  // start[i]: original byte offset of the rune that produced buf[i]
	flags []uint8
	// nonASCII is set once a non-ASCII rune has been folded; until then no
	// byte carries flUnicode, so token emission need not look for it.
	nonASCII bool
}

func (f *folder) reset() {
	f.buf = f.buf[:0]
	f.start = f.start[:0]
	f.flags = f.flags[:0]
	f.nonASCII = false
}

func (f *folder) emitByte(b byte, at int, fl uint8) {
	f.buf = append(f.buf, b)
	f.start = append(f.start, at)
	f.flags = append(f.flags, fl)
}

func (f *folder) emitRune(r rune, at int, fl uint8) {
	if r < utf8.RuneSelf {
		f.emitByte(byte(r), at, fl)
		return
	}
	n := len(f.buf)
	f.buf = utf8.AppendRune(f.buf, r)
	for range len(f.buf) - n {
		f.start = append(f.start, at)
		f.flags = append(f.flags, fl)
	}
}

// fold folds text into f.
func (f *folder) fold(text string) {
	f.reset()
	f.buf = slices.Grow(f.buf, len(text))
	f.start = slices.Grow(f.start, len(text))
	f.flags = slices.Grow(f.flags, len(text))
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			j := i + 1
			for j < len(text) && text[j] < utf8.RuneSelf {
				j++
			}
			f.foldASCII(text[i:j], i)
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			f.emitByte(sepInvalid, i, 0)
			i++
			continue
		}
		f.foldRune(r, text[i:i+size], i)
		i += size
	}
}

// foldASCII appends the run of ASCII bytes s, found at original offset at,
// lower-cased: the per-byte work of emitByte without its three appends.
func (f *folder) foldASCII(s string, at int) {
	n, k := len(f.buf), len(s)
	f.buf = slices.Grow(f.buf, k)[:n+k]
	f.start = slices.Grow(f.start, k)[:n+k]
	f.flags = slices.Grow(f.flags, k)[:n+k]
	buf, start, flags := f.buf[n:n+k], f.start[n:n+k], f.flags[n:n+k]
	for x := 0; x < k; x++ {
		c, fl := s[x], uint8(0)
		if 'A' <= c && c <= 'Z' {
			c, fl = c+'a'-'A', flUpper
		}
		buf[x], start[x], flags[x] = c, at+x, fl
	}
}

// foldRune folds one non-ASCII rune r (whose encoding is enc) found at
// original offset at.
func (f *folder) foldRune(r rune, enc string, at int) {
	f.nonASCII = true
	if invisible(r) {
		// Removed; the rune is attributed to the previous folded byte so a
		// token that ends just before it includes it in its span.
		if n := len(f.flags); n > 0 {
			f.flags[n-1] |= flUnicode
		}
		return
	}
	upper := uint8(0)
	if unicode.IsUpper(r) || unicode.IsTitle(r) {
		upper = flUpper
	}
	if b, ok := confusables[r]; ok {
		f.emitByte(b, at, upper|flUnicode)
		return
	}
	if b, ok := enclosedLetter(r); ok {
		f.emitByte(b, at, flUpper|flUnicode)
		return
	}
	d := norm.NFKD.PropertiesString(enc).Decomposition()
	if d == nil {
		f.emitRune(unicode.ToLower(r), at, upper)
		return
	}
	// A decomposition that mixes word characters (letters, digits) with
	// other characters (¼ -> 1⁄4, ⑴ -> (1)) would let a token boundary fall
	// inside one original rune; such runes are kept as they are.
	word, other := false, false
	for _, q := range string(d) {
		switch {
		case invisible(q):
		case unicode.IsLetter(q) || unicode.IsDigit(q):
			word = true
		default:
			other = true
		}
	}
	if word && other {
		f.emitRune(unicode.ToLower(r), at, upper)
		return
	}
	for _, q := range string(d) {
		if invisible(q) {
			continue
		}
		fl := uint8(flUnicode)
		if unicode.IsUpper(q) || unicode.IsTitle(q) {
			fl |= flUpper
		}
		if b, ok := confusables[q]; ok {
			f.emitByte(b, at, fl)
			continue
		}
		f.emitRune(unicode.ToLower(q), at, fl)
	}
}

// origEnd returns the original end offset of the folded range ending
// (exclusively) at folded offset b, given the original text length n. The
// end covers the whole original rune of buf[b-1] plus any removed
// (invisible) runes that follow it.
func (f *folder) origEnd(b, n int) int {
	last := f.start[b-1]
	for b < len(f.start) && f.start[b] == last {
		b++
	}
	if b == len(f.start) {
		return n
	}
	return f.start[b]
}

// runeBoundary reports whether folded offset p (0 < p < len(buf)) falls on
// a boundary between two original runes.
func (f *folder) runeBoundary(p int) bool {
	return p <= 0 || p >= len(f.start) || f.start[p] != f.start[p-1]
}
