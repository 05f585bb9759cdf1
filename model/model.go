// Package model holds a saring model: for some of saring's labels, a
// logistic regression over named features of a text (its normalised words
// and stems, the lexicon evidence classify found, a few cues), with the
// decision threshold and the cross-validated figures it was trained with.
//
// A model is a plain UTF-8 text file a researcher can read:
//
//	#! saring-model 1
//	@saring 0.8.0
//	@features 1
//	@corpus 9298 dev.csv
//	@defer no
//	@label abusive bias=-3.2 threshold=0.41 l2=1 weights=2 cv=0.91,0.93,0.92 nb=0.85,0.88,0.86
//	abusive	t:bangsat	2.5
//	abusive	w:cinta	-0.4
//	@end
//
// After the header (the saring version that trained it, the feature
// version, the training corpus's size and name, whether the model defers to
// the lexicons (see Reading.Combine), one @label line per label
// with its bias, threshold, regularisation, number of weights and the
// cross-validated precision, recall and F1 of the model and of a Naive Bayes
// baseline) come label<TAB>feature<TAB>weight lines and a closing @end. A
// label's probability for a text is 1/(1+exp(-(bias + Σ weight·value))) over
// the text's features; classify computes the features.
//
// Package model only reads and writes models; package train fits them and
// classify.WithModel uses them.
package model

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/saring-id/saring/internal/regular"
	"github.com/saring-id/saring/lexicon"
)

// FeatureVersion is the version of the features classify computes for a
// model (their names and values). A model trained on another version is
// refused: its weights would be read against features that mean something
// else.
const FeatureVersion = 1

// formatLine is the first line of every model file.
const formatLine = "#! saring-model 1"

// Figures are precision, recall and F1.
type Figures struct {
	Precision, Recall, F1 float64
}

// Label is the logistic regression of one label.
type Label struct {
	Label lexicon.Label
	// Bias is the intercept of the log-odds.
	Bias float64
	// Threshold is the probability at which the label is flagged, in (0,1).
	Threshold float64
	// L2 is the regularisation strength cross-validation chose.
	L2 float64
	// CV are the cross-validated figures at Threshold; Baseline are those
	// of a Naive Bayes model on the same folds.
	CV, Baseline Figures
	// Weights maps feature names to their weights.
	Weights map[string]float64
}

// Model is a trained model: one Label for each label it covers.
type Model struct {
	// Saring is the saring version that trained the model.
	Saring string
	// Features is the feature version the model was trained on.
	Features int
	// Corpus names the training corpus; Size is its number of texts.
	Corpus string
	Size   int
	// Defer makes the model defer to the lexicons where they decide a label
	// (see Reading.Decided and Reading.Combine).
	Defer bool
	// Labels holds the labels the model covers, in the order of
	// lexicon.Labels(), each at most once.
	Labels []Label
}

// Label returns the model of label l and whether the model covers it.
func (m *Model) Label(l lexicon.Label) (*Label, bool) {
	for i := range m.Labels {
		if m.Labels[i].Label == l {
			return &m.Labels[i], true
		}
	}
	return nil, false
}

// Sigmoid is 1/(1+exp(-z)).
func Sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// ParseError is a problem at a line of a model file.
type ParseError struct {
	File string
	Line int
	Err  error
}

func (e *ParseError) Error() string { return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err) }

// Unwrap returns the problem without its position.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrFeatureVersion is wrapped by the error for a model trained on another
// feature version than FeatureVersion.
var ErrFeatureVersion = errors.New("incompatible feature version")

// Load reads the model file at path; errors name it as path:line.
// Anything but a regular file is refused without blocking (regular.Open).
func Load(path string) (*Model, error) {
	f, err := regular.Open(path)
	if err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	defer f.Close()
	return Parse(f, path)
}

// maxLine is the longest line a model file may have.
const maxLine = 64 << 10

// Parse reads a model file; name is used in errors (name:line).
func Parse(r io.Reader, name string) (*Model, error) {
	p := parser{name: name, m: &Model{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 4096), maxLine)
	for sc.Scan() {
		p.line++
		if err := p.parseLine(sc.Text()); err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &ParseError{name, p.line + 1, err}
	}
	if !p.ended {
		return nil, p.errf("truncated: the file ends without its @end line")
	}
	return p.m, nil
}

type parser struct {
	name  string
	line  int
	m     *Model
	seen  map[string]bool // header directives read
	want  []int           // weights each label declares
	ended bool
}

func (p *parser) errf(format string, args ...any) error {
	return &ParseError{p.name, p.line, fmt.Errorf(format, args...)}
}

