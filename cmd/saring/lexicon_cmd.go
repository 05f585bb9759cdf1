package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/saring-id/saring/lexicon"
)

const lexiconUsage = `usage: saring lexicon COMMAND [flags] [DIR]

commands:
  lint [--dict PATH] [--all] [DIR]   check the default lexicons, or DIR's *.txt files on top of them
  stats [DIR]                        count entries per label, list, kind and file

With DIR, lint reports the problems of DIR's entries only (--all: of the
default lexicons too). Problems are printed as "file:line: severity:
message". lint exits 1 when there is an error (a file that does not parse,
or a term the normalizer turns into a single letter), 0 when there are only
warnings, and 2 on a usage error. The fuzzy-collision check uses the
hunspell Indonesian dictionary (` + lexicon.DefaultHunspellDic + `, package
hunspell-id) when it is there.
`

// runLexicon runs "saring lexicon ..." and returns the exit code: 0 on
// success, 1 when the lexicons have errors, 2 on a usage error.
func runLexicon(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "saring lexicon: no command given\n%s", lexiconUsage)
		return 2
	}
	switch args[0] {
	case "lint":
		return runLexiconLint(args[1:], stdout, stderr)
	case "stats":
		return runLexiconStats(args[1:], stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, lexiconUsage)
		return 0
	}
	fmt.Fprintf(stderr, "saring lexicon: unknown command %q\n%s", args[0], lexiconUsage)
	return 2
}

// parseDirArgs parses flags that may come before or after one optional DIR
// argument. It returns DIR ("" when absent) and ok=false after printing a
// usage error; help reports -h.
func parseDirArgs(fs *flag.FlagSet, args []string) (dir string, code int, ok bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return "", code, false
	}
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
		if code, ok := parseFlags(fs, fs.Args()[1:]); !ok {
			return "", code, false
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(fs.Output(), "saring lexicon %s: unexpected argument %q (at most one DIR)\n", fs.Name(), fs.Arg(0))
			return "", 2, false
		}
	}
	return dir, 0, true
}

// loadLexicons returns the default lexicons (base) and, when dir is not
// empty, dir's files (over; nil otherwise), which extend them. On error it
// prints the problems, see [printLoadErrors], and returns ok=false.
func loadLexicons(cmd, dir string, problems, stderr io.Writer) (base, over *lexicon.Set, ok bool) {
	base, err := lexicon.Default()
	if err == nil && dir != "" {
		over, err = lexicon.LoadDir(dir)
	}
	if err != nil {
		if n := printLoadErrors(cmd, problems, stderr, err); n > 0 {
			fmt.Fprintf(stderr, "%s: %d error(s); the lexicons do not load\n", lintSubject(dir), n)
		}
		return nil, nil, false
	}
	return base, over, true
}

// lintSubject names what a lexicon command looks at, in its summary line.
func lintSubject(dir string) string {
	if dir == "" {
		return "default lexicons"
	}
	return filepath.Clean(dir) + " on top of the default lexicons"
}

// printLoadErrors prints each error of a (possibly joined) load error on its
// own line. Errors located in a file go to problems in the same
// "file:line: error: msg" form as lint problems; the others (a missing
// directory, an unreadable file) go to stderr as "saring lexicon CMD: msg".
// It returns how many located errors it printed.
func printLoadErrors(cmd string, problems, stderr io.Writer, err error) int {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		n := 0
		for _, e := range j.Unwrap() {
			n += printLoadErrors(cmd, problems, stderr, e)
		}
		return n
	}
	var pe *lexicon.ParseError
	if errors.As(err, &pe) {
		fmt.Fprintf(problems, "%s: %s: %s\n", lexicon.Position{File: pe.File, Line: pe.Line}, lexicon.LintError, pe.Msg)
		return 1
	}
	fmt.Fprintf(stderr, "saring lexicon %s: %v\n", cmd, err)
	return 0
}

