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
	var spans []span
	add := func(start, end int) {
		start, end = max(start, 0), min(end, len(text))
		if start < end {
			spans = append(spans, span{int32(start), int32(end)})
		}
	}
	for _, l := range r.Labels {
		if !slices.Contains(labels, l.Label) {
			continue
		}
		for _, ev := range l.Evidence {
			if start, end, ok := ev.maskSpan(); ok {
				add(start, end)
			}
		}
		if l.omitted != nil {
			for _, s := range l.omitted.spans {
				add(int(s.start), int(s.end))
			}
		}
	}
	if len(spans) == 0 {
		return text
	}
	slices.SortFunc(spans, func(a, b span) int { return int(a.start - b.start) })
	var b strings.Builder
	b.Grow(len(text))
	pos := 0
	for _, s := range spans {
		if int(s.end) <= pos {
			continue // inside a span already masked
		}
		start := max(int(s.start), pos)
		b.WriteString(text[pos:start])
		for pos = start; pos < int(s.end); {
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

// maskSpan is the byte range of the text Mask hides for ev (see Mask), and
// false for learned evidence, which hides nothing.
func (ev *Evidence) maskSpan() (start, end int, ok bool) {
	switch ev.Match {
	case MatchLearned:
		return 0, 0, false
	case MatchRule:
		return int(ev.trigStart), int(ev.trigEnd), true
	}
	return ev.Start, ev.End, true
}
