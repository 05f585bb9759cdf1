package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
)

// classifyLine is the part of a `saring classify` output line the tests read.
type classifyLine struct {
	ID      json.RawMessage `json:"id"`
	Error   *string         `json:"error"`
	Flagged []string        `json:"flagged"`
	Labels  []struct {
		Label    string `json:"label"`
		Evidence []struct {
			Text  string `json:"text"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"evidence"`
	} `json:"labels"`
}

// isError reports an {"error":...} answer.
func (l classifyLine) isError() bool { return l.Error != nil }

// runClassifyLines feeds in through runClassify and splits the output into
// lines, checking that each is one JSON object that is either a result
// (with "flagged" and "labels") or an error.
func runClassifyLines(t *testing.T, args []string, in io.Reader) (lines []classifyLine, raw []string, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = runClassify(args, in, &out, &errb)
	text := out.String()
	if text != "" {
		require.True(t, strings.HasSuffix(text, "\n"), "output must end with a newline")
		raw = strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	}
	lines = make([]classifyLine, len(raw))
	for i, s := range raw {
		require.True(t, json.Valid([]byte(s)), "output line %d is not valid JSON: %.200q", i+1, s)
		var obj map[string]json.RawMessage
		require.NoError(t, json.Unmarshal([]byte(s), &obj), "output line %d is not a JSON object: %.200q", i+1, s)
		require.NoError(t, json.Unmarshal([]byte(s), &lines[i]))
		if lines[i].isError() {
			require.NotEmpty(t, *lines[i].Error, "line %d: empty error", i+1)
		} else {
			require.Contains(t, obj, "flagged", "line %d: %.200q", i+1, s)
			require.Contains(t, obj, "labels", "line %d: %.200q", i+1, s)
			require.NotEqual(t, "null", string(obj["flagged"]), "line %d", i+1)
			require.NotEqual(t, "null", string(obj["labels"]), "line %d", i+1)
		}
	}
	return lines, raw, errb.String(), code
}

// TestClassifyEveryLineAnswered checks that odd input lines get one result
// line each, in order.
func TestClassifyEveryLineAnswered(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		lines int
	}{
		{"empty input", "", 0},
		{"one line without newline", "dasar anjing kau", 1},
		{"last line without newline", "halo\ndasar anjing kau", 2},
		{"invalid UTF-8", "\xff\xfe\xfd\nka\xc0\xaffir\n\x80\x80\x80 babi\n", 3},
		{"NUL bytes", "\x00\na\x00b\x00c\nkafir\x00\x00babi\n", 3},
		{"encoded lone surrogates", "\xed\xa0\x80\n\xed\xb0\x80kafir\xed\xbf\xbf\nk\xed\xa0\x80afir\n", 3},
		{"only emoji", "🤬🤬🤬\n😂😂\n🐷🐶🐵 🇮🇩\n👍🏽\u200d\n", 4},
		{"only whitespace", " \n\t\t\n   \t \n\u00a0\u3000\u2003\n\v\f\n", 5},
		{"empty lines", "\n\n\n\n", 4},
		{"CRLF", "dasar anjing kau\r\nhalo\r\n\r\nk4f1r semua\r\n", 4},
		{"CRLF without final newline", "halo\r\nbabi lu\r", 2},
		{"lone CR inside a line", "satu\rdua\rtiga\n", 1},
		{"control characters", "\x01\x02\x1b[31mkafir\x1b[0m\x7f\n", 1},
		{"bidi and zero-width", "\u202ekafir\u202c\n\u200b\u200c\u200d\ufeff\n", 2},
		{"mixed", "\xff\r\n\x00\n🤬\n \n\nbangsat\n\xed\xa0\x80", 7},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines, raw, stderr, code := runClassifyLines(t, nil, strings.NewReader(tc.in))
			require.Equal(t, 0, code, "stderr: %s", stderr)
			require.Len(t, raw, tc.lines, "one output line per input line")
			for i, l := range lines {
				assert.False(t, l.isError(), "line %d: %s", i+1, raw[i])
			}
		})
	}
}

