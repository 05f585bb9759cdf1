package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzParse checks the record reader against encoding/json:
// for any valid JSON object it finds the same "id" and "text" as
// json.Unmarshal into a map (which keeps the last of duplicate keys, where
// Parse reports them), and it never panics on any input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"text":"halo"}`, ` { "text" : "a\"b}" , "id" : [1,{"x":"]"}] } `, `{"te\u0078t":"x"}`,
		`{"id":4,"text":123}`, `{"text":"a","text":"b"}`, `{"a":{"text":1},"text":"x"}`, `[]`, `{`, `{"Text":"x"}`,
		`{"id":-1.5e3,"text":"\ud800"}`, `{"x":true,"y":null,"text":""}`, `{"text":null}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		id, text, err := Parse(line)
		var m map[string]json.RawMessage
		if json.Unmarshal([]byte(line), &m) != nil || m == nil {
			if err == nil {
				t.Fatalf("%q is not a JSON object, but read as id %s text %q", line, id, text)
			}
			return
		}
		if err != nil && strings.Contains(err.Error(), "appears twice") {
			return
		}
		if !bytes.Equal(id, m["id"]) {
			t.Fatalf("%q: id %s, encoding/json finds %s", line, id, m["id"])
		}
		var want string
		werr := json.Unmarshal(m["text"], &want)
		if string(m["text"]) == "null" {
			werr = errors.New("null is not a string") // json leaves a string alone for null
		}
		if (werr == nil) != (err == nil) || want != text {
			t.Fatalf("%q: text %q (%v), encoding/json finds %q (%v)", line, text, err, want, werr)
		}
	})
}
