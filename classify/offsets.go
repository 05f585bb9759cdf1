package classify

import (
	"slices"
	"unicode/utf8"
)

// offsetRef is one byte offset of an evidence span and the fields that take
// the same position in code points and in UTF-16 units.
type offsetRef struct {
	byteOff   int
	codePoint *int
	utf16     *int
}

// setOffsets fills every evidence span's code-point and UTF-16 offsets from
// its byte offsets into text, in one pass over the text up to the last span.
// An invalid UTF-8 byte counts as one code point and one UTF-16 unit: the
// U+FFFD it decodes to.
func (r *Result) setOffsets(text string) {
	n, last := 0, 0
	for _, l := range r.Labels {
		n += 2 * len(l.Evidence)
		for _, ev := range l.Evidence {
			last = max(last, ev.End)
		}
	}
	if n == 0 {
		return
	}
	if isASCII(text[:min(last, len(text))]) {
		// Every byte up to the last span is one code point and one unit.
		for i := range r.Labels {
			for j := range r.Labels[i].Evidence {
				ev := &r.Labels[i].Evidence[j]
				ev.StartCodePoint, ev.StartUTF16 = ev.Start, ev.Start
				ev.EndCodePoint, ev.EndUTF16 = ev.End, ev.End
			}
		}
		return
	}
	// Most posts have a few spans: keep their references off the heap.
	var small [32]offsetRef
	refs := small[:0]
	if n > len(small) {
		refs = make([]offsetRef, 0, n)
	}
	for i := range r.Labels {
		for j := range r.Labels[i].Evidence {
			ev := &r.Labels[i].Evidence[j]
			refs = append(refs,
				offsetRef{ev.Start, &ev.StartCodePoint, &ev.StartUTF16},
				offsetRef{ev.End, &ev.EndCodePoint, &ev.EndUTF16})
		}
	}
	slices.SortFunc(refs, func(a, b offsetRef) int { return a.byteOff - b.byteOff })
	pos, cps, units := 0, 0, 0
	for _, ref := range refs {
		for pos < ref.byteOff && pos < len(text) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			pos += size
			cps++
			units += utf16Len(r)
		}
		*ref.codePoint, *ref.utf16 = cps, units
	}
}

// utf16Len is the number of UTF-16 code units of r: 2 above the Basic
// Multilingual Plane, else 1.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// isASCII reports whether s holds only ASCII bytes (eight tested at once).
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if s[i]|s[i+1]|s[i+2]|s[i+3]|s[i+4]|s[i+5]|s[i+6]|s[i+7] >= utf8.RuneSelf {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