// TestClassifyCRLFSameAsLF checks that a CRLF stream gets the same answers
// as the LF one: the CR is not part of the text.
func TestClassifyCRLFSameAsLF(t *testing.T) {
	posts := []string{"dasar anjing kau", "halo", "", "k4f1r semua", "cina kafir usir mereka!!"}
	_, lf, _, code := runClassifyLines(t, nil, strings.NewReader(strings.Join(posts, "\n")+"\n"))
	require.Equal(t, 0, code)
	crlfLines, crlf, _, code := runClassifyLines(t, nil, strings.NewReader(strings.Join(posts, "\r\n")+"\r\n"))
	require.Equal(t, 0, code)
	require.Equal(t, lf, crlf)
	for _, l := range crlfLines {
		for _, lr := range l.Labels {
			for _, e := range lr.Evidence {
				assert.NotContains(t, e.Text, "\r")
			}
		}
	}
}

// TestClassifyEvidenceSpans checks the spans of the JSON output against the
// input line.
func TestClassifyEvidenceSpans(t *testing.T) {
	posts := []string{"dasar anjing kau", "Dasar k4f1r!! b a b i", "ka\u200bfir 𝐛𝐚𝐛𝐢 lu", "cina kafir usir mereka"}
	lines, _, _, code := runClassifyLines(t, nil, strings.NewReader(strings.Join(posts, "\n")))
	require.Equal(t, 0, code)
	require.Len(t, lines, len(posts))
	for i, l := range lines {
		require.NotEmpty(t, l.Flagged, "post %q", posts[i])
		for _, lr := range l.Labels {
			for _, e := range lr.Evidence {
				require.True(t, 0 <= e.Start && e.Start <= e.End && e.End <= len(posts[i]), "post %q: span [%d,%d)", posts[i], e.Start, e.End)
			}
		}
	}
}

// TestClassifyLongLines checks a 1 MB single-line post (answered with a
// result under the default --max-bytes) and a line just over the limit
// (answered with an error in its place).
func TestClassifyLongLines(t *testing.T) {
	const limit = 1 << 20
	// Ordinary text with an insult at the start; long posts dense with
	// evidence are classify's TestClassifyScalesLinearly.
	filler := "halo semua, apa kabar hari ini? cuaca cerah sekali dan jalanan lancar. "
	post := ("dasar anjing kau " + strings.Repeat(filler, limit/len(filler)+1))[:limit]
	require.Len(t, post, limit)
	in := "sebelum\n" + post + "\n" + post + "x\n" + "sesudah\n" + post + "\r\n" + post
	lines, raw, stderr, code := runClassifyLines(t, nil, strings.NewReader(in))
	require.Equal(t, 0, code, "stderr: %s", stderr)
	require.Len(t, raw, 6)
	assert.False(t, lines[0].isError())
	assert.False(t, lines[1].isError(), "a 1 MB line is within the default --max-bytes")
	assert.NotEmpty(t, lines[1].Flagged, "the 1 MB post is classified")
	require.True(t, lines[2].isError(), "a line over --max-bytes is answered with an error: %.200s", raw[2])
	assert.Contains(t, *lines[2].Error, "line 3")
	assert.False(t, lines[3].isError())
	assert.False(t, lines[4].isError(), "CRLF does not count against --max-bytes")
	assert.False(t, lines[5].isError(), "a 1 MB last line without newline")
}

// TestClassifyMaxBytes checks --max-bytes at its edges; every over-long line
// gets an error object in its place and the lines after it are read normally.
func TestClassifyMaxBytes(t *testing.T) {
	in := strings.Join([]string{
		"0123456789",                    // 1: exactly the limit
		"0123456789\r",                  // 2: the limit, CRLF
		"01234567890",                   // 3: one over
		"012345678901",                  // 4: two over
		"0123456789012",                 // 5: three over
		strings.Repeat("x", 200<<10),    // 6: far over, more than the read buffer
		"ok",                            // 7
		strings.Repeat("kafir ", 30000), // 8: far over
		"",                              // 9: empty
		"bangsat",                       // 10
	}, "\n") + "\n" + "012345678901234" // 11: over, no final newline
	lines, raw, stderr, code := runClassifyLines(t, []string{"--max-bytes", "10"}, strings.NewReader(in))
	require.Equal(t, 0, code, "stderr: %s", stderr)
	require.Len(t, raw, 11, "one output line per input line")
	wantErr := map[int]bool{3: true, 4: true, 5: true, 6: true, 8: true, 11: true}
	for i, l := range lines {
		n := i + 1
		if wantErr[n] {
			if assert.True(t, l.isError(), "line %d: %s", n, raw[i]) {
				assert.Contains(t, *l.Error, "line "+strconv.Itoa(n)+":", "the error names its line")
			}
		} else {
			assert.False(t, l.isError(), "line %d: %s", n, raw[i])
		}
	}
	assert.Contains(t, lines[9].Flagged, "abusive", "line 10 is read normally after the long lines")
}

