// Command beam classifies JSONL posts with saring inside an Apache Beam
// pipeline, so that a corpus too large for one machine is spread over the
// workers of a distributed runner (Flink, Spark, Google Cloud Dataflow), and
// runs the same way on one machine with Beam's local runner, prism.
//
// Usage, from this directory:
//
//	go run . --input sample.jsonl --output /tmp/results.jsonl --counts /tmp/counts.jsonl
//	go run . --input 'posts/*.jsonl' --output out.jsonl --counts counts.jsonl --lexicons ./mylex
//
// Each input line is a JSON object {"id":…,"text":"…"} (id optional, any JSON
// value). Each output line is the answer in the shape of `saring classify
// --jsonl`: {"id":…,"flagged":[…],"labels":[…]}, or {"id":…,"error":"…"} for
// a line that is not such an object; no line is dropped. Beam does not keep
// the order of the input, so give every post an id. The counts file has one
// line a label, {"label":"abusive","posts":12}, for the labels flagged in at
// least one post.
//
// --runner chooses the runner (default prism, the local one); see README.md
// for Flink, Spark and Dataflow.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/internal/record"
	"github.com/saring-id/saring/server"
)

var (
	input    = flag.String("input", "", "JSONL file(s) of posts to read; a glob, local or on a filesystem the runner reads (gs://…)")
	output   = flag.String("output", "", "file to write the JSONL results to")
	counts   = flag.String("counts", "", "file to write the per-label counts to")
	lexicons = flag.String("lexicons", "", "directory of extra lexicon files, readable on every worker (optional)")
)

func init() {
	register.DoFn4x1[context.Context, string, func(string), func(string), error](&classifyFn{})
	register.Function2x1(formatCount)
	register.Emitter1[string]()
}

func main() {
	flag.Parse()
	beam.Init()
	if *input == "" || *output == "" || *counts == "" {
		log.Fatal("beam: --input, --output and --counts are required")
	}
	p, s := beam.NewPipelineWithRoot()
	Pipeline(s, *input, *output, *counts, *lexicons)
	if err := beamx.Run(context.Background(), p); err != nil {
		log.Fatalf("beam: %v", err)
	}
}

// Pipeline adds to s the steps that read the posts in input, classify them
// with the default lexicons extended by the files in lexiconDir (when not
// ""), and write the results to output and the per-label counts to
// countsFile.
func Pipeline(s beam.Scope, input, output, countsFile, lexiconDir string) {
	lines := textio.Read(s, input)
	results, flagged := beam.ParDo2(s, &classifyFn{LexiconDir: lexiconDir}, lines)
	textio.Write(s, output, results)
	perLabel := stats.Count(s, flagged)
	textio.Write(s, countsFile, beam.ParDo(s, formatCount, perLabel))
}

// classifyFn classifies one JSONL post a call. It emits the answer line to
// its first output and the name of each flagged label to its second.
type classifyFn struct {
	// LexiconDir is a directory of extra lexicon files; "" for the
	// defaults only. Exported fields are what Beam sends to the workers.
	LexiconDir string `json:"lexiconDir"`

	c *classify.Classifier
}

// Setup runs on the worker before the first bundle. The Classifier is built
// there, once per worker process and lexicon directory (see
// workerClassifier), not once per element or bundle: building one takes
// tens of milliseconds, classifying a post some microseconds.
func (f *classifyFn) Setup() error {
	c, err := workerClassifier(f.LexiconDir)
	if err != nil {
		return fmt.Errorf("building the classifier: %w", err)
	}
	f.c = c
	return nil
}

// ProcessElement answers one input line as `saring classify --jsonl` does:
// the record is read by the same parser, and a line that is not a record is
// answered with the same message (without the line number, which Beam does
// not keep).
func (f *classifyFn) ProcessElement(ctx context.Context, line string, emitResult, emitLabel func(string)) error {
	var answer any
	if strings.TrimSpace(line) == "" {
		answer = server.Output{Result: f.c.Classify("")}
	} else if id, text, err := record.Parse(line); err != nil {
		answer = record.ErrorOutput{ID: id, Error: err.Error()}
	} else {
		r := f.c.Classify(text)
		for _, l := range r.Flagged {
			emitLabel(string(l))
		}
		answer = server.Output{ID: id, Result: r}
	}
	b, err := json.Marshal(answer)
	if err != nil {
		return fmt.Errorf("encoding the answer: %w", err)
	}
	emitResult(string(b))
	return nil
}

// formatCount writes one per-label count as a JSON line.
func formatCount(label string, n int) string {
	return fmt.Sprintf(`{"label":%q,"posts":%d}`, label, n)
}

// classifiers holds the Classifiers built in this worker process, one per
// lexicon directory. A Beam worker runs several instances of a DoFn at once
// (one per bundle it processes in parallel), each with its own Setup; they
// share one Classifier, which is safe for concurrent use and holds about
// 5 MB. The map only grows, and only by the few directories a pipeline
// names.
var classifiers = struct {
	sync.Mutex
	m      map[string]*classify.Classifier
	builds map[string]int // Classifiers built per directory, for the test
}{m: make(map[string]*classify.Classifier), builds: make(map[string]int)}

// workerClassifier returns this process's Classifier for lexiconDir,
// building it on first use.
func workerClassifier(lexiconDir string) (*classify.Classifier, error) {
	classifiers.Lock()
	defer classifiers.Unlock()
	if c, ok := classifiers.m[lexiconDir]; ok {
		return c, nil
	}
	var opts []classify.Option
	if lexiconDir != "" {
		opts = append(opts, classify.WithLexiconDir(lexiconDir))
	}
	c, err := classify.New(opts...)
	if err != nil {
		return nil, err
	}
	classifiers.m[lexiconDir] = c
	classifiers.builds[lexiconDir]++
	return c, nil
}
