package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestParseID checks that an id is echoed as valid UTF-8 JSON: as it was
// written, but for bytes that are not UTF-8, which become U+FFFD as
// encoding/json reads them.
func TestParseID(t *testing.T) {
	tests := []struct{ line, id string }{
		{`{"id":"a-1","text":"halo"}`, `"a-1"`},
		{`{"id": {"b":1e999, "a":[1.50,"\u00e9"]},"text":"halo"}`, `{"b":1e999, "a":[1.50,"\u00e9"]}`},
		{"{\"id\":\"\xff\xfex\",\"text\":\"halo\"}", "\"\ufffd\ufffdx\""},
		{"{\"id\":[\"\xe2\x82\",{\"\xc3\":2}],\"text\":1}", "[\"\ufffd\ufffd\",{\"\ufffd\":2}]"},
	}
	for _, tc := range tests {
		id, _, _ := Parse(tc.line)
		if string(id) != tc.id {
			t.Errorf("%q: id %q, want %q", tc.line, id, tc.id)
		}
	}
}

// FuzzParse checks the record reader against encoding/json:
// for any valid JSON object it finds the same "id" and "text" as
// json.Unmarshal into a map (which keeps the last of duplicate keys, where
// Parse reports them), the id is valid JSON in valid UTF-8, and it never
// panics on any input.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"text":"halo"}`, ` { "text" : "a\"b}" , "id" : [1,{"x":"]"}] } `, `{"te\u0078t":"x"}`,
		`{"id":4,"text":123}`, `{"text":"a","text":"b"}`, `{"a":{"text":1},"text":"x"}`, `[]`, `{`, `{"Text":"x"}`,
		`{"id":-1.5e3,"text":"\ud800"}`, `{"x":true,"y":null,"text":""}`, `{"text":null}`,
		"{\"id\":\"\xff\xfe\",\"text\":\"bangsat\"}",
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
		if id != nil && (!utf8.Valid(id) || !json.Valid(id)) {
			t.Fatalf("%q: id %q is not valid JSON in UTF-8", line, id)
		}
		if gotID, wantID := decode(t, id), decode(t, m["id"]); !reflect.DeepEqual(gotID, wantID) {
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

// decode is the JSON value v as encoding/json reads it, numbers as written;
// nil for no value.
func decode(t *testing.T, v []byte) any {
	if v == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(v))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatalf("%q: %v", v, err)
	}
	return x
}