// TestClassifyJSONL checks that bad --jsonl lines are answered with an error
// object in their place, with the id when there is one.
func TestClassifyJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":1,"text":"dasar anjing kau"}`,
		`{`,
		`{"id":"dua"}`,
		`{"id":3,"text":5}`,
		``,
		`null`,
		`[]`,
		`"just a string"`,
		"\xff\xfe\x00",
		`{"id":4,"text":"\u0000\ud800 kafir"}`,
		`{"id":5,"text":""}`,
		`   `,
		`{"id":{"nested":[1,2]},"text":"halo"}`,
		`{"id":6,"text":"bangsat"} trailing`,
		`{"id":7,"text":"k4f1r"}`,
	}, "\n") + "\r\n"
	lines, raw, stderr, code := runClassifyLines(t, []string{"--jsonl"}, strings.NewReader(in))
	require.Equal(t, 0, code, "stderr: %s", stderr)
	require.Len(t, raw, 15, "one output line per input line")
	tests := []struct {
		n       int
		wantErr bool
		id      string
	}{
		{1, false, `1`}, {2, true, ``}, {3, true, `"dua"`}, {4, true, ``}, {5, false, ``},
		{6, true, ``}, {7, true, ``}, {8, true, ``}, {9, true, ``}, {10, false, `4`},
		{11, false, `5`}, {12, false, ``}, {13, false, `{"nested":[1,2]}`}, {14, true, ``}, {15, false, `7`},
	}
	for _, tc := range tests {
		l := lines[tc.n-1]
		assert.Equal(t, tc.wantErr, l.isError(), "line %d: %s", tc.n, raw[tc.n-1])
		if l.isError() {
			assert.Contains(t, *l.Error, "line "+strconv.Itoa(tc.n)+":", "line %d", tc.n)
		}
		if tc.id != "" {
			assert.JSONEq(t, tc.id, string(l.ID), "line %d keeps its id", tc.n)
		}
	}
	assert.Contains(t, lines[0].Flagged, "abusive")
	assert.Contains(t, lines[14].Flagged, "sara")
}

// TestClassifyJSONLMaxBytes checks that an over-long --jsonl line is
// answered with an error in place.
func TestClassifyJSONLMaxBytes(t *testing.T) {
	in := `{"id":1,"text":"halo"}` + "\n" +
		`{"id":2,"text":"` + strings.Repeat("a", 100) + `"}` + "\n" +
		`{"id":3,"text":"bangsat"}` + "\n"
	lines, raw, _, code := runClassifyLines(t, []string{"--jsonl", "--max-bytes", "50"}, strings.NewReader(in))
	require.Equal(t, 0, code)
	require.Len(t, raw, 3)
	assert.False(t, lines[0].isError())
	assert.True(t, lines[1].isError())
	assert.False(t, lines[2].isError())
	assert.JSONEq(t, `3`, string(lines[2].ID))
}

// TestClassify100kLines feeds a 100,000-line stream and checks that every
// line is answered with valid JSON, in order. Under the race detector the
// stream is shorter: the command reads it on one goroutine.
func TestClassify100kLines(t *testing.T) {
	n := 100_000
	if raceDetector {
		n = 20_000
	}
	short := []string{"halo", "", "anjing", "k4f1r", " ", "🤬", "\xff", "ok\r", "babi lu"}
	var plain, jl strings.Builder
	for i := range n {
		s := short[i%len(short)]
		plain.WriteString(s)
		plain.WriteByte('\n')
		text, err := json.Marshal(strings.TrimSuffix(s, "\r"))
		require.NoError(t, err)
		fmt.Fprintf(&jl, "{\"id\":%d,\"text\":%s}\n", i+1, text)
	}
	for _, mode := range []struct {
		args []string
		in   string
	}{{nil, plain.String()}, {[]string{"--jsonl"}, jl.String()}} {
		var out, errb bytes.Buffer
		code := runClassify(mode.args, strings.NewReader(mode.in), &out, &errb)
		require.Equal(t, 0, code, "%v: stderr: %s", mode.args, errb.String())
		raw := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		require.Len(t, raw, n, "%v: one output line per input line", mode.args)
		for i, line := range raw {
			if !json.Valid([]byte(line)) || line[0] != '{' {
				require.Failf(t, "invalid output", "%v: line %d is not a JSON object: %.200q", mode.args, i+1, line)
			}
			if mode.args != nil && !strings.HasPrefix(line, `{"id":`+strconv.Itoa(i+1)+`,`) {
				require.Failf(t, "out of order", "line %d: %.200q", i+1, line)
			}
		}
	}
}

