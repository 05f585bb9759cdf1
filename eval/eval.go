// Package eval measures a classifier on a labelled corpus: it reads CSV or
// JSONL files, maps the corpus's columns to saring's labels with small
// expressions (sara=HS_Religion|HS_Race), and reports precision, recall, F1,
// the confusion counts and the worst errors with their evidence.
package eval

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// Expr says when a record has a label, from its gold columns: a '|' of
// terms, each a '&' of column names. A gold column holds 0, 1, true or
// false (any letter case, spaces around ignored; in JSONL also the numbers
// 0 and 1 and the booleans); any other value is an error.
type Expr struct {
	any [][]string
	src string
}

// ParseExpr parses "A|B&C" (A, or both B and C).
func ParseExpr(s string) (Expr, error) {
	e := Expr{src: s}
	for _, term := range strings.Split(s, "|") {
		var all []string
		for _, col := range strings.Split(term, "&") {
			col = strings.TrimSpace(col)
			if col == "" {
				return Expr{}, fmt.Errorf("expression %q has an empty column name", s)
			}
			all = append(all, col)
		}
		e.any = append(e.any, all)
	}
	return e, nil
}

// String returns the expression as written.
func (e Expr) String() string { return e.src }

// columns lists every column the expression reads.
func (e Expr) columns() []string {
	var cols []string
	for _, t := range e.any {
		cols = append(cols, t...)
	}
	return cols
}

// eval computes the expression from the gold values of its columns.
func (e Expr) eval(gold map[string]bool) bool {
	for _, t := range e.any {
		ok := true
		for _, col := range t {
			ok = ok && gold[col]
		}
		if ok {
			return true
		}
	}
	return false
}

// goldValues says which gold values are accepted, for error messages.
const goldValues = "want 0, 1, true or false"

// parseGold reads a gold value written as text: 0, 1, true or false.
func parseGold(v string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "1", "true":
		return true, nil
	case "0", "false":
		return false, nil
	}
	return false, fmt.Errorf("%s, got %q", goldValues, v)
}

// jsonGold reads a gold value from JSON: the numbers 0 and 1, a boolean,
// or a string parseGold accepts.
func jsonGold(v any) (bool, error) {
	switch v := v.(type) {
	case bool:
		return v, nil
	case string:
		return parseGold(v)
	case float64:
		if v == 0 || v == 1 {
			return v == 1, nil
		}
	}
	b, _ := json.Marshal(v)
	return false, fmt.Errorf("%s, got %s", goldValues, b)
}

// Spec maps a saring label to an expression over corpus columns. When
// Targets is set, a sara prediction counts only if it names one of them
// (for corpora that label religion and race but not inter-group hate).
type Spec struct {
	// Label is the saring label predicted.
	Label lexicon.Label
	// Targets, when set, restricts sara predictions to these targets.
	Targets []lexicon.Target
	// Expr computes the corpus's verdict from its columns.
	Expr Expr
}

// ParseSpec parses NAME=EXPR or NAME@TARGET,TARGET=EXPR, e.g.
// "sara=HS_Religion|HS_Race" or "sara@agama,ras,suku=HS_Religion|HS_Race".
func ParseSpec(s string) (Spec, error) {
	name, expr, ok := strings.Cut(s, "=")
	if !ok {
		return Spec{}, fmt.Errorf("label mapping %q: want NAME=EXPR", s)
	}
	name, targets, hasTargets := strings.Cut(strings.TrimSpace(name), "@")
	l, err := lexicon.ParseLabel(name)
	if err != nil {
		return Spec{}, fmt.Errorf("label mapping %q: %w", s, err)
	}
	spec := Spec{Label: l}
	if hasTargets && l != lexicon.SARA {
		return Spec{}, fmt.Errorf("label mapping %q: only sara has targets", s)
	}
	if hasTargets {
		for _, t := range strings.Split(targets, ",") {
			tg, err := lexicon.ParseTarget(strings.TrimSpace(t))
			if err != nil {
				return Spec{}, fmt.Errorf("label mapping %q: %w", s, err)
			}
			spec.Targets = append(spec.Targets, tg)
		}
	}
	if spec.Expr, err = ParseExpr(expr); err != nil {
		return Spec{}, fmt.Errorf("label mapping %q: %w", s, err)
	}
	return spec, nil
}

