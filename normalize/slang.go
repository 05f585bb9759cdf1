package normalize

import (
	"bufio"
	"bytes"
	_ "embed" // for the default slang dictionary
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/saring-id/saring/internal/regular"
)

// slangFile is the embedded default slang dictionary (see ParseSlang for the
// format).
//
//go:embed slang.txt
var slangFile string

// defaultSlang parses the embedded dictionary once. The map is never
// modified after parsing.
var defaultSlang = sync.OnceValues(func() (map[string]string, error) {
	return ParseSlang(strings.NewReader(slangFile), "slang.txt")
})

// defaultSlangStems maps every word of the embedded dictionary, colloquial
// and standard forms alike, to its stem (wordStem). It is built once, so
// that New need not stem the same words for every Normalizer; the map is
// never modified after building. It is empty when the dictionary does not
// parse.
var defaultSlangStems = sync.OnceValue(func() map[string]string {
	slang, err := defaultSlang()
	if err != nil {
		return nil
	}
	stems := make(map[string]string, 2*len(slang))
	for k, v := range slang {
		stems[k] = wordStem(k)
		stems[v] = wordStem(v)
	}
	return stems
})

// Bounds of ParseSlang's input. The embedded dictionary is about 30 KiB
// with lines of a few dozen bytes.
const (
	MaxSlangLineBytes = 1 << 10
	MaxSlangBytes     = 16 << 20
)

// ParseSlang reads a slang dictionary and returns its pairs, colloquial form
// to standard form.
//
// The format is line based, UTF-8: lines starting with '#' are comments,
// blank lines are ignored, and every other line is an entry of exactly two
// whitespace-separated fields, "colloquial standard", both single lowercase
// words (the standard form may contain a hyphen, e.g. "anak2 anak-anak").
// A key listed twice with the same value is accepted; with a different
// value it is an error. Errors are reported as "name:line: what"; a
// dictionary without any entry is an error too. A line may be at most
// MaxSlangLineBytes long and the input at most MaxSlangBytes, so that
// memory stays bounded whatever r holds (a link to /dev/zero, say).
func ParseSlang(r io.Reader, name string) (map[string]string, error) {
	out := make(map[string]string)
	lines := make(map[string]int)
	br := bufio.NewReaderSize(r, MaxSlangLineBytes+2) // the line, "\r\n"
	lineNo, total := 0, 0
	for {
		line, readErr := br.ReadSlice('\n')
		if errors.Is(readErr, bufio.ErrBufferFull) || len(bytes.TrimRight(line, "\r\n")) > MaxSlangLineBytes {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", name, lineNo+1, MaxSlangLineBytes)
		}
		if total += len(line); total > MaxSlangBytes {
			return nil, fmt.Errorf("%s:%d: dictionary larger than %d MiB", name, lineNo+1, MaxSlangBytes>>20)
		}
		if len(line) > 0 {
			lineNo++
			if err := parseSlangLine(line, lineNo, out, lines); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, lineNo, err)
			}
		}
		if readErr != nil {
			if errors.Is(readErr, io.EOF) {
				break
			}
			return nil, fmt.Errorf("%s:%d: read: %w", name, lineNo+1, readErr)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s:%d: empty: no slang entries", name, lineNo)
	}
	return out, nil
}

// LoadSlangFile reads the slang dictionary at path with ParseSlang; errors
// name the file as path:line. Anything but a regular file is refused
// without blocking (regular.Open): opening a named pipe blocks until a
// writer comes, and a device such as /dev/zero never ends.
func LoadSlangFile(path string) (map[string]string, error) {
	f, err := regular.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ParseSlang(f, path)
}

// Slang returns the slang pairs n maps, colloquial form to standard form:
// the embedded dictionary's and those WithSlang added. The map is a copy.
func (n *Normalizer) Slang() map[string]string {
	pairs := make(map[string]string)
	for w, wi := range n.words {
		if wi.known&knownSlangKey != 0 {
			pairs[w] = wi.slang
		}
	}
	return pairs
}

func parseSlangLine(line []byte, lineNo int, out map[string]string, lines map[string]int) error {
	if lineNo == 1 {
		line = bytes.TrimPrefix(line, []byte("\uFEFF"))
	}
	if !utf8.Valid(line) {
		return errors.New("invalid UTF-8")
	}
	text := strings.TrimSpace(string(line))
	if text == "" || text[0] == '#' {
		return nil
	}
	fields := strings.Fields(text)
	if len(fields) != 2 {
		return fmt.Errorf("want 2 fields \"colloquial standard\", got %d", len(fields))
	}
	key, val := fields[0], fields[1]
	if err := checkSlangWord(key); err != nil {
		return fmt.Errorf("colloquial form %q: %w", key, err)
	}
	if err := checkSlangWord(val); err != nil {
		return fmt.Errorf("standard form %q: %w", val, err)
	}
	if old, ok := out[key]; ok {
		if old != val {
			return fmt.Errorf("duplicate key %q: %q here, %q on line %d", key, val, old, lines[key])
		}
		return nil
	}
	out[key] = val
	lines[key] = lineNo
	return nil
}

// checkSlangWord validates one field of a slang entry.
func checkSlangWord(w string) error {
	if w == "" {
		return errors.New("empty")
	}
	for i, r := range w {
		switch {
		case unicode.ToLower(r) != r: // upper and title case (ǅ), circled capitals (Ⓐ)
			return errors.New("must be lowercase")
		case r == '-' && (i == 0 || i == len(w)-1):
			return errors.New("must not start or end with '-'")
		case r == '#' || r == '@' && i == 0:
			return fmt.Errorf("must not contain %q", r)
		case unicode.IsControl(r) || unicode.IsSpace(r):
			return fmt.Errorf("must not contain %q", r)
		case unicode.Is(unicode.Cf, r): // U+FEFF, U+200B: the normalizer drops them, so the word could never match
			return fmt.Errorf("must not contain the invisible character %U", r)
		}
	}
	return nil
}