// TestClassifyReadError checks that a failing stdin ends the run with exit
// code 1 after answering the lines read before the failure.
func TestClassifyReadError(t *testing.T) {
	in := io.MultiReader(strings.NewReader("halo\nbangsat\n"), iotest.ErrReader(errors.New("disk on fire")))
	_, raw, stderr, code := runClassifyLines(t, nil, in)
	assert.Equal(t, 1, code)
	assert.Len(t, raw, 2)
	assert.Contains(t, stderr, "disk on fire")
}

// TestClassifyOneByteReader reads stdin one byte at a time.
func TestClassifyOneByteReader(t *testing.T) {
	in := "halo\r\n\xff\x00\ndasar anjing kau\n" + strings.Repeat("x", 30) + "\nok"
	lines, raw, _, code := runClassifyLines(t, []string{"--max-bytes", "20"}, iotest.OneByteReader(strings.NewReader(in)))
	require.Equal(t, 0, code)
	require.Len(t, raw, 5)
	assert.True(t, lines[3].isError())
	assert.False(t, lines[4].isError())
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("pipe closed") }

// TestClassifyWriteError checks that a closed stdout ends the run with exit
// code 1 instead of a panic or a hang.
func TestClassifyWriteError(t *testing.T) {
	var errb bytes.Buffer
	in := strings.NewReader(strings.Repeat("dasar anjing kau\n", 5000))
	code := runClassify(nil, in, failWriter{}, &errb)
	assert.Equal(t, 1, code)
	assert.Contains(t, errb.String(), "pipe closed")
}

// TestClassifyBadFlags checks usage errors.
func TestClassifyBadFlags(t *testing.T) {
	for _, args := range [][]string{{"--nope"}, {"--threshold", "kasar=0.5"}, {"--max-bytes", "x"}} {
		var out, errb bytes.Buffer
		code := runClassify(args, strings.NewReader("halo\n"), &out, &errb)
		assert.Equal(t, 2, code, "%v", args)
		assert.Empty(t, out.String(), "%v", args)
	}
	var out, errb bytes.Buffer
	code := runClassify([]string{"--lexicons", t.TempDir()}, strings.NewReader("halo\n"), &out, &errb)
	assert.Equal(t, 1, code)
	assert.Contains(t, errb.String(), "no lexicon files")
}

// TestClassifyJSONLErrors checks the messages of bad --jsonl records: they
// name the line and the field, speak of JSON kinds (not Go types) and keep
// the id whenever it could be read.
func TestClassifyJSONLErrors(t *testing.T) {
	tests := []struct {
		in, err, id string
	}{
		{`{"id":4,"text":123}`, `line 1: "text" is a number, want a string`, `4`},
		{`{"id":"a","text":null}`, `line 1: "text" is null, want a string`, `"a"`},
		{`{"id":[1],"text":{"x":1}}`, `line 1: "text" is an object, want a string`, `[1]`},
		{`{"text":["a"],"id":5}`, `line 1: "text" is an array, want a string`, `5`},
		{`{"id":6,"text":true}`, `line 1: "text" is a boolean, want a string`, `6`},
		{`{"id":7}`, `line 1: no "text" field`, `7`},
		{`{"id":8,"Text":"kafir"}`, `line 1: no "text" field`, `8`},
		{`{"id":9,"text":"halo","text":"bangsat"}`, `line 1: "text" appears twice`, ``},
		{`{"id":1,"id":2,"text":"halo"}`, `line 1: "id" appears twice`, ``},
		{`[{"id":1,"text":"halo"}]`, `line 1: want a JSON object {"id":…,"text":"…"}, got an array`, ``},
		{`"halo"`, `line 1: want a JSON object {"id":…,"text":"…"}, got a string`, ``},
		{`null`, `line 1: want a JSON object {"id":…,"text":"…"}, got null`, ``},
		{`{"id":1,"text":"halo"`, `line 1: invalid JSON: unexpected end of JSON input`, ``},
		{`{"id":1,"text":"halo"} {}`, `line 1: invalid JSON: invalid character '{' after top-level value`, ``},
	}
	for _, tc := range tests {
		lines, raw, stderr, code := runClassifyLines(t, []string{"--jsonl"}, strings.NewReader(tc.in+"\n"))
		require.Equal(t, 0, code, stderr)
		require.Len(t, lines, 1)
		if assert.True(t, lines[0].isError(), "%s: %s", tc.in, raw[0]) {
			assert.Equal(t, tc.err, *lines[0].Error, tc.in)
		}
		if tc.id == "" {
			assert.Empty(t, lines[0].ID, tc.in)
		} else {
			assert.JSONEq(t, tc.id, string(lines[0].ID), "%s keeps its id", tc.in)
		}
	}
}

