package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// limitWriter fails once more than max lines were written: a run that
// would write without end fails instead of filling the disk.
type limitWriter struct {
	bytes.Buffer
	max int
}

func (w *limitWriter) Write(p []byte) (int, error) {
	if bytes.Count(w.Bytes(), []byte("\n"))+bytes.Count(p, []byte("\n")) > w.max {
		return 0, errors.New("too many lines")
	}
	return w.Buffer.Write(p)
}

// TestMaxBytesLimits checks --max-bytes at and beyond its limits on both
// stream commands: values outside [1, maxLineLimit] are usage errors
// (huge or negative ones used to overflow the line reader's arithmetic and
// print errors without end once input ended), and the limits themselves
// answer each line once.
func TestMaxBytesLimits(t *testing.T) {
	cmds := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{"classify": runClassify, "normalize": runNormalize}
	for name, run := range cmds {
		for _, v := range []string{"9223372036854775807", "9223372036854775806", "-3", "-1", "0", fmt.Sprint(maxLineLimit + 1)} {
			for _, in := range []string{"", "a\n", "a\nb\nc"} {
				out := &limitWriter{max: 10}
				var errb bytes.Buffer
				code := run([]string{"--max-bytes", v}, strings.NewReader(in), out, &errb)
				assert.Equal(t, 2, code, "%s --max-bytes %s on %q: %s", name, v, in, errb.String())
				assert.Empty(t, out.String(), "%s --max-bytes %s", name, v)
				assert.Contains(t, strings.SplitN(errb.String(), "\n", 2)[0], "--max-bytes must be between 1 and", "%s --max-bytes %s: the first line says what is wrong", name, v)
			}
		}
		for _, v := range []string{"1", fmt.Sprint(maxLineLimit)} {
			out := &limitWriter{max: 10}
			var errb bytes.Buffer
			code := run([]string{"--max-bytes", v}, strings.NewReader("a\nbb\n\nccc"), out, &errb)
			require.Equal(t, 0, code, "%s --max-bytes %s: %s", name, v, errb.String())
			assert.Equal(t, 4, strings.Count(out.String(), "\n"), "%s --max-bytes %s: one answer a line", name, v)
		}
	}
}

// TestLineReaderEOF reads inputs that end in every way at the edges of the
// limit: after the last line, next reports io.EOF and keeps doing so.
func TestLineReaderEOF(t *testing.T) {
	for _, max := range []int{1, 2, 3, maxLineLimit} {
		for _, in := range []string{"", "\n", "a", "abcd", "abcd\n", "a\r\n", "abcdef\r\n\r\n", strings.Repeat("x", 70<<10)} {
			lr := newLineReader(strings.NewReader(in), max)
			n := 0
			for ; n <= len(in)+1; n++ {
				if _, err := lr.next(); errors.Is(err, io.EOF) {
					break
				}
			}
			assert.Equal(t, wantLines(in), n, "max %d, input %.20q", max, in)
			for range 3 {
				_, err := lr.next()
				assert.ErrorIs(t, err, io.EOF)
			}
			assert.EqualValues(t, len(in), lr.read, "every byte counted")
		}
	}
}

// wantLines counts the lines of in: "\n" ends one, and a last line without
// it is a line too.
func wantLines(in string) int {
	n := strings.Count(in, "\n")
	if in != "" && !strings.HasSuffix(in, "\n") {
		n++
	}
	return n
}

// TestLineReaderBoundedMemory checks that a line far over the limit is not
// held: the reader's buffer stays within max+2 bytes.
func TestLineReaderBoundedMemory(t *testing.T) {
	lr := newLineReader(io.MultiReader(strings.NewReader(strings.Repeat("x", 8<<20)), strings.NewReader("\nok\n")), 1000)
	_, err := lr.next()
	require.ErrorIs(t, err, errLineTooLong)
	assert.LessOrEqual(t, cap(lr.buf), 4096, "the over-long line is skipped, not buffered")
	line, err := lr.next()
	require.NoError(t, err)
	assert.Equal(t, "ok", line)
}

