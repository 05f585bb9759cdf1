package stem

import (
	"strings"

	"github.com/kljensen/snowball/snowballword"
)

// prefixKind records which prefix was removed; it decides which
// derivational suffixes may follow (Snowball's $prefix).
type prefixKind uint8

const (
	// prefixNone: no prefix, or pelajar- (which leaves the kind alone).
	prefixNone prefixKind = iota
	// prefixDi: di-, ter- and meng- with its variants men-, me-, meny-, mem-.
	prefixDi
	// prefixPer: per-, pe- (second order).
	prefixPer
	// prefixPeng: ke- and peng- with its variants pen-, peny-, pem-.
	prefixPeng
	// prefixBer: ber-, be-, belajar- (second order).
	prefixBer
)

// removeParticle removes the particle -kah, -lah or -pun
// (bukankah -> bukan, sebarkanlah -> sebarkan, merekapun -> mereka).
func removeParticle(w *snowballword.SnowballWord) bool {
	if !lastRuneIn(w, "hn") {
		return false
	}
	if suffix := firstSuffix(w, "kah", "lah", "pun"); suffix != "" {
		return removeLastRunes(w, len(suffix))
	}
	return false
}

// removePossessivePronoun removes the possessive pronoun -ku, -mu or -nya
// (kafirnya -> kafir, rumahku -> rumah).
func removePossessivePronoun(w *snowballword.SnowballWord) bool {
	if !lastRuneIn(w, "au") {
		return false
	}
	if suffix := firstSuffix(w, "nya", "ku", "mu"); suffix != "" {
		return removeLastRunes(w, len(suffix))
	}
	return false
}

// removeFirstOrderPrefix removes the prefix meng-, meny-, men-, mem-, me-,
// peng-, peny-, pen-, pem-, di-, ter- or ke- with its sound change and
// returns its kind, or prefixNone when there is none:
//
//   - meny- and peny- before a vowel become s- (menyebar -> sebar); before
//     a consonant they are men- and pen-;
//   - mem- and pem- before a vowel become p- (memukul -> pukul), and go
//     before a consonant (membakar -> bakar);
//   - the others go without a trace (menghina -> hina, mengirim -> irim:
//     as in Snowball, no k or t is restored).
//
// Before one of the nasalRoots, only me- or pe- goes (penistaan ->
// nistaan), which Snowball does not do.
func removeFirstOrderPrefix(w *snowballword.SnowballWord) prefixKind {
	if !firstRuneIn(w, "dkmpt") {
		return prefixNone
	}
	if p := firstPrefix(w, "me", "pe"); p != "" && hasNasalRoot(w.RS[2:]) {
		return prefixIf(removeFirstRunes(w, 2), firstOrderKind(p))
	}
	p := firstPrefix(w, "meng", "meny", "peng", "peny", "mem", "men", "pem", "pen", "ter", "di", "ke", "me")
	switch p {
	case "":
		return prefixNone
	case "meny", "peny":
		if vowelAt(w, 4) {
			return prefixIf(replacePrefixRunes(w, 4, 's'), firstOrderKind(p))
		}
		return prefixIf(removeFirstRunes(w, 3), firstOrderKind(p))
	case "mem", "pem":
		if vowelAt(w, 3) {
			return prefixIf(replacePrefixRunes(w, 3, 'p'), firstOrderKind(p))
		}
	}
	return prefixIf(removeFirstRunes(w, len(p)), firstOrderKind(p))
}

// firstOrderKind returns the kind of a first-order prefix: ke- and the
// pe- family are prefixPeng, the others prefixDi.
func firstOrderKind(prefix string) prefixKind {
	if prefix == "ke" || prefix[0] == 'p' {
		return prefixPeng
	}
	return prefixDi
}

// prefixIf returns kind if removed, and prefixNone otherwise.
func prefixIf(removed bool, kind prefixKind) prefixKind {
	if removed {
		return kind
	}
	return prefixNone
}

