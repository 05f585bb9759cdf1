package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring"
	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// testLexicon is a small lexicon of the tests' own, so the server tests do
// not move when the default lexicons are tuned.
const testLexicon = `#! saring-lexicon 1
@defaults label=abusive kind=profanity weight=0.7 severity=moderate
babi
anjing
@defaults label=sara kind=slur weight=0.85 severity=strong target=agama
kafir
@defaults list=person
lo
dasar
`

// testOptions builds a classifier on the test lexicon.
func testOptions() ([]classify.Option, error) {
	set, err := lexicon.Load(fstest.MapFS{"test.txt": {Data: []byte(testLexicon)}}, ".")
	if err != nil {
		return nil, fmt.Errorf("test lexicon: %w", err)
	}
	return []classify.Option{classify.WithLexicons(set)}, nil
}

// testLive is built once for the package's tests; no test reloads it.
var testLive = sync.OnceValues(func() (*classify.Live, error) {
	opts, err := testOptions()
	if err != nil {
		return nil, err
	}
	return classify.NewLive(opts...)
})

// newLive returns the shared test Live.
func newLive(t testing.TB) *classify.Live {
	t.Helper()
	l, err := testLive()
	require.NoError(t, err)
	return l
}

// newClassifier returns the classifier the shared test Live holds.
func newClassifier(t testing.TB) *classify.Classifier {
	return newLive(t).Classifier()
}

// wireResult is a result as a client decodes it.
type wireResult struct {
	ID      json.RawMessage `json:"id"`
	Flagged []string        `json:"flagged"`
	Labels  []struct {
		Label    string `json:"label"`
		Flagged  bool   `json:"flagged"`
		Evidence []struct {
			Text  string `json:"text"`
			Start int    `json:"start"`
			End   int    `json:"end"`
		} `json:"evidence"`
	} `json:"labels"`
}

// do serves one request on h and returns the status, headers and body.
func do(t testing.TB, h http.Handler, method, path, contentType, body string) (int, http.Header, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Code, rec.Header(), rec.Body.Bytes()
}

// requireJSONError checks an error answer's status and shape.
func requireJSONError(t *testing.T, code int, hdr http.Header, body []byte, wantCode int, wantMsg string) {
	t.Helper()
	require.Equal(t, wantCode, code, "body: %s", body)
	assert.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
	var e struct {
		Error string `json:"error"`
	}
	require.NoError(t, json.Unmarshal(body, &e), "body: %s", body)
	assert.Contains(t, e.Error, wantMsg)
}

func TestHealthz(t *testing.T) {
	h := New(newLive(t))
	code, hdr, body := do(t, h, http.MethodGet, "/healthz", "", "")
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
	assert.Equal(t, "nosniff", hdr.Get("X-Content-Type-Options"))
	var v struct {
		Status   string `json:"status"`
		Version  string `json:"version"`
		Lexicons string `json:"lexicons"`
		Entries  int    `json:"lexicon_entries"`
		Slang    string `json:"slang"`
		Model    string `json:"model"`
	}
	require.NoError(t, json.Unmarshal(body, &v))
	assert.Equal(t, "ok", v.Status)
	assert.Equal(t, saring.Version, v.Version)
	assert.Regexp(t, `^[0-9a-f]{12}$`, v.Lexicons)
	assert.Equal(t, 5, v.Entries, "the test lexicon's entries")
	assert.Regexp(t, `^[0-9a-f]{12}$`, v.Slang)
	assert.Equal(t, "none", v.Model)

	code, _, _ = do(t, h, http.MethodHead, "/healthz", "", "")
	assert.Equal(t, http.StatusOK, code)
}

func TestPage(t *testing.T) {
	h := New(newLive(t))
	code, hdr, body := do(t, h, http.MethodGet, "/", "", "")
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, "text/html; charset=utf-8", hdr.Get("Content-Type"))
	assert.Contains(t, hdr.Get("Content-Security-Policy"), "default-src 'none'")
	page := string(body)
	for _, id := range []string{`id="posts"`, `id="classify"`, `id="file"`, `id="filter"`, `id="results"`, `id="explain"`, `id="lang-en"`} {
		assert.Contains(t, page, id)
	}
	// No external resources: no linked scripts, styles, fonts or images.
	for _, bad := range []string{"<script src", "<link", "@import", "url(", "http://", "https://", "<img"} {
		assert.NotContains(t, page, bad)
	}
	// The page indexes the text by the UTF-16 offsets, as JavaScript does.
	assert.Contains(t, page, "start_utf16")
}

