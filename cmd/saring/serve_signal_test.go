//go:build unix

package main

import (
	"net/http"
	"os"
	"regexp"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRunServeSignal runs the command as main does and stops it with
// SIGTERM, as a service manager would.
func TestRunServeSignal(t *testing.T) {
	var stderr serveLog
	done := make(chan int, 1)
	go func() { done <- runServe([]string{"--addr", "127.0.0.1:0"}, &stderr) }()

	// runServe subscribes to the signals before it logs the address.
	listening := regexp.MustCompile(`listening on (http://127\.0\.0\.1:\d+)`)
	var base string
	require.Eventually(t, func() bool {
		m := listening.FindStringSubmatch(stderr.String())
		if m != nil {
			base = m[1]
		}
		return m != nil
	}, 20*time.Second, 10*time.Millisecond, "stderr: %s", &stderr)

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
