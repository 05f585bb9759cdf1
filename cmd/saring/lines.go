package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// errorOutput answers an input line that could not be processed.
type errorOutput struct {
	ID    json.RawMessage `json:"id,omitempty"`
	Error string          `json:"error"`
}

// answerLines answers every line of stdin with exactly one record on stdout,
// in order: answer(n, line) for line n (from 1), or an errorOutput for a
// line over max bytes. Records are JSON objects, one a line, unless write is
// given, which then prints each record itself. It returns the exit code: 0
// when every line was answered, 1 when reading or writing failed (cmd names
// the command in the message on stderr).
func answerLines(cmd string, stdin io.Reader, stdout, stderr io.Writer, max int,
	answer func(n int, line string) any, write func(w io.Writer, n int, rec any)) int {
	out := bufio.NewWriterSize(stdout, 64<<10)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	lines := newLineReader(stdin, max)
	for n := 1; ; n++ {
		line, err := lines.next()
		if errors.Is(err, io.EOF) {
			break
		}
		var rec any
		switch {
		case errors.Is(err, errLineTooLong):
			rec = errorOutput{Error: fmt.Sprintf("line %d: longer than %d bytes (--max-bytes)", n, max)}
		case err != nil:
			out.Flush()
			fmt.Fprintf(stderr, "%s: reading line %d: %v\n", cmd, n, err)
			return 1
		default:
			rec = answer(n, line)
		}
		if write != nil {
			write(out, n, rec)
			continue
		}
		if err := enc.Encode(rec); err != nil {
			fmt.Fprintf(stderr, "%s: writing line %d: %v\n", cmd, n, err)
			return 1
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "%s: writing: %v\n", cmd, err)
		return 1
	}
	return 0
}

// errLineTooLong is returned for a line over the reader's limit; the rest of
// that line is consumed so the next call starts on the next line.
var errLineTooLong = errors.New("line too long")

// lineReader reads lines of any length up to a limit, trimming "\n" and
// "\r\n". A last line without a newline is still a line.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
}

func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

func (l *lineReader) next() (string, error) {
	l.buf = l.buf[:0]
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			if len(l.buf)+len(chunk) > l.max+2 { // +2: the line ending is not counted
				tooLong = true
				l.buf = l.buf[:0]
			} else {
				l.buf = append(l.buf, chunk...)
			}
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if len(l.buf) == 0 && len(chunk) == 0 && !tooLong {
				return "", io.EOF
			}
		case err != nil:
			return "", err
		}
		if tooLong {
			return "", fmt.Errorf("%w (over %d bytes)", errLineTooLong, l.max)
		}
		s := strings.TrimSuffix(string(l.buf), "\n")
		s = strings.TrimSuffix(s, "\r")
		if len(s) > l.max {
			return "", fmt.Errorf("%w (over %d bytes)", errLineTooLong, l.max)
		}
		return s, nil
	}
}