func TestNotFoundAndMethods(t *testing.T) {
	h := New(newLive(t))
	tests := []struct {
		method, path string
		code         int
		allow        string
	}{
		{http.MethodGet, "/v1/classify", http.StatusMethodNotAllowed, "POST"},
		{http.MethodPut, "/v1/classify", http.StatusMethodNotAllowed, "POST"},
		{http.MethodDelete, "/healthz", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodPost, "/healthz", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodPost, "/", http.StatusMethodNotAllowed, "GET, HEAD"},
		{http.MethodGet, "/nope", http.StatusNotFound, ""},
		{http.MethodPost, "/v1/classify/extra", http.StatusNotFound, ""},
		{http.MethodGet, "/index.html", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			code, hdr, body := do(t, h, tt.method, tt.path, "", "")
			requireJSONError(t, code, hdr, body, tt.code, "")
			assert.Equal(t, tt.allow, hdr.Get("Allow"))
		})
	}
}

func TestClassifyOne(t *testing.T) {
	h := New(newLive(t))
	tests := []struct {
		name, body, wantID string
		wantFlagged        []string
	}{
		{"number id", `{"text":"dasar k4f1r lo","id":7}`, `7`, []string{"hate_speech", "sara"}},
		{"string id", `{"id":"p-1","text":"anjiiing"}`, `"p-1"`, []string{"abusive"}},
		{"object id", `{"id":{"a":[1,2]},"text":"selamat pagi"}`, `{"a":[1,2]}`, []string{}},
		{"no id", `{"text":"selamat pagi"}`, ``, []string{}},
		{"empty text", `{"text":""}`, ``, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, hdr, body := do(t, h, http.MethodPost, "/v1/classify", "application/json", tt.body)
			require.Equal(t, http.StatusOK, code, "body: %s", body)
			assert.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
			var raw map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(body, &raw))
			if tt.wantID == "" {
				assert.NotContains(t, raw, "id")
			} else {
				assert.JSONEq(t, tt.wantID, string(raw["id"]))
			}
			var got wireResult
			require.NoError(t, json.Unmarshal(body, &got))
			assert.ElementsMatch(t, tt.wantFlagged, got.Flagged)
			assert.NotNil(t, got.Labels, "labels is always an array")
		})
	}
}

// TestClassifyMatchesLibrary checks that the API answer is the library's
// Result, byte offsets included, for text with emoji and styled letters.
func TestClassifyMatchesLibrary(t *testing.T) {
	c := newClassifier(t)
	h := New(newLive(t))
	for _, text := range []string{"🔥🔥 dasar k4f1r 🔥", "𝐛𝐚𝐛𝐢 lo", "ｂａｂｉ", "dasar\u200bkafir", "bad \xff utf8 babi"} {
		t.Run(text, func(t *testing.T) {
			body, err := json.Marshal(map[string]string{"text": text})
			require.NoError(t, err)
			code, _, got := do(t, h, http.MethodPost, "/v1/classify", "application/json", string(body))
			require.Equal(t, http.StatusOK, code)
			// encoding/json decodes invalid UTF-8 as U+FFFD, as any client sees it.
			sent := strings.ToValidUTF8(text, "\uFFFD")
			want, err := json.Marshal(Output{Result: c.Classify(sent)})
			require.NoError(t, err)
			assert.JSONEq(t, string(want), string(got))
			var res wireResult
			require.NoError(t, json.Unmarshal(got, &res))
			for _, l := range res.Labels {
				for _, ev := range l.Evidence {
					require.True(t, 0 <= ev.Start && ev.Start < ev.End && ev.End <= len(sent))
					assert.Equal(t, sent[ev.Start:ev.End], ev.Text)
				}
			}
		})
	}
}