func runLexiconLint(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dictPath := fs.String("dict", lexicon.DefaultHunspellDic, "hunspell .dic file for the fuzzy-collision check (\"\" to skip it)")
	all := fs.Bool("all", false, "with DIR, also report problems in the default lexicons")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "usage: saring lexicon lint [--dict PATH] [--all] [DIR]\n\n")
		fs.PrintDefaults()
	}
	dir, code, ok := parseDirArgs(fs, args)
	if !ok {
		return code
	}
	dictSet := false
	fs.Visit(func(f *flag.Flag) { dictSet = dictSet || f.Name == "dict" })

	var dict []string
	if *dictPath != "" {
		d, err := lexicon.ReadHunspellDic(*dictPath)
		switch {
		case err == nil:
			dict = d
		case dictSet:
			fmt.Fprintf(stderr, "saring lexicon lint: %v\n", err)
			return 1
		default:
			fmt.Fprintf(stderr, "saring lexicon lint: no dictionary at %s; skipping the fuzzy-collision check (install hunspell-id or pass --dict)\n", *dictPath)
		}
	}

	base, over, ok := loadLexicons("lint", dir, stdout, stderr)
	if !ok {
		return 1
	}
	set := base.Extend(over)
	var probs []lexicon.Problem
	if over != nil && !*all {
		// Only the user's entries, told apart by the Set they come from:
		// a user's copy of the defaults (lexicon/data) is the user's too.
		probs = lexicon.LintExtension(base, over, dict)
	} else {
		probs = lexicon.Lint(set, dict)
	}
	var errs, warns int
	for _, p := range probs {
		fmt.Fprintln(stdout, p)
		if p.Severity == lexicon.LintError {
			errs++
		} else {
			warns++
		}
	}
	fmt.Fprintf(stderr, "%s: %d entries, %d error(s), %d warning(s)\n", lintSubject(dir), set.Len(), errs, warns)
	if errs > 0 {
		return 1
	}
	return 0
}

func runLexiconStats(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "usage: saring lexicon stats [DIR]\n")
	}
	dir, code, ok := parseDirArgs(fs, args)
	if !ok {
		return code
	}
	base, over, ok := loadLexicons("stats", dir, stderr, stderr)
	if !ok {
		return 1
	}
	st := base.Extend(over).Stats()
	type row struct {
		name  string
		n     int
		title bool
	}
	var rows []row
	section := func(name string) { rows = append(rows, row{name: name, title: true}) }
	add := func(name string, n int) { rows = append(rows, row{name: "  " + name, n: n}) }
	section("label")
	for _, l := range lexicon.Labels() {
		add(string(l), st.Labels[l])
	}
	section("list")
	for _, l := range lexicon.Lists() {
		add(string(l), st.Lists[l])
	}
	section("kind")
	for _, k := range lexicon.Kinds() {
		add(string(k), st.Kinds[k])
	}
	if n := st.Kinds[""]; n > 0 {
		add("(none)", n)
	}
	section("target")
	for _, t := range lexicon.Targets() {
		add(string(t), st.Targets[t])
	}
	section("file")
	files := make([]string, 0, len(st.Files))
	for f := range st.Files {
		files = append(files, f)
	}
	sort.Strings(files)
	for _, f := range files {
		add(f, st.Files[f])
	}
	section("total")
	add("entries", st.Entries)
	add("fuzzy", st.Fuzzy)
	add("disabled", st.Disabled)

	width := 0
	for _, r := range rows {
		width = max(width, len(r.name))
	}
	numWidth := len(fmt.Sprint(st.Entries))
	var b strings.Builder
	for _, r := range rows {
		if r.title {
			b.WriteString(r.name + "\n")
			continue
		}
		fmt.Fprintf(&b, "%-*s  %*d\n", width, r.name, numWidth, r.n)
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		fmt.Fprintf(stderr, "saring lexicon stats: %v\n", err)
		return 1
	}
	return 0
}
