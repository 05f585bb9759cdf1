// Command load drives a running `saring serve` with concurrent keep-alive
// clients for a fixed time and reports errors, throughput and latency
// percentiles; with --pid it also reports the server process's peak
// resident memory (VmHWM).
//
//	go run ./load --url http://127.0.0.1:8080 --clients 50 --duration 60s
//	go run ./load --mode abusive-batch --batch 1000 --text-bytes 1000 --pid PID
//
// Modes: "single" posts one text a request, taken in turn from a JSONL
// file of posts (the project's authored testdata/posts.jsonl); "batch"
// posts --batch of them a request; "abusive-batch" posts --batch texts of
// --text-bytes bytes each made of abusive words only, the costliest answer
// per byte of request there is. Every answer must be a 200 whose body is
// complete JSON with one result per text, or it counts as an error.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
}

type config struct {
	url       string
	clients   int
	duration  time.Duration
	mode      string
	posts     string
	batch     int
	textBytes int
	pid       int
}

func run(args []string, out io.Writer) error {
	var c config
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.StringVar(&c.url, "url", "http://127.0.0.1:8080", "base URL of the server")
	fs.IntVar(&c.clients, "clients", 50, "concurrent clients, each on its own keep-alive connection")
	fs.DurationVar(&c.duration, "duration", 60*time.Second, "how long to send requests")
	fs.StringVar(&c.mode, "mode", "single", "single, batch or abusive-batch")
	fs.StringVar(&c.posts, "posts", "../testdata/posts.jsonl", `JSONL file of posts ({"text":…} a line)`)
	fs.IntVar(&c.batch, "batch", 100, "texts a request in the batch modes")
	fs.IntVar(&c.textBytes, "text-bytes", 1000, "bytes of each text in abusive-batch mode")
	fs.IntVar(&c.pid, "pid", 0, "server process id, to report its peak resident memory")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.clients < 1 || c.duration <= 0 || c.batch < 1 || c.textBytes < 1 {
		return errors.New("--clients, --duration, --batch and --text-bytes must be positive")
	}
	bodies, texts, err := requestBodies(c)
	if err != nil {
		return err
	}
	res := drive(c, bodies, texts)
	res.report(out, c)
	if c.pid > 0 {
		hwm, err := peakRSS(c.pid)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "server peak RSS (VmHWM): %s\n", hwm)
	}
	if res.errors > 0 {
		return fmt.Errorf("%d errors", res.errors)
	}
	return nil
}

// requestBodies returns the request bodies the clients send in turn and
// the number of texts in each.
func requestBodies(c config) ([][]byte, int, error) {
	if c.mode == "abusive-batch" {
		words := []string{"anjing", "bangsat", "babi", "goblok", "tolol", "kampret", "bajingan"}
		var b strings.Builder
		for i := 0; b.Len() < c.textBytes; i++ {
			b.WriteString(words[i%len(words)])
			b.WriteByte(' ')
		}
		text := b.String()[:c.textBytes]
		body, err := json.Marshal(map[string]any{"texts": slices.Repeat([]string{text}, c.batch)})
		return [][]byte{body}, c.batch, err
	}
	posts, err := readPosts(c.posts)
	if err != nil {
		return nil, 0, err
	}
	var bodies [][]byte
	switch c.mode {
	case "single":
		for _, p := range posts {
			body, err := json.Marshal(map[string]string{"text": p})
			if err != nil {
				return nil, 0, err
			}
			bodies = append(bodies, body)
		}
		return bodies, 1, nil
	case "batch":
		for i := range posts {
			batch := make([]string, c.batch)
			for k := range batch {
				batch[k] = posts[(i+k)%len(posts)]
			}
			body, err := json.Marshal(map[string]any{"texts": batch})
			if err != nil {
				return nil, 0, err
			}
			bodies = append(bodies, body)
		}
		return bodies, c.batch, nil
	}
	return nil, 0, fmt.Errorf("unknown --mode %q", c.mode)
}

func readPosts(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var posts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var p struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil || p.Text == nil {
			return nil, fmt.Errorf("%s:%d: want a JSON object with a text", path, n)
		}
		posts = append(posts, *p.Text)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(posts) == 0 {
		return nil, fmt.Errorf("%s: no posts", path)
	}
	return posts, nil
}

// result is what the clients saw.
type result struct {
	latencies []time.Duration
	errors    int
	firstErr  string
	elapsed   time.Duration
	texts     int
}

// drive runs the clients for the configured time.
func drive(c config, bodies [][]byte, texts int) *result {
	transport := &http.Transport{MaxIdleConnsPerHost: c.clients, MaxConnsPerHost: c.clients, DisableCompression: true}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 5 * time.Minute}
	ctx, cancel := context.WithTimeout(context.Background(), c.duration)
	defer cancel()
	var mu sync.Mutex
	res := &result{texts: texts}
	var wg sync.WaitGroup
	start := time.Now()
	for i := range c.clients {
		wg.Go(func() {
			var lat []time.Duration
			errs, first := 0, ""
			for k := i; ctx.Err() == nil; k += c.clients {
				t0 := time.Now()
				err := post(client, c.url+"/v1/classify", bodies[k%len(bodies)], texts)
				if err != nil {
					errs++
					if first == "" {
						first = err.Error()
					}
					continue
				}
				lat = append(lat, time.Since(t0))
			}
			mu.Lock()
			res.latencies = append(res.latencies, lat...)
			res.errors += errs
			if res.firstErr == "" {
				res.firstErr = first
			}
			mu.Unlock()
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	slices.Sort(res.latencies)
	return res
}

// post sends one request; the answer must be a 200 with one result per
// text.
func post(client *http.Client, url string, body []byte, texts int) error {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		_, _ = io.Copy(io.Discard, resp.Body)
		return fmt.Errorf("status %s", resp.Status)
	}
	if texts == 1 {
		var r struct {
			Flagged []string `json:"flagged"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&r); err != nil || r.Flagged == nil {
			return fmt.Errorf("bad answer: %v", err)
		}
		return nil
	}
	dec := json.NewDecoder(resp.Body)
	var batch struct {
		Results []json.RawMessage `json:"results"`
	}
	if err := dec.Decode(&batch); err != nil {
		return fmt.Errorf("bad answer: %w", err)
	}
	if len(batch.Results) != texts {
		return fmt.Errorf("%d results for %d texts", len(batch.Results), texts)
	}
	return nil
}

func (r *result) report(out io.Writer, c config) {
	n := len(r.latencies)
	fmt.Fprintf(out, "%d clients, %v, mode %s: %d requests answered, %d errors", c.clients, c.duration, c.mode, n, r.errors)
	if r.firstErr != "" {
		fmt.Fprintf(out, " (first: %s)", r.firstErr)
	}
	fmt.Fprintln(out)
	if n == 0 {
		return
	}
	secs := r.elapsed.Seconds()
	fmt.Fprintf(out, "throughput: %.0f requests/s, %.0f texts/s\n", float64(n)/secs, float64(n*r.texts)/secs)
	fmt.Fprintf(out, "latency: p50 %v, p90 %v, p99 %v, max %v\n",
		pct(r.latencies, 50), pct(r.latencies, 90), pct(r.latencies, 99), r.latencies[n-1].Round(time.Microsecond))
}

// pct is the p-th percentile of sorted latencies (nearest rank).
func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)].Round(time.Microsecond)
}

// peakRSS reads the VmHWM line of a process's status.
func peakRSS(pid int) (string, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "", err
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v), nil
		}
	}
	return "", fmt.Errorf("pid %d: no VmHWM", pid)
}
