package classify

import (
	"math/bits"

	"github.com/sajari/fuzzy"

	"github.com/saring-id/saring/lexicon"
)

// fuzzyIndex finds lexicon terms within a few edits of a token. At New it
// builds a github.com/sajari/fuzzy model (symmetric-delete keys up to depth
// 2) and keeps its keys, with the terms themselves, in one read-only map, so
// concurrent reads need no lock. The query side generates the token's
// deletions in a caller-owned buffer instead of calling Model.Suggestions,
// which allocates a map and every deletion per call; the hot path then only
// allocates when a candidate is verified by lexicon.FuzzyMatch, the rule
// lint checks the lexicons against.
type fuzzyIndex struct {
	// keys maps each deletion key of the sajari/fuzzy model, and each term
	// itself, to the terms it can lead to: one map probe per key.
	keys map[string][]string
	// terms is the set of fuzzy-matchable terms.
	terms map[string]bool
	// entries lists the lexicon entries of each term.
	entries map[string][]int32
	// byFirst lists, by first byte, a sketch of each term for screen.
	byFirst [256][]termSketch
}

func newFuzzyIndex(entries []lexicon.Entry) *fuzzyIndex {
	f := &fuzzyIndex{
		terms:   make(map[string]bool),
		entries: make(map[string][]int32),
	}
	model := fuzzy.NewModel()
	model.SetUseAutocomplete(false)
	model.SetDepth(2)
	for i, e := range entries {
		d := e.FuzzyDistance() // 0 unless a fuzzy single-word label entry
		if d == 0 {
			continue
		}
		term := e.Words[0]
		letters, ok := letterSet(term)
		if !ok {
			continue
		}
		if !f.terms[term] {
			model.SetCount(term, 1, true)
			f.byFirst[term[0]] = append(f.byFirst[term[0]], termSketch{letters: letters, n: len(term), d: d})
		}
		f.terms[term] = true
		f.entries[term] = append(f.entries[term], int32(i))
	}
	if len(f.terms) == 0 {
		return nil
	}
	f.keys = make(map[string][]string, len(model.Suggest)+len(f.terms))
	for k, terms := range model.Suggest {
		f.keys[k] = terms
	}
	for term := range f.terms {
		f.keys[term] = append(f.keys[term], term)
	}
	return f
}

// fuzzyHit is the best candidate seen so far in one lookup.
type fuzzyHit struct {
	word string
	term string
	dist int
}

// termSketch is what screen knows of a fuzzy term.
type termSketch struct {
	letters uint64 // letterSet of the term
	n, d    int    // length in bytes, tolerated distance
}

// letterSet returns the set of bits c&63 of the bytes c of s, and whether
// s is made of the bytes lexicon.FuzzyMatch takes (ASCII, no space, no '*'
// mask). Two words within Levenshtein distance d differ in at most d of
// these bits each way: a byte value in one word and absent from the other
// needs an edit at one of its positions, and different values sit at
// different positions. Sharing a bit between two values (c&63) only makes
// the test weaker.
func letterSet(s string) (set uint64, ok bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c == '*' || c == ' ' {
			return 0, false
		}
		set |= 1 << (c & 63)
	}
	return set, true
}

// screen is a quick necessary condition of lexicon.FuzzyMatch, the rule
// each candidate is checked against: ok is false when no term can be
// within its tolerated distance of word (no term with the word's first
// byte, a length within reach and letter sets within reach), and twice
// reports whether such a term tolerates two edits. Most words fail it, so
// they cost no deletion probes.
func (f *fuzzyIndex) screen(word string) (ok, twice bool) {
	if len(word) < lexicon.MinFuzzyRunes {
		return false, false
	}
	sketches := f.byFirst[word[0]]
	if len(sketches) == 0 {
		return false, false
	}
	m, ascii := letterSet(word)
	if !ascii {
		return false, false
	}
	for _, t := range sketches {
		if diff := len(word) - t.n; diff > t.d || -diff > t.d ||
			bits.OnesCount64(t.letters&^m) > t.d || bits.OnesCount64(m&^t.letters) > t.d {
			continue
		}
		ok, twice = true, twice || t.d >= 2
	}
	return ok, twice
}

// lookup returns the nearest term within that term's tolerated distance, its
// distance, and whether one was found. Ties go to the term that sorts first,
// so the answer does not depend on map order. It expects a word that passed
// screen, and twice from it; buf is scratch space.
func (f *fuzzyIndex) lookup(word string, twice bool, buf []byte) (term string, dist int, ok bool) {
	h := fuzzyHit{word: word, dist: 1 << 30}
	f.consider(&h, f.keys[word])
	// One deletion on the word's side, against up to two on the terms'
	// (the model's keys), finds every term within one edit; terms that
	// tolerate two also need a second deletion here. The first letter is
	// never deleted: a term must start with the word's first letter, and
	// then an alignment that keeps both first letters exists, whose keys
	// keep it too. Deleting a letter that repeats the one before it gives
	// the key already probed.
	n := len(word)
	for i := 1; i < n; i++ {
		if i > 1 && word[i] == word[i-1] {
			continue
		}
		buf = append(append(buf[:0], word[:i]...), word[i+1:]...)
		f.considerKey(&h, buf)
		for j := i; twice && j < n-1; j++ {
			// delete word[i], then the byte at j of the shortened word
			b2 := append(append(buf[len(buf):], buf[:j]...), buf[j+1:]...)
			f.considerKey(&h, b2)
		}
	}
	return h.term, h.dist, h.term != ""
}

// considerKey checks the terms that a deletion key reaches: the key itself
// as a term and the terms whose own deletions gave the key.
func (f *fuzzyIndex) considerKey(h *fuzzyHit, key []byte) {
	if terms, ok := f.keys[string(key)]; ok {
		f.consider(h, terms)
	}
}

func (f *fuzzyIndex) consider(h *fuzzyHit, cands []string) {
	for _, c := range cands {
		d, ok := lexicon.FuzzyMatch(c, h.word)
		if ok && (d < h.dist || (d == h.dist && c < h.term)) {
			h.term, h.dist = c, d
		}
	}
}
