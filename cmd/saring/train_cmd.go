package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/train"
)

// floatsFlag collects a comma-separated list of numbers.
type floatsFlag []float64

func (f *floatsFlag) String() string { return fmt.Sprint([]float64(*f)) }

func (f *floatsFlag) Set(v string) error {
	*f = nil
	for _, s := range strings.Split(v, ",") {
		x, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return err
		}
		*f = append(*f, x)
	}
	return nil
}

func runTrain(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := train.Defaults()
	var corpus corpusFlags
	corpus.register(fs, "training")
	var lf lexiconFlags // use the same when classifying with the model
	lf.register(fs)
	out := fs.String("o", "", "write the model to this file (required; not an input file), replacing it atomically")
	fs.IntVar(&def.Folds, "folds", def.Folds, "k of the k-fold cross-validation")
	fs.Uint64Var(&def.Seed, "seed", def.Seed, "seed of the shuffle that deals texts into folds")
	l2 := floatsFlag(def.L2)
	fs.Var(&l2, "l2", "regularisation strengths to choose among, comma-separated")
	fs.Float64Var(&def.WordPenalty, "word-penalty", def.WordPenalty, "regularisation of word and stem features relative to lexicon and cue features")
	fs.IntVar(&def.MinTexts, "min-texts", def.MinTexts, "drop features found in fewer training texts")
	fs.BoolVar(&def.Defer, "defer", def.Defer, "defer to the lexicons where they read a text otherwise (saring's label definitions over the corpus's)")
	without := fs.String("without", "", "feature groups to leave out, comma-separated prefixes (w,s,t,k,r,x,d,l,g,c)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: saring train [flags] --text COLUMN --label NAME=EXPR ... -o MODEL [FILE...]\n\n"+
			"Fits a model of the labels named on a labelled corpus, read as saring eval reads it\n"+
			"(the FILEs named, - or none for standard input), and writes it to MODEL.\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	files, err := fileArgs(fs, args)
	if err == nil {
		err = corpus.check()
	}
	if err == nil && *out == "" {
		err = fmt.Errorf("no -o MODEL given")
	}
	if err != nil {
		return usageError(fs, "%v", err)
	}
	def.L2 = l2
	if *without != "" {
		def.Without = strings.Split(*without, ",")
	}
	fail := func(err error) int {
		// Package train names itself in its errors; say it once.
		fmt.Fprintf(stderr, "saring train: %s\n", strings.TrimPrefix(err.Error(), "train: "))
		return 1
	}
	if err := checkOutput(*out, files); err != nil {
		return fail(err)
	}
	labels, err := trainLabels(corpus.specs)
	if err != nil {
		return fail(err)
	}
	recs, names, err := corpus.read(files, stdin)
	if err != nil {
		return fail(err)
	}
	for i, name := range names {
		names[i] = filepath.Base(name)
	}
	def.Corpus = strings.Join(names, " ")
	c, err := classify.New(lf.options()...)
	if err != nil {
		return fail(err)
	}
	texts := make([]string, len(recs))
	gold := make([][]bool, len(recs))
	for i, r := range recs {
		texts[i], gold[i] = r.Text, make([]bool, len(labels))
		for si, s := range corpus.specs {
			gold[i][slices.Index(labels, s.Label)] = r.Gold[si]
		}
	}
	began := time.Now()
	res, err := train.Train(context.Background(), c, texts, labels, gold, def)
	if err != nil {
		return fail(err)
	}
	took := time.Since(began)
	if err := writeModelFile(*out, res); err != nil {
		return fail(err)
	}
	bw := bufio.NewWriter(stdout)
	fmt.Fprintf(bw, "%d texts, %d features in at least %d texts, %d-fold cross-validation, %s\n\n",
		len(texts), res.Features, def.MinTexts, def.Folds, took.Round(100*time.Millisecond))
	fmt.Fprintf(bw, "%-12s %9s %6s %9s %9s %9s %9s %9s %9s %9s\n", "label", "threshold", "l2",
		"precision", "recall", "f1", "nb prec", "nb recall", "nb f1", "positives")
	for i, l := range res.Model.Labels {
		fmt.Fprintf(bw, "%-12s %9.3f %6g %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9d\n", l.Label, l.Threshold, l.L2,
			l.CV.Precision, l.CV.Recall, l.CV.F1, l.Baseline.Precision, l.Baseline.Recall, l.Baseline.F1, res.Labels[i].Positives)
	}
	fmt.Fprintf(bw, "\ncross-validated F1 of each l2:\n")
	for _, lr := range res.Labels {
		fmt.Fprintf(bw, "  %-12s", lr.Label)
		for k, f := range lr.Tried {
			fmt.Fprintf(bw, "  l2=%g: %.3f", def.L2[k], f.F1)
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "\nmodel written to %s\n", *out)
	if err := bw.Flush(); err != nil {
		return fail(err)
	}
	return 0
}

// trainLabels returns the labels of specs in the order of
// lexicon.Labels(), refusing what cannot be trained.
func trainLabels(specs []eval.Spec) ([]lexicon.Label, error) {
	var labels []lexicon.Label
	for _, s := range specs {
		if len(s.Targets) > 0 {
			return nil, fmt.Errorf("--label %s: targets restrict what eval counts; train learns the label itself", s.Name())
		}
		if slices.Contains(labels, s.Label) {
			return nil, fmt.Errorf("--label %s given twice", s.Label)
		}
		labels = append(labels, s.Label)
	}
	order := lexicon.Labels()
	slices.SortFunc(labels, func(a, b lexicon.Label) int { return slices.Index(order, a) - slices.Index(order, b) })
	return labels, nil
}

// checkOutput refuses an output path that is one of the input files
// (standard input, -, is none).
func checkOutput(out string, files []string) error {
	o, err := os.Stat(out)
	if err != nil {
		return nil // no file there yet, or none we can read: writing tells
	}
	for _, f := range files {
		if f == "-" {
			continue
		}
		if in, err := os.Stat(f); err == nil && os.SameFile(o, in) {
			return fmt.Errorf("-o %s is the input file %s; write the model elsewhere", out, f)
		}
	}
	return nil
}

// writeModelFile writes the model to path atomically: to a temporary file
// in path's directory, renamed to path once complete (mode 0644), so that
// whoever reads path (a server reloading its model) finds the old model
// or the new one, never a partial file. On error the temporary file is
// removed and path is left as it was.
func writeModelFile(path string, res *train.Result) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("-o %s: %w", path, err)
	}
	err = res.Model.Write(f)
	if err == nil {
		err = f.Chmod(0o644)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("-o %s: %w", path, err)
	}
	return nil
}
