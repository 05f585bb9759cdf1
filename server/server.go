package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strconv"

	"github.com/saring-id/saring/classify"
)

// Defaults of the request limits.
const (
	// DefaultMaxBodyBytes is the default limit on a request body: 1 MiB.
	DefaultMaxBodyBytes = 1 << 20
	// DefaultMaxBatch is the default limit on the number of texts in one request.
	DefaultMaxBatch = 1000
	// DefaultMaxTextBytes is the default limit on one text: 1 MiB.
	DefaultMaxTextBytes = 1 << 20
)

//go:embed static/index.html
var indexHTML []byte

// pageCSP keeps the highlight page to its own inline CSS and script and to
// requests back to this server.
const pageCSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; " +
	"connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Option configures [New].
type Option func(*config)

type config struct {
	maxBody  int64
	maxBatch int
	maxText  int
	log      *slog.Logger
}

// WithMaxBodyBytes limits the size of a request body to n bytes; larger
// bodies are answered with 413. n <= 0 keeps [DefaultMaxBodyBytes].
func WithMaxBodyBytes(n int64) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBody = n
		}
	}
}

// WithMaxBatch limits the number of texts in one request to n; larger
// batches are answered with 413. n <= 0 keeps [DefaultMaxBatch].
func WithMaxBatch(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxBatch = n
		}
	}
}

// WithMaxTextBytes limits each text to n bytes of UTF-8; a request with a
// longer text is answered with 413. n <= 0 keeps [DefaultMaxTextBytes].
func WithMaxTextBytes(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.maxText = n
		}
	}
}

// WithLogger sets the logger that recovered panics are reported to. The
// default is [slog.Default] at the time New is called; nil keeps it.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.log = l
		}
	}
}

// handler holds what the routes share. It is immutable after New.
type handler struct {
	c *classify.Classifier
	config
}

// New returns the HTTP handler of the API and the highlight page, classifying
// with c. The handler is safe for concurrent use; c should be built once and
// shared. A nil c makes every classify request fail with 500.
func New(c *classify.Classifier, opts ...Option) http.Handler {
	h := &handler{c: c, config: config{
		maxBody:  DefaultMaxBodyBytes,
		maxBatch: DefaultMaxBatch,
		maxText:  DefaultMaxTextBytes,
	}}
	for _, o := range opts {
		if o != nil {
			o(&h.config)
		}
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/classify", h.classify)
	mux.Handle("/v1/classify", methodNotAllowed("POST"))
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("/healthz", methodNotAllowed("GET, HEAD"))
	mux.HandleFunc("GET /{$}", page)
	mux.Handle("/{$}", methodNotAllowed("GET, HEAD"))
	mux.HandleFunc("/", notFound)
	return h.recoverer(securityHeaders(mux))
}

func healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func page(w http.ResponseWriter, _ *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(len(indexHTML)))
	hd.Set("Content-Security-Policy", pageCSP)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("Referrer-Policy", "no-referrer")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(indexHTML)
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "no route for "+r.Method+" "+r.URL.Path)
}

// methodNotAllowed answers 405 with an Allow header listing allow.
func methodNotAllowed(allow string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+allow)
	})
}

// securityHeaders sets the headers every response carries.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(w, r)
	})
}

// recoverer turns a panic in next into a logged 500 JSON answer (or, when the
// response had already begun, a logged panic and a cut-off response).
// http.ErrAbortHandler is passed on, as net/http expects.
func (h *handler) recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tw := &trackingWriter{ResponseWriter: w}
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			h.log.Error("server: panic while serving request",
				"method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
			if tw.wrote {
				// Too late for a clean answer: make net/http drop the connection.
				panic(http.ErrAbortHandler)
			}
			writeError(tw, http.StatusInternalServerError, "internal server error")
		}()
		next.ServeHTTP(tw, r)
	})
}

// trackingWriter records whether the response has begun.
type trackingWriter struct {
	http.ResponseWriter
	wrote bool
}

func (t *trackingWriter) WriteHeader(code int) {
	t.wrote = true
	t.ResponseWriter.WriteHeader(code)
}

func (t *trackingWriter) Write(p []byte) (int, error) {
	t.wrote = true
	return t.ResponseWriter.Write(p)
}

// Unwrap gives http.ResponseController the underlying writer.
func (t *trackingWriter) Unwrap() http.ResponseWriter { return t.ResponseWriter }

// errorBody is the JSON of every error answer.
type errorBody struct {
	Error string `json:"error"`
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, errorBody{Error: msg})
}

// writeJSON encodes v before writing anything, so an encoding failure can
// still be answered with 500.
func writeJSON(w http.ResponseWriter, code int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		buf.Reset()
		code = http.StatusInternalServerError
		buf.WriteString(`{"error":"encoding the response failed"}` + "\n")
	}
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Content-Length", strconv.Itoa(buf.Len()))
	hd.Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_, _ = w.Write(buf.Bytes())
}
