package normalize

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Kind is the kind of a token.
//
// Its text form (MarshalText, String) is one of "word", "number", "url",
// "mention" and "hashtag".
type Kind uint8

// Token kinds.
const (
	// Word is an ordinary word, possibly hyphenated (anak-anak) or with an
	// interior apostrophe (jum'at).
	Word Kind = iota + 1
	// Number is a run of digits, possibly with interior '.', ',' or '-'
	// (2019, 1.000.000, 08123456789).
	Number
	// URL is a web address (http://, https://, www., a bare domain followed
	// by a path such as bit.ly/x) or an e-mail address. Its Norm is
	// lower-cased and it is never split.
	URL
	// Mention is an @mention; its Norm includes the '@'.
	Mention
	// Hashtag is one part of a #hashtag. Hashtags are split on letter case,
	// digits and '_' (#IklanAhokJahat gives iklan, ahok, jahat); the '#'
	// belongs to the span of the first part and is not part of any Norm.
	Hashtag
)

var kindNames = [...]string{Word: "word", Number: "number", URL: "url", Mention: "mention", Hashtag: "hashtag"}

// String returns the text form of k, or "Kind(n)" for an unknown kind.
func (k Kind) String() string {
	if k >= Word && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if k >= Word && int(k) < len(kindNames) {
		return []byte(kindNames[k]), nil
	}
	return nil, fmt.Errorf("normalize: cannot marshal unknown token kind %d", uint8(k))
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(text []byte) error {
	for i := Word; int(i) < len(kindNames); i++ {
		if kindNames[i] == string(text) {
			*k = i
			return nil
		}
	}
	return fmt.Errorf("normalize: unknown token kind %q", text)
}

// Via is a bit set recording which evasions were undone to get a token's
// Norm. Its text form (MarshalText, String) is a comma-separated list of
// names in bit order, e.g. "leet,elongation".
type Via uint16

// Evasions that the normalizer undoes.
const (
	// ViaUnicode: compatibility or styled letters (𝐛𝐚𝐛𝐢, ｂａｂｉ), Cyrillic or
	// Greek look-alikes, zero-width characters or combining marks were folded.
	ViaUnicode Via = 1 << iota
	// ViaLeet: digits or symbols inside a word were read as letters (k4f1r).
	ViaLeet
	// ViaElongation: repeated letters were collapsed (kafiiiir).
	ViaElongation
	// ViaSplit: single letters were glued (k a f i r, b.a.b.i, b-a-b-i, b_a_b_i).
	ViaSplit
	// ViaMask: the word contains masked letters; Norm keeps each '*' as a
	// one-letter wildcard (k*fir).
	ViaMask
	// ViaReduplication: a trailing '2' was expanded (anak2 -> anak-anak).
	ViaReduplication
	// ViaSlang: a slang or alay form was mapped to its standard form (gk -> tidak).
	ViaSlang
)

var viaNames = [...]string{"unicode", "leet", "elongation", "split", "mask", "reduplication", "slang"}

// Has reports whether every bit of x is set in v.
func (v Via) Has(x Via) bool { return v&x == x }

// names returns the names of the bits set in v, in bit order. Unknown bits
// are rendered as "via(0x...)".
func (v Via) names() []string {
	if v == 0 {
		return nil
	}
	out := make([]string, 0, 2)
	for i, name := range viaNames {
		if v&(1<<i) != 0 {
			out = append(out, name)
		}
	}
	if rest := v &^ (1<<len(viaNames) - 1); rest != 0 {
		out = append(out, "via(0x"+strconv.FormatUint(uint64(rest), 16)+")")
	}
	return out
}

// String returns the comma-separated names of the bits set in v ("" when
// none is set).
func (v Via) String() string { return strings.Join(v.names(), ",") }

// MarshalText implements encoding.TextMarshaler; it fails on unknown bits.
func (v Via) MarshalText() ([]byte, error) {
	if v&^(1<<len(viaNames)-1) != 0 {
		return nil, fmt.Errorf("normalize: cannot marshal unknown via bits %#x", uint16(v))
	}
	return []byte(v.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts the output of
// MarshalText; the empty text is the empty set.
func (v *Via) UnmarshalText(text []byte) error {
	var out Via
	if len(text) > 0 {
		for name := range strings.SplitSeq(string(text), ",") {
			bit, err := viaByName(strings.TrimSpace(name))
			if err != nil {
				return err
			}
			out |= bit
		}
	}
	*v = out
	return nil
}

func viaByName(name string) (Via, error) {
	for i, n := range viaNames {
		if n == name {
			return 1 << i, nil
		}
	}
	return 0, fmt.Errorf("normalize: unknown via %q", name)
}

// Token is one token of a text.
type Token struct {
	Raw   string // exactly input[Start:End] (the original bytes)
	Norm  string // normalised form: lowercase, folded, evasions undone, slang mapped
	Stem  string // stem of Norm (Indonesian; English stemmer for English words); Norm itself for URL, Mention, Number and masked words
	Start int    // byte offset in the ORIGINAL input, inclusive
	End   int    // byte offset in the ORIGINAL input, exclusive
	Kind  Kind
	Via   Via
	// Known reports whether the Normalizer that made the token knows its
	// Norm (IsKnown(Norm)): a slang form, the standard form of a slang pair
	// or a vocabulary word (see WithVocabulary). It is always false for
	// URLs and mentions.
	Known bool
}

// tokenJSON is the wire form of a Token.
type tokenJSON struct {
	Raw   string   `json:"raw"`
	Norm  string   `json:"norm"`
	Stem  string   `json:"stem"`
	Start int      `json:"start"`
	End   int      `json:"end"`
	Kind  Kind     `json:"kind"`
	Via   []string `json:"via,omitempty"`
	Known bool     `json:"known,omitempty"`
}

// MarshalJSON encodes t as
// {"raw":"k4f1r","norm":"kafir","stem":"kafir","start":0,"end":5,"kind":"word","via":["leet"],"known":true}
// ("via" is omitted when empty, "known" when false).
func (t Token) MarshalJSON() ([]byte, error) {
	if t.Via&^(1<<len(viaNames)-1) != 0 {
		return nil, fmt.Errorf("normalize: cannot marshal unknown via bits %#x", uint16(t.Via))
	}
	return json.Marshal(tokenJSON{
		Raw: t.Raw, Norm: t.Norm, Stem: t.Stem, Start: t.Start, End: t.End, Kind: t.Kind, Via: t.Via.names(), Known: t.Known,
	})
}

// UnmarshalJSON decodes the form written by MarshalJSON.
func (t *Token) UnmarshalJSON(data []byte) error {
	var w tokenJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("normalize: decode token: %w", err)
	}
	var via Via
	for _, name := range w.Via {
		bit, err := viaByName(name)
		if err != nil {
			return err
		}
		via |= bit
	}
	*t = Token{Raw: w.Raw, Norm: w.Norm, Stem: w.Stem, Start: w.Start, End: w.End, Kind: w.Kind, Via: via, Known: w.Known}
	return nil
}
