package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/saring-id/saring/internal/record"
)

// FuzzAnswerLines fuzzes the line reader and the stream behind classify and
// normalize with inputs × limits × workers: a --max-bytes outside
// [1, maxLineLimit] is a usage error; any other answers each input line
// exactly once, in order, with the line itself when it fits and an error
// naming its line when it does not, and the run ends (an endless one fails
// on its writer's line limit).
func FuzzAnswerLines(f *testing.F) {
	for _, s := range []struct {
		in      string
		max     int64
		workers uint8
	}{
		{"a\n", 9223372036854775807, 1},
		{"", -3, 1},
		{"a\nbb\r\nccc\n\n", 2, 2},
		{"0123456789\r\n01234567890\n", 10, 3},
		{strings.Repeat("x", 70<<10) + "\nok", 64 << 10, 2},
		{"\r\r\n\r", 1, 1},
		{"\xff\n\x00\n", maxLineLimit, 1},
	} {
		f.Add([]byte(s.in), s.max, s.workers, false)
		f.Add([]byte(s.in), s.max, s.workers, true)
	}
	f.Fuzz(func(t *testing.T, in []byte, max int64, workers uint8, small bool) {
		if int64(int(max)) != max {
			return // not an int on this platform
		}
		var r io.Reader = bytes.NewReader(in)
		if small {
			r = iotest.HalfReader(iotest.OneByteReader(r))
		}
		sf := streamFlags{maxBytes: int(max), workers: 1 + int(workers%4)}
		if sf.check() != nil {
			var out, errb bytes.Buffer
			if code := runNormalize([]string{"--max-bytes", strconv.FormatInt(max, 10)}, r, &out, &errb); code != 2 || out.Len() > 0 {
				t.Fatalf("--max-bytes %d: exit %d, output %q", max, code, out.String())
			}
			return
		}
		lines := strings.SplitAfter(string(in), "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		out := &limitWriter{max: len(lines)}
		var errb bytes.Buffer
		srcs := []source{{r: r}}
		echo := func(_ place, line string) any { return line }
		if code := answerLines("fuzz", srcs, out, &errb, sf, echo, nil); code != 0 {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		got := strings.SplitAfter(out.String(), "\n")
		got = got[:len(got)-1]
		if len(got) != len(lines) {
			t.Fatalf("%d answers for %d lines", len(got), len(lines))
		}
		for i, l := range lines {
			l = strings.TrimSuffix(strings.TrimSuffix(l, "\n"), "\r")
			var want any = l
			if len(l) > sf.maxBytes {
				want = record.ErrorOutput{Error: "line " + strconv.Itoa(i+1) + ": longer than " + strconv.Itoa(sf.maxBytes) + " bytes (--max-bytes)"}
			}
			var w strings.Builder
			enc := json.NewEncoder(&w)
			enc.SetEscapeHTML(false)
			enc.Encode(want)
			if got[i] != w.String() {
				t.Fatalf("line %d %.40q (max %d): answer %.80q, want %.80q", i+1, l, sf.maxBytes, got[i], w.String())
			}
		}
	})
}
