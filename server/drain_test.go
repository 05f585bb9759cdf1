package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeDrainsUnderLoad stops a server while 50 keep-alive clients post
// batches of 100 texts as fast as they can, and counts: every request that
// was sent (its connection was up) must be answered. A client stops at its
// first refused connection: the server no longer accepts, and the client
// knows its request was not sent.
func TestServeDrainsUnderLoad(t *testing.T) {
	const clients = 50
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String() + "/v1/classify"
	srv := &http.Server{Handler: New(newLive(t)), ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, srv, ln, time.Minute) }()

	body, err := json.Marshal(map[string]any{"texts": batchTexts(100)})
	require.NoError(t, err)
	transport := &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 30 * time.Second}

	var sent, answered, refused atomic.Int64
	var mu sync.Mutex
	var lost []string
	var wg sync.WaitGroup
	for range clients {
		wg.Go(func() {
			for {
				resp, err := client.Post(url, "application/json", bytes.NewReader(body))
				var op *net.OpError
				if errors.As(err, &op) && op.Op == "dial" {
					refused.Add(1)
					return
				}
				sent.Add(1)
				if err == nil {
					var out struct {
						Results []json.RawMessage `json:"results"`
					}
					err = json.NewDecoder(resp.Body).Decode(&out)
					resp.Body.Close()
					if err == nil && resp.StatusCode == http.StatusOK && len(out.Results) == 100 {
						answered.Add(1)
						continue
					}
					if err == nil {
						err = errors.New(resp.Status)
					}
				}
				mu.Lock()
				lost = append(lost, err.Error())
				mu.Unlock()
				return
			}
		})
	}
	// Let the load run, then stop the server as SIGTERM does.
	require.Eventually(t, func() bool { return answered.Load() >= 10*clients }, 60*time.Second, 10*time.Millisecond)
	stop()
	wg.Wait()
	require.NoError(t, <-served)
	t.Logf("sent %d, answered %d, refused connections %d", sent.Load(), answered.Load(), refused.Load())
	assert.Empty(t, lost, "requests sent but not answered")
	assert.Equal(t, sent.Load(), answered.Load())
	assert.Equal(t, int64(clients), refused.Load(), "every client ends on a refused connection")
}

// TestServeGraceExpires checks that a request still running when the grace
// period ends is cut, and Serve says so.
func TestServeGraceExpires(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	started := make(chan struct{})
	release := make(chan struct{})
	defer close(release)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}), ReadHeaderTimeout: 5 * time.Second}
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, srv, ln, 200*time.Millisecond) }()
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String())
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
	}()
	<-started
	stop()
	err = <-served
	require.Error(t, err)
	assert.Contains(t, err.Error(), "grace period of 200ms over: 1 connections")
}