func TestClassifyErrors(t *testing.T) {
	tests := []struct {
		name, contentType, body string
		opts                    []Option
		code                    int
		msg                     string
	}{
		{"bad JSON", "application/json", `{"text":`, nil, 400, "invalid JSON"},
		{"syntax error", "", `{"text" "x"}`, nil, 400, "invalid JSON"},
		{"empty body", "application/json", ``, nil, 400, "empty request body"},
		{"not an object", "application/json", `["a","b"]`, nil, 400, "want a JSON object"},
		{"missing text", "application/json", `{"id":1}`, nil, 400, `"text", "texts" or "items"`},
		{"null text", "application/json", `{"text":null}`, nil, 400, `"text", "texts" or "items"`},
		{"text and texts", "application/json", `{"text":"a","texts":["b"]}`, nil, 400, "only one of"},
		{"text not a string", "application/json", `{"text":5}`, nil, 400, `"text"`},
		{"texts not strings", "application/json", `{"texts":["a",2]}`, nil, 400, `"texts"`},
		{"item without text", "application/json", `{"items":[{"id":1,"text":"a"},{"id":2}]}`, nil, 400, `items[1]: "text" is missing or null`},
		{"item with null text", "application/json", `{"items":[{"id":1,"text":null}]}`, nil, 400, `items[0]: "text" is missing or null`},
		{"null in texts", "application/json", `{"texts":["a",null]}`, nil, 400, `texts[1] is null`},
		{"unknown field", "application/json", `{"text":"a","lang":"id"}`, nil, 400, `unknown field "lang"`},
		{"unknown item field", "application/json", `{"items":[{"txt":"a"}]}`, nil, 400, `unknown field "txt"`},
		{"unknown option", "application/json", `{"text":"a","options":{"evidnce":false}}`, nil, 400, `unknown field "evidnce"`},
		{"key in another case", "application/json", `{"Text":"kafir"}`, nil, 400, `unknown field "Text" (keys are case-sensitive)`},
		{"item key in another case", "application/json", `{"items":[{"id":1,"text":"a"},{"ID":2,"text":"b"}]}`, nil, 400, `unknown field "ID"`},
		{"option key in another case", "application/json", `{"text":"a","options":{"Mask":true}}`, nil, 400, `unknown field "Mask"`},
		{"text twice", "application/json", `{"text":"bangsat","text":"halo"}`, nil, 400, `invalid request: "text" appears twice`},
		{"text twice, once escaped", "", `{"text":"bangsat","te\u0078t":"halo"}`, nil, 400, `"text" appears twice`},
		{"item text twice", "application/json", `{"items":[{"text":"a"},{"id":2,"text":"bangsat","text":"halo"}]}`, nil, 400, `"text" appears twice in items[1]`},
		{"threshold twice", "application/json", `{"text":"a","options":{"thresholds":{"abusive":0.1,"abusive":0.9}}}`, nil, 400, `"abusive" appears twice in options.thresholds`},
		{"option of the wrong type", "application/json", `{"text":"a","options":{"evidence":"no"}}`, nil, 400, `"options.evidence"`},
		{"labels not a list", "application/json", `{"text":"a","options":{"labels":"abusive"}}`, nil, 400, `"options.labels"`},
		{"unknown label", "application/json", `{"text":"a","options":{"labels":["abusive","rude"]}}`, nil, 400, `options.labels[1]: unknown label "rude"`},
		{"threshold of an unknown label", "application/json", `{"text":"a","options":{"thresholds":{"rude":0.5}}}`, nil, 400, `unknown label "rude"`},
		{"threshold out of range", "application/json", `{"text":"a","options":{"thresholds":{"abusive":1.5}}}`, nil, 400, `options.thresholds.abusive: 1.5 is outside (0,1]`},
		{"threshold null", "application/json", `{"text":"a","options":{"thresholds":{"abusive":null}}}`, nil, 400, `options.thresholds.abusive: 0 is outside`},
		{"options not an object", "application/json", `{"text":"a","options":[]}`, nil, 400, `"options"`},
		{"data after object", "application/json", `{"text":"a"} {"text":"b"}`, nil, 400, "data after"},
		{"garbage after object", "application/json", `{"text":"a"}]`, nil, 400, "invalid JSON"},
		{"text/plain", "text/plain", `{"text":"a"}`, nil, 415, "application/json"},
		{"form", "application/x-www-form-urlencoded", `text=a`, nil, 415, "application/json"},
		{"bad media type", "application/json; =", `{"text":"a"}`, nil, 415, "Content-Type"},
		{"latin-1", "application/json; charset=iso-8859-1", `{"text":"a"}`, nil, 415, "charset"},
		{"body too large", "application/json", `{"texts":["` + strings.Repeat("a", 40<<10) + `","` + strings.Repeat("a", 40<<10) + `"]}`,
			[]Option{WithMaxBodyBytes(64), WithMaxTextBytes(1)}, 413, "over the limit of 65542 bytes"},
		{"default body limit", "application/json", `{"text":"` + strings.Repeat("a", DefaultMaxBodyBytes) + `"}`,
			nil, 413, "request body"},
		{"text too large", "application/json", `{"text":"abcdef"}`, []Option{WithMaxTextBytes(5)}, 413, "6 bytes"},
		{"batch text too large", "application/json", `{"texts":["a","abcdef"]}`, []Option{WithMaxTextBytes(5)}, 413, "text 1"},
		{"batch too large", "application/json", `{"texts":["a","b","c"]}`, []Option{WithMaxBatch(2)}, 413, "batch of 3"},
		{"items too many", "application/json", `{"items":[{"text":"a"},{"text":"b"},{"text":"c"}]}`, []Option{WithMaxBatch(2)}, 413, "batch of 3"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, hdr, body := do(t, New(newLive(t), tt.opts...), http.MethodPost, "/v1/classify", tt.contentType, tt.body)
			requireJSONError(t, code, hdr, body, tt.code, tt.msg)
		})
	}
}

