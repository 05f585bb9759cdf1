package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime"
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
	// DefaultMaxTextBytes is the default limit on one text: 64 KiB, more
	// than the longest post of the large social networks.
	DefaultMaxTextBytes = 64 << 10
	// DefaultQueuePerWorker is the default number of classification
	// requests that may wait for a worker, per worker.
	DefaultQueuePerWorker = 32
)

// bodyOverhead is the room a body needs besides its texts: the JSON around
// them, ids and options.
const bodyOverhead = 64 << 10

// maxEscape is the most bytes one byte of text takes in a JSON string
// (\u001f for a control character).
const maxEscape = 6

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
	workers  int
	queue    int
	log      *slog.Logger
}

// WithMaxBodyBytes limits the size of a request body to n bytes; larger
// bodies are answered with 413. n <= 0 keeps [DefaultMaxBodyBytes]. The
// limit is raised, when needed, to what one text of the text limit needs
// however it is escaped (six bytes a byte, plus 64 KiB), so that a text of
// exactly the text limit can always be sent.
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

// WithMaxConcurrent limits the classification requests handled at once to
// n; the others wait in a queue (see [WithMaxQueue]). A request holds its
// place from before its body is read until its answer is written, so the
// memory of the requests being handled is bounded by n times the body
// limit and the answer of one request. n <= 0 keeps the default, the
// number of cores (GOMAXPROCS).
func WithMaxConcurrent(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.workers = n
		}
	}
}

// WithMaxQueue limits the classification requests waiting for a place to
// n; a request that finds the queue full is answered at once with 503 and
// Retry-After. A waiting request holds only its connection. n < 0 keeps the
// default, [DefaultQueuePerWorker] per concurrent request; 0 means no queue.
func WithMaxQueue(n int) Option {
	return func(c *config) {
		if n >= 0 {
			c.queue = n
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

// Handler serves the API and the highlight page. Make one with [New].
type Handler struct {
	live *classify.Live
	config
	limit *limiter
	root  http.Handler
}

// New returns the HTTP handler of the API and the highlight page,
// classifying with the Classifier live holds at the start of each request.
// The handler is safe for concurrent use. A nil live makes every classify
// request fail with 500.
func New(live *classify.Live, opts ...Option) *Handler {
	h := &Handler{live: live, config: config{
		maxBody:  DefaultMaxBodyBytes,
		maxBatch: DefaultMaxBatch,
		maxText:  DefaultMaxTextBytes,
		workers:  runtime.GOMAXPROCS(0),
		queue:    -1,
	}}
	for _, o := range opts {
		if o != nil {
			o(&h.config)
		}
	}
	if h.log == nil {
		h.log = slog.Default()
	}
	if h.queue < 0 {
		h.queue = DefaultQueuePerWorker * h.workers
	}
	h.maxBody = max(h.maxBody, maxEscape*int64(h.maxText)+bodyOverhead)
	h.limit = newLimiter(h.workers, h.queue)

	mux := http.NewServeMux()
	mux.Handle("POST /v1/classify", h.limit.wrap(http.HandlerFunc(h.classify), writeError))
	mux.Handle("/v1/classify", methodNotAllowed("POST"))
	mux.Handle("POST /v1alpha1/comments:analyze", h.limit.wrap(http.HandlerFunc(h.analyze), writeGoogleError))
	mux.Handle("/v1alpha1/comments:analyze", methodNotAllowed("POST"))
	mux.HandleFunc("GET /healthz", healthz)
	mux.Handle("/healthz", methodNotAllowed("GET, HEAD"))
	mux.HandleFunc("GET /{$}", page)
	mux.Handle("/{$}", methodNotAllowed("GET, HEAD"))
	mux.HandleFunc("/", notFound)
	h.root = h.recoverer(securityHeaders(mux))
	return h
}

// ServeHTTP implements [http.Handler].
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.root.ServeHTTP(w, r)
}

// MaxBodyBytes returns the body limit in force: the one asked for, raised
// when the text limit needs more.
func (h *Handler) MaxBodyBytes() int64 { return h.maxBody }

// classifier returns the Classifier in force, or nil.
func (h *Handler) classifier() *classify.Classifier {
	if h.live == nil {
		return nil
	}
	return h.live.Classifier()
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
func (h *Handler) recoverer(next http.Handler) http.Handler {
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
