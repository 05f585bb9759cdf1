// Package train fits saring models (package model) on labelled texts: per
// label an L2-regularised logistic regression over the features
// classify.Classifier.Features computes, with the regularisation strength
// and the decision threshold chosen by k-fold cross-validation on the
// training texts alone, and a Naive Bayes baseline on the same folds.
//
// Training is deterministic: the folds come from a seeded shuffle, every
// fit is a deterministic L-BFGS run (gonum's optimize), and the weights are
// rounded before they are written, so the same texts and options give the
// same model file, byte for byte.
package train

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"gonum.org/v1/gonum/optimize"

	saring "github.com/saring-id/saring"
	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

// Options tune training. The zero value is not useful: start from Defaults.
type Options struct {
	// Folds is k of the k-fold cross-validation (at least 2).
	Folds int
	// Seed seeds the shuffle that deals the texts into folds.
	Seed uint64
	// L2 are the regularisation strengths cross-validation chooses among.
	L2 []float64
	// WordPenalty multiplies the regularisation of word features (w:, s:)
	// against the lexicon and cue features, so that a word needs more
	// evidence than the lexicon's reading of a text to move a score.
	WordPenalty float64
	// MinTexts drops features found in fewer training texts.
	MinTexts int
	// Without lists feature groups to leave out, by prefix ("b", "s", ...).
	Without []string
	// Defer makes the model defer to the lexicons where they decide a label
	// (model.Reading.Decided); cross-validation scores it so.
	Defer bool
	// Corpus names the training corpus in the model's header.
	Corpus string
}

// Defaults are the options `saring train` uses.
func Defaults() Options {
	return Options{Folds: 5, Seed: 13, L2: []float64{1, 3, 10}, WordPenalty: 1, MinTexts: 2}
}

// Result is a trained model with what cross-validation found.
type Result struct {
	Model *model.Model
	// Features is the number of features kept (in at least MinTexts texts).
	Features int
	// Labels holds, per label, the figures of each L2 tried.
	Labels []LabelResult
}

// LabelResult is the cross-validation of one label.
type LabelResult struct {
	Label lexicon.Label
	// Positives is the number of training texts that have the label.
	Positives int
	// Tried holds the cross-validated figures of each L2, in Options.L2 order.
	Tried []model.Figures
}

// weightDigits is the decimals weights and biases are written with.
const weightDigits = 4

