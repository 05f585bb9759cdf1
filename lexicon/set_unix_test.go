//go:build unix

package lexicon_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

// TestLoadDirSpecialFiles feeds LoadDir what is not a lexicon file under a
// *.txt name. Each must give an error naming the file, promptly: before
// loading read only regular files, a link to /dev/zero was read forever
// and a named pipe blocked the open until something wrote to it.
func TestLoadDirSpecialFiles(t *testing.T) {
	tests := []struct {
		name string
		make func(path string) error
		want string
	}{
		{"link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }, "a.txt is a device: lexicon files (*.txt) must be regular files"},
		{"named pipe", func(p string) error { return syscall.Mkfifo(p, 0o600) }, "a.txt is a named pipe: lexicon files (*.txt) must be regular files"},
		{"directory", func(p string) error { return os.Mkdir(p, 0o700) }, "a.txt is a directory: lexicon files (*.txt) must be regular files"},
		{"link to a directory", func(p string) error { return os.Symlink(filepath.Dir(p), p) }, "a.txt is a directory: lexicon files (*.txt) must be regular files"},
		{"dangling link", func(p string) error { return os.Symlink(p+".gone", p) }, "a.txt: no such file or directory"},
		{"too large", func(p string) error {
			f, err := os.Create(p)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Truncate(lexicon.MaxFileBytes + 1) // sparse: no disk used
		}, "a.txt: file larger than 16 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte(v1+"babi | label=abusive\n"), 0o644))
			require.NoError(t, tt.make(filepath.Join(dir, "a.txt")))
			err := within(t, 10*time.Second, func() error {
				_, err := lexicon.LoadDir(dir)
				return err
			})
			require.Error(t, err)
			require.Contains(t, err.Error(), filepath.Join(dir, tt.want))
		})
	}
}

// TestLoadDirLinkToFile: a link to a regular file is read like the file.
func TestLoadDirLinkToFile(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "shared.txt")
	require.NoError(t, os.WriteFile(target, []byte(v1+"babi | label=abusive\n"), 0o644))
	require.NoError(t, os.Symlink(target, filepath.Join(dir, "a.txt")))
	s, err := lexicon.LoadDir(dir)
	require.NoError(t, err)
	require.Equal(t, 1, s.Len())
	require.Equal(t, filepath.Join(dir, "a.txt")+":2", s.Entries()[0].Source.String())
}
