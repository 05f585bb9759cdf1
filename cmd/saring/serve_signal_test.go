//go:build unix

package main

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// startRunServe runs the command as main does, with its signal handling,
// and returns its base URL and a channel that gets its exit code.
func startRunServe(t *testing.T, args []string, stderr *serveLog) (string, chan int) {
	t.Helper()
	done := make(chan int, 1)
	go func() { done <- runServe(args, stderr) }()
	// runServe subscribes to the signals before it logs the address.
	listening := regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)
	var base string
	require.Eventually(t, func() bool {
		m := listening.FindStringSubmatch(stderr.String())
		if m != nil {
			base = m[1]
		}
		return m != nil
	}, 20*time.Second, 10*time.Millisecond, "stderr: %s", stderr)
	return base, done
}

// TestRunServeSignal runs the command as main does and stops it with
// SIGTERM, as a service manager would.
func TestRunServeSignal(t *testing.T) {
	var stderr serveLog
	base, done := startRunServe(t, []string{"--addr", "127.0.0.1:0"}, &stderr)

	resp, err := (&http.Client{Timeout: 5 * time.Second}).Get(base + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
		assert.Contains(t, stderr.String(), "shutting down")
	case <-time.After(20 * time.Second):
		t.Fatal("runServe did not stop on SIGTERM")
	}
}

// TestRunServeSIGHUP reloads the lexicons with SIGHUP: a good file is put in
// force, a broken one is refused with its file and line while the old
// lexicons keep serving.
func TestRunServeSIGHUP(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "extra.txt")
	write := func(s string) {
		require.NoError(t, os.WriteFile(file, []byte("#! saring-lexicon 1\n@defaults label=abusive kind=insult weight=0.9 severity=strong\n"+s), 0o644))
	}
	write("kodok\n")
	var stderr serveLog
	base, done := startRunServe(t, []string{"--addr", "127.0.0.1:0", "--lexicons", dir}, &stderr)

	client := &http.Client{Timeout: 5 * time.Second}
	abusive := func(text string) bool { return flaggedAbusive(t, client, base, text) }
	require.True(t, abusive("kodok"))

	write("kecoa\n")
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return abusive("kecoa") }, 10*time.Second, 20*time.Millisecond)
	assert.False(t, abusive("kodok"))
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), "server: reloaded") }, 10*time.Second, 20*time.Millisecond)

	write("belatung | weight=7\n")
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), "reload failed") }, 10*time.Second, 20*time.Millisecond)
	assert.Contains(t, stderr.String(), "extra.txt:3")
	assert.True(t, abusive("kecoa"), "the old lexicons keep serving")
	assert.False(t, abusive("belatung"))

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	select {
	case code := <-done:
		assert.Equal(t, 0, code)
	case <-time.After(20 * time.Second):
		t.Fatal("runServe did not stop on SIGTERM")
	}
}
