package classify

import (
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
	// lens[b] has bit L set when some term that starts with byte b is
	// within its tolerated distance of some word of L bytes; a word whose
	// bit is clear cannot match (consider requires the same first byte and
	// the distance is at least the length difference).
	lens [256]uint64
	// lens2 is lens for the terms that tolerate two edits; only words with
	// their bit set need the second round of deletions.
	lens2 [256]uint64
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
		if !e.Fuzzy || len(e.Labels) == 0 || len(e.Words) != 1 || !isASCII(e.Words[0]) {
			continue
		}
		term := e.Words[0]
		d := e.FuzzyDistance()
		if d == 0 {
			continue
		}
		if !f.terms[term] {
			model.SetCount(term, 1, true)
		}
		f.terms[term] = true
		for l := max(len(term)-d, 0); l <= len(term)+d && l < 64; l++ {
			f.lens[term[0]] |= 1 << l
			if d >= 2 {
				f.lens2[term[0]] |= 1 << l
			}
		}
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

// lookup returns the nearest term within that term's tolerated distance, its
// distance, and whether one was found. Ties go to the term that sorts first,
// so the answer does not depend on map order. buf is scratch space.
func (f *fuzzyIndex) lookup(word string, buf []byte) (term string, dist int, ok bool) {
	if !f.mayMatch(word) {
		return "", 0, false
	}
	h := fuzzyHit{word: word, dist: 1 << 30}
	f.consider(&h, f.keys[word])
	// One deletion on the word's side, against up to two on the terms'
	// (the model's keys), finds every term within one edit; terms that
	// tolerate two also need a second deletion here. The first letter is
	// never deleted: a term must start with the word's first letter, and
	// then an alignment that keeps both first letters exists, whose keys
	// keep it too. Deleting a letter that repeats the one before it gives
	// the key already probed.
	n, twice := len(word), f.lens2[word[0]]&(1<<len(word)) != 0
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

// mayMatch is a quick necessary condition of lexicon.FuzzyMatch, the rule
// each candidate is checked against: no deletion is generated for a word
// that fails it.
func (f *fuzzyIndex) mayMatch(word string) bool {
	return len(word) >= lexicon.MinFuzzyRunes && len(word) < 64 && f.lens[word[0]]&(1<<len(word)) != 0 && isASCII(word)
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '*' || s[i] == ' ' {
			return false
		}
	}
	return true
}