// TestClassifyJSONLByteOrderMark checks that a byte-order mark at the start
// of a --jsonl input is skipped, as eval does, in each file.
func TestClassifyJSONLByteOrderMark(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	require.NoError(t, os.WriteFile(path, []byte("\ufeff{\"id\":2,\"text\":\"bangsat\"}\n"), 0o600))
	lines, raw, stderr, code := runClassifyLines(t, []string{"--jsonl", "-", path}, strings.NewReader("\ufeff{\"id\":1,\"text\":\"bangsat\"}\n"))
	require.Equal(t, 0, code, stderr)
	require.Len(t, lines, 2)
	for i, l := range lines {
		assert.False(t, l.isError(), raw[i])
		assert.JSONEq(t, fmt.Sprint(i+1), string(l.ID))
		assert.Contains(t, l.Flagged, "abusive")
	}
}

// TestClassifySlang checks --slang on classify: a pair from the file makes
// a new spelling of a lexicon word count as that word.
func TestClassifySlang(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slang.txt")
	require.NoError(t, os.WriteFile(path, []byte("bangsatz bangsat\n"), 0o600))
	without, _, _, code := runClassifyLines(t, []string{"--no-fuzzy"}, strings.NewReader("bangsatz\n"))
	require.Equal(t, 0, code)
	require.Empty(t, without[0].Flagged)
	with, _, stderr, code := runClassifyLines(t, []string{"--no-fuzzy", "--slang", path}, strings.NewReader("bangsatz\n"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, with[0].Flagged, "abusive")

	_, _, stderr, code = runClassifyLines(t, []string{"--slang", filepath.Join(t.TempDir(), "none.txt")}, strings.NewReader("x\n"))
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "none.txt")
}

// TestClassifyMask checks --mask: each answer carries the text with the
// evidence of its flagged labels masked, in plain and --jsonl input alike,
// and without the flag no answer has a "masked" field.
func TestClassifyMask(t *testing.T) {
	in := "dasar anjing lo\nselamat pagi\n"
	_, raw, stderr, code := runClassifyLines(t, []string{"--mask"}, strings.NewReader(in))
	require.Equal(t, 0, code, stderr)
	require.Len(t, raw, 2)
	masked := func(line string) *string {
		var m struct {
			Masked *string `json:"masked"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &m))
		return m.Masked
	}
	require.NotNil(t, masked(raw[0]))
	assert.Equal(t, "dasar ****** lo", *masked(raw[0]))
	require.NotNil(t, masked(raw[1]))
	assert.Equal(t, "selamat pagi", *masked(raw[1]), "a clean text comes back as it is")

	_, raw, stderr, code = runClassifyLines(t, []string{"--mask", "--jsonl"}, strings.NewReader(`{"id":"a","text":"bangsat lu"}`+"\n"))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, raw[0], `"masked":"******* lu"`)

	_, raw, _, _ = runClassifyLines(t, nil, strings.NewReader(in))
	for _, s := range raw {
		assert.NotContains(t, s, `"masked"`)
	}
}

// TestClassifyEvidenceOmitted checks that a line with more evidence than a
// label lists says how much more: "evidence_omitted" in JSON, a closing
// line in --pretty.
func TestClassifyEvidenceOmitted(t *testing.T) {
	line := strings.Repeat("kampret ", classify.MaxEvidence+7) + "\n"
	_, raw, stderr, code := runClassifyLines(t, nil, strings.NewReader(line))
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, raw[0], `"evidence_omitted":7`)
	var out bytes.Buffer
	require.Equal(t, 0, runClassify([]string{"--pretty"}, strings.NewReader(line), &out, io.Discard))
	assert.Contains(t, out.String(), fmt.Sprintf("… and 7 more, not listed (at most %d a label)", classify.MaxEvidence))
}
