// Package record reads the JSONL records saring classifies, one JSON
// object {"id":…,"text":"…"} a line, and shapes the answer for a line it
// cannot classify. `saring classify --jsonl` and the Beam example read
// records with it, so both accept the same lines and refuse the others with
// the same messages.
package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrorOutput answers an input line that could not be classified: its id
// when one could be read, and what is wrong with it.
type ErrorOutput struct {
	ID    json.RawMessage `json:"id,omitempty"`
	Error string          `json:"error"`
}

// Parse reads a record {"id":…,"text":"…"}: any other fields are ignored,
// "id" may hold any JSON value and "text" must be a string; keys match
// exactly, and a key twice in one object (see DuplicateKey) is an error. The
// id is returned whenever it could be read, also with an error, as it was
// written but in valid UTF-8 (see validUTF8), so that an answer echoing it
// is valid JSON.
func Parse(line string) (id json.RawMessage, text string, err error) {
	b := []byte(line)
	if !json.Valid(b) {
		return nil, "", fmt.Errorf("invalid JSON: %w", syntaxError(b))
	}
	if kind := jsonKind(b); kind != "object" {
		return nil, "", fmt.Errorf(`want a JSON object {"id":…,"text":"…"}, got %s`, article(kind))
	}
	var raw []byte
	s := scanner{b: b}
	s.members(skipSpace(b, 0), func(key, v []byte) {
		switch string(key) {
		case "id":
			id = validUTF8(v)
		case "text":
			raw = v
		}
	})
	switch {
	case s.found:
		return nil, "", s.err()
	case raw == nil:
		return id, "", errors.New(`no "text" field`)
	case jsonKind(raw) != "string":
		return id, "", fmt.Errorf(`"text" is %s, want a string`, article(jsonKind(raw)))
	}
	if s := raw[1 : len(raw)-1]; bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return id, string(s), nil // nothing to unescape or replace
	}
	if err := json.Unmarshal(raw, &text); err != nil {
		return id, "", fmt.Errorf(`"text": %w`, err)
	}
	return id, text, nil
}

// validUTF8 returns the JSON value v with each byte that is not UTF-8
// replaced by U+FFFD, as encoding/json does when it reads a string. Valid
// JSON holds such bytes only inside strings, so the result is valid JSON.
func validUTF8(v []byte) []byte {
	if utf8.Valid(v) {
		return v
	}
	out := make([]byte, 0, len(v)+8)
	for len(v) > 0 {
		r, n := utf8.DecodeRune(v)
		if r == utf8.RuneError && n == 1 {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, v[:n]...)
		}
		v = v[n:]
	}
	return out
}

// DuplicateKey returns an error naming the first key that appears twice in
// one object of the valid JSON value v (json.Valid), at any depth, and
// where: `"text" appears twice` at the top, `"text" appears twice in
// items[1]` below it. Keys are compared as JSON reads them, escapes undone
// ("te\u0078t" is "text"). It is nil when every object's keys differ.
// encoding/json would keep the last of two; saring refuses them, in a
// --jsonl record and in a request body alike. The check reads each byte of
// v once, however deep the nesting.
func DuplicateKey(v []byte) error {
	s := scanner{b: v}
	s.value(skipSpace(v, 0))
	return s.err()
}

// scanner checks the valid JSON value b for a key twice in one object in a
// single pass: each container is read once, its members' keys set against
// each other as they come (keys), and the scan stops at the first key found
// twice. The path to that key's object is put together only then, from the
// steps the scan passes on its way out.
type scanner struct {
	b     []byte
	key   string   // the first key found twice, "" until found
	found bool     // whether a key was found twice
	steps []string // the path to key's object, innermost step first
	read  int      // bytes stepped over, which the tests hold to len(b)
}

// err says which key appears twice and where, nil when none does.
func (s *scanner) err() error {
	if !s.found {
		return nil
	}
	var path strings.Builder
	for i := len(s.steps) - 1; i >= 0; i-- {
		path.WriteString(s.steps[i])
	}
	p := strings.TrimPrefix(path.String(), ".")
	if p == "" {
		return fmt.Errorf("%q appears twice", s.key)
	}
	return fmt.Errorf("%q appears twice in %s", s.key, p)
}

