package normalize

import (
	"fmt"
	"maps"
	"strings"
	"sync"
	"unicode"

	"github.com/saring-id/saring/normalize/stem"
)

// Bits of wordInfo.known.
const (
	knownSlangKey uint8 = 1 << iota // a slang (colloquial) form
	knownStandard                   // a slang standard form or a vocabulary word
)

// wordInfo is what a Normalizer knows about a word, found with one map
// lookup.
type wordInfo struct {
	slang string // standard form when the word is a slang key
	// stem is the stem of the Norm the word gets when it is found whole:
	// of slang for a slang key, of the word itself otherwise. Tokens take
	// it from here instead of stemming the same common words again.
	stem  string
	known uint8 // knownSlangKey | knownStandard
}

// maxPooledBytes bounds the size of the scratch buffers kept for reuse, so
// one huge input does not pin its buffers forever.
const maxPooledBytes = 64 << 10

// Normalizer turns text into normalised tokens. It is immutable after New
// and safe for concurrent use.
type Normalizer struct {
	words map[string]wordInfo // slang keys, slang standard forms, vocabulary
	pool  sync.Pool           // *scratch
}

// config collects the options of New.
type config struct {
	slang []map[string]string
	vocab [][]string

	noEmbedded bool // tests: start from an empty slang dictionary
}

// Option configures a Normalizer.
type Option func(*config)

// WithSlang adds slang pairs (colloquial -> standard) to the embedded
// dictionary; a pair overrides the embedded pair with the same colloquial
// form. Keys are lower-cased; New fails on an empty key or value or one
// that contains whitespace. It may be given more than once.
func WithSlang(words map[string]string) Option {
	return func(c *config) { c.slang = append(c.slang, words) }
}

// WithVocabulary adds known words, e.g. the terms of a lexicon, used to
// resolve ambiguous elongation (kafiir -> kafir when kafir is known) and to
// keep known words unchanged. Words are lower-cased; a multi-word phrase
// adds each of its words. It may be given more than once.
func WithVocabulary(words []string) Option {
	return func(c *config) { c.vocab = append(c.vocab, words) }
}

// New returns a Normalizer that uses the embedded slang dictionary extended
// by the options.
func New(opts ...Option) (*Normalizer, error) {
	var c config
	for _, o := range opts {
		o(&c)
	}
	var base map[string]string
	if !c.noEmbedded {
		var err error
		if base, err = defaultSlang(); err != nil {
			return nil, fmt.Errorf("normalize: embedded slang dictionary: %w", err)
		}
	}
	slang := make(map[string]string, len(base))
	maps.Copy(slang, base)
	for _, extra := range c.slang {
		for k, v := range extra {
			key, val := strings.ToLower(strings.TrimSpace(k)), strings.ToLower(strings.TrimSpace(v))
			if key == "" || val == "" || strings.ContainsFunc(key, unicode.IsSpace) || strings.ContainsFunc(val, unicode.IsSpace) {
				return nil, fmt.Errorf("normalize: WithSlang: invalid pair %q -> %q: both must be single non-empty words", k, v)
			}
			slang[key] = val
		}
	}
	n := &Normalizer{words: make(map[string]wordInfo, 2*len(slang))}
	for k, v := range slang {
		wi := n.words[k]
		wi.slang, wi.known = v, wi.known|knownSlangKey
		n.words[k] = wi
		wi = n.words[v]
		wi.known |= knownStandard
		n.words[v] = wi
	}
	for _, words := range c.vocab {
		for _, w := range words {
			for f := range strings.FieldsSeq(strings.ToLower(w)) {
				wi := n.words[f]
				wi.known |= knownStandard
				n.words[f] = wi
			}
		}
	}
	var known map[string]string // stems computed once per process
	if !c.noEmbedded {
		known = defaultSlangStems()
	}
	for w, wi := range n.words {
		norm := w
		if wi.slang != "" {
			norm = wi.slang
		}
		if st, ok := known[norm]; ok {
			wi.stem = st
		} else {
			wi.stem = wordStem(norm)
		}
		n.words[w] = wi
	}
	n.pool.New = func() any { return new(scratch) }
	return n, nil
}

// defaultNormalizer is built once by Default.
var defaultNormalizer = sync.OnceValue(func() *Normalizer {
	n, err := New()
	if err != nil {
		// The embedded dictionary is part of the build and covered by
		// tests; failing to parse it is a programming error.
		panic(err)
	}
	return n
})

// Default returns the Normalizer that uses only the embedded slang
// dictionary. It is built on first use and shared.
func Default() *Normalizer { return defaultNormalizer() }

// IsKnown reports whether norm is a slang form, the standard form of a slang
// pair, or a vocabulary word.
func (n *Normalizer) IsKnown(norm string) bool { return n.words[norm].known != 0 }

// isKnownBytes is IsKnown for a byte slice, without allocating.
func (n *Normalizer) isKnownBytes(b []byte) bool { return n.words[string(b)].known != 0 }

// isStandardBytes reports whether b is a vocabulary word or a slang standard
// form.
func (n *Normalizer) isStandardBytes(b []byte) bool {
	return n.words[string(b)].known&knownStandard != 0
}

// Tokens returns the tokens of text. See Append.
func (n *Normalizer) Tokens(text string) []Token {
	s := n.getScratch()
	s.toks = n.appendTokens(s.toks[:0], text, s)
	var out []Token
	if len(s.toks) > 0 {
		out = make([]Token, len(s.toks))
		copy(out, s.toks)
	}
	clear(s.toks)
	n.putScratch(s)
	return out
}

// Append appends the tokens of text to dst and returns the extended slice,
// reusing dst's storage when it has room.
//
// Tokens are in text order; their spans are valid for any input, including
// invalid UTF-8 (invalid bytes separate tokens): 0 <= Start < End <=
// len(text), text[Start:End] == Raw, and each token starts at or after the
// end of the previous one.
func (n *Normalizer) Append(dst []Token, text string) []Token {
	s := n.getScratch()
	dst = n.appendTokens(dst, text, s)
	n.putScratch(s)
	return dst
}

// Word normalises one word or phrase the way Tokens does (for lexicon
// terms) and returns the space-joined Norms of its tokens.
func (n *Normalizer) Word(w string) string {
	s := n.getScratch()
	defer n.putScratch(s)
	s.toks = n.appendTokens(s.toks[:0], w, s)
	defer clear(s.toks)
	switch len(s.toks) {
	case 0:
		return ""
	case 1:
		return s.toks[0].Norm
	}
	size := len(s.toks) - 1
	for _, t := range s.toks {
		size += len(t.Norm)
	}
	var b strings.Builder
	b.Grow(size)
	for i, t := range s.toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}

func (n *Normalizer) getScratch() *scratch { return n.pool.Get().(*scratch) }

func (n *Normalizer) putScratch(s *scratch) {
	if cap(s.f.buf) > maxPooledBytes || cap(s.arena) > maxPooledBytes || cap(s.toks) > maxPooledBytes/64 ||
		cap(s.w0)+cap(s.w1)+cap(s.w2)+cap(s.w3) > maxPooledBytes {
		return
	}
	n.pool.Put(s)
}

// stemOf returns the stem of a token's Norm.
func stemOf(t *Token) string {
	if t.Kind == URL || t.Kind == Mention || t.Kind == Number || t.Via.Has(ViaMask) {
		return t.Norm
	}
	return wordStem(t.Norm)
}

// wordStem returns the stem of norm, the Norm of a word or hashtag part.
func wordStem(norm string) string {
	if norm == "" || !hasLetter(norm) {
		return norm
	}
	return stem.Word(norm)
}

func hasLetter(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}