func (p *parser) parseLine(s string) error {
	if !utf8.ValidString(s) {
		return p.errf("invalid UTF-8")
	}
	if p.line == 1 {
		if s != formatLine && s != "\ufeff"+formatLine {
			return p.errf("not a saring model: the first line must be %q", formatLine)
		}
		p.seen = make(map[string]bool)
		return nil
	}
	if p.ended {
		if strings.TrimSpace(s) != "" {
			return p.errf("text after @end")
		}
		return nil
	}
	switch {
	case s == "" || strings.HasPrefix(s, "#"):
		return nil
	case strings.HasPrefix(s, "@"):
		return p.directive(s)
	}
	return p.weight(s)
}

func (p *parser) directive(s string) error {
	name, rest, _ := strings.Cut(s, " ")
	if name != "@label" && p.seen[name] {
		return p.errf("%s given twice", name)
	}
	p.seen[name] = true
	switch name {
	case "@saring":
		if rest == "" {
			return p.errf("@saring: want the saring version")
		}
		p.m.Saring = rest
	case "@features":
		v, err := strconv.Atoi(rest)
		if err != nil {
			return p.errf("@features: %q is not a version number", rest)
		}
		if v != FeatureVersion {
			return p.errf("%w: the model was trained on feature version %d, this saring computes version %d; retrain it with this saring (saring train)",
				ErrFeatureVersion, v, FeatureVersion)
		}
		p.m.Features = v
	case "@corpus":
		size, corpus, _ := strings.Cut(rest, " ")
		n, err := strconv.Atoi(size)
		if err != nil || n < 0 {
			return p.errf("@corpus: want SIZE NAME, got %q", rest)
		}
		p.m.Size, p.m.Corpus = n, corpus
	case "@defer":
		switch rest {
		case "yes", "no":
			p.m.Defer = rest == "yes"
		default:
			return p.errf("@defer: want yes or no, got %q", rest)
		}
	case "@label":
		for _, d := range []string{"@saring", "@features", "@corpus", "@defer"} {
			if !p.seen[d] {
				return p.errf("@label before %s", d)
			}
		}
		return p.label(rest)
	case "@end":
		if rest != "" {
			return p.errf("@end takes nothing after it")
		}
		if len(p.m.Labels) == 0 {
			return p.errf("the model has no @label line")
		}
		for i, l := range p.m.Labels {
			if len(l.Weights) != p.want[i] {
				return p.errf("truncated or edited: %s declares %d weights, the file has %d", l.Label, p.want[i], len(l.Weights))
			}
		}
		p.ended = true
	default:
		return p.errf("unknown directive %s", name)
	}
	return nil
}

func (p *parser) label(s string) error {
	fields := strings.Fields(s)
	if len(fields) == 0 {
		return p.errf("@label: want a label name")
	}
	l, err := lexicon.ParseLabel(fields[0])
	if err != nil {
		return p.errf("@label: %v", err)
	}
	order := lexicon.Labels()
	for _, x := range p.m.Labels {
		if x.Label == l {
			return p.errf("@label %s given twice", l)
		}
		if slices.Index(order, x.Label) > slices.Index(order, l) {
			return p.errf("@label %s after %s: labels go in the order of lexicon.Labels()", l, x.Label)
		}
	}
	lm := Label{Label: l, Weights: map[string]float64{}}
	want := -1
	got := map[string]bool{}
	for _, f := range fields[1:] {
		k, v, ok := strings.Cut(f, "=")
		if !ok || got[k] {
			return p.errf("@label %s: bad or repeated field %q", l, f)
		}
		got[k] = true
		switch k {
		case "bias":
			lm.Bias, err = parseWeight(v)
		case "threshold":
			lm.Threshold, err = parseFinite(v)
			if err == nil && !(lm.Threshold > 0 && lm.Threshold < 1) {
				err = fmt.Errorf("%v is outside (0,1)", lm.Threshold)
			}
		case "l2":
			lm.L2, err = parseFinite(v)
			if err == nil && lm.L2 < 0 {
				err = fmt.Errorf("negative")
			}
		case "weights":
			want, err = strconv.Atoi(v)
			if err == nil && want < 0 {
				err = fmt.Errorf("negative")
			}
		case "cv":
			lm.CV, err = parseFigures(v)
		case "nb":
			lm.Baseline, err = parseFigures(v)
		default:
			err = fmt.Errorf("unknown field")
		}
		if err != nil {
			return p.errf("@label %s: %s: %v", l, k, err)
		}
	}
	for _, k := range []string{"bias", "threshold", "l2", "weights", "cv", "nb"} {
		if !got[k] {
			return p.errf("@label %s: no %s=", l, k)
		}
	}
	p.m.Labels = append(p.m.Labels, lm)
	p.want = append(p.want, want)
	return nil
}

