// Package regular opens the files saring reads whole where a file is
// expected (lexicon, slang and model files) so that what is not a regular
// file is refused without blocking: a named pipe with no writer would block
// the open until one came, and a device such as /dev/zero never ends.
//
// A check before the open (os.Stat) is not enough: the name may be swapped
// for a named pipe between the check and the open. Open opens without
// blocking (O_NONBLOCK) and checks the file it opened.
package regular

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrNotRegular is wrapped by the error for what is not a regular file.
var ErrNotRegular = errors.New("not a regular file")

// Open opens the file at path for reading when it is a regular file (or a
// link to one). Anything else is closed again and refused with a
// *fs.PathError wrapping ErrNotRegular that says what it is ("open p: a
// named pipe, not a regular file"). Reads of the file returned block as
// usual: O_NONBLOCK does not apply to regular files.
func Open(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err == nil && !fi.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%s, %w", Kind(fi.Mode()), ErrNotRegular)}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// Kind names what a file of mode m is, with its article: "a regular file",
// "a directory", "a named pipe", "a device", "a socket", or "a special
// file".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "a regular file"
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// DirFS is os.DirFS(dir) whose Open opens files with Open: a name swapped
// for a named pipe after a Stat of it is refused instead of blocking. Stat
// and ReadDir are os.DirFS's.
func DirFS(dir string) fs.FS { return dirFS{dir: dir, os: os.DirFS(dir)} }

type dirFS struct {
	dir string
	os  fs.FS
}

func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := Open(filepath.Join(d.dir, filepath.FromSlash(name)))
	if err != nil {
		return nil, err
	}
	return f, nil
}

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.os, name) }

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.os, name) }
