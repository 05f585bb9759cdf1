package server

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
)

// TestTextOfExactlyMaxText sends a text of exactly the text limit, in the
// costliest JSON escaping, and one byte more.
func TestTextOfExactlyMaxText(t *testing.T) {
	for _, limit := range []int{1, 1000, DefaultMaxTextBytes} {
		for _, unit := range []string{"a", "\x01", `"`} {
			h := New(newLive(t), WithMaxTextBytes(limit), WithMaxBodyBytes(1))
			body, err := json.Marshal(map[string]string{"text": strings.Repeat(unit, limit)})
			require.NoError(t, err)
			code, _, out := do(t, h, http.MethodPost, "/v1/classify", "", string(body))
			assert.Equal(t, http.StatusOK, code, "limit %d, unit %q: %.200s", limit, unit, out)

			body, err = json.Marshal(map[string]string{"text": strings.Repeat(unit, limit+1)})
			require.NoError(t, err)
			code, _, out = do(t, h, http.MethodPost, "/v1/classify", "", string(body))
			requireJSONError(t, code, http.Header{"Content-Type": {"application/json; charset=utf-8"}}, out,
				http.StatusRequestEntityTooLarge, fmt.Sprintf("over the limit of %d", limit))
		}
	}
}

// TestConcurrencyLimit fills the one place and the one queue place with
// requests whose handling blocks: the next is refused with 503, and the
// waiting one is served once the place is free.
func TestConcurrencyLimit(t *testing.T) {
	l := newLimiter(1, 1, DefaultMaxBodyBytes, 0, 0)
	release := make(chan struct{})
	h := l.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		<-release
		writeJSON(w, http.StatusOK, struct{}{})
	}), writeError)
	serve := func() chan int {
		done := make(chan int, 1)
		go func() {
			code, _, _ := do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"babi"}`)
			done <- code
		}()
		return done
	}
	first := serve()
	require.Eventually(t, func() bool { w, _ := l.inUse(); return w == 1 }, 5*time.Second, time.Millisecond)
	second := serve()
	require.Eventually(t, func() bool { _, q := l.inUse(); return q == 1 }, 5*time.Second, time.Millisecond)

	// Full: one handled, one waiting.
	code, hdr, body := do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"babi"}`)
	requireJSONError(t, code, hdr, body, http.StatusServiceUnavailable, "server busy")
	assert.Equal(t, "1", hdr.Get("Retry-After"))

	close(release)
	assert.Equal(t, http.StatusOK, <-first)
	assert.Equal(t, http.StatusOK, <-second, "the queued request is served once a place is free")
	code, _, _ = do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"babi"}`)
	assert.Equal(t, http.StatusOK, code)
}

// TestBodyBudget holds one request whose body fills most of the budget
// (one place, no queue, a 100-byte body limit): a second body that would
// take the bodies held over it is refused with 503 while it arrives, and
// accepted once the first is done.
func TestBodyBudget(t *testing.T) {
	l := newLimiter(1, 0, 100, 0, 0)
	release := make(chan struct{})
	var calls atomic.Int32
	h := l.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			<-release
		}
		writeJSON(w, http.StatusOK, struct{}{})
	}), writeError)
	first := make(chan int, 1)
	go func() {
		code, _, _ := do(t, h, http.MethodPost, "/v1/classify", "", strings.Repeat(" ", 80))
		first <- code
	}()
	require.Eventually(t, func() bool { w, _ := l.inUse(); return w == 1 }, 5*time.Second, time.Millisecond)
	code, hdr, body := do(t, h, http.MethodPost, "/v1/classify", "", strings.Repeat(" ", 30))
	requireJSONError(t, code, hdr, body, http.StatusServiceUnavailable, "memory budget")
	assert.Equal(t, "1", hdr.Get("Retry-After"))
	close(release)
	assert.Equal(t, http.StatusOK, <-first)
	code, _, _ = do(t, h, http.MethodPost, "/v1/classify", "", strings.Repeat(" ", 30))
	assert.Equal(t, http.StatusOK, code, "the budget is released with the first body")
	assert.Zero(t, l.held.Load())
}

// TestStalledBodiesHoldNoPlace opens more connections that send a
// request's headers and no body than there are places and queue places:
// the API still answers other clients at once, on both classification
// routes, and each stalled request is cut with 408 at the read timeout.
func TestStalledBodiesHoldNoPlace(t *testing.T) {
	const stalled = 5 // one place and one queue place
	h := New(newLive(t), WithMaxConcurrent(1), WithMaxQueue(1), WithTimeouts(2*time.Second, 0))
	var entered atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		entered.Add(1)
		h.ServeHTTP(w, r)
	}))
	defer srv.Close()
	var conns []net.Conn
	for range stalled {
		conns = append(conns, dialAndSend(t, srv.Listener.Addr().String(),
			"POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 25\r\n\r\n"))
	}
	require.Eventually(t, func() bool { return entered.Load() == stalled }, 5*time.Second, time.Millisecond)

	for _, route := range []struct{ path, body string }{
		{"/v1/classify", `{"text":"babi"}`},
		{analyzePath, `{"comment":{"text":"babi"},"requestedAttributes":{"TOXICITY":{}}}`},
	} {
		resp, err := http.Post(srv.URL+route.path, "application/json", strings.NewReader(route.body))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode, "%s while %d requests stall", route.path, stalled)
	}
	for _, conn := range conns {
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusRequestTimeout, resp.StatusCode, "a stalled body is cut at the read timeout")
	}
}

// dialAndSend opens a connection to addr, closed when the test ends, with
// a 10 s deadline, and writes s on it.
func dialAndSend(t *testing.T, addr, s string) net.Conn {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	t.Cleanup(func() { conn.Close() })
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(conn, s)
	require.NoError(t, err)
	return conn
}

// TestSlowBody drips a body slower than the read timeout allows: the answer
// is a 408 that does not quote the connection's addresses.
func TestSlowBody(t *testing.T) {
	srv := httptest.NewUnstartedServer(New(newLive(t)))
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	conn := dialAndSend(t, srv.Listener.Addr().String(),
		"POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	requireJSONError(t, resp.StatusCode, resp.Header, body, http.StatusRequestTimeout, "read timeout")
	assert.NotContains(t, string(body), "127.0.0.1")
	assert.NotContains(t, string(body), "tcp")
}

func TestRequestOptions(t *testing.T) {
	h := New(newLive(t))
	post := func(body string) wireResultFull {
		t.Helper()
		code, _, out := do(t, h, http.MethodPost, "/v1/classify", "", body)
		require.Equal(t, http.StatusOK, code, "%s", out)
		var r wireResultFull
		require.NoError(t, json.Unmarshal(out, &r))
		return r
	}
	text := `dasar kafir lo, babi`
	all := post(`{"text":"` + text + `"}`)
	require.ElementsMatch(t, []string{"sara", "hate_speech", "abusive"}, all.Flagged, "precondition")

	r := post(`{"text":"` + text + `","options":{"labels":["abusive"]}}`)
	assert.Equal(t, []string{"abusive"}, r.Flagged)
	require.Len(t, r.Labels, 1)
	assert.Equal(t, "abusive", r.Labels[0].Label)
	assert.NotEmpty(t, r.Labels[0].Evidence)
	assert.Nil(t, r.Masked)

	r = post(`{"text":"` + text + `","options":{"thresholds":{"abusive":1}}}`)
	assert.ElementsMatch(t, []string{"sara", "hate_speech"}, r.Flagged, "abusive is under a threshold of 1")
	for _, l := range r.Labels {
		if l.Label == "abusive" {
			assert.False(t, l.Flagged)
			assert.Empty(t, l.Severity)
		}
	}

	r = post(`{"text":"babi","options":{"thresholds":{"abusive":0.05}}}`)
	require.Len(t, r.Labels, 1)
	assert.True(t, r.Labels[0].Flagged)
	assert.Equal(t, "moderate", r.Labels[0].Severity)

	r = post(`{"text":"` + text + `","options":{"evidence":false,"mask":true}}`)
	for _, l := range r.Labels {
		assert.NotNil(t, l.Evidence, "evidence stays a list")
		assert.Empty(t, l.Evidence)
	}
	require.NotNil(t, r.Masked)
	assert.Equal(t, "dasar ***** lo, ****", *r.Masked)

	code, _, out := do(t, h, http.MethodPost, "/v1/classify", "",
		`{"items":[{"id":1,"text":"babi"},{"id":2,"text":"halo"}],"options":{"mask":true,"labels":["sara"]}}`)
	require.Equal(t, http.StatusOK, code)
	var batch struct {
		Results []wireResultFull `json:"results"`
	}
	require.NoError(t, json.Unmarshal(out, &batch))
	require.Len(t, batch.Results, 2)
	assert.Equal(t, "babi", *batch.Results[0].Masked, "only the labels kept are masked")
	assert.Equal(t, "halo", *batch.Results[1].Masked)
}

// TestMaskRuleOnlyLabel asks for the mask of a label whose only evidence
// is a rule, with the shipped lexicons: the rule's term is masked.
func TestMaskRuleOnlyLabel(t *testing.T) {
	live, err := classify.NewLive()
	require.NoError(t, err)
	code, _, out := do(t, New(live), http.MethodPost, "/v1/classify", "",
		`{"text":"bangsat lu","options":{"labels":["hate_speech"],"mask":true}}`)
	require.Equal(t, http.StatusOK, code, "%s", out)
	var r wireResultFull
	require.NoError(t, json.Unmarshal(out, &r))
	require.Equal(t, []string{"hate_speech"}, r.Flagged)
	require.NotNil(t, r.Masked)
	assert.Equal(t, "******* lu", *r.Masked)
}

// wireResultFull is a result with the fields the options change.
type wireResultFull struct {
	Flagged []string `json:"flagged"`
	Labels  []struct {
		Label    string            `json:"label"`
		Flagged  bool              `json:"flagged"`
		Severity string            `json:"severity"`
		Evidence []json.RawMessage `json:"evidence"`
	} `json:"labels"`
	Masked *string `json:"masked"`
}

// TestQueueWaitIsNotWriteTime queues requests behind slow ones for longer
// than the server's write timeout: their write deadline starts when their
// turn comes, so they are answered, not cut.
func TestQueueWaitIsNotWriteTime(t *testing.T) {
	l := newLimiter(1, 2, DefaultMaxBodyBytes, 0, 3*time.Second)
	srv := httptest.NewUnstartedServer(l.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(200 * time.Millisecond)
		writeJSON(w, http.StatusOK, struct{}{})
	}), writeError))
	srv.Config.WriteTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	codes := make(chan int, 3)
	for range 3 {
		go func() {
			resp, err := http.Post(srv.URL, "application/json", strings.NewReader(`{"text":"babi"}`))
			if err != nil {
				codes <- -1 // the connection was cut
				return
			}
			resp.Body.Close()
			codes <- resp.StatusCode
		}()
	}
	for range 3 {
		assert.Equal(t, http.StatusOK, <-codes, "the last waits 400 ms, over the write timeout, and is answered")
	}
}