// removeSecondOrderPrefix removes the prefix ber-, per-, pe- or be- (the
// last only before a consonant and "er": bekerja -> kerja), and turns
// belajar and pelajar into ajar. It returns the kind of the prefix, or
// prefixNone when there is none.
func removeSecondOrderPrefix(w *snowballword.SnowballWord) prefixKind {
	if !firstRuneIn(w, "bp") {
		return prefixNone
	}
	switch firstPrefix(w, "belajar", "pelajar", "ber", "per", "be", "pe") {
	case "belajar", "ber":
		return prefixIf(removeFirstRunes(w, 3), prefixBer)
	case "pelajar":
		removeFirstRunes(w, 3)
	case "per":
		return prefixIf(removeFirstRunes(w, 3), prefixPer)
	case "be":
		if !vowelAt(w, 2) && len(w.RS) >= 5 && w.RS[3] == 'e' && w.RS[4] == 'r' {
			return prefixIf(removeFirstRunes(w, 2), prefixBer)
		}
	case "pe":
		return prefixIf(removeFirstRunes(w, 2), prefixPer)
	}
	return prefixNone
}

// removeSuffix removes the derivational suffix -kan, -an or -i when it may
// follow the prefix removed before it, and reports whether it did.
func removeSuffix(w *snowballword.SnowballWord, prefix prefixKind) bool {
	if !lastRuneIn(w, "in") {
		return false
	}
	switch firstSuffix(w, "kan", "an", "i") {
	case "kan":
		if suffixKanOK(prefix) {
			return removeLastRunes(w, 3)
		}
		if suffixAnOK(prefix) {
			return removeLastRunes(w, 2)
		}
	case "an":
		if suffixAnOK(prefix) {
			return removeLastRunes(w, 2)
		}
	case "i":
		if suffixIOK(w, prefix) {
			return removeLastRunes(w, 1)
		}
	}
	return false
}

// suffixKanOK reports whether -kan may follow prefix: not after ke-,
// peng- or per- (Snowball's amendment of Tala: peledakan -> ledak,
// perbaikan -> baik).
func suffixKanOK(prefix prefixKind) bool {
	return prefix != prefixPeng && prefix != prefixPer
}

// suffixAnOK reports whether -an may follow prefix: not after di-, meng-
// or ter-.
func suffixAnOK(prefix prefixKind) bool {
	return prefix != prefixDi
}

// suffixIOK reports whether the final -i of w may go after prefix: not
// after ke-, peng- or ber-, and not after "s" (provokasi) nor, unlike
// Snowball, after "a" (pantai, santai, bantai).
func suffixIOK(w *snowballword.SnowballWord, prefix prefixKind) bool {
	if prefix == prefixPeng || prefix == prefixBer || len(w.RS) < 2 {
		return false
	}
	switch w.RS[len(w.RS)-2] {
	case 's', 'a':
		return false
	}
	return true
}

// nasalRoots are common roots that begin with n, ny or m and that me- and
// pe- join without a sound change. Snowball reads their nasal as part of
// the prefix (menistakan -> ista, menyatakan -> sata, memarahi -> parah);
// before them only me- or pe- is removed. Each root was checked not to
// begin a t-, s- or p-root that meN-/peN- would spell the same way
// (mimpi is left out for memimpin, mula for memulangkan).
var nasalRoots = [...]string{
	"nafkah", "nanti", "nasihat", "nikah", "nikmat", "nilai", "nista", "noda",
	"nyanyi", "nyata",
	"maaf", "main", "makan", "maki", "malu", "marah", "masak", "mati",
	"milik", "minta", "minum", "mohon", "mulai", "musnah", "musuh",
}

// hasNasalRoot reports whether rs begins with one of the nasalRoots.
func hasNasalRoot(rs []rune) bool {
	if len(rs) == 0 || (rs[0] != 'm' && rs[0] != 'n') {
		return false
	}
	for _, root := range nasalRoots {
		if len(rs) >= len(root) && sameASCII(root, rs[:len(root)]) {
			return true
		}
	}
	return false
}

