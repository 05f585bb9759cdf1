package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/server"
)

// classifierFlags are the flags every command that builds a Classifier takes.
type classifierFlags struct {
	lexicons   string
	noFuzzy    bool
	thresholds thresholdFlag
	model      string
}

func (f *classifierFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.lexicons, "lexicons", "", "directory of lexicon files that extend the defaults")
	fs.BoolVar(&f.noFuzzy, "no-fuzzy", false, "turn spelling-tolerant matching off")
	fs.Var(&f.thresholds, "threshold", "per-label threshold LABEL=VALUE (repeatable)")
	fs.StringVar(&f.model, "model", "", "model file (saring train) that scores the labels it covers")
}

func (f *classifierFlags) classifier() (*classify.Classifier, error) {
	var opts []classify.Option
	if f.lexicons != "" {
		opts = append(opts, classify.WithLexiconDir(f.lexicons))
	}
	if f.noFuzzy {
		opts = append(opts, classify.WithoutFuzzy())
	}
	if f.model != "" {
		opts = append(opts, classify.WithModelFile(f.model))
	}
	for l, v := range f.thresholds {
		opts = append(opts, classify.WithThreshold(l, v))
	}
	return classify.New(opts...)
}

// thresholdFlag collects LABEL=VALUE flags.
type thresholdFlag map[lexicon.Label]float64

func (t *thresholdFlag) String() string { return fmt.Sprint(map[lexicon.Label]float64(*t)) }

func (t *thresholdFlag) Set(s string) error {
	name, val, ok := strings.Cut(s, "=")
	if !ok {
		return fmt.Errorf("want LABEL=VALUE, got %q", s)
	}
	l, err := lexicon.ParseLabel(name)
	if err != nil {
		return err
	}
	v, err := strconv.ParseFloat(val, 64)
	if err != nil {
		return fmt.Errorf("threshold of %s: %w", l, err)
	}
	if *t == nil {
		*t = make(thresholdFlag)
	}
	(*t)[l] = v
	return nil
}

// input is one --jsonl record.
type input struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

func runClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf classifierFlags
	cf.register(fs)
	jsonl := fs.Bool("jsonl", false, `read JSON objects {"id":…,"text":"…"}, one a line`)
	pretty := fs.Bool("pretty", false, "human-readable output instead of JSON")
	maxBytes := fs.Int("max-bytes", 1<<20, "longest input line in bytes; longer lines are answered with an error")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: saring classify [flags] < posts.txt\n\nReads one text a line and writes one JSON object a line, in order.\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	c, err := cf.classifier()
	if err != nil {
		fmt.Fprintf(stderr, "saring classify: %v\n", err)
		return 1
	}
	answer := func(n int, line string) any {
		if *jsonl {
			return classifyRecord(c, line, n)
		}
		return server.Output{Result: c.Classify(line)}
	}
	var write func(io.Writer, int, any)
	if *pretty {
		write = writePretty
	}
	return answerLines("saring classify", stdin, stdout, stderr, *maxBytes, answer, write)
}

// classifyRecord classifies one --jsonl line, or says what is wrong with it.
func classifyRecord(c *classify.Classifier, line string, n int) any {
	if strings.TrimSpace(line) == "" {
		return server.Output{Result: c.Classify("")}
	}
	var in input
	if err := json.Unmarshal([]byte(line), &in); err != nil {
		return errorOutput{Error: fmt.Sprintf("line %d: invalid JSON: %v", n, err)}
	}
	if in.Text == nil {
		return errorOutput{ID: in.ID, Error: fmt.Sprintf(`line %d: no "text" field`, n)}
	}
	return server.Output{ID: in.ID, Result: c.Classify(*in.Text)}
}

// writePretty prints a record for a person to read.
func writePretty(w io.Writer, n int, rec any) {
	switch r := rec.(type) {
	case errorOutput:
		fmt.Fprintf(w, "#%d %serror: %s\n\n", n, idPrefix(r.ID), r.Error)
	case server.Output:
		head := "clean"
		if len(r.Flagged) > 0 {
			head = "FLAGGED " + joinLabels(r.Flagged)
		}
		fmt.Fprintf(w, "#%d %s%s\n", n, idPrefix(r.ID), head)
		for _, l := range r.Labels {
			mark := " "
			if l.Flagged {
				mark = "*"
			}
			fmt.Fprintf(w, "  %s %-15s %.3f %-8s", mark, l.Label, l.Score, l.Severity)
			if len(l.Targets) > 0 {
				fmt.Fprintf(w, " targets: %v", l.Targets)
			}
			fmt.Fprintln(w)
			for _, e := range l.Evidence {
				how := string(e.Match)
				if e.Rule != "" {
					how += " " + e.Rule
				}
				if e.Distance > 0 {
					how += fmt.Sprintf(" d=%d", e.Distance)
				}
				fmt.Fprintf(w, "      %q [%d:%d] -> %s (%s) w=%.2f", e.Text, e.Start, e.End, e.Term, how, e.Weight)
				if len(e.Context) > 0 {
					fmt.Fprintf(w, " %s", strings.Join(e.Context, "; "))
				}
				if e.Source != "" {
					fmt.Fprintf(w, " %s", e.Source)
				}
				fmt.Fprintln(w)
			}
		}
		fmt.Fprintln(w)
	}
}

func idPrefix(id json.RawMessage) string {
	if len(id) == 0 {
		return ""
	}
	return string(id) + " "
}

func joinLabels(ls []lexicon.Label) string {
	s := make([]string, len(ls))
	for i, l := range ls {
		s[i] = string(l)
	}
	return strings.Join(s, ", ")
}