// Train fits a model for labels on texts, where gold[i][j] says whether
// texts[i] has labels[j]. c computes the features (use a lexicon-only
// classifier with the lexicons the model will be used with). It refuses,
// naming the label and its counts, a label with fewer than opt.Folds
// positive or negative texts: one class alone trains nothing but a bias.
func Train(ctx context.Context, c *classify.Classifier, texts []string, labels []lexicon.Label, gold [][]bool, opt Options) (*Result, error) {
	if err := check(texts, labels, gold, opt); err != nil {
		return nil, err
	}
	data, names, readings, err := featurize(ctx, c, texts, opt)
	if err != nil {
		return nil, err
	}
	folds := dealFolds(len(texts), opt.Folds, opt.Seed)
	penalty := make([]float64, len(names))
	for j, n := range names {
		penalty[j] = 1
		if isWordFeature(n) {
			penalty[j] = opt.WordPenalty
		}
	}
	// Every fit (label × L2 × fold, then one final fit a label) is
	// independent: run them on all cores, each writing its own slot.
	type job struct{ li, ri, fold int } // fold == opt.Folds: the final fit on all texts
	nL2 := len(opt.L2)
	oof := make([][][]float64, len(labels)) // [label][l2][text] out-of-fold probability
	nb := make([][]float64, len(labels))    // [label][text] out-of-fold NB log-odds
	for li := range labels {
		oof[li] = make([][]float64, nL2)
		for ri := range oof[li] {
			oof[li][ri] = make([]float64, len(texts))
		}
		nb[li] = make([]float64, len(texts))
	}
	y := func(li int) []bool {
		col := make([]bool, len(texts))
		for i := range texts {
			col[i] = gold[i][li]
		}
		return col
	}
	ys := make([][]bool, len(labels))
	for li := range labels {
		ys[li] = y(li)
	}
	var jobs []job
	for li := range labels {
		for ri := range opt.L2 {
			for f := range opt.Folds {
				jobs = append(jobs, job{li, ri, f})
			}
		}
	}
	err = parallel(ctx, len(jobs), func(k int) error {
		j := jobs[k]
		train, test := split(folds, j.fold)
		w, err := fit(data, ys[j.li], train, penalty, opt.L2[j.ri], len(names))
		if err != nil {
			return err
		}
		li := slices.Index(lexicon.Labels(), labels[j.li])
		for _, i := range test {
			oof[j.li][j.ri][i] = decisionScore(readings[i], li, model.Sigmoid(dot(w, data[i])), opt.Defer)
		}
		if j.ri == 0 {
			nbm := fitNB(data, ys[j.li], train, len(names))
			for _, i := range test {
				nb[j.li][i] = nbm.logOdds(data[i])
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	m := &model.Model{Saring: saring.Version, Features: model.FeatureVersion, Corpus: opt.Corpus, Size: len(texts), Defer: opt.Defer}
	res := &Result{Model: m, Features: len(names)}
	chosen := make([]int, len(labels))
	for li, l := range labels {
		lr := LabelResult{Label: l}
		for _, g := range ys[li] {
			if g {
				lr.Positives++
			}
		}
		best := 0
		for ri := range opt.L2 {
			f := crossValidated(oof[li][ri], ys[li], folds)
			lr.Tried = append(lr.Tried, f)
			if f.F1 > lr.Tried[best].F1 {
				best = ri
			}
		}
		chosen[li] = best
		res.Labels = append(res.Labels, lr)
		t, _ := bestThreshold(oof[li][best], ys[li], nil)
		m.Labels = append(m.Labels, model.Label{
			Label: l, Threshold: min(max(round(t, 3), 0.001), 0.999), L2: opt.L2[best],
			CV:       roundFigures(lr.Tried[best]),
			Baseline: roundFigures(crossValidated(nb[li], ys[li], folds)),
		})
	}
	all := make([]int, len(texts))
	for i := range all {
		all[i] = i
	}
	err = parallel(ctx, len(labels), func(li int) error {
		w, err := fit(data, ys[li], all, penalty, opt.L2[chosen[li]], len(names))
		if err != nil {
			return err
		}
		lm := &m.Labels[li]
		lm.Bias = round(w[len(names)], weightDigits)
		lm.Weights = make(map[string]float64)
		for j, n := range names {
			if r := round(w[j], weightDigits); r != 0 {
				lm.Weights[n] = r
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func check(texts []string, labels []lexicon.Label, gold [][]bool, opt Options) error {
	switch {
	case len(labels) == 0:
		return errors.New("train: no labels")
	case len(gold) != len(texts):
		return fmt.Errorf("train: %d texts but %d gold rows", len(texts), len(gold))
	case opt.Folds < 2:
		return fmt.Errorf("train: %d folds; want at least 2", opt.Folds)
	case len(texts) < 2*opt.Folds:
		return fmt.Errorf("train: %d texts are too few for %d folds", len(texts), opt.Folds)
	case len(opt.L2) == 0:
		return errors.New("train: no L2 strengths to try")
	case !(opt.WordPenalty > 0):
		return fmt.Errorf("train: word penalty %v; want > 0", opt.WordPenalty)
	}
	seen := map[lexicon.Label]bool{}
	for _, l := range labels {
		if !l.Valid() || seen[l] {
			return fmt.Errorf("train: label %q unknown or given twice", l)
		}
		seen[l] = true
	}
	if !slices.IsSortedFunc(labels, func(a, b lexicon.Label) int {
		return cmp.Compare(slices.Index(lexicon.Labels(), a), slices.Index(lexicon.Labels(), b))
	}) {
		return errors.New("train: labels must be in the order of lexicon.Labels()")
	}
	for _, r := range opt.L2 {
		if !(r > 0) || math.IsInf(r, 0) {
			return fmt.Errorf("train: L2 strength %v; want > 0", r)
		}
	}
	for i, g := range gold {
		if len(g) != len(labels) {
			return fmt.Errorf("train: text %d has %d gold labels for %d labels", i, len(g), len(labels))
		}
	}
	// A label with one class only would train a bias that switches it off
	// (or on) for every text; with fewer than one text of a class a fold,
	// cross-validation cannot choose a threshold honestly.
	for j, l := range labels {
		pos := 0
		for _, g := range gold {
			if g[j] {
				pos++
			}
		}
		if neg := len(gold) - pos; pos < opt.Folds || neg < opt.Folds {
			return fmt.Errorf("train: label %s has %d positive and %d negative texts; it needs at least %d of each (one a fold)",
				l, pos, neg, opt.Folds)
		}
	}
	return nil
}

// decisionScore is the score whose threshold cross-validation chooses:
// the model's probability p, or for a model that defers to the lexicons,
// above every probability where they flag label i and below every one
// where they decide it unflagged (model.Reading.Decided).
func decisionScore(r model.Reading, i int, p float64, deference bool) float64 {
	if !deference {
		return p
	}
	switch decided, flag := r.Decided(i); {
	case flag:
		return 2
	case decided:
		return -1
	}
	return p
}

// isWordFeature reports the feature groups of words and stems.
func isWordFeature(name string) bool {
	return strings.HasPrefix(name, "w:") || strings.HasPrefix(name, "s:")
}

// sparse is one text's features: indices into the feature names, values.
type sparse struct {
	idx []int32
	val []float64
}

// featurize computes every text's features and keeps those found in at
// least opt.MinTexts texts and not in a group of opt.Without. The names
// are sorted, so indices do not depend on the order texts come in. It
// also returns each text's lexicon reading (model.ReadingOf), which
// decides with the model's probability (model.Reading.Combine).
func featurize(ctx context.Context, c *classify.Classifier, texts []string, opt Options) ([]sparse, []string, []model.Reading, error) {
	feats := make([][]model.Feature, len(texts))
	err := parallel(ctx, len(texts), func(i int) error {
		feats[i] = c.Features(texts[i])
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	readings := make([]model.Reading, len(texts))
	df := map[string]int{}
	for i, fs := range feats {
		readings[i] = model.ReadingOf(fs)
		for _, f := range fs {
			df[f.Name]++
		}
	}
	var names []string
	for n, k := range df {
		group, _, _ := strings.Cut(n, ":")
		if k >= opt.MinTexts && !slices.Contains(opt.Without, group) {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	id := make(map[string]int32, len(names))
	for j, n := range names {
		id[n] = int32(j)
	}
	data := make([]sparse, len(texts))
	for i, fs := range feats {
		for _, f := range fs { // sorted by name, so idx ascends
			if j, ok := id[f.Name]; ok {
				data[i].idx = append(data[i].idx, j)
				data[i].val = append(data[i].val, f.Value)
			}
		}
	}
	return data, names, readings, nil
}

// parallel runs do(0..n-1) on all cores and returns the first error.
func parallel(ctx context.Context, n int, do func(int) error) error {
	next := make(chan int)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				errs[k] = do(k)
			}
		}()
	}
	var err error
	for k := 0; k < n && err == nil; k++ {
		select {
		case next <- k:
		case <-ctx.Done():
			err = fmt.Errorf("train: %w", ctx.Err())
		}
	}
	close(next)
	wg.Wait()
	return cmp.Or(err, errors.Join(errs...))
}

// dealFolds gives each text a fold in [0,k), after a seeded shuffle.
func dealFolds(n, k int, seed uint64) []int {
	perm := rand.New(rand.NewPCG(seed, 0x5a121)).Perm(n)
	folds := make([]int, n)
	for pos, i := range perm {
		folds[i] = pos % k
	}
	return folds
}

// split returns the texts outside and inside fold f.
func split(folds []int, f int) (train, test []int) {
	for i, x := range folds {
		if x == f {
			test = append(test, i)
		} else {
			train = append(train, i)
		}
	}
	return train, test
}

// dot is the log-odds of x under w (weights, then the bias last).
func dot(w []float64, x sparse) float64 {
	z := w[len(w)-1]
	for k, j := range x.idx {
		z += w[j] * x.val[k]
	}
	return z
}

// fit minimises the logistic loss over the texts rows plus
// l2/2 · Σ penalty_j w_j² with L-BFGS, and returns the weights with the
// bias last.
func fit(data []sparse, y []bool, rows []int, penalty []float64, l2 float64, nf int) ([]float64, error) {
	z := make([]float64, len(rows))
	var last []float64
	eval := func(w []float64) {
		if last != nil && slices.Equal(last, w) {
			return
		}
		last = append(last[:0], w...)
		for k, i := range rows {
			z[k] = dot(w, data[i])
		}
	}
	p := optimize.Problem{
		Func: func(w []float64) float64 {
			eval(w)
			loss := 0.0
			for k, i := range rows {
				loss += softplus(z[k])
				if y[i] {
					loss -= z[k]
				}
			}
			for j := range nf {
				loss += l2 / 2 * penalty[j] * w[j] * w[j]
			}
			return loss
		},
		Grad: func(g, w []float64) {
			eval(w)
			clear(g)
			for k, i := range rows {
				d := model.Sigmoid(z[k])
				if y[i] {
					d--
				}
				for m, j := range data[i].idx {
					g[j] += d * data[i].val[m]
				}
				g[nf] += d
			}
			for j := range nf {
				g[j] += l2 * penalty[j] * w[j]
			}
		},
	}
	settings := &optimize.Settings{
		GradientThreshold: 1e-4,
		MajorIterations:   500,
		Converger:         &optimize.FunctionConverge{Relative: 1e-7, Iterations: 20},
	}
	r, err := optimize.Minimize(p, make([]float64, nf+1), settings, &optimize.LBFGS{})
	if err != nil && r == nil {
		return nil, fmt.Errorf("train: fit: %w", err)
	}
	return r.X, nil
}

// softplus is log(1+exp(z)), stable for large |z|.
func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}

// naiveBayes is a Bernoulli-event multinomial Naive Bayes over the same
// features (present or not), with add-one smoothing.
type naiveBayes struct {
	prior float64
	logr  []float64 // per feature: log P(f|pos) - log P(f|neg)
}

func fitNB(data []sparse, y []bool, rows []int, nf int) naiveBayes {
	var cnt [2][]float64
	var tot [2]float64
	var docs [2]float64
	for c := range cnt {
		cnt[c] = make([]float64, nf)
	}
	for _, i := range rows {
		c := 0
		if y[i] {
			c = 1
		}
		docs[c]++
		for _, j := range data[i].idx {
			cnt[c][j]++
			tot[c]++
		}
	}
	nb := naiveBayes{prior: math.Log((docs[1] + 1) / (docs[0] + 1)), logr: make([]float64, nf)}
	for j := range nf {
		nb.logr[j] = math.Log((cnt[1][j]+1)/(tot[1]+float64(nf))) - math.Log((cnt[0][j]+1)/(tot[0]+float64(nf)))
	}
	return nb
}

func (nb naiveBayes) logOdds(x sparse) float64 {
	z := nb.prior
	for _, j := range x.idx {
		z += nb.logr[j]
	}
	return z
}

// crossValidated scores out-of-fold scores honestly: the threshold applied
// to each fold is the one that maximises F1 on the other folds' scores.
func crossValidated(score []float64, y []bool, folds []int) model.Figures {
	var tp, fp, fn int
	k := slices.Max(folds) + 1
	for f := range k {
		t, _ := bestThreshold(score, y, func(i int) bool { return folds[i] != f })
		for i, s := range score {
			if folds[i] != f {
				continue
			}
			switch pred := s >= t; {
			case pred && y[i]:
				tp++
			case pred:
				fp++
			case y[i]:
				fn++
			}
		}
	}
	return figures(tp, fp, fn)
}

// bestThreshold returns the threshold that maximises F1 over the scores of
// the texts in (all when in is nil), halfway between two adjacent scores,
// and that F1.
func bestThreshold(score []float64, y []bool, in func(int) bool) (float64, float64) {
	type sc struct {
		s   float64
		pos bool
	}
	var all []sc
	pos := 0
	for i, s := range score {
		if in == nil || in(i) {
			all = append(all, sc{s, y[i]})
			if y[i] {
				pos++
			}
		}
	}
	slices.SortStableFunc(all, func(a, b sc) int { return cmp.Compare(b.s, a.s) })
	bestT, bestF := math.Inf(1), 0.0
	tp, fp := 0, 0
	for k, x := range all {
		if x.pos {
			tp++
		} else {
			fp++
		}
		if k+1 < len(all) && all[k+1].s == x.s {
			continue // a threshold cannot split equal scores
		}
		f := figures(tp, fp, pos-tp).F1
		if f > bestF {
			bestF = f
			bestT = x.s
			if k+1 < len(all) {
				bestT = (x.s + all[k+1].s) / 2
			}
		}
	}
	return bestT, bestF
}

func figures(tp, fp, fn int) model.Figures {
	var f model.Figures
	if tp+fp > 0 {
		f.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		f.Recall = float64(tp) / float64(tp+fn)
	}
	if f.Precision+f.Recall > 0 {
		f.F1 = 2 * f.Precision * f.Recall / (f.Precision + f.Recall)
	}
	return f
}

// round rounds v to digits decimals, to the float that prints that way.
func round(v float64, digits int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'f', digits, 64), 64)
	return r + 0 // no -0
}

func roundFigures(f model.Figures) model.Figures {
	return model.Figures{Precision: round(f.Precision, 4), Recall: round(f.Recall, 4), F1: round(f.F1, 4)}
}
