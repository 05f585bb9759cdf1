package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/saring-id/saring/eval"
)

// corpusFlags are the flags of the commands that read a labelled corpus,
// eval and train: which column is the text, how gold columns map to labels,
// what to replace in the texts, and the file format.
type corpusFlags struct {
	text   string
	specs  specFlag
	repl   replFlag
	format string
	delim  string
}

// register adds the flags to fs; use says what the texts are read for
// ("classifying", "training").
func (f *corpusFlags) register(fs *flag.FlagSet, use string) {
	fs.StringVar(&f.text, "text", "text", "name of the text column")
	fs.Var(&f.specs, "label", "label mapping NAME=EXPR, e.g. sara='HS_Religion|HS_Race' (repeatable; '|' or, '&' and)")
	fs.Var(&f.repl, "replace", `replace OLD=NEW in every text before `+use+`, Go escapes allowed (e.g. '\\n=\n', 'USER=@user'); repeatable`)
	fs.StringVar(&f.format, "format", "", "corpus format, csv or jsonl (default: from the file name; csv for standard input)")
	fs.StringVar(&f.delim, "delimiter", ",", `CSV field delimiter: one character, or \t for a tab`)
}

// check validates the flags; the command names the error as a usage error.
func (f *corpusFlags) check() error {
	if len(f.specs) == 0 {
		return fmt.Errorf("no --label given")
	}
	if f.format != "" && f.format != "csv" && f.format != "jsonl" {
		return fmt.Errorf("--format must be csv or jsonl, got %q", f.format)
	}
	_, err := parseDelimiter(f.delim)
	return err
}

// read reads the corpus from the files named ("-" is standard input, and
// so is no name at all), in turn, with the replacements applied. It also
// returns the names it read, "-" for standard input.
func (f *corpusFlags) read(names []string, stdin io.Reader) ([]eval.Record, []string, error) {
	if len(names) == 0 {
		names = []string{"-"}
	}
	comma, err := parseDelimiter(f.delim)
	if err != nil {
		return nil, nil, err
	}
	var recs []eval.Record
	for _, name := range names {
		rs, err := readCorpusFile(name, f.format, stdin, f.text, f.specs, eval.WithDelimiter(comma))
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, rs...)
	}
	if len(f.repl) > 0 {
		r := strings.NewReplacer(f.repl...)
		for i := range recs {
			recs[i].Text = r.Replace(recs[i].Text)
		}
	}
	return recs, names, nil
}

// readCorpusFile reads one corpus file, or standard input for "-", in
// format (csv or jsonl; "" picks it from the name, csv for standard input).
func readCorpusFile(name, format string, stdin io.Reader, textCol string, specs []eval.Spec, opts ...eval.ReadOption) ([]eval.Record, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	if format == "jsonl" || format == "" && eval.IsJSONL(name) {
		return eval.ReadJSONL(r, name, textCol, specs)
	}
	return eval.ReadCSV(r, name, textCol, specs, opts...)
}

// parseDelimiter reads --delimiter: one character, or \t for a tab.
func parseDelimiter(s string) (rune, error) {
	if s == `\t` {
		return '\t', nil
	}
	r := []rune(s)
	if len(r) != 1 || r[0] == '"' || r[0] == '\r' || r[0] == '\n' || r[0] == utf8.RuneError {
		return 0, fmt.Errorf("--delimiter must be one character other than a quote or a line break, got %q", s)
	}
	return r[0], nil
}

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
