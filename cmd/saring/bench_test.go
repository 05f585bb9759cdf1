package main

import (
	"bytes"
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"
)

// BenchmarkClassifyWorkers measures the speed-up of --workers: each round
// classifies the repository's test posts (testdata/posts.jsonl, 100 times
// over) with one worker, then with one a core, so that both see the same
// load. It reports both rates and their ratio, "speedup".
func BenchmarkClassifyWorkers(b *testing.B) {
	posts, err := os.ReadFile("../../testdata/posts.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	in := bytes.Repeat(posts, 100)
	lines := float64(bytes.Count(in, []byte("\n")))
	var took [2]time.Duration
	for b.Loop() {
		for i, workers := range []int{1, runtime.NumCPU()} {
			start := time.Now()
			if code := runClassify([]string{"--jsonl", "--workers", strconv.Itoa(workers)}, bytes.NewReader(in), io.Discard, io.Discard); code != 0 {
				b.Fatalf("exit %d", code)
			}
			took[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(lines*n/took[0].Seconds(), "posts/s-1-worker")
	b.ReportMetric(lines*n/took[1].Seconds(), "posts/s-all-cores")
	b.ReportMetric(took[0].Seconds()/took[1].Seconds(), "speedup")
}
