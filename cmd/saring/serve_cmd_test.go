package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring"
)

// serveLog is an io.Writer safe for the server's goroutines and the test.
type serveLog struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *serveLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *serveLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// startServe runs serve with args until the returned stop is called, and
// returns the base URL. stop returns serve's exit code.
func startServe(t *testing.T, args []string, stderr io.Writer) (base string, stop func() int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, args, stderr, nil, func(addr string) { addrc <- addr })
	}()
	select {
	case addr := <-addrc:
		return "http://" + addr, func() int {
			cancel()
			select {
			case code := <-done:
				return code
			case <-time.After(20 * time.Second):
				t.Fatal("serve did not shut down")
				return -1
			}
		}
	case code := <-done:
		cancel()
		t.Fatalf("serve exited with %d before listening; stderr:\n%v", code, stderr)
	case <-time.After(20 * time.Second):
		cancel()
		t.Fatal("serve did not start listening")
	}
	return "", nil
}

func TestServe(t *testing.T) {
	var stderr serveLog
	base, stop := startServe(t, []string{"--addr", "127.0.0.1:0", "--max-batch", "2", "--threshold", "abusive=0.9"}, &stderr)
	require.True(t, strings.HasPrefix(base, "http://127.0.0.1:"), base)
	assert.Contains(t, stderr.String(), "saring serve: listening on "+base)

	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(base + "/healthz")
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(body), `"status":"ok"`)
	assert.Contains(t, string(body), `"version":"`+saring.Version+`"`)

	resp, err = client.Post(base+"/v1/classify", "application/json", strings.NewReader(`{"id":"a","text":"anjing"}`))
	require.NoError(t, err)
	var out struct {
		ID      string   `json:"id"`
		Flagged []string `json:"flagged"`
		Labels  []struct {
			Label string  `json:"label"`
			Score float64 `json:"score"`
		} `json:"labels"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "a", out.ID)
	assert.NotContains(t, out.Flagged, "abusive", "the --threshold flag reaches the classifier")

	// --max-batch reaches the handler.
	resp, err = client.Post(base+"/v1/classify", "application/json", strings.NewReader(`{"texts":["a","b","c"]}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)

	resp, err = client.Get(base + "/")
	require.NoError(t, err)
	page, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Contains(t, string(page), `id="results"`)

	assert.Equal(t, 0, stop())
	assert.Contains(t, stderr.String(), "shutting down")
	_, err = client.Get(base + "/healthz")
	assert.Error(t, err, "the server is closed")
}

// TestServeGraceful checks that a request in flight when shutdown begins is
// still answered.
func TestServeGraceful(t *testing.T) {
	var stderr serveLog
	base, stop := startServe(t, []string{"--addr", "127.0.0.1:0"}, &stderr)

	// Send the headers and half of the body, so the request is in flight.
	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(20*time.Second)))
	body := `{"text":"selamat pagi"}`
	_, err = io.WriteString(conn, "POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"+
		"Connection: close\r\nContent-Length: "+itoa(len(body))+"\r\n\r\n"+body[:5])
	require.NoError(t, err)
	time.Sleep(100 * time.Millisecond) // let the server start reading the request

	codes := make(chan int, 1)
	go func() { codes <- stop() }()
	time.Sleep(100 * time.Millisecond) // let Shutdown begin
	_, err = io.WriteString(conn, body[5:])
	require.NoError(t, err)
	reply, err := io.ReadAll(conn)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(reply), "HTTP/1.1 200 OK"), "reply: %s", reply)
	assert.Contains(t, string(reply), `"flagged":[]`)
	assert.Equal(t, 0, <-codes)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestServeErrors(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()

	tests := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"unknown flag", []string{"--port", "80"}, 2, "flag provided but not defined"},
		{"extra argument", []string{"now"}, 2, "unexpected arguments"},
		{"bad threshold", []string{"--threshold", "abusive=x"}, 2, "threshold"},
		{"out of range threshold", []string{"--addr", "127.0.0.1:0", "--threshold", "abusive=2"}, 1, "outside"},
		{"missing lexicon dir", []string{"--addr", "127.0.0.1:0", "--lexicons", t.TempDir() + "/nope"}, 1, "lexicon"},
		{"bad address", []string{"--addr", "127.0.0.1:99999"}, 1, "saring serve:"},
		{"address in use", []string{"--addr", busy.Addr().String()}, 1, "address already in use"},
		{"bad grace", []string{"--grace", "soon"}, 2, "invalid value"},
		{"bad timeout", []string{"--read-timeout", "5"}, 2, "invalid value"},
		{"help", []string{"-h"}, 0, "usage: saring serve"}, // -h is not an error, as in every command
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr serveLog
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code := serve(ctx, tt.args, &stderr, nil, func(string) { t.Error("serve should not start") })
			assert.Equal(t, tt.code, code)
			assert.Contains(t, stderr.String(), tt.msg)
		})
	}
}

