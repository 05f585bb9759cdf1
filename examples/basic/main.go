// Command basic classifies a few Indonesian posts with the default lexicons
// and prints, for every label with a score, the score, the severity and the
// evidence behind it: the original text at the evidence's byte span, the
// lexicon term it matched and how it was matched.
//
// Usage, from the repository root:
//
//	go run ./examples/basic                 # the built-in sample posts
//	go run ./examples/basic "teks 1" "teks 2"
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/saring-id/saring/classify"
)

// samples are classified when no posts are given on the command line: an
// evasion, a harmless use of a swear word and counter-speech in the news.
var samples = []string{
	"dasar k4f1r lo",
	"anjing peliharaan saya lucu",
	"Polda mengimbau warga menangkal hoaks dan SARA",
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "basic:", err)
		os.Exit(1)
	}
}

// run classifies posts (or the samples when posts is empty) and writes a
// report of each to w.
func run(posts []string, w io.Writer) error {
	c, err := classify.New()
	if err != nil {
		return fmt.Errorf("building classifier: %w", err)
	}
	if len(posts) == 0 {
		posts = samples
	}
	for i, text := range posts {
		if i > 0 {
			fmt.Fprintln(w)
		}
		report(w, text, c.Classify(text))
	}
	return nil
}

// report writes one post's result.
func report(w io.Writer, text string, r classify.Result) {
	fmt.Fprintf(w, "%q\n", text)
	switch {
	case len(r.Labels) == 0:
		fmt.Fprintln(w, "  verdict: clean, no evidence")
	case len(r.Flagged) == 0:
		fmt.Fprintln(w, "  verdict: clean")
	default:
		names := make([]string, len(r.Flagged))
		for i, l := range r.Flagged {
			names[i] = string(l)
		}
		fmt.Fprintf(w, "  verdict: flagged %s\n", strings.Join(names, ", "))
	}
	for _, lr := range r.Labels {
		mark := "below threshold"
		if lr.Flagged {
			mark = "FLAGGED severity=" + lr.Severity.String()
		}
		fmt.Fprintf(w, "  %-14s score=%.2f %s\n", lr.Label, lr.Score, mark)
		for _, ev := range lr.Evidence {
			// ev.Text is exactly text[ev.Start:ev.End] of the original input.
			fmt.Fprintf(w, "    %q [%d:%d] term=%q match=%s", ev.Text, ev.Start, ev.End, ev.Term, ev.Match)
			if len(ev.Via) > 0 {
				fmt.Fprintf(w, " via=%s", strings.Join(ev.Via, ","))
			}
			if ev.Rule != "" {
				fmt.Fprintf(w, " rule=%s", ev.Rule)
			}
			if len(ev.Context) > 0 {
				fmt.Fprintf(w, " context=%s", strings.Join(ev.Context, ","))
			}
			fmt.Fprintf(w, " weight=%.2f\n", ev.Weight)
		}
	}
}
