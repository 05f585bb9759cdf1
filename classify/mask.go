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
// masked only when the label is named. Rule evidence is not masked: its span
// covers every word the rule joined ("bangsat lu" for person+insult), and the
// words that carry the meaning are evidence of their own.
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
			if ev.Match == MatchRule {
				continue // its words are evidence of their own
			}
			start, end := max(ev.Start, 0), min(ev.End, len(text))
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