// predicts reports whether res has the spec's label (with one of its
// targets, when it names any).
func (s Spec) predicts(res classify.Result) bool {
	return res.Has(s.Label) && s.score(res) > 0
}

// score is res's score for the spec's label, or 0 when the spec names
// targets and the label has none of them.
func (s Spec) score(res classify.Result) float64 {
	lr, ok := res.Label(s.Label)
	if !ok {
		return 0
	}
	if len(s.Targets) > 0 && !slices.ContainsFunc(lr.Targets, func(t lexicon.Target) bool { return slices.Contains(s.Targets, t) }) {
		return 0
	}
	return lr.Score
}

// Name is the spec's label with its targets, as written.
func (s Spec) Name() string {
	if len(s.Targets) == 0 {
		return string(s.Label)
	}
	ts := make([]string, len(s.Targets))
	for i, t := range s.Targets {
		ts[i] = string(t)
	}
	return string(s.Label) + "@" + strings.Join(ts, ",")
}

// ParseReplacement parses OLD=NEW, each side a Go string literal body
// ("\\n=\n" turns the two characters backslash-n into a line break), for
// corpora that encode or anonymise their texts.
func ParseReplacement(s string) (old, new string, err error) {
	o, n, ok := strings.Cut(s, "=")
	if !ok || o == "" {
		return "", "", fmt.Errorf("replacement %q: want OLD=NEW", s)
	}
	if old, err = strconv.Unquote(`"` + o + `"`); err != nil {
		return "", "", fmt.Errorf("replacement %q: OLD: %w", s, err)
	}
	if new, err = strconv.Unquote(`"` + n + `"`); err != nil {
		return "", "", fmt.Errorf("replacement %q: NEW: %w", s, err)
	}
	return old, new, nil
}

// Record is one labelled text of a corpus.
type Record struct {
	// File is the name of the corpus file, as given to the reader.
	File string
	// Line is the record's line (JSONL) or record number (CSV, header = 1).
	Line int
	// Text is the text to classify.
	Text string
	// Gold holds the corpus's verdict for each Spec, in Spec order.
	Gold []bool
}

// place names the record in messages: file:line, or "line N" without a
// file name.
func (r Record) place() string {
	if r.File == "" {
		return fmt.Sprintf("line %d", r.Line)
	}
	return fmt.Sprintf("%s:%d", r.File, r.Line)
}

// ReadOption changes how a corpus is read.
type ReadOption func(*readConfig)

type readConfig struct {
	delimiter rune
}

// WithDelimiter sets the field delimiter of a CSV corpus: ',' unless set,
// ';' or '\t' in many exports.
func WithDelimiter(d rune) ReadOption {
	return func(c *readConfig) { c.delimiter = d }
}

// ReadFile reads a corpus: JSONL when the name ends in .jsonl or .ndjson,
// CSV otherwise (first row is the header). textCol names the text column.
func ReadFile(path, textCol string, specs []Spec, opts ...ReadOption) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if IsJSONL(path) {
		return ReadJSONL(f, path, textCol, specs)
	}
	return ReadCSV(f, path, textCol, specs, opts...)
}

// IsJSONL reports whether a file name says JSONL: it ends in .jsonl or
// .ndjson, in any letter case.
func IsJSONL(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// errNoRecords reports a corpus without a single record: a mistake (a
// wrong file, a header alone), never a measurement.
var errNoRecords = errors.New("no records")

// ReadCSV reads a CSV corpus whose first row names the columns. A column
// the specs or textCol read must appear once in the header; a record must
// have as many fields as the header.
func ReadCSV(r io.Reader, name, textCol string, specs []Spec, opts ...ReadOption) ([]Record, error) {
	cfg := readConfig{delimiter: ','}
	for _, o := range opts {
		o(&cfg)
	}
	cr := csv.NewReader(r)
	cr.Comma = cfg.delimiter
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err == io.EOF {
		return nil, fmt.Errorf("%s: %w (an empty file, not even a header)", name, errNoRecords)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: reading header: %w", name, err)
	}
	need := append([]string{textCol}, specColumns(specs)...)
	col := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))
		if j, dup := col[h]; dup && slices.Contains(need, h) {
			return nil, fmt.Errorf("%s:1: column %q appears twice (columns %d and %d)", name, h, j+1, i+1)
		}
		col[h] = i
	}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return nil, fmt.Errorf("%s: no column %q (have %s)", name, n, strings.Join(header, ", "))
		}
	}
	var recs []Record
	for n := 2; ; n++ {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(row) != len(header) {
			line, _ := cr.FieldPos(0)
			return nil, fmt.Errorf("%s:%d: %d fields, the header has %d", name, line, len(row), len(header))
		}
		rec, err := newRecord(name, n, row[col[textCol]], specs, func(c string) (bool, error) {
			v, err := parseGold(row[col[c]])
			if err != nil {
				line, _ := cr.FieldPos(col[c])
				return false, fmt.Errorf("%s:%d: column %q: %w", name, line, c, err)
			}
			return v, nil
		})
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: %w after the header", name, errNoRecords)
	}
	return recs, nil
}

