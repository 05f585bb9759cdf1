package classify

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saring-id/saring/lexicon"
)

// MaskRune replaces each masked character in the text Mask returns.
const MaskRune = '*'

// Mask returns text with the evidence spans of r masked: every character in
// a span but white space is replaced by MaskRune, so the text keeps its
// words and lines and a reader sees where something was hidden. text must be
// the text r was classified from.
//
// Mask masks the evidence of the given labels, or, when none are given, of
// the labels r flags. Evidence of a label r scores but does not flag is
// masked only when the label is named. What each piece of evidence masks:
//
//   - a lexicon match: its words;
//   - a rule: only the term the rule fired on (its on= term: the insult of
//     "bangsat lu" for person+insult, the call to action of "bakar ...
//     mereka" for action+target), not the words it joined to it (the
//     person, group or target addressed), which are ordinary words; a rule
//     over the whole text masks what it found;
//   - learned evidence (MatchLearned): nothing. It explains a model's
//     score and is any word that weighed, "kamu" or a politician's name,
//     not an offensive term.
func (r Result) Mask(text string, labels ...lexicon.Label) string {
	if len(labels) == 0 {
		labels = r.Flagged
	}
	type span struct{ start, end int }
	var spans []span
	for _, l := range r.Labels {
		if !slices.Contains(labels, l.Label) {
			continue
		}
		for _, ev := range l.Evidence {
			start, end := ev.Start, ev.End
			switch ev.Match {
			case MatchLearned:
				continue
			case MatchRule:
				start, end = int(ev.trigStart), int(ev.trigEnd)
			}
			start, end = max(start, 0), min(end, len(text))
			if start < end {
				spans = append(spans, span{start, end})
			}
		}
	}
	if len(spans) == 0 {
		return text
	}
	slices.SortFunc(spans, func(a, b span) int { return a.start - b.start })
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, s := range spans {
		if s.end <= pos {
			continue // inside a span already masked
		}
		start := max(s.start, pos)
		b.WriteString(text[pos:start])
		for pos = start; pos < s.end; {
			c, size := utf8.DecodeRuneInString(text[pos:])
			if unicode.IsSpace(c) {
				b.WriteString(text[pos : pos+size])
			} else {
				b.WriteRune(MaskRune)
			}
			pos += size
		}
	}
	b.WriteString(text[pos:])
	return b.String()
}