// TestServeTimeoutFlags checks that --read-timeout and --max-text reach the
// server: a dripped body gets 408, a text of exactly --max-text is taken.
func TestServeTimeoutFlags(t *testing.T) {
	var stderr serveLog
	base, stop := startServe(t, []string{"--addr", "127.0.0.1:0", "--read-timeout", "300ms", "--max-text", "10"}, &stderr)
	defer func() { assert.Equal(t, 0, stop()) }()

	client := &http.Client{Timeout: 10 * time.Second}
	for text, want := range map[string]int{"0123456789": http.StatusOK, "0123456789a": http.StatusRequestEntityTooLarge} {
		resp, err := client.Post(base+"/v1/classify", "application/json", strings.NewReader(`{"text":"`+text+`"}`))
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, want, resp.StatusCode, "text %q", text)
	}

	conn, err := net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), 5*time.Second)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(10*time.Second)))
	_, err = io.WriteString(conn, "POST /v1/classify HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{")
	require.NoError(t, err)
	reply, err := io.ReadAll(conn)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(reply), "HTTP/1.1 408 "), "reply: %s", reply)
}

// TestServeReloadSlang checks that POST /admin/reload reads the --slang
// file again, as it does the lexicons: an edited pair is put in force, and
// /healthz shows another slang digest; a broken file is refused with its
// file:line while the old classifier keeps serving.
func TestServeReloadSlang(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slang.txt")
	write := func(s string) { require.NoError(t, os.WriteFile(path, []byte(s), 0o600)) }
	write("bangsatz bangsat\n")
	var stderr serveLog
	base, stop := startServe(t, []string{"--addr", "127.0.0.1:0", "--no-fuzzy", "--slang", path}, &stderr)
	defer stop()

	client := &http.Client{Timeout: 10 * time.Second}
	abusive := func(text string) bool { return flaggedAbusive(t, client, base, text) }
	reload := func() (int, string) {
		resp, err := client.Post(base+"/admin/reload", "application/json", nil)
		require.NoError(t, err)
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return resp.StatusCode, string(body)
	}
	health := func() (lexicons, slang string) {
		resp, err := client.Get(base + "/healthz")
		require.NoError(t, err)
		defer resp.Body.Close()
		var v struct{ Lexicons, Slang string }
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&v))
		return v.Lexicons, v.Slang
	}
	require.True(t, abusive("bangsatz"))
	require.False(t, abusive("bangsatq"))
	lexicons, slang := health()

	write("bangsatq bangsat\n")
	code, body := reload()
	require.Equal(t, http.StatusOK, code, body)
	assert.True(t, abusive("bangsatq"), "the edited slang file is in force")
	assert.False(t, abusive("bangsatz"))
	edited, editedSlang := health()
	assert.Equal(t, lexicons, edited, "the lexicons did not change")
	assert.NotEqual(t, slang, editedSlang, "/healthz shows that other slang is in force")
	assert.Regexp(t, `^[0-9a-f]{12}$`, editedSlang)

	write("bangsatx\n")
	code, body = reload()
	assert.Equal(t, http.StatusInternalServerError, code)
	assert.Contains(t, body, "slang.txt:1: want 2 fields")
	assert.Contains(t, stderr.String(), "reload failed")
	assert.True(t, abusive("bangsatq"), "the old classifier keeps serving")
	_, kept := health()
	assert.Equal(t, editedSlang, kept, "a refused reload keeps the slang in force")
}

