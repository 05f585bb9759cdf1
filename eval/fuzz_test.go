package eval_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/saring-id/saring/eval"
)

// FuzzReaders reads any input as a CSV and as a JSONL corpus. Either the
// reader fails with a message that starts with the file name, or it returns
// at least one record, each with a gold value per spec and its place in the
// file, in order. A JSONL record is its line's object: its text is the
// line's text field, and its gold values follow the line's fields by the
// documented rule (0, 1, true or false).
func FuzzReaders(f *testing.F) {
	for _, s := range []string{
		"text,hs,ab\nhalo,0,1\n\"a,\nb\",true,FALSE\n",
		"\ufefftext,hs,ab\nx,1,1\n",
		"text,hs,ab,hs\nx,1,1,0\n",
		"text,hs,ab\n",
		"text,hs,ab\nx,banana,0\n",
		`{"text":"halo","hs":1,"ab":false}` + "\n\n" + `{"text":"x","hs":"true","ab":0}`,
		"\ufeff" + `{"text":"x","hs":1,"ab":"0"}`,
		`{"text":"x","hs":2,"ab":0}`,
		`{"text":"x","hs":[1],"ab":0}`,
		"null\n[]\n",
		"",
	} {
		f.Add(s)
	}
	var specs []eval.Spec
	for _, m := range []string{"hate_speech=hs", "abusive=ab|hs&ab"} {
		s, err := eval.ParseSpec(m)
		if err != nil {
			f.Fatal(err)
		}
		specs = append(specs, s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, name := range []string{"t.csv", "t.jsonl"} {
			var recs []eval.Record
			var err error
			if name == "t.csv" {
				recs, err = eval.ReadCSV(strings.NewReader(in), name, "text", specs)
			} else {
				recs, err = eval.ReadJSONL(strings.NewReader(in), name, "text", specs)
			}
			if err != nil {
				if !strings.HasPrefix(err.Error(), name+":") {
					t.Fatalf("%s: error without the file name: %v", name, err)
				}
				continue
			}
			if len(recs) == 0 {
				t.Fatalf("%s: no records and no error", name)
			}
			lines := strings.Split(in, "\n")
			last := 0
			for _, r := range recs {
				if r.File != name || r.Line <= last || len(r.Gold) != len(specs) {
					t.Fatalf("%s: record %+v after line %d", name, r, last)
				}
				last = r.Line
				if name == "t.jsonl" {
					checkJSONLRecord(t, r, lines[r.Line-1])
				}
			}
			if name == "t.jsonl" && last > len(lines) {
				t.Fatalf("record at line %d of %d", last, len(lines))
			}
		}
	})
}

// checkJSONLRecord checks a record against the JSONL line it was read from.
func checkJSONLRecord(t *testing.T, r eval.Record, line string) {
	t.Helper()
	if r.Line == 1 {
		line = strings.TrimPrefix(strings.TrimSpace(line), "\ufeff")
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		t.Fatalf("line %d %q was read but is not a JSON object: %v", r.Line, line, err)
	}
	if obj["text"] != r.Text {
		t.Fatalf("line %d: text %q, the line has %v", r.Line, r.Text, obj["text"])
	}
	gold := func(v any) bool {
		switch v {
		case true, 1.0, "1", "true":
			return true
		case false, 0.0, "0", "false":
			return false
		}
		if s, ok := v.(string); ok {
			switch strings.ToLower(strings.TrimSpace(s)) {
			case "1", "true":
				return true
			case "0", "false":
				return false
			}
		}
		t.Fatalf("line %d: gold value %#v was accepted", r.Line, v)
		return false
	}
	hs, ab := gold(obj["hs"]), gold(obj["ab"])
	if r.Gold[0] != hs || r.Gold[1] != (ab || hs && ab) {
		t.Fatalf("line %d: gold %v for hs=%v ab=%v", r.Line, r.Gold, obj["hs"], obj["ab"])
	}
}
