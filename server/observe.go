package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/saring-id/saring"
	"github.com/saring-id/saring/classify"
)

// metrics are the Prometheus metrics of one Handler, in a registry of its
// own.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	posts    prometheus.Counter
	flags    *prometheus.CounterVec
	reloads  *prometheus.CounterVec
}

func newMetrics(h *Handler) *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "saring_http_requests_total",
			Help: "HTTP requests by route (the matched pattern) and status code.",
		}, []string{"route", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "saring_http_request_duration_seconds",
			Help:    "Time from the request to the end of its answer, by route.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"route"}),
		posts: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "saring_posts_classified_total",
			Help: "Texts classified by the API.",
		}),
		flags: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "saring_flags_total",
			Help: "Texts flagged, by label (at the server's thresholds).",
		}, []string{"label"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "saring_reloads_total",
			Help: "Lexicon reloads by result (ok or error).",
		}, []string{"result"}),
	}
	working := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "saring_classify_in_progress",
		Help: "Classification requests being handled.",
	}, func() float64 { w, _ := h.limit.inUse(); return float64(w) })
	waiting := prometheus.NewGaugeFunc(prometheus.GaugeOpts{
		Name: "saring_classify_queued",
		Help: "Classification requests waiting for their turn.",
	}, func() float64 { _, q := h.limit.inUse(); return float64(q) })
	m.reg.MustRegister(m.requests, m.latency, m.posts, m.flags, m.reloads, working, waiting,
		&infoCollector{h: h}, prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// infoCollector reports the version of saring and of the lexicons (and
// model) in force as labels of a constant 1.
type infoCollector struct{ h *Handler }

var (
	infoDesc = prometheus.NewDesc("saring_build_info",
		"Always 1: the saring version, the lexicon version (a digest of the entries and rules in force), the slang version (a digest of the slang pairs in force) and the model in force.",
		[]string{"version", "lexicons", "slang", "model"}, nil)
	entriesDesc = prometheus.NewDesc("saring_lexicon_entries", "Lexicon entries in force.", nil, nil)
)

func (ic *infoCollector) Describe(ch chan<- *prometheus.Desc) { ch <- infoDesc; ch <- entriesDesc }

func (ic *infoCollector) Collect(ch chan<- prometheus.Metric) {
	v := ic.h.versions()
	ch <- prometheus.MustNewConstMetric(infoDesc, prometheus.GaugeValue, 1, saring.Version, v.Lexicons, v.Slang, v.Model)
	ch <- prometheus.MustNewConstMetric(entriesDesc, prometheus.GaugeValue, float64(v.Entries))
}

// versionInfo says what is in force: the answer of GET /healthz.
type versionInfo struct {
	Status   string `json:"status"`
	Version  string `json:"version"`
	Lexicons string `json:"lexicons"`
	Entries  int    `json:"lexicon_entries"`
	Slang    string `json:"slang"`
	Model    string `json:"model"`
	c        *classify.Classifier
}

// versions describes the Classifier in force, computing its lexicon and
// slang digests once per Classifier.
func (h *Handler) versions() *versionInfo {
	c := h.classifier()
	if v := h.version.Load(); v != nil && v.c == c {
		return v
	}
	v := &versionInfo{Status: "ok", Version: saring.Version, Lexicons: "none", Slang: "none", Model: "none", c: c}
	if c != nil {
		sum := sha256.New()
		entries := c.Lexicons().Entries()
		for _, e := range entries {
			fmt.Fprintf(sum, "%v\n", e)
		}
		for _, r := range c.Lexicons().Rules() {
			fmt.Fprintf(sum, "%v\n", r)
		}
		v.Lexicons = hex.EncodeToString(sum.Sum(nil))[:12]
		v.Entries = len(entries)
		sum.Reset()
		slang := c.Normalizer().Slang()
		for _, k := range slices.Sorted(maps.Keys(slang)) {
			fmt.Fprintf(sum, "%s %s\n", k, slang[k])
		}
		v.Slang = hex.EncodeToString(sum.Sum(nil))[:12]
		if id := c.ModelID(); id != "" {
			v.Model = id
		}
	}
	h.version.Store(v)
	return v
}

func (h *Handler) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, h.versions())
}

func (h *Handler) metricsHandler() http.Handler {
	return promhttp.HandlerFor(h.metrics.reg, promhttp.HandlerOpts{})
}

// countResult counts one classified text.
func (h *Handler) countResult(r classify.Result) {
	h.metrics.posts.Inc()
	for _, l := range r.Flagged {
		h.metrics.flags.WithLabelValues(string(l)).Inc()
	}
}

// requestInfo is what a handler tells the access log about its request.
type requestInfo struct {
	texts []string
}

type infoKey struct{}

// noteTexts records the texts of a request for the access log.
func noteTexts(r *http.Request, texts []string) {
	if info, ok := r.Context().Value(infoKey{}).(*requestInfo); ok {
		info.texts = texts
	}
}

// recorder records the status and size of a response.
type recorder struct {
	http.ResponseWriter
	code  int
	bytes int64
}

func (rec *recorder) WriteHeader(code int) {
	if rec.code == 0 {
		rec.code = code
	}
	rec.ResponseWriter.WriteHeader(code)
}

func (rec *recorder) Write(p []byte) (int, error) {
	if rec.code == 0 {
		rec.code = http.StatusOK
	}
	n, err := rec.ResponseWriter.Write(p)
	rec.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the underlying writer.
func (rec *recorder) Unwrap() http.ResponseWriter { return rec.ResponseWriter }

// wrap serves next with what every request gets: the security header, a
// recovered panic turned into a logged 500 JSON answer (or, when the answer
// had begun, a cut connection), the metrics and one access log line.
// http.ErrAbortHandler is passed on, as net/http expects.
func (h *Handler) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		info := &requestInfo{}
		r = r.WithContext(context.WithValue(r.Context(), infoKey{}, info))
		rec := &recorder{ResponseWriter: w}
		defer func() {
			v := recover()
			if v != nil && v != http.ErrAbortHandler {
				h.log.Error("server: panic while serving request",
					"method", r.Method, "path", r.URL.Path, "panic", v, "stack", string(debug.Stack()))
				if rec.code == 0 {
					writeError(rec, http.StatusInternalServerError, "internal server error")
					v = nil
				} else {
					v = http.ErrAbortHandler // too late for a clean answer: cut the connection
				}
			}
			h.record(r, rec, info, time.Since(start), v != nil)
			if v != nil {
				panic(v)
			}
		}()
		rec.Header().Set("X-Content-Type-Options", "nosniff")
		next.ServeHTTP(rec, r)
	})
}

// record counts a finished request and writes its access log line.
func (h *Handler) record(r *http.Request, rec *recorder, info *requestInfo, took time.Duration, aborted bool) {
	route := r.Pattern
	if route == "" {
		route = "none"
	}
	code := strconv.Itoa(rec.code)
	h.metrics.requests.WithLabelValues(route, code).Inc()
	h.metrics.latency.WithLabelValues(route).Observe(took.Seconds())
	if h.access == nil {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", r.Method), slog.String("route", route), slog.String("path", r.URL.Path),
		slog.Int("status", rec.code), slog.Int64("bytes", rec.bytes),
		slog.Float64("ms", float64(took.Microseconds())/1000), slog.String("remote", r.RemoteAddr),
	}
	if info.texts != nil {
		attrs = append(attrs, slog.Int("texts", len(info.texts)))
		if h.logText {
			attrs = append(attrs, slog.Any("text", info.texts))
		}
	}
	if aborted {
		attrs = append(attrs, slog.Bool("aborted", true))
	}
	h.access.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
}
