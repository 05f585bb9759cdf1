//go:build unix

package normalize

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestLoadSlangFileSwapped loads the slang file while another goroutine
// swaps it for a named pipe and back. A named pipe must be refused, never
// opened: when the file was checked (os.Stat) before it was opened, a pipe
// swapped in between blocked the open, and with it a reload, until
// something wrote to the pipe. To end such a block the test opens every
// pipe for writing once the swapping is over; the blocked load then reads
// an empty file.
func TestLoadSlangFileSwapped(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "slang.txt")
	require.NoError(t, os.WriteFile(path, []byte("gk tidak\n"), 0o600))
	var swapped, loaded atomic.Bool
	var fifos []string
	released := make(chan struct{})
	go func() {
		defer close(released)
		for i := 0; i < 200; i++ {
			fifo, tmp := filepath.Join(dir, "fifo"+strconv.Itoa(i)), filepath.Join(dir, "tmp")
			if syscall.Mkfifo(fifo, 0o600) != nil || os.Link(fifo, tmp) != nil || os.Rename(tmp, path) != nil ||
				os.WriteFile(tmp, []byte("gk tidak\n"), 0o600) != nil || os.Rename(tmp, path) != nil {
				t.Error("swapping the file failed")
				break
			}
			fifos = append(fifos, fifo)
		}
		swapped.Store(true)
		for !loaded.Load() { // end any open blocked on a pipe
			for _, fifo := range fifos {
				if fd, err := syscall.Open(fifo, syscall.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					syscall.Close(fd)
				}
			}
			time.Sleep(time.Millisecond)
		}
	}()
	n, refused, opened := 0, 0, 0
	var first error
	for ; !swapped.Load(); n++ {
		_, err := LoadSlangFile(path)
		switch {
		case err == nil:
		case strings.Contains(err.Error(), "not a regular file"):
			refused++
		default:
			if opened++; first == nil {
				first = err
			}
		}
	}
	loaded.Store(true)
	<-released
	t.Logf("%d loads, %d refused a named pipe", n, refused)
	if opened > 0 {
		t.Errorf("%d loads opened a named pipe swapped in after a check; the first: %v", opened, first)
	}
}