// TestStreamFiles checks that file names are read in turn, "-" reads
// standard input, and errors name the file and line.
func TestStreamFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	require.NoError(t, os.WriteFile(a, []byte("dasar anjing kau\n"+strings.Repeat("x", 30)+"\n"), 0o600))
	require.NoError(t, os.WriteFile(b, []byte("halo"), 0o600))
	lines, raw, stderr, code := runClassifyLines(t, []string{"--max-bytes", "20", a, "-", b}, strings.NewReader("bangsat\n"))
	require.Equal(t, 0, code, stderr)
	require.Len(t, raw, 4)
	assert.Contains(t, lines[0].Flagged, "abusive")
	require.True(t, lines[1].isError())
	assert.Contains(t, *lines[1].Error, a+":2: longer than 20 bytes")
	assert.Contains(t, lines[2].Flagged, "abusive", "standard input in its place")
	assert.Empty(t, lines[3].Flagged)

	for _, tc := range []struct {
		args []string
		has  string
	}{
		{[]string{filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{[]string{dir}, "is a directory"},
	} {
		var out, errb bytes.Buffer
		code := runClassify(tc.args, strings.NewReader("halo\n"), &out, &errb)
		assert.Equal(t, 1, code, "%v", tc.args)
		assert.Contains(t, errb.String(), tc.has)
		assert.Empty(t, out.String(), "nothing is classified before the inputs are checked")
	}
}

// TestStreamUsageErrors checks that a usage error says what is wrong in its
// first line, before the usage, with exit code 2.
func TestStreamUsageErrors(t *testing.T) {
	cmds := map[string]func([]string, io.Reader, io.Writer, io.Writer) int{"classify": runClassify, "normalize": runNormalize}
	for name, run := range cmds {
		for _, tc := range []struct {
			args  []string
			first string
		}{
			{[]string{"posts.txt", "--max-bytes", "10"}, "saring " + name + ": flag --max-bytes after the file name: put flags first"},
			{[]string{"posts.txt", "--workers=2"}, "saring " + name + ": flag --workers after the file name: put flags first"},
			{[]string{"--workers", "0"}, "saring " + name + ": --workers must be between 1 and 256, got 0"},
			{[]string{"--workers", "1000000"}, "saring " + name + ": --workers must be between 1 and 256, got 1000000"},
			{[]string{"--max-bytes", "0"}, "saring " + name + ": --max-bytes must be between 1 and"},
		} {
			var out, errb bytes.Buffer
			code := run(tc.args, strings.NewReader(""), &out, &errb)
			assert.Equal(t, 2, code, "%s %v", name, tc.args)
			first, rest, _ := strings.Cut(errb.String(), "\n")
			assert.True(t, strings.HasPrefix(first, tc.first), "%s %v: first line %q", name, tc.args, first)
			assert.Contains(t, rest, "usage: saring "+name)
		}
		// After "--", a name that starts with "-" is a file.
		var out, errb bytes.Buffer
		code := run([]string{"--", "--no-such-file"}, strings.NewReader(""), &out, &errb)
		assert.Equal(t, 1, code, "%s: %s", name, errb.String())
		assert.Contains(t, errb.String(), "--no-such-file")
	}
}

// TestCoprocess drives classify over pipes as a co-process does: it sends
// one line, reads its answer, then sends the next. If an answer waited for
// more input or for the end of input, the read would time out.
func TestCoprocess(t *testing.T) {
	for _, args := range [][]string{{"--workers", "1"}, {"--workers", "2"}, {"--jsonl"}, {"--pretty"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			inR, inW := io.Pipe()
			outR, outW := io.Pipe()
			done := make(chan int, 1)
			var errb bytes.Buffer
			go func() {
				code := runClassify(args, inR, outW, &errb)
				outW.Close()
				done <- code
			}()
			answers := bufio.NewReader(outR)
			for i, text := range []string{"dasar anjing kau", "halo", "bangsat", ""} {
				line := text
				if args[0] == "--jsonl" {
					line = fmt.Sprintf(`{"id":%d,"text":%q}`, i, text)
				}
				_, err := io.WriteString(inW, line+"\n")
				require.NoError(t, err)
				got := make(chan string, 1)
				go func() {
					s, _ := answers.ReadString('\n')
					if args[0] == "--pretty" { // a record ends with a blank line
						for rest := "x"; rest != "\n" && rest != ""; {
							rest, _ = answers.ReadString('\n')
							s += rest
						}
					}
					got <- s
				}()
				select {
				case s := <-got:
					assert.NotEmpty(t, s, "answer %d", i+1)
					if text != "halo" && text != "" {
						assert.Contains(t, s, "abusive", "answer %d is the answer to line %d", i+1, i+1)
					} else {
						assert.NotContains(t, s, "abusive", "answer %d", i+1)
					}
				case <-time.After(20 * time.Second):
					t.Fatalf("no answer to line %d before the next line was sent", i+1)
				}
			}
			inW.Close()
			rest, _ := io.ReadAll(answers)
			assert.Empty(t, rest, "one answer a line")
			assert.Equal(t, 0, <-done, errb.String())
		})
	}
}

// countWriter counts the writes made to it.
type countWriter struct {
	bytes.Buffer
	writes int
}

func (w *countWriter) Write(p []byte) (int, error) {
	w.writes++
	return w.Buffer.Write(p)
}

