package main

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progressEvery is how often the progress line is redrawn.
const progressEvery = time.Second

// progress draws one line on stderr, redrawn in place: posts done, posts
// a second and, when the input's size is known, the time left. It writes
// only to stderr, so it never mixes with the output. A nil *progress does
// nothing.
type progress struct {
	w     io.Writer
	total int64         // input size in bytes, 0 when unknown
	read  *atomic.Int64 // input bytes read so far
	done  atomic.Int64  // lines answered
	start time.Time
	quit  chan struct{}
	wg    sync.WaitGroup
}

// startProgress starts redrawing the line every progressEvery.
func startProgress(w io.Writer, total int64, read *atomic.Int64) *progress {
	p := &progress{w: w, total: total, read: read, start: time.Now(), quit: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(progressEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fmt.Fprintf(p.w, "\r%s", p.line(time.Since(p.start)))
			case <-p.quit:
				return
			}
		}
	}()
	return p
}

// add counts n answered posts.
func (p *progress) add(n int) {
	if p != nil {
		p.done.Add(int64(n))
	}
}

// stop draws the line a last time and ends it; later calls do nothing.
func (p *progress) stop() {
	if p == nil || p.quit == nil {
		return
	}
	close(p.quit)
	p.wg.Wait()
	p.quit = nil
	fmt.Fprintf(p.w, "\r%s\n", p.line(time.Since(p.start)))
}

// line is the progress line after elapsed time, padded to overwrite a
// longer earlier one.
func (p *progress) line(elapsed time.Duration) string {
	done := p.done.Load()
	s := fmt.Sprintf("%d posts, %.0f posts/s", done, float64(done)/max(elapsed.Seconds(), 1e-3))
	if read := p.read.Load(); p.total > 0 && read > 0 {
		left := time.Duration(float64(elapsed) * float64(max(p.total-read, 0)) / float64(read))
		s += fmt.Sprintf(", %d%% read, %s left", read*100/p.total, left.Round(time.Second))
	}
	return fmt.Sprintf("%-60s", s)
}
