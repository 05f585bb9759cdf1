package server

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring"
	"github.com/saring-id/saring/classify"
)

func TestMetrics(t *testing.T) {
	h := New(newLive(t))
	do(t, h, http.MethodPost, "/v1/classify", "", `{"texts":["dasar kafir lo","babi","halo"]}`)
	do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"babi"}`)
	do(t, h, http.MethodPost, "/v1/classify", "", `{"text":`)
	do(t, h, http.MethodPost, analyzePath, "", `{"comment":{"text":"babi"},"requestedAttributes":{"TOXICITY":{}}}`)
	do(t, h, http.MethodGet, "/nope", "", "")

	code, hdr, body := do(t, h, http.MethodGet, "/metrics", "", "")
	require.Equal(t, http.StatusOK, code)
	assert.Contains(t, hdr.Get("Content-Type"), "text/plain")
	m := string(body)
	for _, want := range []string{
		`saring_http_requests_total{code="200",route="POST /v1/classify"} 2`,
		`saring_http_requests_total{code="400",route="POST /v1/classify"} 1`,
		`saring_http_requests_total{code="200",route="POST /v1alpha1/comments:analyze"} 1`,
		`saring_http_requests_total{code="404",route="/"} 1`,
		`saring_http_request_duration_seconds_count{route="POST /v1/classify"} 3`,
		`saring_posts_classified_total 5`,
		`saring_flags_total{label="abusive"} 3`,
		`saring_flags_total{label="sara"} 1`,
		`saring_build_info{lexicons="` + h.versions().Lexicons + `",model="none",slang="` + h.versions().Slang + `",version="` + saring.Version + `"} 1`,
		`saring_lexicon_entries 5`,
		`saring_classify_in_progress 0`,
		`saring_classify_queued 0`,
		`go_goroutines`,
		`process_resident_memory_bytes`,
	} {
		assert.Contains(t, m, want)
	}
}

func TestAccessLog(t *testing.T) {
	for _, withText := range []bool{false, true} {
		var logs bytes.Buffer
		h := New(newLive(t), WithAccessLog(slog.New(slog.NewJSONHandler(&logs, nil)), withText))
		do(t, h, http.MethodPost, "/v1/classify", "", `{"texts":["rahasia satu","rahasia dua"]}`)
		do(t, h, http.MethodGet, "/?text=rahasia+tiga", "", "")
		lines := strings.Split(strings.TrimSpace(logs.String()), "\n")
		require.Len(t, lines, 2, "one line a request")
		var first map[string]any
		require.NoError(t, json.Unmarshal([]byte(lines[0]), &first))
		assert.Equal(t, "POST /v1/classify", first["route"])
		assert.Equal(t, float64(200), first["status"])
		assert.Equal(t, float64(2), first["texts"])
		assert.Contains(t, first, "ms")
		assert.Contains(t, first, "bytes")
		assert.NotContains(t, lines[1], "rahasia", "no query string in the log")
		if withText {
			assert.Equal(t, []any{"rahasia satu", "rahasia dua"}, first["text"])
		} else {
			assert.NotContains(t, logs.String(), "rahasia", "no post text unless asked")
		}
	}
}

// TestReload swaps the lexicons through the admin route, keeps them when a
// reload fails, and checks who may reload.
func TestReload(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "extra.txt")
	write := func(s string) {
		require.NoError(t, os.WriteFile(file, []byte("#! saring-lexicon 1\n"+s), 0o644))
	}
	write("@defaults label=abusive kind=insult weight=0.9 severity=strong\nkodok\n")
	opts := []classify.Option{classify.WithLexiconDir(dir)}
	live, err := classify.NewLive(opts...)
	require.NoError(t, err)
	var logs bytes.Buffer
	h := New(live, WithReload(opts...), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	flagged := func(text string) bool {
		_, _, out := do(t, h, http.MethodPost, "/v1/classify", "", `{"text":"`+text+`"}`)
		var r wireResult
		require.NoError(t, json.Unmarshal(out, &r))
		return slices.Contains(r.Flagged, "abusive")
	}
	reload := func(remote, token string) (int, []byte) {
		req := httptest.NewRequest(http.MethodPost, "/admin/reload", nil)
		req.RemoteAddr = remote
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Code, rec.Body.Bytes()
	}
	require.True(t, flagged("dasar kodok"))
	before := h.versions().Lexicons

	write("@defaults label=abusive kind=insult weight=0.9 severity=strong\nkecoa\n")
	code, body := reload("192.0.2.1:5000", "")
	assert.Equal(t, http.StatusForbidden, code, "only loopback without a token")
	assert.True(t, flagged("dasar kodok"), "nothing reloaded")

	code, body = reload("127.0.0.1:5000", "")
	require.Equal(t, http.StatusOK, code, "%s", body)
	assert.Contains(t, string(body), `"lexicons":"`+h.versions().Lexicons+`"`)
	assert.NotEqual(t, before, h.versions().Lexicons)
	assert.True(t, flagged("dasar kecoa"))
	assert.False(t, flagged("dasar kodok"))

	write("@defaults label=abusive kind=insult weight=2\nbelatung\n")
	code, body = reload("[::1]:5000", "")
	require.Equal(t, http.StatusInternalServerError, code)
	assert.Contains(t, string(body), "still serving the previous classifier")
	assert.Contains(t, string(body), "extra.txt:2", "the error names the file and line")
	assert.Contains(t, logs.String(), "reload failed")
	assert.True(t, flagged("dasar kecoa"), "a bad reload keeps the old lexicons")
	assert.False(t, flagged("dasar belatung"))
	_, _, m := do(t, h, http.MethodGet, "/metrics", "", "")
	assert.Contains(t, string(m), `saring_reloads_total{result="error"} 1`)
	assert.Contains(t, string(m), `saring_reloads_total{result="ok"} 1`)

	th := New(live, WithReload(opts...), WithAdminToken("s3cret"))
	for _, tc := range []struct {
		remote, auth string
		code         int
	}{
		{"127.0.0.1:1", "", http.StatusUnauthorized},
		{"127.0.0.1:1", "Bearer wrong", http.StatusUnauthorized},
		{"127.0.0.1:1", "Basic s3cret", http.StatusUnauthorized},
		{"192.0.2.1:1", "Bearer s3cret", http.StatusInternalServerError}, // allowed; the file is still bad
		{"192.0.2.1:1", "bearer s3cret", http.StatusInternalServerError}, // the scheme is case-insensitive
	} {
		req := httptest.NewRequest(http.MethodPost, "/admin/reload", nil)
		req.RemoteAddr = tc.remote
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		rec := httptest.NewRecorder()
		th.ServeHTTP(rec, req)
		assert.Equal(t, tc.code, rec.Code, "%+v: %s", tc, rec.Body)
	}

	code, _, _ = do(t, New(live), http.MethodPost, "/admin/reload", "", "")
	assert.Equal(t, http.StatusNotFound, code, "no admin route without WithReload")
	assert.Error(t, New(live).Reload())
}

// TestModelInForce checks that /healthz and saring_build_info name the
// model in force and follow a reload that swaps it.
func TestModelInForce(t *testing.T) {
	file := filepath.Join(t.TempDir(), "mine.model")
	write := func(weight string) {
		m := "#! saring-model 1\n@saring 0.7.0\n@features 1\n@corpus 2 mine.jsonl\n@defer no\n" +
			"@label abusive bias=-2 threshold=0.5 l2=1 weights=1 cv=1,1,1 nb=1,1,1\n" +
			"abusive\tw:zorblat\t" + weight + "\n@end\n"
		require.NoError(t, os.WriteFile(file, []byte(m), 0o644))
	}
	write("3")
	opts := []classify.Option{classify.WithModelFile(file)}
	live, err := classify.NewLive(opts...)
	require.NoError(t, err)
	h := New(live, WithReload(opts...))
	model := func() string {
		_, _, body := do(t, h, http.MethodGet, "/healthz", "", "")
		var v struct {
			Model string `json:"model"`
		}
		require.NoError(t, json.Unmarshal(body, &v))
		_, _, m := do(t, h, http.MethodGet, "/metrics", "", "")
		assert.Contains(t, string(m), `model="`+v.Model+`"`, "build_info names the same model")
		return v.Model
	}
	first := model()
	assert.Regexp(t, `^[0-9a-f]{12} mine\.jsonl/2$`, first)

	write("4")
	require.NoError(t, h.Reload())
	second := model()
	assert.Regexp(t, `^[0-9a-f]{12} mine\.jsonl/2$`, second)
	assert.NotEqual(t, first, second, "another model is in force")
}

// TestLexiconDigestCountsRules checks that the lexicons digest in /healthz
// follows a reload whose lexicon directory changes a rule only, no entry.
func TestLexiconDigestCountsRules(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.txt")
	write := func(body string) {
		require.NoError(t, os.WriteFile(file, []byte("#! saring-lexicon 1\n"+body), 0o644))
	}
	write("")
	opts := []classify.Option{classify.WithLexiconDir(dir)}
	live, err := classify.NewLive(opts...)
	require.NoError(t, err)
	h := New(live, WithReload(opts...))
	first := h.versions()

	write("@rule call+identity | off=yes\n")
	require.NoError(t, h.Reload())
	second := h.versions()
	assert.Equal(t, first.Entries, second.Entries, "no entry changed")
	assert.NotEqual(t, first.Lexicons, second.Lexicons, "a rule switched off is other lexicons")
}