// maxJSONLLine is the longest JSONL line ReadJSONL reads.
const maxJSONLLine = 16 << 20

// ReadJSONL reads one JSON object a line; blank lines are skipped, and a
// byte-order mark before the first line is ignored.
func ReadJSONL(r io.Reader, name, textCol string, specs []Spec) ([]Record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxJSONLLine)
	var recs []Record
	n := 1
	for ; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\ufeff"))
		}
		if len(line) == 0 {
			continue
		}
		if line[0] != '{' {
			return nil, fmt.Errorf("%s:%d: want a JSON object {...}, got %.20q", name, n, line)
		}
		var obj map[string]any
		if err := json.Unmarshal(line, &obj); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n, err)
		}
		text, ok := obj[textCol].(string)
		if !ok {
			return nil, fmt.Errorf("%s:%d: no string field %q", name, n, textCol)
		}
		rec, err := newRecord(name, n, text, specs, func(c string) (bool, error) {
			v, ok := obj[c]
			if !ok {
				return false, fmt.Errorf("%s:%d: no field %q", name, n, c)
			}
			g, err := jsonGold(v)
			if err != nil {
				return false, fmt.Errorf("%s:%d: field %q: %w", name, n, c, err)
			}
			return g, nil
		})
		if err != nil {
			return nil, err
		}
		recs = append(recs, rec)
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return nil, fmt.Errorf("%s:%d: line longer than %d bytes", name, n, maxJSONLLine)
	} else if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	if len(recs) == 0 {
		return nil, fmt.Errorf("%s: %w", name, errNoRecords)
	}
	return recs, nil
}

// specColumns lists the columns the specs read.
func specColumns(specs []Spec) []string {
	var cols []string
	for _, s := range specs {
		cols = append(cols, s.Expr.columns()...)
	}
	return cols
}

// newRecord builds a record, reading each gold column the specs need once
// with gold (whose errors name the file and line).
func newRecord(file string, line int, text string, specs []Spec, gold func(col string) (bool, error)) (Record, error) {
	vals := make(map[string]bool)
	for _, c := range specColumns(specs) {
		if _, done := vals[c]; done {
			continue
		}
		v, err := gold(c)
		if err != nil {
			return Record{}, err
		}
		vals[c] = v
	}
	rec := Record{File: file, Line: line, Text: text, Gold: make([]bool, len(specs))}
	for i, s := range specs {
		rec.Gold[i] = s.Expr.eval(vals)
	}
	return rec, nil
}

// Metrics are one label's figures.
type Metrics struct {
	// Name is the spec's name: the label, with targets when it has any.
	Name  string
	Label lexicon.Label
	// TP, FP, FN and TN count true and false positives and negatives.
	TP, FP, FN, TN int
	// Precision, Recall and F1 are 0 where undefined (nothing predicted,
	// nothing to find).
	Precision, Recall, F1 float64
	// Support is the number of records the corpus labels positive.
	Support int
	// FalsePositives and FalseNegatives are the misclassified records,
	// worst first: false positives by descending score, false negatives by
	// ascending score.
	FalsePositives, FalseNegatives []Case
}

// Case is a misclassified record with the classifier's result.
type Case struct {
	Record Record
	// Score is the classifier's score for the spec's label.
	Score float64
	// Result is the classifier's whole answer, evidence included.
	Result classify.Result
}

// Report holds the figures of one run.
type Report struct {
	// Records is the number of records classified.
	Records int
	// Labels holds one Metrics per spec, in spec order.
	Labels []Metrics
}

// Metric returns the metrics of the spec named name (see Spec.Name).
func (r Report) Metric(name string) (Metrics, bool) {
	for _, m := range r.Labels {
		if m.Name == name {
			return m, true
		}
	}
	return Metrics{}, false
}

