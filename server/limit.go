package server

import (
	"fmt"
	"net/http"
	"sync/atomic"
)

// limiter bounds the classification requests handled at once and the ones
// waiting for their turn.
type limiter struct {
	slots chan struct{} // one token a request being handled
	// pending counts the requests handled or waiting.
	pending atomic.Int64
	max     int64 // most requests handled or waiting
}

func newLimiter(workers, queue int) *limiter {
	return &limiter{slots: make(chan struct{}, workers), max: int64(workers + queue)}
}

// retryAfter is the Retry-After of a 503 for a full queue, in seconds.
const retryAfter = "1"

// wrap admits a request to next when a place is free, queues it while the
// queue has room, and refuses it with 503 and Retry-After otherwise, in the
// error shape of fail.
func (l *limiter) wrap(next http.Handler, fail func(http.ResponseWriter, int, string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l.pending.Add(1) > l.max {
			l.pending.Add(-1)
			w.Header().Set("Retry-After", retryAfter)
			fail(w, http.StatusServiceUnavailable, fmt.Sprintf(
				"server busy: %d requests are being classified or waiting; retry after %s s", l.max, retryAfter))
			return
		}
		defer l.pending.Add(-1)
		select {
		case l.slots <- struct{}{}:
		case <-r.Context().Done():
			fail(w, http.StatusServiceUnavailable, "request cancelled while waiting for its turn")
			return
		}
		defer func() { <-l.slots }()
		next.ServeHTTP(w, r)
	})
}

// inUse returns the requests being handled and the requests waiting.
func (l *limiter) inUse() (working, waiting int) {
	working = len(l.slots)
	return working, max(int(l.pending.Load())-working, 0)
}
