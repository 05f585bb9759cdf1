package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// maxIdleQuiet is the longest a keep-alive connection must have been idle
// before a draining server closes it.
const maxIdleQuiet = 5 * time.Second

// Serve serves srv on ln until ctx is done, then drains and returns:
//
//  1. It stops accepting connections (ln is closed; new ones are refused,
//     so a client knows its request was not sent).
//  2. Every answer from then on carries "Connection: close", so a
//     keep-alive client that sends one more request on its connection gets
//     it answered and then the connection closed, instead of a reset.
//  3. A connection idle for a quiet period (half the grace period, at most
//     5 s) is closed: its client is not sending.
//  4. When no connection is left, or the grace period is over (then the
//     remaining ones are closed and the requests on them lost), it returns.
//
// http.Server.Shutdown alone closes idle keep-alive connections at once,
// which loses a request the client has just sent on one. Serve sets
// srv.Handler to a wrapper of itself and chains srv.ConnState; set both
// before calling it. It returns nil after a clean drain, the listener's
// error if serving failed, or an error counting the connections cut when
// the grace period ran out.
func Serve(ctx context.Context, srv *http.Server, ln net.Listener, grace time.Duration) error {
	d := &drainer{conns: make(map[net.Conn]connState)}
	next := srv.Handler
	if next == nil {
		next = http.DefaultServeMux
	}
	srv.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if d.draining.Load() {
			w.Header().Set("Connection", "close")
		}
		next.ServeHTTP(w, r)
	})
	hook := srv.ConnState
	srv.ConnState = func(c net.Conn, s http.ConnState) {
		d.track(c, s)
		if hook != nil {
			hook(c, s)
		}
	}

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	d.draining.Store(true)
	_ = ln.Close()
	if err := <-served; err != nil && !errors.Is(err, net.ErrClosed) && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}

	quiet := min(grace/2, maxIdleQuiet)
	deadline := time.Now().Add(grace)
	tick := time.NewTicker(10 * time.Millisecond)
	defer tick.Stop()
	for {
		open := d.closeIdle(quiet)
		if open == 0 {
			break
		}
		if time.Now().After(deadline) {
			_ = srv.Close()
			return fmt.Errorf("grace period of %v over: %d connections closed with requests unanswered", grace, open)
		}
		<-tick.C
	}
	// Nothing is left to wait for; Shutdown marks the server closed.
	sctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// drainer tracks the server's connections and their states.
type drainer struct {
	draining atomic.Bool
	mu       sync.Mutex
	conns    map[net.Conn]connState
}

type connState struct {
	state http.ConnState
	since time.Time
}

func (d *drainer) track(c net.Conn, s http.ConnState) {
	d.mu.Lock()
	defer d.mu.Unlock()
	switch s {
	case http.StateClosed, http.StateHijacked:
		delete(d.conns, c)
	default:
		d.conns[c] = connState{s, time.Now()}
	}
}

// closeIdle closes the connections idle (or new and silent) for at least
// quiet and returns how many are left open.
func (d *drainer) closeIdle(quiet time.Duration) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	cutoff := time.Now().Add(-quiet)
	open := 0
	for c, cs := range d.conns {
		if (cs.state == http.StateIdle || cs.state == http.StateNew) && !cs.since.After(cutoff) {
			_ = c.Close()
			delete(d.conns, c)
			continue
		}
		open++
	}
	return open
}
