package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/server"
)

// runServe runs `saring serve` until SIGINT or SIGTERM, then drains the
// server. SIGHUP re-reads the lexicon, slang and model files.
func runServe(args []string, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	return serve(ctx, args, stderr, hup, nil)
}

// serveFlags are the flags of `saring serve` besides the classifier's.
type serveFlags struct {
	addr                          string
	maxBody                       int64
	maxBatch, maxText             int
	maxConcurrent, maxQueue       int
	readHeader, read, write, idle time.Duration
	maxHeaderBytes                int
	grace                         time.Duration
	accessLog, logText            bool
	adminToken                    string
}

func (f *serveFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free port)")
	fs.Int64Var(&f.maxBody, "max-body", server.DefaultMaxBodyBytes, "largest request body in bytes (raised to what one text of --max-text needs)")
	fs.IntVar(&f.maxBatch, "max-batch", server.DefaultMaxBatch, "most texts in one request")
	fs.IntVar(&f.maxText, "max-text", server.DefaultMaxTextBytes, "longest text in bytes")
	fs.IntVar(&f.maxConcurrent, "max-concurrent", 0, "classification requests handled at once (0: the number of cores)")
	fs.IntVar(&f.maxQueue, "max-queue", -1, fmt.Sprintf("classification requests waiting for their turn; more get 503 (-1: %d per concurrent request)", server.DefaultQueuePerWorker))
	fs.DurationVar(&f.readHeader, "read-header-timeout", 5*time.Second, "time to read a request's headers")
	fs.DurationVar(&f.read, "read-timeout", 30*time.Second, "time to read a whole request, body included, before a classification request is queued; a body not read by then gets 408")
	fs.DurationVar(&f.write, "write-timeout", 60*time.Second, "time from the end of the request headers (for a queued classification request, from when its turn comes) to the end of the answer")
	fs.DurationVar(&f.idle, "idle-timeout", 120*time.Second, "time a keep-alive connection may wait for its next request")
	fs.IntVar(&f.maxHeaderBytes, "max-header-bytes", 64<<10, "largest request header block in bytes")
	fs.DurationVar(&f.grace, "grace", 10*time.Second, "on SIGTERM or SIGINT, time to finish the requests already sent before their connections are cut")
	fs.BoolVar(&f.accessLog, "access-log", true, "log one line a request to stderr (no post text)")
	fs.BoolVar(&f.logText, "log-text", false, "put the posts' text in the access log lines")
	fs.StringVar(&f.adminToken, "admin-token", os.Getenv("SARING_ADMIN_TOKEN"),
		"token POST /admin/reload requires as Authorization: Bearer TOKEN (default $SARING_ADMIN_TOKEN); without one it answers loopback addresses only")
}

// serve runs the server until ctx is done, reloading the classifier at each
// value from hup. ready, when not nil, is called with the listening address
// once connections are accepted.
func serve(ctx context.Context, args []string, stderr io.Writer, hup <-chan os.Signal, ready func(addr string)) int {
	fs := flag.NewFlagSet("saring serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf classifierFlags
	cf.register(fs)
	var sf serveFlags
	sf.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: saring serve [flags]\n\n"+
			"Serves POST /v1/classify, the Perspective-compatible POST /v1alpha1/comments:analyze,\n"+
			"GET /healthz, GET /metrics, GET /openapi.json, POST /admin/reload and the page at /.\n"+
			"SIGHUP re-reads the lexicon, slang and model files; SIGTERM drains and stops.\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "saring serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	copts := cf.options()
	live, err := classify.NewLive(copts...)
	if err != nil {
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	var access *slog.Logger
	if sf.accessLog {
		access = logger
	}
	h := server.New(live,
		server.WithMaxBodyBytes(sf.maxBody),
		server.WithMaxBatch(sf.maxBatch),
		server.WithMaxTextBytes(sf.maxText),
		server.WithMaxConcurrent(sf.maxConcurrent),
		server.WithMaxQueue(sf.maxQueue),
		server.WithTimeouts(sf.read, sf.write),
		server.WithLogger(logger),
		server.WithAccessLog(access, sf.logText),
		server.WithReload(copts...),
		server.WithAdminToken(sf.adminToken))
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: sf.readHeader,
		ReadTimeout:       sf.read,
		WriteTimeout:      sf.write,
		IdleTimeout:       sf.idle,
		MaxHeaderBytes:    sf.maxHeaderBytes,
		ErrorLog:          log.New(stderr, "saring serve: ", 0),
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", sf.addr)
	if err != nil {
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	}
	bound := ln.Addr().String()
	fmt.Fprintf(stderr, "saring serve: listening on http://%s (body limit %d bytes)\n", bound, h.MaxBodyBytes())
	if ready != nil {
		ready(bound)
	}
	// stopping is done once the shutdown message is out, so it comes
	// before anything the drain logs.
	stopping, stop := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ctx.Done():
				fmt.Fprintf(stderr, "saring serve: shutting down: draining for up to %v\n", sf.grace)
				stop()
				return
			case <-hup:
				_ = h.Reload() // it logs the outcome; a failed reload keeps the old classifier
			case <-done:
				return
			}
		}
	}()
	err = server.Serve(stopping, srv, ln, sf.grace)
	close(done)
	stop()
	if err != nil {
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	}
	fmt.Fprintf(stderr, "saring serve: stopped\n")
	return 0
}
