//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSlangNotRegular checks that --slang refuses what is not a regular
// file without blocking on it: a named pipe with no writer would block a
// plain open for ever, and a device such as /dev/zero never ends.
func TestSlangNotRegular(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "slang.txt")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	for _, path := range []string{fifo, "/dev/zero", t.TempDir()} {
		_, _, stderr, code := runClassifyLines(t, []string{"--slang", path}, strings.NewReader("x\n"))
		assert.Equal(t, 1, code, path)
		assert.Contains(t, stderr, "not a regular file", path)
	}
}
