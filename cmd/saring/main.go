// Command saring classifies Indonesian social-media text for SARA, hate
// speech, black campaigns, provocation, hoax markers and abusive language.
//
// Usage:
//
//	saring classify [flags] [FILE...]   one text a line in, one JSON object a line out
//	saring normalize [flags] [FILE...]  tokens with their normalised forms, stems and spans
//	saring eval [flags] [FILE...]       precision, recall and F1 on a labelled CSV or JSONL corpus
//	saring train [flags] FILE...        fit a model on labelled CSV or JSONL files (-o MODEL)
//	saring model inspect MODEL          a model's header and strongest features
//	saring lexicon lint [DIR]           check lexicon files
//	saring lexicon stats [DIR]          count lexicon entries
//	saring serve [flags]                HTTP API and highlight page
//	saring version                      the release, saring.Version
//
// Commands that read posts read the files named (- is standard input), or
// standard input when none is named. Run "saring COMMAND -h" for a
// command's flags.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/saring-id/saring"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const usage = `usage: saring COMMAND [flags] [FILE...]

commands:
  classify       classify one text a line (--jsonl for {"id","text"} objects)
  normalize      show tokens, normalised forms, stems and spans of each line
  eval           measure precision, recall and F1 on a labelled CSV or JSONL corpus
  lexicon lint   check lexicon files (the defaults, or DIR on top of them)
  lexicon stats  count lexicon entries per label, list and kind
  serve          HTTP API (POST /v1/classify) and a highlight page
  train          fit a model on a labelled CSV or JSONL corpus (-o MODEL)
  model inspect  show a model's header and strongest features
  version        print the release

classify, normalize and eval read the FILEs named (- is standard input), or
standard input when none is named. Run "saring COMMAND -h" for the flags of
a command.
`

// run dispatches a command line and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintf(stderr, "saring: no command given\n%s", usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "classify":
		return runClassify(rest, stdin, stdout, stderr)
	case "normalize":
		return runNormalize(rest, stdin, stdout, stderr)
	case "eval":
		return runEval(rest, stdin, stdout, stderr)
	case "lexicon":
		return runLexicon(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stderr)
	case "train":
		return runTrain(rest, stdin, stdout, stderr)
	case "model":
		return runModel(rest, stdout, stderr)
	case "version", "-version", "--version":
		return runVersion(rest, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprintf(stdout, "saring %s\n\n%s", saring.Version, usage)
		return 0
	}
	fmt.Fprintf(stderr, "saring: unknown command %q\n%s", cmd, usage)
	return 2
}

// parseFlags parses args into fs. When it fails, ok is false and code is the
// exit code: 0 after -h (fs printed the usage), 2 for a usage error (fs
// printed it).
func parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}
