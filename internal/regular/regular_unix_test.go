//go:build unix

package regular

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOpen checks that Open reads a regular file or a link to one, and
// refuses anything else, saying what it is, without blocking on a named
// pipe that has no writer.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	require.NoError(t, os.WriteFile(at("file"), []byte("gk tidak\n"), 0o600))
	require.NoError(t, os.Symlink(at("file"), at("link")))
	require.NoError(t, syscall.Mkfifo(at("fifo"), 0o600))
	require.NoError(t, os.Symlink("/dev/null", at("device")))
	tests := []struct{ name, path, kind string }{
		{"regular file", at("file"), ""},
		{"link to a regular file", at("link"), ""},
		{"named pipe", at("fifo"), "a named pipe"},
		{"link to a device", at("device"), "a device"},
		{"directory", dir, "a directory"},
	}
	for _, tc := range tests {
		f, err := Open(tc.path)
		if tc.kind == "" {
			require.NoError(t, err, tc.name)
			b, err := io.ReadAll(f)
			require.NoError(t, err)
			assert.Equal(t, "gk tidak\n", string(b), tc.name)
			f.Close()
			continue
		}
		assert.Nil(t, f, tc.name)
		assert.ErrorIs(t, err, ErrNotRegular, tc.name)
		assert.EqualError(t, err, "open "+tc.path+": "+tc.kind+", not a regular file", tc.name)
	}
	_, err := Open(at("none"))
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

// TestDirFS checks that DirFS lists and stats like os.DirFS, reads regular
// files, and refuses a named pipe at Open.
func TestDirFS(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("x"), 0o600))
	require.NoError(t, syscall.Mkfifo(filepath.Join(dir, "b.txt"), 0o600))
	fsys := DirFS(dir)
	des, err := fs.ReadDir(fsys, ".")
	require.NoError(t, err)
	require.Len(t, des, 2)
	fi, err := fs.Stat(fsys, "b.txt")
	require.NoError(t, err)
	assert.NotZero(t, fi.Mode()&fs.ModeNamedPipe)
	b, err := fs.ReadFile(fsys, "a.txt")
	require.NoError(t, err)
	assert.Equal(t, "x", string(b))
	_, err = fsys.Open("b.txt")
	assert.True(t, errors.Is(err, ErrNotRegular), "%v", err)
	_, err = fsys.Open("../a.txt")
	assert.ErrorIs(t, err, fs.ErrInvalid)
}