func TestAcceptedContentTypes(t *testing.T) {
	h := New(newLive(t))
	for _, ct := range []string{"", "application/json", "application/json; charset=utf-8", "Application/JSON; charset=UTF-8", "application/vnd.saring+json"} {
		code, _, body := do(t, h, http.MethodPost, "/v1/classify", ct, `{"text":"a"}`)
		assert.Equal(t, http.StatusOK, code, "Content-Type %q: %s", ct, body)
	}
}

func TestOptionsKeepDefaultsForNonPositive(t *testing.T) {
	h := New(newLive(t), WithMaxBatch(0), WithMaxBodyBytes(-1), WithMaxTextBytes(0), WithLogger(nil), nil)
	texts := make([]string, DefaultMaxBatch)
	for i := range texts {
		texts[i] = "a"
	}
	body, err := json.Marshal(map[string][]string{"texts": texts})
	require.NoError(t, err)
	code, _, _ := do(t, h, http.MethodPost, "/v1/classify", "", string(body))
	assert.Equal(t, http.StatusOK, code)

	body, err = json.Marshal(map[string][]string{"texts": append(texts, "a")})
	require.NoError(t, err)
	code, _, _ = do(t, h, http.MethodPost, "/v1/classify", "", string(body))
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)
}

// batchTexts returns n texts, every third one flagged by the test lexicon.
func batchTexts(n int) []string {
	texts := make([]string, n)
	for i := range texts {
		switch i % 3 {
		case 0:
			texts[i] = fmt.Sprintf("post %d: dasar k4f1r lo", i)
		case 1:
			texts[i] = fmt.Sprintf("post %d: selamat pagi semua", i)
		default:
			texts[i] = fmt.Sprintf("post %d: 𝐛𝐚𝐛𝐢 🐷 %s", i, strings.Repeat("x", i%17))
		}
	}
	return texts
}

