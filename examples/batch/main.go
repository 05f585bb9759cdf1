// Command batch classifies a CSV or JSONL file of posts with
// Classifier.ClassifyBatch, which uses all cores, and writes one JSON result
// a line to stdout in input order. It reads the input in chunks, so files of
// any length stream through in bounded memory, and reports progress on stderr.
//
// Usage, from the repository root:
//
//	go run ./examples/batch --in examples/batch/sample.jsonl
//	go run ./examples/batch --in posts.csv --text komentar --every 50000
//	cat posts.jsonl | go run ./examples/batch --format jsonl
//
// JSONL input has one object a line with a string field named by --text
// (default "text"). CSV input has a header row; --text names the column. An
// "id" field or column (--id) is copied to the output when present. Each
// output line is {"record":N,"id":…,"flagged":[…],"labels":[…]}, where N
// counts input records from 1.
package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/saring-id/saring/classify"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "batch:", err)
		}
		os.Exit(1)
	}
}

// record is one input post.
type record struct {
	id   any // json.RawMessage (JSONL), string (CSV) or nil
	text string
}

// output is one line of the results.
type output struct {
	Record int `json:"record"`
	ID     any `json:"id,omitempty"`
	classify.Result
}

// run parses args, reads the records from --in (or stdin) and writes the
// results to stdout and the progress to stderr.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("batch", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", "-", "input file (.csv, .jsonl or .ndjson); - reads stdin")
	format := fs.String("format", "", "csv or jsonl (default: from the extension of --in)")
	textField := fs.String("text", "text", "CSV column or JSON field holding the text")
	idField := fs.String("id", "id", "CSV column or JSON field copied to the output as id, when present")
	chunk := fs.Int("chunk", 4096, "records classified per ClassifyBatch call")
	every := fs.Int("every", 10000, "report progress on stderr every N records (0: only the final count)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if *chunk < 1 {
		return fmt.Errorf("--chunk must be at least 1, got %d", *chunk)
	}
	if *format == "" {
		*format = formatOf(*in)
	}

	switch *format {
	case "csv", "jsonl":
	case "":
		return fmt.Errorf("cannot tell the format of %q: give --format csv or --format jsonl", *in)
	default:
		return fmt.Errorf("unknown --format %q: want csv or jsonl", *format)
	}

	r := stdin
	if *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	var next func() (record, error)
	if *format == "jsonl" {
		next = jsonlReader(r, *textField, *idField)
	} else {
		var err error
		if next, err = csvReader(r, *textField, *idField); err != nil {
			return err
		}
	}

	c, err := classify.New()
	if err != nil {
		return fmt.Errorf("building classifier: %w", err)
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)

	var (
		recs          = make([]record, 0, *chunk)
		texts         = make([]string, 0, *chunk)
		done, flagged int
		eof           bool
	)
	for !eof {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("stopped after %d records: %w", done, err)
		}
		recs, texts = recs[:0], texts[:0]
		for len(recs) < *chunk {
			rec, err := next()
			if err == io.EOF {
				eof = true
				break
			}
			if err != nil {
				return err
			}
			recs = append(recs, rec)
			texts = append(texts, rec.text)
		}
		results, err := c.ClassifyBatch(ctx, texts)
		if err != nil {
			return fmt.Errorf("stopped after %d records: %w", done, err)
		}
		for i, res := range results {
			if len(res.Flagged) > 0 {
				flagged++
			}
			if err := enc.Encode(output{Record: done + i + 1, ID: recs[i].id, Result: res}); err != nil {
				return fmt.Errorf("writing results: %w", err)
			}
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("writing results: %w", err)
		}
		before := done
		done += len(results)
		if *every > 0 && !eof && done/(*every) > before/(*every) {
			fmt.Fprintf(stderr, "batch: %d records\n", done)
		}
	}
	fmt.Fprintf(stderr, "batch: done: %d records, %d flagged\n", done, flagged)
	return nil
}

// formatOf infers the input format from a file name's extension.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".jsonl", ".ndjson":
		return "jsonl"
	}
	return ""
}

// jsonlReader returns a function that reads the next JSON object of r and
// returns io.EOF at the end. Blank lines are skipped.
func jsonlReader(r io.Reader, textField, idField string) func() (record, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	return func() (record, error) {
		for sc.Scan() {
			line++
			if len(strings.TrimSpace(sc.Text())) == 0 {
				continue
			}
			var obj map[string]json.RawMessage
			if err := json.Unmarshal(sc.Bytes(), &obj); err != nil {
				return record{}, fmt.Errorf("line %d: %w", line, err)
			}
			var rec record
			if err := json.Unmarshal(obj[textField], &rec.text); err != nil || obj[textField] == nil {
				return record{}, fmt.Errorf("line %d: field %q is not a string", line, textField)
			}
			if id, ok := obj[idField]; ok {
				rec.id = id
			}
			return rec, nil
		}
		if err := sc.Err(); err != nil {
			return record{}, fmt.Errorf("line %d: %w", line+1, err)
		}
		return record{}, io.EOF
	}
}

// csvReader reads r's header row and returns a function that reads the next
// row and returns io.EOF at the end.
func csvReader(r io.Reader, textCol, idCol string) (func() (record, error), error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("reading CSV header: %w", err)
	}
	ti, ii := -1, -1
	for i, name := range header {
		switch strings.TrimSpace(strings.TrimPrefix(name, "\ufeff")) {
		case textCol:
			ti = i
		case idCol:
			ii = i
		}
	}
	if ti < 0 {
		return nil, fmt.Errorf("CSV header has no column %q (columns: %s)", textCol, strings.Join(header, ", "))
	}
	return func() (record, error) {
		row, err := cr.Read()
		if err != nil {
			return record{}, err // io.EOF at the end; *csv.ParseError names the line
		}
		if ti >= len(row) {
			line, _ := cr.FieldPos(0)
			return record{}, fmt.Errorf("CSV line %d: no column %q", line, textCol)
		}
		rec := record{text: row[ti]}
		if ii >= 0 && ii < len(row) {
			rec.id = row[ii]
		}
		return rec, nil
	}, nil
}
