package stem

import (
	"strings"

	"github.com/kljensen/snowball/snowballword"
)

const (
	// minWordLen is the length of the shortest word the Indonesian
	// stemmer looks at; shorter words are returned unchanged.
	minWordLen = 4

	// minStemLen is the fewest letters an affix removal may leave.
	minStemLen = 3

	// minMeasure is the measure (vowel count) a word must exceed before
	// any affix is removed from it.
	minMeasure = 2

	// maxStackRunes is the length of the longest word stemmed in a stack
	// buffer; longer words fall back to snowballword.New.
	maxStackRunes = 40
)

// Indonesian returns the stem of an Indonesian word, following the
// Snowball Indonesian algorithm with the deviations listed in the package
// documentation.
//
// The word is expected in lowercase, as the normalize package writes it.
// A word that is shorter than four letters, that holds anything but the
// letters a-z (besides one inner hyphen of a reduplication), or from
// which no affix can be removed is returned unchanged, without allocating.
// The result is a substring of word whenever the stem is one, so only
// stems with a restored first letter (menyebar -> sebar) allocate.
func Indonesian(word string) string {
	if len(word) < minWordLen {
		return word
	}
	hyphen := -1
	for i := 0; i < len(word); i++ {
		c := word[i]
		switch {
		case 'a' <= c && c <= 'z':
		case c == '-' && hyphen < 0 && i > 0 && i < len(word)-1:
			hyphen = i
		default:
			return word
		}
	}
	if hyphen >= 0 {
		return reduplication(word, word[:hyphen], word[hyphen+1:])
	}
	if vowelCount(word) <= minMeasure || !hasCandidateAffix(word) {
		return word
	}

	// The word is plain ASCII here, so a byte is a rune.
	var (
		buf [maxStackRunes]rune
		w   snowballword.SnowballWord
	)
	if len(word) <= len(buf) {
		rs := buf[:len(word)]
		for i := 0; i < len(word); i++ {
			rs[i] = rune(word[i])
		}
		w = snowballword.SnowballWord{RS: rs, R1start: len(rs), R2start: len(rs), RVstart: len(rs)}
	} else {
		w = *snowballword.New(word)
	}
	stemIndonesian(&w)
	return fromRunes(word, w.RS)
}

// reduplication stems a word written as two halves joined by a hyphen
// (anak-anak, berlari-lari, pukul-memukul): the result is the stem of the
// halves when both stem alike, and the word itself otherwise.
func reduplication(word, left, right string) string {
	if left == right {
		return Indonesian(left)
	}
	stem := Indonesian(left)
	if stem == Indonesian(right) {
		return stem
	}
	return word
}

// stemIndonesian runs the steps of the algorithm on w in place. Each step
// removes one vowel, and none runs unless the word has more than
// minMeasure vowels.
func stemIndonesian(w *snowballword.SnowballWord) {
	if measure(w) <= minMeasure || stemSpecialWord(w) {
		return
	}
	removeParticle(w)
	if measure(w) <= minMeasure || stemSpecialWord(w) {
		return
	}
	removePossessivePronoun(w)
	if measure(w) <= minMeasure || stemSpecialWord(w) {
		return
	}
	if prefix := removeFirstOrderPrefix(w); prefix != prefixNone {
		// A second-order prefix only goes when a suffix went too
		// (memperbaiki -> baik, but memperkuat -> perkuat).
		if measure(w) > minMeasure && removeSuffix(w, prefix) && measure(w) > minMeasure {
			removeSecondOrderPrefix(w)
		}
		return
	}
	prefix := removeSecondOrderPrefix(w)
	if measure(w) > minMeasure {
		removeSuffix(w, prefix)
	}
}

// hasCandidateAffix reports whether word begins with a prefix or ends with
// a suffix that some step may remove. It lets Indonesian return most roots
// without building a SnowballWord.
func hasCandidateAffix(word string) bool {
	switch word[:2] {
	case "di", "ke", "me", "pe", "be":
		return true
	case "te":
		if word[2] == 'r' {
			return true
		}
	}
	switch word[len(word)-1] {
	case 'i':
		return true
	case 'n':
		return strings.HasSuffix(word, "an") || strings.HasSuffix(word, "pun")
	case 'h':
		return strings.HasSuffix(word, "kah") || strings.HasSuffix(word, "lah")
	case 'u':
		return strings.HasSuffix(word, "ku") || strings.HasSuffix(word, "mu")
	case 'a':
		return strings.HasSuffix(word, "nya")
	}
	return false
}

// isVowel reports whether r is one of the vowels a, e, i, o, u that the
// algorithm counts.
func isVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// vowelCount returns the measure of an ASCII word.
func vowelCount(word string) int {
	n := 0
	for i := 0; i < len(word); i++ {
		if isVowel(rune(word[i])) {
			n++
		}
	}
	return n
}

// measure returns the measure of w: its number of vowels.
func measure(w *snowballword.SnowballWord) int {
	n := 0
	for _, r := range w.RS {
		if isVowel(r) {
			n++
		}
	}
	return n
}

// vowelAt reports whether w has a vowel at rune index i.
func vowelAt(w *snowballword.SnowballWord, i int) bool {
	return i < len(w.RS) && isVowel(w.RS[i])
}

// removeLastRunes removes the last n runes of w unless that would leave
// fewer than minStemLen, and reports whether it did.
func removeLastRunes(w *snowballword.SnowballWord, n int) bool {
	if len(w.RS)-n < minStemLen {
		return false
	}
	w.RemoveLastNRunes(n)
	return true
}

// removeFirstRunes removes the first n runes of w unless that would leave
// fewer than minStemLen, and reports whether it did. Like the english
// package's trimLeftApostrophes, it shifts the regions with the word.
func removeFirstRunes(w *snowballword.SnowballWord, n int) bool {
	if len(w.RS)-n < minStemLen {
		return false
	}
	w.RS = w.RS[n:]
	w.R1start = max(w.R1start-n, 0)
	w.R2start = max(w.R2start-n, 0)
	w.RVstart = max(w.RVstart-n, 0)
	return true
}

// replacePrefixRunes replaces the first n runes of w with the single rune
// r (meny- -> s, mem- -> p) unless that would leave fewer than minStemLen
// runes, and reports whether it did.
func replacePrefixRunes(w *snowballword.SnowballWord, n int, r rune) bool {
	if !removeFirstRunes(w, n-1) {
		return false
	}
	w.RS[0] = r
	return true
}

// fromRunes returns rs as a string, as a substring of word when word
// contains it so that no allocation is needed. word is plain ASCII.
func fromRunes(word string, rs []rune) string {
	n := len(rs)
	for off := 0; off+n <= len(word); off++ {
		if sameASCII(word[off:off+n], rs) {
			return word[off : off+n]
		}
	}
	return string(rs)
}

// sameASCII reports whether the ASCII string s spells rs.
func sameASCII(s string, rs []rune) bool {
	for i, r := range rs {
		if rune(s[i]) != r {
			return false
		}
	}
	return true
}
