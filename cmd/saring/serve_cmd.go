package main

import (
	"context"
	"errors"
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

	"github.com/saring-id/saring/server"
)

// Timeouts and limits of the HTTP server of `saring serve`.
const (
	serveReadHeaderTimeout = 5 * time.Second
	serveReadTimeout       = 30 * time.Second
	serveWriteTimeout      = 60 * time.Second
	serveIdleTimeout       = 120 * time.Second
	serveMaxHeaderBytes    = 64 << 10
	serveShutdownTimeout   = 10 * time.Second
)

// runServe runs `saring serve` until SIGINT or SIGTERM, then shuts the server
// down gracefully.
func runServe(args []string, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stderr, nil)
}

// serve runs the server until ctx is done. ready, when not nil, is called
// with the listening address once connections are accepted.
func serve(ctx context.Context, args []string, stderr io.Writer, ready func(addr string)) int {
	fs := flag.NewFlagSet("saring serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf classifierFlags
	cf.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port; port 0 picks a free port)")
	maxBody := fs.Int64("max-body", server.DefaultMaxBodyBytes, "largest request body in bytes")
	maxBatch := fs.Int("max-batch", server.DefaultMaxBatch, "most texts in one request")
	maxText := fs.Int("max-text", server.DefaultMaxTextBytes, "longest text in bytes")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: saring serve [flags]\n\n"+
			"Serves POST /v1/classify, GET /healthz and the highlight page at /.\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "saring serve: unexpected arguments %q\n", fs.Args())
		return 2
	}
	c, err := cf.classifier()
	if err != nil {
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))
	srv := &http.Server{
		Handler: server.New(c,
			server.WithMaxBodyBytes(*maxBody),
			server.WithMaxBatch(*maxBatch),
			server.WithMaxTextBytes(*maxText),
			server.WithLogger(logger)),
		ReadHeaderTimeout: serveReadHeaderTimeout,
		ReadTimeout:       serveReadTimeout,
		WriteTimeout:      serveWriteTimeout,
		IdleTimeout:       serveIdleTimeout,
		MaxHeaderBytes:    serveMaxHeaderBytes,
		ErrorLog:          log.New(stderr, "saring serve: ", 0),
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	}
	bound := ln.Addr().String()
	fmt.Fprintf(stderr, "saring serve: listening on http://%s\n", bound)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	if ready != nil {
		ready(bound)
	}
	select {
	case err := <-served:
		// Serve only returns early on a listener failure.
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	fmt.Fprintf(stderr, "saring serve: shutting down\n")
	sctx, cancel := context.WithTimeout(context.Background(), serveShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "saring serve: shutdown: %v\n", err)
		return 1
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "saring serve: %v\n", err)
		return 1
	}
	return 0
}
