package lexicon

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
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
	CheckNormalized = "normalized" // the normalizer rewrites the term (slang, spelling); an error when it becomes one letter
	CheckTarget     = "target"     // a group noun without target=
	CheckFuzzy      = "fuzzy"      // a fuzzy term that FuzzyMatch matches with a dictionary word
	CheckShort      = "short"      // a word of fewer than ShortRunes letters not marked short=yes
	CheckPerson     = "person"     // a pronoun, second_person or singular word that is not a person word
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
// It reports as errors (severity [LintError]):
//   - terms the normalizer rewrites into a single letter (check
//     [CheckNormalized]): such an entry would match chat noise like "P";
//   - the first rule over [MaxRules] (check [CheckRule]): a classifier
//     refuses the Set.
//
// It warns (severity [LintWarning]) about:
//   - duplicate entries (same normalised words and same label set or list);
//   - disabled entries (weight 0);
//   - other terms the normalizer rewrites (so the entry matches something
//     other than what is written, for example a slang form mapped to a
//     common word);
//   - single-word terms of fewer than [ShortRunes] letters (after
//     normalisation) whose line does not say short=yes: such a word ("a",
//     "k") turns up in many posts where it means something else;
//   - group nouns without a target;
//   - words of the grammar lists pronoun, second_person and singular that
//     are not also person words (list person): the rules read those lists
//     only around person matches, so such a word does nothing;
//   - fuzzy terms that would match a dictionary word that is neither a term
//     of the Set nor allow-listed, by the rule the classifier uses
//     ([FuzzyMatch]): fuzzy matching would flag that ordinary word;
//   - rules that can never fire or never give a label (check [CheckRule]):
//     on= a grammar list or allow (never matched as a trigger), give=sara
//     on side=text (a whole text names no target), or give=sara without
//     targets=near where no entry the rule is on has a target, a label
//     given twice, and on= with more labels than a side=text finder reads.
//
// Files that do not parse never reach Lint: [Load] and [Parse] report them.
func Lint(s *Set, dict []string) []Problem {
	if s == nil {
		return nil
	}
	return lint(s, 0, s.rules, dict)
}

// LintExtension lints base.Extend(over), the Set a classifier uses when over
// holds a user's files, and returns only the problems of over's own
// entries and rules, sorted by position. Entries are told apart by the Set they come
// from, not by their file names, so a user's copy of the default files
// (even under lexicon/data) is linted as the user's. The checks see the
// whole merged Set: over's fuzzy terms are checked against base's terms and
// allow list too. Use [Lint] on the merged Set to see base's problems as
// well.
func LintExtension(base, over *Set, dict []string) []Problem {
	if over == nil || len(over.entries)+len(over.rules) == 0 {
		return nil
	}
	merged := base.Extend(over)
	// Extend puts over's entries last, in their order.
	return lint(merged, len(merged.entries)-len(over.entries), over.rules, dict)
}

// lint checks s and reports the problems of the entries from index from on
// and of the rules own.
func lint(s *Set, from int, own []Rule, dict []string) []Problem {
	probs := lintRules(s, own)
	add := func(e *Entry, severity, check, format string, args ...any) {
		probs = append(probs, Problem{Pos: e.Source, Severity: severity, Check: check, Msg: fmt.Sprintf(format, args...)})
	}
	first := make(map[string]*Entry, len(s.entries))
	person := make(map[string]bool)
	for i := range s.entries {
		if e := &s.entries[i]; e.List == Person && !e.Disabled() {
			person[e.Phrase()] = true
		}
	}
	for i := range s.entries {
		e := &s.entries[i]
		o, dup := first[e.key()]
		if !dup {
			first[e.key()] = e
		}
		if i < from {
			continue
		}
		if dup {
			add(e, LintWarning, CheckDuplicate, "duplicate entry: %q with %s is already at %s", e.Phrase(), classString(e), o.Source)
		}
		if e.Disabled() {
			add(e, LintWarning, CheckDisabled, "weight 0 disables this entry")
		}
		written := strings.Join(strings.Fields(strings.ToLower(e.Term)), " ")
		oneLetter := written != e.Phrase() && utf8.RuneCountInString(e.Phrase()) == 1
		if written != e.Phrase() {
			if oneLetter {
				add(e, LintError, CheckNormalized, "term %q is normalised to the single letter %q, which matches chat noise; write the term so that it normalises to itself, or drop it", e.Term, e.Phrase())
			} else {
				add(e, LintWarning, CheckNormalized, "term %q is normalised to %q and matches that; write the standard form or check the slang dictionary", e.Term, e.Phrase())
			}
		}
		if e.IsShort() && !e.Short && !oneLetter { // a letter made by the normalizer is an error above
			add(e, LintWarning, CheckShort, "term %q has fewer than %d letters and would match wherever that word occurs; mark it short=yes if it is meant, or drop it", e.Phrase(), ShortRunes)
		}
		if (e.List == Pronoun || e.List == SecondPerson || e.List == Singular) && !person[e.Phrase()] && !e.Disabled() {
			add(e, LintWarning, CheckPerson, "%s word %q is not a person word, so no rule reads it; add \"%s | list=person\"", e.List, e.Phrase(), e.Phrase())
		}
		if e.List == Group && len(e.Targets) == 0 {
			add(e, LintWarning, CheckTarget, "group noun %q has no target= (suku, agama, ras, antargolongan)", e.Phrase())
		}
	}
	if len(dict) > 0 {
		probs = append(probs, fuzzyCollisions(s, from, dict)...)
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

// fuzzyCollisions finds fuzzy terms of the entries from index from on that
// [FuzzyMatch] would match with an ordinary dictionary word. Words are
// bucketed by byte length (the distance is computed on bytes), so each term
// is compared only with words whose length is within its budget, and a
// letter histogram skips most of those before FuzzyMatch runs.
func fuzzyCollisions(s *Set, from int, dict []string) []Problem {
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
	for i := from; i < len(s.entries); i++ {
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
				if dw.word[0] != term[0] || histBound(&th, &dw.hist) > d {
					continue
				}
				if _, ok := FuzzyMatch(term, dw.word); ok {
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
