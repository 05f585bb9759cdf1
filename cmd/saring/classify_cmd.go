package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/internal/record"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/server"
)

// lexiconFlags are the flags that say what the classifier knows beyond
// its defaults: lexicon files and slang pairs.
type lexiconFlags struct {
	lexicons string
	slang    string
}

func (f *lexiconFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.lexicons, "lexicons", "", "directory of lexicon files that extend the defaults")
	fs.StringVar(&f.slang, "slang", "", "extra slang `FILE` (\"colloquial standard\" lines) over the embedded dictionary")
}

// options returns the classify options the flags ask for. The files are
// read when a Classifier is built with them, so a reload rebuilding from
// the same options reads them again.
func (f *lexiconFlags) options() []classify.Option {
	var opts []classify.Option
	if f.slang != "" {
		opts = append(opts, classify.WithSlangFile(f.slang))
	}
	if f.lexicons != "" {
		opts = append(opts, classify.WithLexiconDir(f.lexicons))
	}
	return opts
}

// classifierFlags are the flags every command that builds a Classifier takes.
type classifierFlags struct {
	lexiconFlags
	noFuzzy    bool
	thresholds thresholdFlag
	model      string
}

func (f *classifierFlags) register(fs *flag.FlagSet) {
	f.lexiconFlags.register(fs)
	fs.BoolVar(&f.noFuzzy, "no-fuzzy", false, "turn spelling-tolerant matching off")
	fs.Var(&f.thresholds, "threshold", "per-label threshold LABEL=VALUE (repeatable)")
	fs.StringVar(&f.model, "model", "", "model file (saring train) that scores the labels it covers")
}

// options returns the classify options the flags ask for; serve builds
// its classifier, and rebuilds it on reload, from them.
func (f *classifierFlags) options() []classify.Option {
	opts := f.lexiconFlags.options()
	if f.noFuzzy {
		opts = append(opts, classify.WithoutFuzzy())
	}
	if f.model != "" {
		opts = append(opts, classify.WithModelFile(f.model))
	}
	for l, v := range f.thresholds {
		opts = append(opts, classify.WithThreshold(l, v))
	}
	return opts
}

func (f *classifierFlags) classifier() (*classify.Classifier, error) {
	return classify.New(f.options()...)
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

const classifyUsage = `usage: saring classify [flags] [FILE...]

Reads one text a line from each FILE in turn (- is standard input), or from
standard input when no FILE is named, and writes one JSON object a line, in
input order: {"flagged":[...],"labels":[...]}, or {"error":"..."} for a line
it cannot answer (over --max-bytes, or a bad --jsonl record). With --jsonl
each line is a JSON object {"id":...,"text":"..."}; the id is echoed. Output
to a pipe is flushed whenever the input has nothing more buffered, so a
co-process gets each answer before it sends the next line. The exit code is
1 only when reading or writing fails, 2 on a usage error.

flags:
`

func runClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring classify", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf classifierFlags
	cf.register(fs)
	var sf streamFlags
	sf.register(fs, stdout, stderr)
	jsonl := fs.Bool("jsonl", false, `read JSON objects {"id":…,"text":"…"}, one a line`)
	pretty := fs.Bool("pretty", false, "human-readable output instead of JSON")
	mask := fs.Bool("mask", false, `add "masked": the text with the evidence of its flagged labels masked`)
	fs.Usage = func() {
		fmt.Fprint(stderr, classifyUsage)
		fs.PrintDefaults()
	}
	srcs, code, ok := sf.parse(fs, args, stdin)
	if !ok {
		return code
	}
	c, err := cf.classifier()
	if err != nil {
		fmt.Fprintf(stderr, "saring classify: %v\n", err)
		return 1
	}
	answer := func(at place, line string) any {
		if *jsonl {
			return classifyRecord(c, line, at, *mask)
		}
		return classifyText(c, nil, line, *mask)
	}
	var write func(io.Writer, place, any)
	if *pretty {
		write = writePretty
	}
	return answerLines("saring classify", srcs, stdout, stderr, sf, answer, write)
}

// classifyRecord classifies one --jsonl line, or says what is wrong with it.
// A byte-order mark before a file's first record is skipped.
func classifyRecord(c *classify.Classifier, line string, at place, mask bool) any {
	if at.line == 1 {
		line = strings.TrimPrefix(line, "\ufeff")
	}
	if strings.TrimSpace(line) == "" {
		return classifyText(c, nil, "", mask)
	}
	id, text, err := record.Parse(line)
	if err != nil {
		return record.ErrorOutput{ID: id, Error: fmt.Sprintf("%s: %v", at, err)}
	}
	return classifyText(c, id, text, mask)
}

// classifyText answers one text, with its masked form when mask is set.
func classifyText(c *classify.Classifier, id json.RawMessage, text string, mask bool) server.Output {
	out := server.Output{ID: id, Result: c.Classify(text)}
	if mask {
		m := out.Result.Mask(text)
		out.Masked = &m
	}
	return out
}

// writePretty prints a record for a person to read, headed by its place:
// #3 on standard input, #posts.txt:3 in a named file.
func writePretty(w io.Writer, at place, rec any) {
	n := strings.TrimPrefix(at.String(), "line ")
	switch r := rec.(type) {
	case record.ErrorOutput:
		fmt.Fprintf(w, "#%s %serror: %s\n\n", n, idPrefix(r.ID), r.Error)
	case server.Output:
		head := "clean"
		if len(r.Flagged) > 0 {
			head = "FLAGGED " + joinLabels(r.Flagged)
		}
		fmt.Fprintf(w, "#%s %s%s\n", n, idPrefix(r.ID), head)
		if r.Masked != nil {
			fmt.Fprintf(w, "  masked: %s\n", *r.Masked)
		}
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
			if l.EvidenceOmitted > 0 {
				fmt.Fprintf(w, "      … and %d more, not listed (at most %d a label)\n", l.EvidenceOmitted, classify.MaxEvidence)
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
