package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

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
