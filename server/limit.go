package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"
)

// limiter bounds the classification requests handled at once and the ones
// waiting for their turn. A request is admitted only once its whole body
// has arrived, so a client that sends headers and stalls holds its own
// connection and nothing of the queue. The bodies held, arriving, waiting
// or handled, are bounded together by budget bytes: what the requests
// handled and waiting may hold.
type limiter struct {
	slots chan struct{} // one token a request being handled
	// pending counts the requests handled or waiting.
	pending atomic.Int64
	max     int64 // most requests handled or waiting
	// maxBody is the body limit.
	maxBody int64
	// held counts the body bytes read and not yet released; at most budget,
	// (workers + queue) times maxBody.
	held   atomic.Int64
	budget int64
	// read, when positive, is the time a request has to send its body from
	// the start of its handling; write, when positive, the time it has to
	// take its answer from the moment its turn comes.
	read, write time.Duration
}

func newLimiter(workers, queue int, maxBody int64, read, write time.Duration) *limiter {
	return &limiter{slots: make(chan struct{}, workers), max: int64(workers + queue), maxBody: maxBody,
		budget: int64(workers+queue) * maxBody, read: read, write: write}
}

// errBudget is the error of a body read that would take the bodies held
// over the limiter's budget.
var errBudget = errors.New("server: request bodies over the memory budget")

// budgetReader reads a body, counting its bytes in the limiter's held bytes.
type budgetReader struct {
	r io.Reader
	l *limiter
	n int64 // bytes counted, to release
}

func (b *budgetReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.n += int64(n)
	if b.l.held.Add(int64(n)) > b.l.budget {
		return n, errBudget
	}
	return n, err
}

// retryAfter is the Retry-After of a 503 for a full queue, in seconds.
const retryAfter = "1"

// wrap reads a request's body (within the body limit and the read time)
// and then admits the request to next when a place is free, queues it while
// the queue has room, and refuses it with 503 and Retry-After otherwise, in
// the error shape of fail. A body that is too large or does not arrive in
// time is answered at once, without taking a place; one that would take the
// bodies held over the budget is refused with 503 and Retry-After.
func (l *limiter) wrap(next http.Handler, fail func(http.ResponseWriter, int, string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rc := http.NewResponseController(w)
		if l.read > 0 {
			_ = rc.SetReadDeadline(time.Now().Add(l.read)) // not every ResponseWriter supports it
		}
		br := &budgetReader{r: http.MaxBytesReader(w, r.Body, l.maxBody), l: l}
		defer func() { l.held.Add(-br.n) }()
		body, err := io.ReadAll(br)
		if errors.Is(err, errBudget) {
			w.Header().Set("Retry-After", retryAfter)
			fail(w, http.StatusServiceUnavailable, fmt.Sprintf(
				"server busy: the request bodies being read or waiting fill the memory budget; retry after %s s", retryAfter))
			return
		}
		if err != nil {
			herr := decodeError(err, l.maxBody)
			fail(w, herr.code, herr.msg)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
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
		// The time spent waiting does not count against the answer: its
		// deadline starts now.
		if l.write > 0 {
			_ = rc.SetWriteDeadline(time.Now().Add(l.write))
		}
		next.ServeHTTP(w, r)
	})
}

// inUse returns the requests being handled and the requests waiting.
func (l *limiter) inUse() (working, waiting int) {
	working = len(l.slots)
	return working, max(int(l.pending.Load())-working, 0)
}