func TestBatchOrder(t *testing.T) {
	c := newClassifier(t)
	h := New(newLive(t))
	texts := batchTexts(300)

	t.Run("texts", func(t *testing.T) {
		body, err := json.Marshal(map[string]any{"texts": texts})
		require.NoError(t, err)
		code, _, got := do(t, h, http.MethodPost, "/v1/classify", "application/json", string(body))
		require.Equal(t, http.StatusOK, code)
		want := struct {
			Results []Output `json:"results"`
		}{make([]Output, len(texts))}
		for i, text := range texts {
			want.Results[i] = Output{Result: c.Classify(text)}
		}
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)
		assert.JSONEq(t, string(wantJSON), string(got))
	})

	t.Run("items", func(t *testing.T) {
		type in struct {
			ID   any    `json:"id"`
			Text string `json:"text"`
		}
		items := make([]in, len(texts))
		for i, text := range texts {
			items[i] = in{ID: fmt.Sprintf("id-%03d", i), Text: text}
		}
		items[5].ID = 5 // ids may be any JSON value
		body, err := json.Marshal(map[string]any{"items": items})
		require.NoError(t, err)
		code, _, got := do(t, h, http.MethodPost, "/v1/classify", "application/json", string(body))
		require.Equal(t, http.StatusOK, code)
		var res struct {
			Results []wireResult `json:"results"`
		}
		require.NoError(t, json.Unmarshal(got, &res))
		require.Len(t, res.Results, len(items))
		for i, r := range res.Results {
			wantID, err := json.Marshal(items[i].ID)
			require.NoError(t, err)
			assert.JSONEq(t, string(wantID), string(r.ID))
			want := c.Classify(texts[i])
			assert.Len(t, r.Flagged, len(want.Flagged), "item %d", i)
		}
	})

	t.Run("empty", func(t *testing.T) {
		code, _, got := do(t, h, http.MethodPost, "/v1/classify", "application/json", `{"texts":[]}`)
		require.Equal(t, http.StatusOK, code)
		assert.JSONEq(t, `{"results":[]}`, string(got))
		code, _, got = do(t, h, http.MethodPost, "/v1/classify", "application/json", `{"items":[]}`)
		require.Equal(t, http.StatusOK, code)
		assert.JSONEq(t, `{"results":[]}`, string(got))
	})
}

func TestBatchCancelled(t *testing.T) {
	h := New(newLive(t))
	body, err := json.Marshal(map[string]any{"texts": batchTexts(DefaultMaxBatch)})
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/v1/classify", bytes.NewReader(body))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	requireJSONError(t, rec.Code, rec.Header(), rec.Body.Bytes(), http.StatusServiceUnavailable, "cancelled")
}