// Run classifies every record on all cores and scores each spec's label.
// Errors are sorted worst first: false positives by descending score,
// false negatives by ascending score.
func Run(ctx context.Context, c *classify.Classifier, recs []Record, specs []Spec) (Report, error) {
	results, err := classifyAll(ctx, c, recs, specs)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Records: len(recs)}
	for si, s := range specs {
		m := Metrics{Name: s.Name(), Label: s.Label}
		for i, res := range results {
			pred, gold := s.predicts(res), recs[i].Gold[si]
			lr, _ := res.Label(s.Label)
			switch {
			case pred && gold:
				m.TP++
			case pred && !gold:
				m.FP++
				m.FalsePositives = append(m.FalsePositives, Case{recs[i], lr.Score, res})
			case !pred && gold:
				m.FN++
				m.FalseNegatives = append(m.FalseNegatives, Case{recs[i], lr.Score, res})
			default:
				m.TN++
			}
		}
		m.finish()
		slices.SortStableFunc(m.FalsePositives, func(a, b Case) int { return cmp.Compare(b.Score, a.Score) })
		slices.SortStableFunc(m.FalseNegatives, func(a, b Case) int { return cmp.Compare(a.Score, b.Score) })
		rep.Labels = append(rep.Labels, m)
	}
	return rep, nil
}

// classifyAll checks that every record has a gold value per spec and
// classifies the records on all cores.
func classifyAll(ctx context.Context, c *classify.Classifier, recs []Record, specs []Spec) ([]classify.Result, error) {
	for _, r := range recs {
		if len(r.Gold) != len(specs) {
			return nil, fmt.Errorf("record at line %d has %d gold labels for %d specs", r.Line, len(r.Gold), len(specs))
		}
	}
	texts := make([]string, len(recs))
	for i, r := range recs {
		texts[i] = r.Text
	}
	return c.ClassifyBatch(ctx, texts)
}

// finish sets Support, Precision, Recall and F1 from the counts.
func (m *Metrics) finish() {
	m.Support = m.TP + m.FN
	m.Precision = ratio(m.TP, m.TP+m.FP)
	m.Recall = ratio(m.TP, m.TP+m.FN)
	m.F1 = 0
	if m.Precision+m.Recall > 0 {
		m.F1 = 2 * m.Precision * m.Recall / (m.Precision + m.Recall)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// WriteText prints the figures as a table and, when worst > 0, that many of
// the worst false positives and false negatives of each label with the
// evidence behind them.
func (r Report) WriteText(w io.Writer, worst int) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%d records\n\n", r.Records)
	fmt.Fprintf(bw, "%-24s %9s %9s %9s %8s %7s %7s %7s %7s\n", "label", "precision", "recall", "f1", "support", "tp", "fp", "fn", "tn")
	for _, m := range r.Labels {
		fmt.Fprintf(bw, "%-24s %9.3f %9.3f %9.3f %8d %7d %7d %7d %7d\n",
			m.Name, m.Precision, m.Recall, m.F1, m.Support, m.TP, m.FP, m.FN, m.TN)
	}
	if worst > 0 {
		for _, m := range r.Labels {
			writeCases(bw, m.Name, "false positives", m.FalsePositives, worst)
			writeCases(bw, m.Name, "false negatives", m.FalseNegatives, worst)
		}
	}
	return bw.Flush()
}

func writeCases(w io.Writer, name, what string, cases []Case, n int) {
	if len(cases) == 0 {
		return
	}
	fmt.Fprintf(w, "\n%s: %d %s (showing %d)\n", name, len(cases), what, min(n, len(cases)))
	for _, c := range cases[:min(n, len(cases))] {
		fmt.Fprintf(w, "  %s score %.3f: %s\n", c.Record.place(), c.Score, oneLine(c.Record.Text, 160))
		for _, lr := range c.Result.Labels {
			for _, e := range lr.Evidence {
				desc := string(e.Match)
				if e.Rule != "" {
					desc = e.Rule
				}
				fmt.Fprintf(w, "      %s: %q -> %s (%s, w=%.2f)", lr.Label, e.Text, e.Term, desc, e.Weight)
				if len(e.Context) > 0 {
					fmt.Fprintf(w, " [%s]", strings.Join(e.Context, "; "))
				}
				fmt.Fprintln(w)
			}
		}
	}
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		cut := n
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}
