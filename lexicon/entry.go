package lexicon

import (
	"strings"
	"unicode/utf8"

	"github.com/sajari/fuzzy"
)

// Entry is one parsed lexicon line after its @defaults are applied.
//
// Exactly one of Labels (non-empty) and List (non-empty) is set. The slices
// of an Entry returned by this package are shared and must be treated as
// read-only.
type Entry struct {
	Term     string   // the term as written in the file, trimmed
	Words    []string // normalised words of Term (normalize.Default().Word, split on spaces)
	Stems    []string // stem of each word (stem.Word), same length as Words
	Labels   []Label  // labels this entry is evidence for, in [Labels] order; nil for list entries
	List     List     // context list; "" for label entries
	Weight   float64  // evidence strength in [0,1]; 0 disables the entry
	Severity Severity // Weak, Moderate or Strong
	Targets  []Target // SARA targets, in [Targets] order; only for label and group entries
	Kind     Kind     // kind of evidence; "" when not given (always "" for list entries)
	Fuzzy    bool     // spelling-tolerant matching allowed (label entries with a single word of >= 5 letters only)
	Short    bool     // marked short=yes: a word of fewer than ShortRunes letters meant as written (see [Entry.IsShort])
	Note     string   // free-text note for researchers
	Source   Position // where the entry was defined
}

// Disabled reports whether the entry is switched off (Weight == 0). An
// override file disables a default entry by repeating it with weight=0.
// Matchers must skip disabled entries; [Set.Active] already leaves them out.
func (e Entry) Disabled() bool { return e.Weight == 0 }

// HasLabel reports whether l is one of the entry's labels.
func (e Entry) HasLabel(l Label) bool {
	for _, x := range e.Labels {
		if x == l {
			return true
		}
	}
	return false
}

// HasTarget reports whether t is one of the entry's targets.
func (e Entry) HasTarget(t Target) bool {
	for _, x := range e.Targets {
		if x == t {
			return true
		}
	}
	return false
}

// ShortRunes is the length from which a single-word term is not short:
// a word of fewer letters ("a", "k", "nu") matches in many posts where it
// means something else, so [Lint] warns about it unless its line says
// short=yes.
const ShortRunes = 3

// IsShort reports whether the entry is a single normalised word of fewer
// than ShortRunes letters.
func (e Entry) IsShort() bool {
	return len(e.Words) == 1 && utf8.RuneCountInString(e.Words[0]) < ShortRunes
}

// Phrase returns the normalised words joined by single spaces.
func (e Entry) Phrase() string { return strings.Join(e.Words, " ") }

// FuzzyDistance returns how many edits fuzzy matching tolerates for this
// entry: 0 when Fuzzy is off or the entry is not a label entry, otherwise
// [FuzzyDistance] of its phrase.
func (e Entry) FuzzyDistance() int {
	if !e.Fuzzy || len(e.Labels) == 0 || len(e.Words) != 1 {
		return 0
	}
	return FuzzyDistance(e.Words[0])
}

// FuzzyDistance is the single rule for how many edits (Levenshtein
// distance) spelling-tolerant matching allows for a term: 0 for terms
// shorter than 5 runes or containing a space (phrases are never matched
// fuzzily), 1 for terms of 5 to 7 runes, 2 for terms of 8 runes or more.
// It does not know whether the entry allows fuzzy matching; see
// [Entry.FuzzyDistance] for that.
func FuzzyDistance(term string) int {
	if strings.IndexByte(term, ' ') >= 0 {
		return 0
	}
	switch n := utf8.RuneCountInString(term); {
	case n < 5:
		return 0
	case n < 8:
		return 1
	default:
		return 2
	}
}

// MinFuzzyRunes is the shortest term (in runes) for which fuzzy=yes is
// accepted. It is also the shortest word (in bytes) that [FuzzyMatch]
// matches.
const MinFuzzyRunes = 5

// maxFuzzyWordBytes is the longest word [FuzzyMatch] matches.
const maxFuzzyWordBytes = 32

// FuzzyMatch is the one rule for spelling-tolerant matching: the classifier
// uses it to decide whether a text word matches a fuzzy term, and [Lint]
// uses it to find ordinary dictionary words a fuzzy term would match. term
// is an entry's normalised word and word a normalised text word (a token's
// Norm). They match when all of these hold:
//   - [FuzzyDistance](term) > 0 (a single word of at least [MinFuzzyRunes]
//     runes);
//   - term and word are ASCII, without spaces or '*' mask characters;
//   - word has between [MinFuzzyRunes] and 32 bytes;
//   - word starts with the same letter as term (evasions keep the first
//     letter, and this keeps "kafe" away from "kafir");
//   - their Levenshtein distance (github.com/sajari/fuzzy) is between 1 and
//     FuzzyDistance(term): equal words are an exact match, not a fuzzy one.
//
// dist is that distance when ok is true, and 0 otherwise. FuzzyMatch does
// not know whether an entry allows fuzzy matching; callers check
// [Entry.Fuzzy] (or [Entry.FuzzyDistance]) first.
func FuzzyMatch(term, word string) (dist int, ok bool) {
	d := FuzzyDistance(term)
	if d == 0 || len(word) < MinFuzzyRunes || len(word) > maxFuzzyWordBytes ||
		term[0] != word[0] || !fuzzyASCII(term) || !fuzzyASCII(word) {
		return 0, false
	}
	if n := len(term) - len(word); n > d || -n > d {
		return 0, false // the distance is at least the length difference
	}
	dist = fuzzy.Levenshtein(&term, &word)
	if dist < 1 || dist > d {
		return 0, false
	}
	return dist, true
}

// fuzzyASCII reports whether s is made of ASCII bytes other than a space and
// the '*' mask character.
func fuzzyASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || c == '*' || c == ' ' {
			return false
		}
	}
	return true
}

// phraseKey identifies the term of an entry: its normalised words.
func (e *Entry) phraseKey() string { return strings.Join(e.Words, " ") }

// classKey identifies what the entry is: its label set or its list.
func (e *Entry) classKey() string {
	if e.List != "" {
		return "list:" + string(e.List)
	}
	var b strings.Builder
	b.WriteString("labels:")
	for i, l := range e.Labels {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(l))
	}
	return b.String()
}

// key is the identity of an entry: its words plus its label set or list.
// Two entries with the same key are duplicates.
func (e *Entry) key() string { return e.phraseKey() + "\x00" + e.classKey() }

// overrideKey is the identity used by [Set.Extend]: label entries are
// identified by their words alone (a Set never holds two label entries with
// the same words and different label sets), list entries by words and list.
func (e *Entry) overrideKey() string {
	if e.List != "" {
		return e.key()
	}
	return e.phraseKey() + "\x00labels"
}

func labelsString(ls []Label) string {
	var b strings.Builder
	for i, l := range ls {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(string(l))
	}
	return b.String()
}