// value reads the JSON value at b[i] and returns the index after it, or
// where the scan stopped when it found a key twice.
func (s *scanner) value(i int) int {
	switch s.b[i] {
	case '{', '[':
		return s.members(i, nil)
	case '"':
		return s.stringEnd(i)
	}
	j := i // a number, true, false or null
	for j < len(s.b) && bytes.IndexByte([]byte(",}] \t\r\n"), s.b[j]) < 0 {
		j++
	}
	s.read += j - i
	return j
}

// members reads the object or array at b[i] and returns the index after
// it, checking every object in it, or where the scan stopped when it found
// a key twice. It calls each, when not nil, with every member of an object
// up to that key: the key (escapes undone) and the raw value, so that one
// scan both reads a record and checks it.
func (s *scanner) members(i int, each func(key, value []byte)) int {
	object := s.b[i] == '{'
	var seen keys
	for n := 0; ; n++ {
		s.read++               // '{', '[' or ','
		i = s.skipSpace(i + 1) // past it
		if c := s.b[i]; c == '}' || c == ']' {
			s.read++
			return i + 1
		}
		var key []byte
		if object {
			end := s.stringEnd(i)
			if key = s.b[i+1 : end-1]; bytes.IndexByte(key, '\\') >= 0 {
				var k string
				json.Unmarshal(s.b[i:end], &k) // valid: cannot fail
				key = []byte(k)
			}
			if seen.add(key) {
				s.key, s.found = string(key), true
				return end
			}
			s.read++                              // ':'
			i = s.skipSpace(s.skipSpace(end) + 1) // past it
		}
		start := i
		if i = s.value(i); s.found {
			if object {
				s.steps = append(s.steps, "."+string(key))
			} else {
				s.steps = append(s.steps, "["+strconv.Itoa(n)+"]")
			}
			return i
		}
		if each != nil {
			each(key, s.b[start:i:i])
		}
		i = s.skipSpace(i) // to ',' or the closing bracket
		if c := s.b[i]; c == '}' || c == ']' {
			s.read++
			return i + 1
		}
	}
}

// keys are the keys of one object seen so far: a few in a slice, more in a
// map, so that an object of many keys is checked in linear time.
type keys struct {
	few  [][]byte
	many map[string]bool
}

// add adds key and reports whether it was there already.
func (k *keys) add(key []byte) bool {
	if k.many != nil {
		if k.many[string(key)] {
			return true
		}
		k.many[string(key)] = true
		return false
	}
	for _, x := range k.few {
		if bytes.Equal(x, key) {
			return true
		}
	}
	if k.few = append(k.few, key); len(k.few) > 32 {
		k.many = make(map[string]bool, 2*len(k.few))
		for _, x := range k.few {
			k.many[string(x)] = true
		}
	}
	return false
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func (s *scanner) skipSpace(i int) int {
	j := skipSpace(s.b, i)
	s.read += j - i
	return j
}

// skipSpace returns the index of the first byte at or after i in b that is
// not JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// stringEnd returns the index after the valid JSON string at b[i].
func (s *scanner) stringEnd(i int) int {
	j := i + 1
	for ; s.b[j] != '"'; j++ {
		if s.b[j] == '\\' {
			j++
		}
	}
	s.read += j + 1 - i
	return j + 1
}

// jsonKind names the kind of the JSON value v starts with, as JSON names
// it: object, array, string, number, boolean or null ("" when v starts
// with none of them).
func jsonKind(v []byte) string {
	v = bytes.TrimLeft(v, " \t\r\n")
	if len(v) == 0 {
		return ""
	}
	switch c := v[0]; {
	case c == '{':
		return "object"
	case c == '[':
		return "array"
	case c == '"':
		return "string"
	case c == 't' || c == 'f':
		return "boolean"
	case c == 'n':
		return "null"
	case c == '-' || '0' <= c && c <= '9':
		return "number"
	}
	return ""
}

// article puts "a" or "an" before a JSON kind; null stands alone.
func article(kind string) string {
	switch kind {
	case "null":
		return kind
	case "object", "array":
		return "an " + kind
	}
	return "a " + kind
}

// syntaxError is json's complaint about b, which is not valid JSON.
func syntaxError(b []byte) error {
	var v any
	return json.Unmarshal(b, &v)
}
