// Command custom-lexicon extends saring's embedded default lexicons with the
// lexicon files in its own lexicon/ directory (embedded in the binary with a
// //go:embed directive and loaded with classify.WithLexiconFS), and compares
// the default classifier with the extended one post by post.
//
// lexicon/sunda.txt adds a Sundanese insult (ontohod) with label=abusive and
// an allow entry (kopi jancuk), so the extended classifier flags a post the
// defaults let through and lets through a post the defaults flag.
//
// Usage, from the repository root:
//
//	go run ./examples/custom-lexicon
//	go run ./examples/custom-lexicon "teks 1" "teks 2"
//
// To load a directory at run time instead of embedding it, use
// classify.WithLexiconDir("path/to/dir").
package main

import (
	"embed"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/saring-id/saring/classify"
)

// lexicons holds the extension files; every *.txt directly in lexicon/ is read.
//
//go:embed lexicon/*.txt
var lexicons embed.FS

// samples are compared when no posts are given on the command line.
var samples = []string{
	"ontohod pisan maneh teh",
	"ngopi dulu, pesan kopi jancuk satu",
	"dasar goblok lo",
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "custom-lexicon:", err)
		os.Exit(1)
	}
}

// run classifies posts (or the samples) with the default and the extended
// classifier and writes both verdicts to w.
func run(posts []string, w io.Writer) error {
	def, err := classify.New()
	if err != nil {
		return fmt.Errorf("building default classifier: %w", err)
	}
	ext, err := classify.New(classify.WithLexiconFS(lexicons, "lexicon"))
	if err != nil {
		return fmt.Errorf("building extended classifier: %w", err)
	}
	if len(posts) == 0 {
		posts = samples
	}
	for _, text := range posts {
		fmt.Fprintf(w, "%q\n", text)
		fmt.Fprintf(w, "  default:  %s\n", verdict(def.Classify(text)))
		fmt.Fprintf(w, "  extended: %s\n", verdict(ext.Classify(text)))
	}
	return nil
}

// verdict summarises a result: the flagged labels with their scores and the
// evidence of each (its text and lexicon source or rule), or "clean".
func verdict(r classify.Result) string {
	if len(r.Flagged) == 0 {
		return "clean"
	}
	var parts []string
	for _, lr := range r.Labels {
		if !lr.Flagged {
			continue
		}
		ev := make([]string, len(lr.Evidence))
		for i, e := range lr.Evidence {
			ev[i] = fmt.Sprintf("%q", e.Text)
			switch {
			case e.Rule != "":
				ev[i] += " by rule " + e.Rule
			case e.Source != "":
				ev[i] += " from " + e.Source
			}
		}
		parts = append(parts, fmt.Sprintf("%s %.2f [%s]", lr.Label, lr.Score, strings.Join(ev, "; ")))
	}
	return "flagged " + strings.Join(parts, ", ")
}