func (p *parser) weight(s string) error {
	parts := strings.Split(s, "\t")
	if len(parts) != 3 {
		return p.errf("want label<TAB>feature<TAB>weight, got %d fields", len(parts))
	}
	if len(p.m.Labels) == 0 {
		return p.errf("weight before the @label lines")
	}
	l, err := lexicon.ParseLabel(parts[0])
	if err != nil {
		return p.errf("%v", err)
	}
	lm, ok := p.m.Label(l)
	if !ok {
		return p.errf("weight for %s, which has no @label line", l)
	}
	if err := CheckFeature(parts[1]); err != nil {
		return p.errf("%v", err)
	}
	if _, dup := lm.Weights[parts[1]]; dup {
		return p.errf("%s feature %q given twice", l, parts[1])
	}
	w, err := parseWeight(parts[2])
	if err != nil {
		return p.errf("weight of %q: %v", parts[1], err)
	}
	lm.Weights[parts[1]] = w
	return nil
}

// CheckFeature reports whether name can stand in a model file: not empty,
// no tab, line break or leading or trailing space.
func CheckFeature(name string) error {
	switch {
	case name == "":
		return fmt.Errorf("empty feature name")
	case strings.ContainsAny(name, "\t\r\n"):
		return fmt.Errorf("feature name %q holds a tab or line break", name)
	case strings.TrimSpace(name) != name:
		return fmt.Errorf("feature name %q has leading or trailing space", name)
	case !utf8.ValidString(name):
		return fmt.Errorf("feature name %q is not UTF-8", name)
	}
	return nil
}

func parseFinite(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a number", s)
	}
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not finite", s)
	}
	return v, nil
}

// maxWeight bounds the weights and biases a model file may hold. Training
// gives a few units at most; a larger one is an edit gone wrong, and sums
// of such weights would overflow to infinities whose sum is NaN.
const maxWeight = 1000

// parseWeight parses a weight or a bias: finite, at most maxWeight in size.
func parseWeight(s string) (float64, error) {
	v, err := parseFinite(s)
	if err == nil && math.Abs(v) > maxWeight {
		err = fmt.Errorf("%q is beyond ±%d", s, maxWeight)
	}
	return v, err
}

func parseFigures(s string) (Figures, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 3 {
		return Figures{}, fmt.Errorf("want precision,recall,f1, got %q", s)
	}
	var v [3]float64
	for i, x := range parts {
		f, err := parseFinite(x)
		if err != nil {
			return Figures{}, err
		}
		if f < 0 || f > 1 {
			return Figures{}, fmt.Errorf("%v is outside [0,1]", f)
		}
		v[i] = f
	}
	return Figures{v[0], v[1], v[2]}, nil
}

// Write writes m in the model file format: the header, then each label's
// weights sorted by feature name, then @end. Numbers are written with
// strconv's shortest form, so the same model always gives the same bytes.
func (m *Model) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, formatLine)
	fmt.Fprintln(bw, "# A saring model: per label, a logistic regression over saring's features.")
	fmt.Fprintln(bw, "# probability = 1/(1+exp(-(bias + sum of weight*value))); lines are label<TAB>feature<TAB>weight.")
	fmt.Fprintf(bw, "@saring %s\n", m.Saring)
	fmt.Fprintf(bw, "@features %d\n", m.Features)
	fmt.Fprintf(bw, "@corpus %d %s\n", m.Size, m.Corpus)
	fmt.Fprintf(bw, "@defer %s\n", map[bool]string{true: "yes", false: "no"}[m.Defer])
	for _, l := range m.Labels {
		fmt.Fprintf(bw, "@label %s bias=%s threshold=%s l2=%s weights=%d cv=%s nb=%s\n", l.Label,
			num(l.Bias), num(l.Threshold), num(l.L2), len(l.Weights), figures(l.CV), figures(l.Baseline))
	}
	for _, l := range m.Labels {
		names := make([]string, 0, len(l.Weights))
		for f := range l.Weights {
			if err := CheckFeature(f); err != nil {
				return fmt.Errorf("model: %s: %w", l.Label, err)
			}
			names = append(names, f)
		}
		slices.Sort(names)
		for _, f := range names {
			fmt.Fprintf(bw, "%s\t%s\t%s\n", l.Label, f, num(l.Weights[f]))
		}
	}
	fmt.Fprintln(bw, "@end")
	return bw.Flush()
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func figures(f Figures) string {
	return num(f.Precision) + "," + num(f.Recall) + "," + num(f.F1)
}

// Strongest returns the n features of l with the highest weights and the n
// with the lowest, each sorted by how strong it is (ties by name).
func (l *Label) Strongest(n int) (pos, neg []string) {
	names := make([]string, 0, len(l.Weights))
	for f := range l.Weights {
		names = append(names, f)
	}
	slices.SortFunc(names, func(a, b string) int {
		if c := -cmp.Compare(l.Weights[a], l.Weights[b]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	for _, f := range names {
		if len(pos) < n && l.Weights[f] > 0 {
			pos = append(pos, f)
		}
	}
	for i := len(names) - 1; i >= 0 && len(neg) < n; i-- {
		if l.Weights[names[i]] < 0 {
			neg = append(neg, names[i])
		}
	}
	return pos, neg
}
