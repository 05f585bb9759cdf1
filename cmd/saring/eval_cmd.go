package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/saring-id/saring/eval"
)

// specFlag collects repeated --label NAME=EXPR flags.
type specFlag []eval.Spec

func (s *specFlag) String() string { return fmt.Sprint([]eval.Spec(*s)) }

func (s *specFlag) Set(v string) error {
	spec, err := eval.ParseSpec(v)
	if err != nil {
		return err
	}
	*s = append(*s, spec)
	return nil
}

// replFlag collects --replace OLD=NEW pairs for strings.NewReplacer.
type replFlag []string

func (r *replFlag) String() string { return strings.Join(*r, " ") }

func (r *replFlag) Set(v string) error {
	old, new, err := eval.ParseReplacement(v)
	if err != nil {
		return err
	}
	*r = append(*r, old, new)
	return nil
}

func runEval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("saring eval", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cf classifierFlags
	cf.register(fs)
	text := fs.String("text", "text", "name of the text column")
	var specs specFlag
	fs.Var(&specs, "label", "label mapping NAME=EXPR, e.g. sara='HS_Religion|HS_Race' (repeatable; '|' or, '&' and)")
	var repl replFlag
	fs.Var(&repl, "replace", `replace OLD=NEW in every text before classifying, Go escapes allowed (e.g. '\\n=\n', 'USER=@user'); repeatable`)
	errs := fs.Int("errors", 0, "show the N worst false positives and false negatives of each label")
	sweep := fs.Bool("sweep", false, "instead of the figures at the classifier's thresholds, show each label's figures at thresholds 0.05 to 0.95")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: saring eval --text COLUMN --label NAME[@TARGETS]=EXPR ... [--replace OLD=NEW] [--errors N] FILE.csv|FILE.jsonl\n\n")
		fs.PrintDefaults()
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || len(specs) == 0 {
		fs.Usage()
		return 2
	}
	recs, err := eval.ReadFile(fs.Arg(0), *text, specs)
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	if len(repl) > 0 {
		r := strings.NewReplacer(repl...)
		for i := range recs {
			recs[i].Text = r.Replace(recs[i].Text)
		}
	}
	c, err := cf.classifier()
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	if *sweep {
		return writeSweep(c, recs, specs, stdout, stderr)
	}
	rep, err := eval.Run(context.Background(), c, recs, specs)
	if err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	if err := rep.WriteText(stdout, *errs); err != nil {
		fmt.Fprintf(stderr, "saring eval: %v\n", err)
		return 1
	}
	return 0
}
