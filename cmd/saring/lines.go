package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// maxLineLimit is the highest --max-bytes: a line is held whole while it is
// classified, and classifying a line dense with evidence takes a few hundred
// times its size (the Result and its JSON), so the ceiling bounds the
// memory of one line whatever the flag says: about 1 GB at 4 MiB, 240 MB
// at the default 1 MiB (README, "Command line").
const maxLineLimit = 4 << 20

// checkMaxBytes validates a --max-bytes value.
func checkMaxBytes(n int) error {
	if n < 1 || n > maxLineLimit {
		return fmt.Errorf("--max-bytes must be between 1 and %d, got %d", maxLineLimit, n)
	}
	return nil
}

// errLineTooLong is returned for a line over the reader's limit; the rest of
// that line is consumed so the next call starts on the next line.
var errLineTooLong = errors.New("line too long")

// lineReader reads lines of any length up to a limit, trimming "\n" and
// "\r\n". A last line without a newline is still a line. It holds at most
// max+2 bytes of a line, however long the line is.
type lineReader struct {
	r   *bufio.Reader
	max int
	buf []byte
	// read counts the bytes consumed, line endings and over-long lines
	// included.
	read int64
}

// newLineReader reads r's lines of at most max bytes; max must pass
// checkMaxBytes.
func newLineReader(r io.Reader, max int) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10), max: max}
}

// next returns the next line, errLineTooLong (wrapped) for a line over the
// limit, io.EOF after the last line, or the reader's error.
func (l *lineReader) next() (string, error) {
	l.buf = l.buf[:0]
	size := 0 // bytes of this line consumed so far, its ending included
	for {
		chunk, err := l.r.ReadSlice('\n')
		size += len(chunk)
		l.read += int64(len(chunk))
		// The line ending ("\r\n" at most) is not counted; what is kept
		// never exceeds max+2 bytes.
		if size-len(l.buf) == len(chunk) && size <= l.max+2 {
			l.buf = append(l.buf, chunk...)
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case errors.Is(err, io.EOF):
			if size == 0 {
				return "", io.EOF
			}
		case err != nil:
			return "", err
		}
		if len(l.buf) < size {
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

// drained reports whether nothing more of the input is buffered: the next
// line waits on a read that may block.
func (l *lineReader) drained() bool { return l.r.Buffered() == 0 }
