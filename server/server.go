package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"log/slog"
	"net/http"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

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
	maxBody    int64
	maxBatch   int
	maxText    int
	workers    int
	queue      int
	read       time.Duration
	write      time.Duration
	log        *slog.Logger
	access     *slog.Logger
	logText    bool
	reload     []classify.Option
	canReload  bool
	adminToken string
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
// n; the others wait in a queue (see [WithMaxQueue]). A request takes its
// place only once its whole body has arrived (within the body limit and the
// read time of [WithTimeouts]), so clients that send headers and stall hold
// no place, and holds it until its answer is written. n <= 0 keeps the
// default, the number of cores (GOMAXPROCS).
func WithMaxConcurrent(n int) Option {
	return func(c *config) {
		if n > 0 {
			c.workers = n
		}
	}
}

// WithMaxQueue limits the classification requests waiting for a place to
// n; a request that finds the queue full is answered at once with 503 and
// Retry-After. A waiting request holds its connection and its body; the
// bodies held, arriving, waiting or handled, are bounded together by
// (concurrent + queue) times the body limit, and a body that would go over
// it is refused with 503 and Retry-After. n < 0 keeps the
// default, [DefaultQueuePerWorker] per concurrent request; 0 means no queue.
func WithMaxQueue(n int) Option {
	return func(c *config) {
		if n >= 0 {
			c.queue = n
		}
	}
}

// WithTimeouts gives a classification request read to send its body, from
// the start of its handling (before it is queued), and write to take its
// answer, from the moment its turn comes: set them to the http.Server's
// ReadTimeout and WriteTimeout; the server's WriteTimeout runs from the start
// of the request and would otherwise count the time it waited in the queue.
// Zero leaves that deadline as the server set it.
func WithTimeouts(read, write time.Duration) Option {
	return func(c *config) {
		c.read, c.write = read, write
	}
}

// WithLogger sets the logger that recovered panics and reloads are
// reported to. The default is [slog.Default] at the time New is called; nil
// keeps it.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) {
		if l != nil {
			c.log = l
		}
	}
}

// WithAccessLog writes one line a request to l, at level Info: method,
// route, path, status, bytes, milliseconds, remote address and the number
// of texts classified. The texts themselves are logged only when withText
// is true. No access log without this option (or with a nil l).
func WithAccessLog(l *slog.Logger, withText bool) Option {
	return func(c *config) {
		c.access, c.logText = l, withText
	}
}

// WithReload enables [Handler.Reload] and POST /admin/reload: a reload
// builds a new Classifier with opts (read again from their files, so put
// the whole configuration here, as for the Live's own build) and puts it in
// force atomically; when the build fails the old one keeps serving.
func WithReload(opts ...classify.Option) Option {
	return func(c *config) {
		c.reload, c.canReload = opts, true
	}
}

// WithAdminToken makes POST /admin/reload require the header
// "Authorization: Bearer token" from any address. Without a token the route
// answers only requests from loopback addresses, which behind a reverse
// proxy on the same host is every request: set a token there.
func WithAdminToken(token string) Option {
	return func(c *config) {
		c.adminToken = token
	}
}

// Handler serves the API, the Perspective-compatible endpoint, the
// operations routes and the page (see the package documentation). Make one
// with [New].
type Handler struct {
	live *classify.Live
	config
	limit   *limiter
	metrics *metrics
	version atomic.Pointer[versionInfo] // of the Classifier last described
	routes  []route
	root    http.Handler
}

// route is one route of the API: a method, a ServeMux path pattern, its
// handler and how its errors are written. The OpenAPI description lists the
// same routes.
type route struct {
	method, path string
	handler      http.Handler
	fail         func(http.ResponseWriter, int, string)
}

// New returns the handler of every route, classifying with the Classifier
// live holds at the start of each request.
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
	h.limit = newLimiter(h.workers, h.queue, h.maxBody, h.read, h.write)

	h.metrics = newMetrics(h)
	h.routes = []route{
		{"POST", "/v1/classify", h.limit.wrap(http.HandlerFunc(h.classify), writeError), writeError},
		{"POST", perspectivePrefix + "comments:analyze", h.limit.wrap(http.HandlerFunc(h.analyze), writeGoogleError), writeGoogleError},
		{"GET", "/healthz", http.HandlerFunc(h.healthz), writeError},
		{"GET", "/metrics", h.metricsHandler(), writeError},
		{"GET", "/openapi.json", http.HandlerFunc(openAPI), writeError},
		{"GET", "/", http.HandlerFunc(page), writeError},
	}
	if h.canReload {
		h.routes = append(h.routes, route{"POST", "/admin/reload", http.HandlerFunc(h.adminReload), writeError})
	}
	mux := http.NewServeMux()
	for _, rt := range h.routes {
		pattern := rt.path
		if pattern == "/" {
			pattern = "/{$}"
		}
		allow := rt.method
		if allow == "GET" {
			allow = "GET, HEAD"
		}
		mux.Handle(rt.method+" "+pattern, rt.handler)
		mux.Handle(pattern, methodNotAllowed(allow, rt.fail))
	}
	mux.Handle("/", notFound(writeError))
	mux.Handle(perspectivePrefix, notFound(writeGoogleError))
	h.root = h.wrap(mux)
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

// notFound answers 404 in the error shape of fail.
func notFound(fail func(http.ResponseWriter, int, string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fail(w, http.StatusNotFound, "no route for "+r.Method+" "+r.URL.Path)
	})
}

// methodNotAllowed answers 405 with an Allow header listing allow, in the
// error shape of fail.
func methodNotAllowed(allow string, fail func(http.ResponseWriter, int, string)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		fail(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed; use "+allow)
	})
}

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
