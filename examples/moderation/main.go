// Command moderation is a tiny moderation loop: it reads one post a line
// from stdin, classifies it and decides
//
//   - hold: a flagged label has severity at or above --hold-severity, or a
//     score at or above --hold-score; the post waits for a moderator;
//   - review: some label is flagged (score at or above --threshold);
//     the post is published and queued for review;
//   - pass: nothing is flagged.
//
// Each decision is printed with its reason: the flagged labels, their scores
// and severities, and the text that was evidence. A summary follows at the end.
//
// Usage, from the repository root:
//
//	go run ./examples/moderation < posts.txt
//	printf '%s\n' "dasar k4f1r lo" "selamat pagi" | go run ./examples/moderation --hold-score 0.9
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// Decision is what happens to a post.
type Decision string

// The decisions, from mildest to strictest.
const (
	Pass   Decision = "pass"
	Review Decision = "review"
	Hold   Decision = "hold"
)

// Policy turns a classification into a decision.
type Policy struct {
	HoldScore    float64          // a flagged label scoring at least this holds the post
	HoldSeverity lexicon.Severity // a flagged label at least this severe holds the post
}

// Decide returns the decision for r and the flagged labels behind it.
func (p Policy) Decide(r classify.Result) (Decision, []classify.LabelResult) {
	d := Pass
	var why []classify.LabelResult
	for _, lr := range r.Labels {
		if !lr.Flagged {
			continue
		}
		why = append(why, lr)
		if lr.Severity >= p.HoldSeverity || lr.Score >= p.HoldScore {
			d = Hold
		} else if d == Pass {
			d = Review
		}
	}
	return d, why
}

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "moderation:", err)
		}
		os.Exit(1)
	}
}

// run parses the flags, then decides on every non-blank line of stdin.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("moderation", flag.ContinueOnError)
	fs.SetOutput(stderr)
	threshold := fs.Float64("threshold", classify.DefaultThreshold, "score at which a label is flagged (review), in (0,1]")
	holdScore := fs.Float64("hold-score", 0.85, "score of a flagged label that holds the post")
	holdSev := fs.String("hold-severity", "strong", "severity of a flagged label that holds the post: weak, moderate or strong")
	if err := fs.Parse(args); err != nil {
		return err
	}
	sev, err := lexicon.ParseSeverity(*holdSev)
	if err != nil {
		return fmt.Errorf("--hold-severity: %w", err)
	}
	var opts []classify.Option
	for _, l := range lexicon.Labels() {
		opts = append(opts, classify.WithThreshold(l, *threshold))
	}
	c, err := classify.New(opts...)
	if err != nil {
		return fmt.Errorf("building classifier: %w", err)
	}
	policy := Policy{HoldScore: *holdScore, HoldSeverity: sev}

	counts := map[Decision]int{}
	sc := bufio.NewScanner(stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		text := strings.TrimSpace(sc.Text())
		if text == "" {
			continue
		}
		d, why := policy.Decide(c.Classify(text))
		counts[d]++
		fmt.Fprintf(stdout, "%-6s %q\n", strings.ToUpper(string(d)), text)
		for _, lr := range why {
			fmt.Fprintf(stdout, "       %s %.2f %s: %s\n", lr.Label, lr.Score, lr.Severity, evidenceTexts(lr))
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading posts: %w", err)
	}
	fmt.Fprintf(stdout, "%d posts: %d hold, %d review, %d pass\n",
		counts[Hold]+counts[Review]+counts[Pass], counts[Hold], counts[Review], counts[Pass])
	return nil
}

// evidenceTexts lists the distinct original texts that were evidence for lr.
func evidenceTexts(lr classify.LabelResult) string {
	var texts []string
	seen := map[string]bool{}
	for _, e := range lr.Evidence {
		if !seen[e.Text] {
			seen[e.Text] = true
			texts = append(texts, fmt.Sprintf("%q", e.Text))
		}
	}
	return strings.Join(texts, ", ")
}
