package lexicon

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sajari/fuzzy"
)

// Problem severities reported by [Lint].
const (
	LintError   = "error"
	LintWarning = "warning"
)

// Names of the checks [Lint] runs, found in [Problem].Check.
const (
	CheckDuplicate  = "duplicate"  // the same term with the same labels or list twice
	CheckDisabled   = "disabled"   // weight 0: the entry is switched off
	CheckNormalized = "normalized" // the normalizer rewrites the term (slang, spelling)
	CheckTarget     = "target"     // a group noun without target=
	CheckFuzzy      = "fuzzy"      // a fuzzy term within FuzzyDistance of a dictionary word
)

// Problem is one finding of [Lint].
type Problem struct {
	Pos      Position // where the entry is defined
	Severity string   // LintError or LintWarning
	Check    string   // which check found it (CheckDuplicate, CheckFuzzy, ...)
	Msg      string   // what is wrong and what to do
}

// String formats the problem as "file:line: severity: msg".
func (p Problem) String() string {
	return p.Pos.String() + ": " + p.Severity + ": " + p.Msg
}

// maxListed bounds how many colliding dictionary words one problem names.
const maxListed = 8

// Lint checks a Set and returns its problems sorted by position. dict is a
// list of ordinary lower-case words (for example from [ReadHunspellDic]);
// when it is empty the fuzzy-collision check is skipped.
//
// It warns about:
//   - duplicate entries (same normalised words and same label set or list);
//   - disabled entries (weight 0);
//   - terms the normalizer rewrites (so the entry matches something other
//     than what is written, for example a slang form mapped to a common word);
//   - group nouns without a target;
//   - fuzzy terms within [FuzzyDistance] edits of a dictionary word that is
//     neither a term of the Set nor allow-listed: fuzzy matching would flag
//     that ordinary word.
func Lint(s *Set, dict []string) []Problem {
	if s == nil {
		return nil
	}
	var probs []Problem
	add := func(e *Entry, check, format string, args ...any) {
		probs = append(probs, Problem{Pos: e.Source, Severity: LintWarning, Check: check, Msg: fmt.Sprintf(format, args...)})
	}
	first := make(map[string]*Entry, len(s.entries))
	for i := range s.entries {
		e := &s.entries[i]
		if o, ok := first[e.key()]; ok {
			add(e, CheckDuplicate, "duplicate entry: %q with %s is already at %s", e.Phrase(), classString(e), o.Source)
		} else {
			first[e.key()] = e
		}
		if e.Disabled() {
			add(e, CheckDisabled, "weight 0 disables this entry")
		}
		if written := strings.Join(strings.Fields(strings.ToLower(e.Term)), " "); written != e.Phrase() {
			add(e, CheckNormalized, "term %q is normalised to %q and matches that; write the standard form or check the slang dictionary", e.Term, e.Phrase())
		}
		if e.List == Group && len(e.Targets) == 0 {
			add(e, CheckTarget, "group noun %q has no target= (suku, agama, ras, antargolongan)", e.Phrase())
		}
	}
	if len(dict) > 0 {
		probs = append(probs, fuzzyCollisions(s, dict)...)
	}
	sort.SliceStable(probs, func(i, j int) bool {
		a, b := probs[i].Pos, probs[j].Pos
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return probs
}

func classString(e *Entry) string {
	if e.List != "" {
		return "list=" + string(e.List)
	}
	return "label=" + labelsString(e.Labels)
}

// dictWord is a dictionary word with a letter histogram used as a cheap
// lower bound of the edit distance.
type dictWord struct {
	word string
	hist [32]uint8
}

func histogram(s string) (h [32]uint8) {
	for i := 0; i < len(s); i++ {
		if b := s[i] & 31; h[b] < 255 {
			h[b]++
		}
	}
	return h
}

// histBound is a lower bound of the Levenshtein distance of two strings:
// every edit changes the histogram's L1 distance by at most 2. Merging bytes
// into 32 buckets can only shrink the L1 distance, so the bound stays valid.
func histBound(a, b *[32]uint8) int {
	d := 0
	for i := range a {
		x, y := int(a[i]), int(b[i])
		if x > y {
			d += x - y
		} else {
			d += y - x
		}
	}
	return (d + 1) / 2
}

// fuzzyCollisions finds fuzzy terms within their edit budget of an ordinary
// dictionary word. Words are bucketed by byte length (the distance is
// computed on bytes), so each term is compared only with words whose length
// is within its budget.
func fuzzyCollisions(s *Set, dict []string) []Problem {
	known := make(map[string]bool, len(s.entries))
	for i := range s.entries {
		if !s.entries[i].Disabled() {
			known[s.entries[i].Phrase()] = true
		}
	}
	var byLen [][]dictWord
	seen := make(map[string]bool, len(dict))
	for _, w := range dict {
		if w == "" || known[w] || seen[w] {
			continue
		}
		seen[w] = true
		for len(byLen) <= len(w) {
			byLen = append(byLen, nil)
		}
		byLen[len(w)] = append(byLen[len(w)], dictWord{word: w, hist: histogram(w)})
	}
	var probs []Problem
	done := make(map[string]bool)
	for i := range s.entries {
		e := &s.entries[i]
		d := e.FuzzyDistance()
		if d == 0 || e.Disabled() {
			continue
		}
		term := e.Words[0]
		if done[term] {
			continue
		}
		done[term] = true
		th := histogram(term)
		var hits []string
		for n := max(len(term)-d, 0); n <= len(term)+d && n < len(byLen); n++ {
			for j := range byLen[n] {
				dw := &byLen[n][j]
				if histBound(&th, &dw.hist) > d {
					continue
				}
				if dist := fuzzy.Levenshtein(&term, &dw.word); dist > 0 && dist <= d {
					hits = append(hits, dw.word)
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		sort.Strings(hits)
		shown := hits
		more := ""
		if len(shown) > maxListed {
			shown = shown[:maxListed]
			more = fmt.Sprintf(" and %d more", len(hits)-maxListed)
		}
		quoted := make([]string, len(shown))
		for k, h := range shown {
			quoted[k] = fmt.Sprintf("%q", h)
		}
		probs = append(probs, Problem{
			Pos:      e.Source,
			Severity: LintWarning,
			Check:    CheckFuzzy,
			Msg: fmt.Sprintf("fuzzy term %q (up to %d edit(s)) would also match dictionary word(s) %s%s; set fuzzy=no or allow-list them",
				term, d, strings.Join(quoted, ", "), more),
		})
	}
	return probs
}

// DefaultHunspellDic is where Debian and Ubuntu's hunspell-id package puts
// the Indonesian dictionary.
const DefaultHunspellDic = "/usr/share/hunspell/id_ID.dic"

// ReadHunspellDic reads a hunspell .dic file and returns its words, lower
// case, sorted and without duplicates. The leading word count is skipped, as
// are affix flags ("word/FLAGS") and morphological fields. Entries with
// digits, spaces or characters other than letters, hyphens and apostrophes are
// skipped, and so are all-upper-case abbreviations (DPR, ABRI); proper names
// are kept in lower case, since text is matched in lower case.
func ReadHunspellDic(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: reading dictionary: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	seen := make(map[string]bool)
	var words []string
	first := true
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if first {
			first = false
			if isDigits(line) {
				continue
			}
		}
		if line == "" || line[0] == '#' {
			continue
		}
		w, _, _ := strings.Cut(line, "/")
		if i := strings.IndexAny(w, " \t"); i >= 0 {
			w = w[:i]
		}
		if w == "" || !utf8.ValidString(w) || !wordChars(w) || isAbbrev(w) {
			continue
		}
		w = strings.ToLower(w)
		if !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: reading dictionary %s: %w", path, err)
	}
	sort.Strings(words)
	return words, nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func wordChars(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return true
}

// isAbbrev reports an all-upper-case word of two or more letters.
func isAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}