// specialWords are words that the algorithm would mangle into another
// common word or a non-word, with the stem to use instead; each stem is a
// substring of its word. They are person and group words
// (mereka -> reka, kalian -> kali, teroris -> oris, yahudi -> yahud),
// political words (menteri -> teri, pemilu -> pilu, negeri -> neger),
// insults whose Snowball stem is a harmless word (bajingan -> bajing
// "squirrel", kampungan -> kampung "village", murahan -> murah "cheap"),
// roots that end like a particle or pronoun (sekolah -> seko, bertemu ->
// berte, menikah -> meni), and the forms of noda "stain" (menodai) that the
// -ai rule would keep whole, as penodaan agama is a core blasphemy term.
// The table plays the part of the english package's special words.
var specialWords = [...]struct{ word, stem string }{
	{"bajingan", "bajingan"},
	{"bertanya", "tanya"},
	{"bertemu", "temu"},
	{"dinodai", "noda"},
	{"kalian", "kalian"},
	{"kampungan", "kampungan"},
	{"kelompok", "kelompok"},
	{"ketemu", "temu"},
	{"keturunan", "keturunan"},
	{"masalah", "masalah"},
	{"menikah", "nikah"},
	{"menodai", "noda"},
	{"menteri", "menteri"},
	{"mereka", "mereka"},
	{"murahan", "murahan"},
	{"negeri", "negeri"},
	{"pemilu", "pemilu"},
	{"pendeta", "pendeta"},
	{"perempuan", "perempuan"},
	{"pribumi", "pribumi"},
	{"rendahan", "rendahan"},
	{"sedekah", "sedekah"},
	{"sekolah", "sekolah"},
	{"teroris", "teroris"},
	{"terorisme", "terorisme"},
	{"yahudi", "yahudi"},
}

// specialStems maps each of the specialWords to its stem; it is built once
// at start-up and never written afterwards.
var specialStems = func() map[string]string {
	m := make(map[string]string, len(specialWords))
	for _, sw := range specialWords {
		m[sw.word] = sw.stem
	}
	return m
}()

// maxSpecialLen bounds the length of the specialWords (below 32, for
// specialShapes).
const maxSpecialLen = 16

// specialShapes has bit n of entry c-'a' set when one of the specialWords
// starts with the letter c and is n letters long: a word of any other
// shape is not looked up.
var specialShapes = func() (t [26]uint32) {
	for _, sw := range specialWords {
		t[sw.word[0]-'a'] |= 1 << len(sw.word)
	}
	return t
}()

// stemSpecialWord reports whether w spells one of the specialWords, and
// if so trims it to the word's stem.
func stemSpecialWord(w *snowballword.SnowballWord) bool {
	if n := len(w.RS); n == 0 || n > maxSpecialLen || w.RS[0] < 'a' || w.RS[0] > 'z' ||
		specialShapes[w.RS[0]-'a']&(1<<n) == 0 {
		return false
	}
	var buf [maxSpecialLen]byte
	for i, r := range w.RS {
		if r >= 0x80 {
			return false
		}
		buf[i] = byte(r)
	}
	word := buf[:len(w.RS)]
	stem, ok := specialStems[string(word)] // no allocation for the lookup
	if !ok {
		return false
	}
	if off := strings.Index(string(word), stem); off >= 0 {
		w.RemoveLastNRunes(len(word) - off - len(stem))
		removeFirstRunes(w, off)
	}
	return true
}

// firstRuneIn reports whether the first rune of w is one of runes; it
// spares the prefix search on words that cannot match.
func firstRuneIn(w *snowballword.SnowballWord, runes string) bool {
	return len(w.RS) > 0 && strings.ContainsRune(runes, w.RS[0])
}

// lastRuneIn reports whether the last rune of w is one of runes; it spares
// the suffix search on words that cannot match.
func lastRuneIn(w *snowballword.SnowballWord, runes string) bool {
	return len(w.RS) > 0 && strings.ContainsRune(runes, w.RS[len(w.RS)-1])
}

// firstPrefix returns the first of prefixes that w begins with, or "". It
// is snowballword's FirstPrefix for ASCII prefixes, without converting
// every candidate to runes on each call.
func firstPrefix(w *snowballword.SnowballWord, prefixes ...string) string {
	for _, p := range prefixes {
		if len(p) <= len(w.RS) && sameASCII(p, w.RS[:len(p)]) {
			return p
		}
	}
	return ""
}

// firstSuffix returns the first of suffixes that w ends with, or "". It is
// snowballword's FirstSuffix for ASCII suffixes, without converting every
// candidate to runes on each call.
func firstSuffix(w *snowballword.SnowballWord, suffixes ...string) string {
	for _, s := range suffixes {
		if len(s) <= len(w.RS) && sameASCII(s, w.RS[len(w.RS)-len(s):]) {
			return s
		}
	}
	return ""
}
