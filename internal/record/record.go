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
	key, path, dup := objectDuplicate(b, func(key, v []byte) {
		switch string(key) {
		case "id":
			id = validUTF8(v)
		case "text":
			raw = v
		}
	})
	switch {
	case dup:
		return nil, "", duplicateError(key, path)
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
// --jsonl record and in a request body alike.
func DuplicateKey(v []byte) error {
	if key, path, found := duplicate(v); found {
		return duplicateError(key, path)
	}
	return nil
}

// duplicateError says that key appears twice in the object at path.
func duplicateError(key, path string) error {
	if path == "" {
		return fmt.Errorf("%q appears twice", key)
	}
	return fmt.Errorf("%q appears twice in %s", key, path)
}

// duplicate returns the first key that appears twice in one object of v,
// and the path to that object from v ("" for v itself). The path is built
// only for the key found. The recursion is as deep as v's nesting, which
// valid JSON bounds (encoding/json refuses more than 10,000 levels).
func duplicate(v []byte) (key, path string, found bool) {
	switch v[skipSpace(v, 0)] {
	case '{':
		return objectDuplicate(v, nil)
	case '[':
		i := 0
		members(v, func(_, value []byte) {
			if !found {
				if key, path, found = duplicate(value); found {
					path = "[" + strconv.Itoa(i) + "]" + step(path)
				}
			}
			i++
		})
	}
	return key, path, found
}

// objectDuplicate is duplicate for the object v. It calls each, when not
// nil, with every member of v up to the first key found twice, so that
// one scan both reads an object and checks it.
func objectDuplicate(v []byte, each func(key, value []byte)) (key, path string, found bool) {
	var seen keys
	members(v, func(k, value []byte) {
		switch {
		case found:
		case seen.add(k):
			key, found = string(k), true
		default:
			if key, path, found = duplicate(value); found {
				path = string(k) + step(path)
			} else if each != nil {
				each(k, value)
			}
		}
	})
	return key, path, found
}

// step joins the rest of a path to the step before it: an index as it is,
// a key after a dot.
func step(rest string) string {
	if rest == "" || rest[0] == '[' {
		return rest
	}
	return "." + rest
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

// members calls fn with each member of the JSON object or array v, in
// order: the key (escapes undone) and the raw value of an object's, nil
// and the element for an array's. v must be valid JSON (json.Valid) and an
// object or an array; the scan relies on it.
func members(v []byte, fn func(key, value []byte)) {
	i := skipSpace(v, 0)
	object := v[i] == '{'
	i++ // past '{' or '['
	for {
		i = skipSpace(v, i)
		switch v[i] {
		case '}', ']':
			return
		case ',':
			i = skipSpace(v, i+1)
		}
		var key []byte
		if object {
			end := stringEnd(v, i)
			key = v[i+1 : end-1]
			if bytes.IndexByte(key, '\\') >= 0 {
				var s string
				json.Unmarshal(v[i:end], &s) // valid: cannot fail
				key = []byte(s)
			}
			i = skipSpace(v, skipSpace(v, end)+1) // past ':'
		}
		end := valueEnd(v, i)
		fn(key, v[i:end:end])
		i = end
	}
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n') {
		i++
	}
	return i
}

// stringEnd returns the index after the valid JSON string at b[i].
func stringEnd(b []byte, i int) int {
	for j := i + 1; ; j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
}

// valueEnd returns the index after the valid JSON value at b[i].
func valueEnd(b []byte, i int) int {
	switch b[i] {
	case '"':
		return stringEnd(b, i)
	case '{', '[':
		depth := 0
		for j := i; ; j++ {
			switch b[j] {
			case '"':
				j = stringEnd(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return j + 1
				}
			}
		}
	}
	j := i // a number, true, false or null
	for j < len(b) && bytes.IndexByte([]byte(",}] \t\r\n"), b[j]) < 0 {
		j++
	}
	return j
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