// TestInvalidUTF8Offsets pins the offsets of text that is not valid UTF-8
// on every surface. Plain-text input is classified as its bytes, so byte
// offsets index the line as read. JSON cannot carry invalid UTF-8: reading
// a string, encoding/json (and so --jsonl and the API alike) turns each
// invalid byte, and a lone surrogate escape, into U+FFFD, so byte offsets
// index that decoded text. Code-point and UTF-16 offsets count each such
// byte or surrogate as one, so they are the same everywhere.
func TestInvalidUTF8Offsets(t *testing.T) {
	type span struct {
		Term           string `json:"term"`
		Text           string `json:"text"`
		Start          int    `json:"start"`
		End            int    `json:"end"`
		StartCodePoint int    `json:"start_codepoint"`
		StartUTF16     int    `json:"start_utf16"`
	}
	bangsat := func(line string) span {
		t.Helper()
		var out struct {
			Labels []struct {
				Label    string `json:"label"`
				Evidence []span `json:"evidence"`
			} `json:"labels"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &out), line)
		for _, l := range out.Labels {
			for _, ev := range l.Evidence {
				if l.Label == "abusive" && ev.Term == "bangsat" {
					return ev
				}
			}
		}
		t.Fatalf("no abusive evidence for bangsat in %s", line)
		return span{}
	}
	var stderr serveLog
	base, stop := startServe(t, []string{"--addr", "127.0.0.1:0", "--access-log=false"}, &stderr)
	defer stop()
	post := func(body string) string {
		t.Helper()
		resp, err := (&http.Client{Timeout: 10 * time.Second}).Post(base+"/v1/classify", "application/json", strings.NewReader(body))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
		return strings.TrimSuffix(string(b), "\n")
	}

	const text = "bad \xff\xfe utf8 bangsat lu"
	_, plain, stderrText, code := runClassifyLines(t, nil, strings.NewReader(text+"\n"))
	require.Equal(t, 0, code, stderrText)
	p := bangsat(plain[0])
	assert.Equal(t, "bangsat", text[p.Start:p.End], "plain text: bytes of the line as read")
	assert.Equal(t, 12, p.StartCodePoint)
	assert.Equal(t, 12, p.StartUTF16)

	body := `{"text":"` + text + `"}`
	_, jsonl, stderrText, code := runClassifyLines(t, []string{"--jsonl"}, strings.NewReader(body+"\n"))
	require.Equal(t, 0, code, stderrText)
	api := post(body)
	assert.Equal(t, jsonl[0], api, "--jsonl and the API answer alike")
	var decoded string
	require.NoError(t, json.Unmarshal([]byte(body[len(`{"text":`):len(body)-1]), &decoded))
	require.Equal(t, "bad \uFFFD\uFFFD utf8 bangsat lu", decoded)
	j := bangsat(api)
	assert.Equal(t, "bangsat", decoded[j.Start:j.End], "JSON: bytes of the decoded text")
	assert.Equal(t, p.StartCodePoint, j.StartCodePoint, "code points agree across surfaces")
	assert.Equal(t, p.StartUTF16, j.StartUTF16, "UTF-16 units agree across surfaces")

	// A lone surrogate escape is valid JSON; it counts as one code point
	// and one UTF-16 unit, as in the sender's own string.
	s := bangsat(post(`{"text":"bad \ud800 utf8 bangsat lu"}`))
	assert.Equal(t, len("bad \uFFFD utf8 "), s.Start)
	assert.Equal(t, 11, s.StartCodePoint)
	assert.Equal(t, 11, s.StartUTF16)
}

// flaggedAbusive posts text to the server at base and reports whether the
// answer flags it abusive.
func flaggedAbusive(t *testing.T, client *http.Client, base, text string) bool {
	t.Helper()
	resp, err := client.Post(base+"/v1/classify", "application/json", strings.NewReader(`{"text":"`+text+`"}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	var out struct {
		Flagged []string `json:"flagged"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&out))
	return slices.Contains(out.Flagged, "abusive")
}
