package main

import (
	"bytes"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/server"
)

// TestRun drives a test server briefly in each mode: the tool must count
// answers and no errors, and report the percentiles.
func TestRun(t *testing.T) {
	live, err := classify.NewLive()
	require.NoError(t, err)
	srv := httptest.NewServer(server.New(live))
	defer srv.Close()
	for _, args := range [][]string{
		{"--mode", "single"},
		{"--mode", "batch", "--batch", "20"},
		{"--mode", "abusive-batch", "--batch", "10", "--text-bytes", "300"},
	} {
		var out bytes.Buffer
		err := run(append(args, "--url", srv.URL, "--clients", "4", "--duration", "300ms", "--posts", "../../testdata/posts.jsonl"), &out)
		require.NoError(t, err, "%s", &out)
		assert.Contains(t, out.String(), " 0 errors")
		assert.Contains(t, out.String(), "p99 ")
	}
}

func TestRunCountsErrors(t *testing.T) {
	live, err := classify.NewLive()
	require.NoError(t, err)
	srv := httptest.NewServer(server.New(live, server.WithMaxBatch(5)))
	defer srv.Close()
	var out bytes.Buffer
	err = run([]string{"--url", srv.URL, "--mode", "abusive-batch", "--batch", "6", "--clients", "2", "--duration", "100ms"}, &out)
	require.Error(t, err, "413s are errors")
	assert.Contains(t, out.String(), "status 413")
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	assert.Equal(t, 50*time.Millisecond, pct(d, 50))
	assert.Equal(t, 99*time.Millisecond, pct(d, 99))
	assert.Equal(t, time.Millisecond, pct(d[:1], 99))
}
