package server

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// blockedRequest starts a classify request on h whose body does not arrive
// until the returned function is called; it returns the request's status.
func blockedRequest(t *testing.T, h http.Handler) (finish func() int) {
	t.Helper()
	pr, pw := io.Pipe()
	req := httptest.NewRequest(http.MethodPost, "/v1/classify", pr)
	rec := httptest.NewRecorder()
	done := make(chan struct{})
	go func() {
		defer close(done)
		h.ServeHTTP(rec, req)
	}()
	return func() int {
		_, _ = io.WriteString(pw, `{"text":"babi"}`)
		pw.Close()
		<-done
		return rec.Code
	}
}

func TestConcurrencyLimit(t *testing.T) {
	h := New(newLive(t), WithMaxConcurrent(1), WithMaxQueue(1))
	first := blockedRequest(t, h)
	require.Eventually(t, func() bool { w, _ := h.limit.inUse(); return w == 1 }, 5*time.Second, time.Millisecond)
	second := blockedRequest(t, h)
	require.Eventually(t, func() bool { _, q := h.limit.inUse(); return q == 1 }, 5*time.Second, time.Millisecond)

	// Full: one handled, one waiting.
	code, hdr, body := do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"babi"}`)
	requireJSONError(t, code, hdr, body, http.StatusServiceUnavailable, "server busy")
	assert.Equal(t, "1", hdr.Get("Retry-After"))
	// Other routes are not limited.
	code, _, _ = do(t, h, http.MethodGet, "/healthz", "", "")
	assert.Equal(t, http.StatusOK, code)

	assert.Equal(t, http.StatusOK, first())
	assert.Equal(t, http.StatusOK, second(), "the queued request is served once a place is free")
	code, _, _ = do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"babi"}`)
	assert.Equal(t, http.StatusOK, code)
}

// TestSlowBody drips a body slower than the read timeout allows: the answer
// is a 408 that does not quote the connection's addresses.
func TestSlowBody(t *testing.T) {
	srv := httptest.NewUnstartedServer(New(newLive(t)))
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(conn, "POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
	require.NoError(t, err)
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

// TestQueueWaitIsNotReadTime queues a request behind a slow one for longer
// than the server's read timeout: its deadlines start when its turn comes,
// so it is answered, not timed out.
func TestQueueWaitIsNotReadTime(t *testing.T) {
	srv := httptest.NewUnstartedServer(New(newLive(t), WithMaxConcurrent(1), WithTimeouts(3*time.Second, 0)))
	srv.Config.ReadTimeout = 300 * time.Millisecond
	srv.Start()
	defer srv.Close()
	addr := srv.Listener.Addr().String()
	body := `{"text":"babi"}`
	request := "POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
		strconv.Itoa(len(body)) + "\r\n\r\n"

	// The slow one takes the only place and sends its body over a second.
	slow, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer slow.Close()
	_, err = io.WriteString(slow, request)
	require.NoError(t, err)
	h := srv.Config.Handler.(*Handler)
	require.Eventually(t, func() bool { w, _ := h.limit.inUse(); return w == 1 }, 5*time.Second, time.Millisecond)

	queued := make(chan int, 1)
	go func() {
		resp, err := http.Post("http://"+addr+"/v1/classify", "application/json", strings.NewReader(body))
		if err != nil {
			queued <- -1
			return
		}
		resp.Body.Close()
		queued <- resp.StatusCode
	}()
	for i := range body {
		time.Sleep(1000 * time.Millisecond / time.Duration(len(body)))
		_, err = io.WriteString(slow, body[i:i+1])
		require.NoError(t, err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(slow), nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "the slow body is within its deadline from its turn")
	assert.Equal(t, http.StatusOK, <-queued, "the queued request waited over the read timeout and is answered")
}