func TestNilClassifier(t *testing.T) {
	h := New(nil)
	code, hdr, body := do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"a"}`)
	requireJSONError(t, code, hdr, body, http.StatusInternalServerError, "no classifier")
	code, _, _ = do(t, h, http.MethodGet, "/healthz", "", "")
	assert.Equal(t, http.StatusOK, code)
}

func TestRecover(t *testing.T) {
	var logs bytes.Buffer
	h := New(nil, WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))

	t.Run("before writing", func(t *testing.T) {
		logs.Reset()
		rh := h.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html")
			panic("boom")
		}))
		code, hdr, body := do(t, rh, http.MethodGet, "/x", "", "")
		requireJSONError(t, code, hdr, body, http.StatusInternalServerError, "internal server error")
		assert.NotContains(t, string(body), "boom", "the panic value is not shown to clients")
		assert.Contains(t, logs.String(), "boom")
		assert.Contains(t, logs.String(), "path=/x")
	})

	t.Run("after writing", func(t *testing.T) {
		logs.Reset()
		rh := h.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			_, _ = io.WriteString(w, "partial")
			panic("late boom")
		}))
		assert.PanicsWithValue(t, http.ErrAbortHandler, func() {
			do(t, rh, http.MethodGet, "/y", "", "")
		})
		assert.Contains(t, logs.String(), "late boom")
	})

	t.Run("abort handler passes through", func(t *testing.T) {
		logs.Reset()
		rh := h.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			panic(http.ErrAbortHandler)
		}))
		assert.PanicsWithValue(t, http.ErrAbortHandler, func() {
			do(t, rh, http.MethodGet, "/z", "", "")
		})
		assert.Empty(t, logs.String())
	})

	t.Run("real server keeps serving", func(t *testing.T) {
		rh := h.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			panic("boom")
		}))
		srv := httptest.NewServer(rh)
		defer srv.Close()
		for range 3 {
			resp, err := srv.Client().Get(srv.URL)
			require.NoError(t, err)
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			assert.Equal(t, http.StatusInternalServerError, resp.StatusCode)
		}
	})
}

func TestConcurrentRequests(t *testing.T) {
	c := newClassifier(t)
	h := New(newLive(t))
	texts := batchTexts(64)
	want := make([]string, len(texts))
	for i, text := range texts {
		b, err := json.Marshal(Output{ID: json.RawMessage(fmt.Sprint(i)), Result: c.Classify(text)})
		require.NoError(t, err)
		want[i] = string(b)
	}
	var wg sync.WaitGroup
	for g := range 32 {
		wg.Go(func() {
			for k := range 20 {
				i := (g*7 + k) % len(texts)
				body, err := json.Marshal(map[string]any{"id": i, "text": texts[i]})
				if !assert.NoError(t, err) {
					return
				}
				code, _, got := do(t, h, http.MethodPost, "/v1/classify", "application/json", string(body))
				assert.Equal(t, http.StatusOK, code)
				assert.JSONEq(t, want[i], string(got))
			}
		})
	}
	wg.Wait()
}

// TestLoadLoopback sends 2,000 requests from 16 goroutines to a real server
// on 127.0.0.1 and requires every one to succeed, within a time bound.
func TestLoadLoopback(t *testing.T) {
	const (
		requests = 2000
		workers  = 16
		budget   = 60 * time.Second
	)
	srv := httptest.NewServer(New(newLive(t)))
	defer srv.Close()
	require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)

	client := &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        workers,
			MaxIdleConnsPerHost: workers,
			IdleConnTimeout:     30 * time.Second,
		},
	}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()

	texts := batchTexts(50)
	bodies := make([][]byte, len(texts)+1)
	for i, text := range texts {
		b, err := json.Marshal(map[string]any{"id": i, "text": text})
		require.NoError(t, err)
		bodies[i] = b
	}
	batch, err := json.Marshal(map[string]any{"texts": texts[:10]})
	require.NoError(t, err)
	bodies[len(texts)] = batch

	var next, ok atomic.Int64
	statuses := make(map[int]int)
	var mu sync.Mutex
	start := time.Now()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				n := next.Add(1) - 1
				if n >= requests || ctx.Err() != nil {
					return
				}
				var code int
				switch n % 10 {
				case 9:
					code = get(ctx, client, srv.URL+"/healthz")
				default:
					code = post(ctx, client, srv.URL+"/v1/classify", bodies[int(n)%len(bodies)])
				}
				if code == http.StatusOK {
					ok.Add(1)
				}
				mu.Lock()
				statuses[code]++
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	require.NoError(t, ctx.Err(), "load test ran over its %v budget", budget)
	assert.Equal(t, int64(requests), ok.Load(), "statuses: %v", statuses)
	t.Logf("%d requests over %d goroutines in %v (%.0f req/s)", requests, workers, elapsed.Round(time.Millisecond),
		float64(requests)/elapsed.Seconds())
}

// post returns the status of a POST, or -1 when the request failed.
func post(ctx context.Context, client *http.Client, url string, body []byte) int {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return -1
	}
	req.Header.Set("Content-Type", "application/json")
	return send(client, req)
}

// get returns the status of a GET, or -1 when the request failed.
func get(ctx context.Context, client *http.Client, url string) int {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return -1
	}
	return send(client, req)
}

func send(client *http.Client, req *http.Request) int {
	resp, err := client.Do(req)
	if err != nil {
		return -1
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return -2
	}
	return resp.StatusCode
}

// FuzzClassifyBody checks the API's invariants on any body: never a 500;
// always JSON; an error answer always carries "error"; an accepted request
// gets one result per text, with the ids in the order of the request; and
// every evidence span lies on UTF-8 boundaries of its text, quotes it, and
// gives the same place in code points and UTF-16 units.
func FuzzClassifyBody(f *testing.F) {
	for _, s := range []string{`{"text":"dasar k4f1r lo"}`, `{"texts":["a","b"]}`, `{"items":[{"id":1,"text":"x"}]}`,
		`{"text":`, `[]`, `null`, `{"text":"\ud83d"}`, "{\"text\":\"\xff\"}", `{"texts":null,"items":[]}`,
		`{"items":[{"id":"b","text":"𝐛𝐚𝐛𝐢 lo"},{"id":[1],"text":"🔥 dasar kafir"}],"options":{"mask":true}}`,
		`{"texts":["babi anjing","k a f i r"],"options":{"labels":["abusive"],"thresholds":{"abusive":0.1},"evidence":false}}`,
		`{"texts":[null,"a"]}`, `{"TEXT":"babi","id":{"a":1}}`} {
		f.Add(s)
	}
	h := New(newLive(f), WithMaxBatch(50), WithMaxTextBytes(1<<10))
	f.Fuzz(func(t *testing.T, body string) {
		code, hdr, out := do(t, h, http.MethodPost, "/v1/classify", "application/json", body)
		require.NotEqual(t, http.StatusInternalServerError, code, "body %q -> %s", body, out)
		require.Equal(t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
		require.True(t, json.Valid(out), "answer is not JSON: %s", out)
		if code != http.StatusOK {
			var e map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(out, &e), "body %q -> %s", body, out)
			var msg string
			require.NoError(t, json.Unmarshal(e["error"], &msg), "error answer without an error string: %s", out)
			require.NotEmpty(t, msg)
			return
		}
		// Accepted: read the request as a client would have meant it.
		var req struct {
			ID    json.RawMessage `json:"id"`
			Text  *string         `json:"text"`
			Texts []string        `json:"texts"`
			Items []struct {
				ID   json.RawMessage `json:"id"`
				Text string          `json:"text"`
			} `json:"items"`
		}
		require.NoError(t, json.Unmarshal([]byte(body), &req))
		if req.Text != nil {
			checkOutput(t, *req.Text, req.ID, out)
			return
		}
		var res struct {
			Results []json.RawMessage `json:"results"`
		}
		require.NoError(t, json.Unmarshal(out, &res))
		if req.Items != nil {
			require.Len(t, res.Results, len(req.Items))
			for i, it := range req.Items {
				checkOutput(t, it.Text, it.ID, res.Results[i])
			}
			return
		}
		require.Len(t, res.Results, len(req.Texts))
		for i, text := range req.Texts {
			checkOutput(t, text, nil, res.Results[i])
		}
	})
}

// checkOutput checks one text's answer: its id, and its evidence spans
// against the text.
func checkOutput(t *testing.T, text string, id json.RawMessage, out []byte) {
	t.Helper()
	var got struct {
		ID     json.RawMessage `json:"id"`
		Labels []struct {
			Evidence []classify.Evidence `json:"evidence"`
		} `json:"labels"`
	}
	require.NoError(t, json.Unmarshal(out, &got), "%s", out)
	if len(id) == 0 {
		require.Empty(t, got.ID, "no id was sent")
	} else {
		var want, have bytes.Buffer
		require.NoError(t, json.Compact(&want, id))
		require.NoError(t, json.Compact(&have, got.ID))
		require.Equal(t, want.String(), have.String(), "the id is echoed")
	}
	for _, l := range got.Labels {
		for _, ev := range l.Evidence {
			require.True(t, 0 <= ev.Start && ev.Start < ev.End && ev.End <= len(text), "span [%d,%d) of %q", ev.Start, ev.End, text)
			require.True(t, utf8.RuneStart(text[ev.Start]), "span start %d inside a character of %q", ev.Start, text)
			require.True(t, ev.End == len(text) || utf8.RuneStart(text[ev.End]), "span end %d inside a character of %q", ev.End, text)
			require.Equal(t, text[ev.Start:ev.End], ev.Text)
			require.Equal(t, utf8.RuneCountInString(text[:ev.Start]), ev.StartCodePoint)
			require.Equal(t, utf8.RuneCountInString(text[:ev.End]), ev.EndCodePoint)
			require.Equal(t, len(utf16.Encode([]rune(text[:ev.Start]))), ev.StartUTF16)
			require.Equal(t, len(utf16.Encode([]rune(text[:ev.End]))), ev.EndUTF16)
		}
	}
}