// TestFileOutputBuffered checks that reading a regular file, as opposed to
// a pipe, keeps the output fully buffered: a write a 64 KiB buffer, not a
// write an answer.
func TestFileOutputBuffered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.txt")
	var posts strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&posts, "post nomor %d: dasar anjing kau\n", i)
	}
	require.NoError(t, os.WriteFile(path, []byte(posts.String()), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	for _, in := range []struct {
		name string
		args []string
		r    io.Reader
	}{{"named", []string{path}, nil}, {"standard input", nil, f}} {
		var out countWriter
		var errb bytes.Buffer
		code := runClassify(in.args, in.r, &out, &errb)
		require.Equal(t, 0, code, errb.String())
		require.Equal(t, 5000, strings.Count(out.String(), "\n"))
		assert.LessOrEqual(t, out.writes, out.Len()/(64<<10)+1, "%s: %d writes for %d bytes", in.name, out.writes, out.Len())
	}
}

// TestWorkersSameOutput checks that the answers of several workers are the
// answers of one, byte for byte and in input order, for every output form.
func TestWorkersSameOutput(t *testing.T) {
	posts := []string{
		"dasar anjing kau", "", "halo semua", "cina kafir usir mereka!!", "\xff\xfe", strings.Repeat("kafir ", 100),
		"k4f1r", "SEBARKAN SEBELUM DIHAPUS!!", "bangsat lu", "selamat pagi",
	}
	var plain, jl strings.Builder
	for i := range 2000 {
		p := posts[i%len(posts)]
		if i%7 == 0 {
			p += fmt.Sprint(" ", i)
		}
		fmt.Fprintf(&plain, "%s\n", p)
		fmt.Fprintf(&jl, "{\"id\":%d,\"text\":%q}\n", i, p)
	}
	for _, mode := range []struct {
		args []string
		in   string
	}{
		{[]string{"--max-bytes", "300"}, plain.String()},
		{[]string{"--jsonl"}, jl.String()},
		{[]string{"--pretty"}, plain.String()},
	} {
		var want string
		for _, workers := range []string{"1", "2", "7"} {
			var out, errb bytes.Buffer
			code := runClassify(append([]string{"--workers", workers}, mode.args...), strings.NewReader(mode.in), &out, &errb)
			require.Equal(t, 0, code, errb.String())
			if workers == "1" {
				want = out.String()
				continue
			}
			assert.True(t, want == out.String(), "%v with %s workers differs from one worker", mode.args, workers)
		}
	}
}

// TestProgress checks that --progress writes a progress line to stderr and
// nothing of it to stdout.
func TestProgress(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.txt")
	require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("dasar anjing kau\nhalo\n", 50)), 0o600))
	var plain, out, errb bytes.Buffer
	require.Equal(t, 0, runClassify([]string{path}, nil, &plain, &errb))
	require.Empty(t, errb.String(), "no progress unless asked or on a terminal")
	require.Equal(t, 0, runClassify([]string{"--progress", path}, nil, &out, &errb))
	assert.Equal(t, plain.String(), out.String(), "progress never mixes into the output")
	assert.Regexp(t, `^(\r.*)*\r100 posts, \d+ posts/s, 100% read, 0s left *\n$`, errb.String())
}

// TestProgressLine checks the figures of the progress line.
func TestProgressLine(t *testing.T) {
	p := &progress{total: 1000, read: new(atomic.Int64)}
	p.read.Store(250)
	p.done.Store(40)
	assert.Equal(t, "40 posts, 4 posts/s, 25% read, 30s left", strings.TrimSpace(p.line(10*time.Second)))
	p.total = 0
	assert.Equal(t, "40 posts, 4 posts/s", strings.TrimSpace(p.line(10*time.Second)))
}

// failAfterWriter accepts n writes, then fails every write.
type failAfterWriter struct{ n int }

func (w *failAfterWriter) Write(p []byte) (int, error) {
	if w.n <= 0 {
		return 0, errors.New("no space left on device")
	}
	w.n--
	return len(p), nil
}

// countReader counts the bytes read from it.
type countReader struct {
	r io.Reader
	n int
}

func (r *countReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.n += n
	return n, err
}

// TestWriteErrorStops checks that a failing stdout ends the run at once in
// every output form, instead of classifying the rest of the input first.
func TestWriteErrorStops(t *testing.T) {
	input := strings.Repeat("dasar anjing kau, cina kafir usir mereka\n", 200_000)
	for _, args := range [][]string{nil, {"--pretty"}, {"--pretty", "--workers", "1"}} {
		in := &countReader{r: strings.NewReader(input)}
		var errb bytes.Buffer
		code := runClassify(args, in, &failAfterWriter{n: 1}, &errb)
		assert.Equal(t, 1, code, "%v", args)
		assert.Contains(t, errb.String(), "no space left on device", "%v", args)
		assert.Less(t, in.n, len(input)/10, "%v: stopped after %d of %d bytes", args, in.n, len(input))
	}
}

// TestIsTerminal checks the test behind --progress's default (a character
// device is a terminal, a regular file or a buffer is not) and the default.
func TestIsTerminal(t *testing.T) {
	dev, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	require.NoError(t, err)
	defer dev.Close()
	assert.True(t, isTerminal(dev))
	f, err := os.Create(filepath.Join(t.TempDir(), "log"))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, isTerminal(f))
	assert.False(t, isTerminal(&bytes.Buffer{}))

	// --progress is on by default for a terminal's stderr, unless the
	// answers go to a terminal too (dev stands in for one).
	for _, tc := range []struct {
		stdout, stderr io.Writer
		want           bool
	}{{&bytes.Buffer{}, dev, true}, {f, dev, true}, {dev, dev, false}, {&bytes.Buffer{}, f, false}} {
		var sf streamFlags
		sf.register(flag.NewFlagSet("x", flag.ContinueOnError), tc.stdout, tc.stderr)
		assert.Equal(t, tc.want, sf.progress, "stdout %T, stderr %T", tc.stdout, tc.stderr)
	}
}
