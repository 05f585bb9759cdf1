package record

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
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
// panics on any input; the duplicate-key scan steps over each byte once.
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
		sc := scanner{b: []byte(line)}
		sc.value(skipSpace(sc.b, 0))
		if !sc.found && sc.read != len(bytes.TrimSpace(sc.b)) {
			t.Fatalf("%q: the duplicate-key scan stepped over %d bytes, want each once", line, sc.read)
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

// TestDuplicateKey checks that a key twice in any object, at any depth and
// however escaped, is found and placed, and that distinct keys pass.
func TestDuplicateKey(t *testing.T) {
	many := `{"k0":0` // past the keys a slice holds, into the map
	for i := 1; i < 40; i++ {
		many += `,"k` + strconv.Itoa(i) + `":` + strconv.Itoa(i)
	}
	tests := []struct{ in, want string }{
		{`{"text":"a","id":1}`, ""},
		{`{"a":{"x":1},"b":{"x":1},"c":[{"x":1},{"x":2}]}`, ""},
		{`[]`, ""},
		{`{}`, ""},
		{`"text"`, ""},
		{`{"text":"a","text":"b"}`, `"text" appears twice`},
		{`{"text":"a","te\u0078t":"b"}`, `"text" appears twice`},
		{` { "options" : { "thresholds" : {"abusive":0.5, "abusive":0.9} } }`, `"abusive" appears twice in options.thresholds`},
		{`{"items":[{"text":"a"},{"text":"b","id":1,"text":"c"}]}`, `"text" appears twice in items[1]`},
		{`[[1],[{"a":[{"b":1,"b":2}]}]]`, `"b" appears twice in [1][0].a[0]`},
		{many + `}`, ""},
		{many + `,"k3":3}`, `"k3" appears twice`},
		{many + `,"k39":3}`, `"k39" appears twice`},
		{`{"a":[{"b":{"c\u0064":1,"cd":2}}]}`, `"cd" appears twice in a[0].b`},
	}
	for _, tc := range tests {
		if !json.Valid([]byte(tc.in)) {
			t.Fatalf("%s is not valid JSON", tc.in)
		}
		err := DuplicateKey([]byte(tc.in))
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%s: %v, want no error", tc.in, err)
		case tc.want != "" && (err == nil || err.Error() != tc.want):
			t.Errorf("%s: %v, want %s", tc.in, err, tc.want)
		}
	}
	if _, _, err := Parse(`{"id":{"a":1,"a":2},"text":"x"}`); err == nil || err.Error() != `"a" appears twice in id` {
		t.Errorf("Parse: a duplicate inside the id: %v", err)
	}
}

// deep is a valid JSON object whose "x" nests a string of n bytes in depth
// arrays, or in depth objects {"a":…} when objects is set.
func deep(depth, n int, objects bool) []byte {
	open, closing := "[", "]"
	if objects {
		open, closing = `{"a":`, "}"
	}
	return []byte(`{"text":"a","x":` + strings.Repeat(open, depth) + `"` + strings.Repeat("a", n) + `"` +
		strings.Repeat(closing, depth) + "}")
}

// TestDuplicateKeyLinear checks that the duplicate-key scan steps over each
// byte of a value once, whatever its nesting: a scan that went over a
// nested value once for each level around it (as it did, 5 s a request
// for 10,000 arrays around a 900 KB string) reads many times len(v).
func TestDuplicateKeyLinear(t *testing.T) {
	tests := []struct {
		name string
		v    []byte
	}{
		{"arrays", deep(10000, 100000, false)},
		{"objects", deep(10000, 100000, true)},
		{"spaces", []byte(` { "a" : [ 1 , { "b" : null } , [ ] , { } , "x\"y" ] , "c" : -1.5e3 , "d":true}`)},
		{"scalar", []byte(`"text"`)},
		{"many keys", []byte(`{"k0":0,"k1":[1,{"k1":1}],"k2":{"k2":{"k2":2}}}`)},
	}
	for _, tc := range tests {
		s := scanner{b: tc.v}
		s.value(skipSpace(tc.v, 0))
		if err := s.err(); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if want := len(bytes.TrimSpace(tc.v)); s.read != want {
			t.Errorf("%s: the scan stepped over %d bytes of %d, want each once", tc.name, s.read, want)
		}
	}
}

// BenchmarkDuplicateKeyDepth checks a value of the same length (about
// 100 KB) nested 10 and 10,000 levels deep: with a linear scan the two
// cost about the same a byte (ns/byte).
func BenchmarkDuplicateKeyDepth(b *testing.B) {
	for _, depth := range []int{10, 10000} {
		v := deep(depth, 100000-2*depth, false)
		b.Run("depth="+strconv.Itoa(depth), func(b *testing.B) {
			for b.Loop() {
				if err := DuplicateKey(v); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(v)), "ns/byte")
		})
	}
}
