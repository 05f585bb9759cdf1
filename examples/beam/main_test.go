package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/internal/record"
	"github.com/saring-id/saring/server"
)

// TestMain lets ptest choose the runner (--runner; prism, the local
// runner, by default).
func TestMain(m *testing.M) { ptest.Main(m) }

// TestPipeline runs the pipeline on sample.jsonl, repeated 50 times, and
// checks it against the library called directly: one answer per input line, each the Classifier's result
// for that post (or an error for a line that is not a post), per-label
// counts that add up, and one Classifier built in this worker process.
func TestPipeline(t *testing.T) {
	sample, err := os.ReadFile("sample.jsonl")
	require.NoError(t, err)
	dir := t.TempDir()
	in := filepath.Join(dir, "posts.jsonl")
	const copies = 50
	require.NoError(t, os.WriteFile(in, []byte(strings.Repeat(string(sample), copies)), 0o644))
	out, counts := filepath.Join(dir, "results.jsonl"), filepath.Join(dir, "counts.jsonl")

	p, s := beam.NewPipelineWithRoot()
	Pipeline(s, in, out, counts, "")
	require.NoError(t, ptest.Run(p))

	c, err := classify.New()
	require.NoError(t, err)
	want := map[string]string{}   // id -> expected answer line
	wantErrors := map[string]int{ // the sample's two lines that are not posts
		`{"id":"tanpa-teks","error":"no \"text\" field"}`:                                copies,
		`{"error":"invalid JSON: invalid character 'b' looking for beginning of value"}`: copies,
	}
	wantCounts := map[string]int{} // label -> posts flagged
	for _, line := range strings.Split(strings.TrimSpace(string(sample)), "\n") {
		id, text, err := record.Parse(line)
		if err != nil {
			continue // one of wantErrors
		}
		r := c.Classify(text)
		b, err := json.Marshal(server.Output{ID: id, Result: r})
		require.NoError(t, err)
		want[string(id)] = string(b)
		for _, l := range r.Flagged {
			wantCounts[string(l)] += copies
		}
	}
	require.NotEmpty(t, wantCounts, "the sample flags something")

	got := readLines(t, out)
	require.Len(t, got, copies*strings.Count(string(sample), "\n"), "one answer per input line")
	gotErrors := map[string]int{}
	for _, line := range got {
		var r struct {
			ID    json.RawMessage `json:"id"`
			Error string          `json:"error"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		if r.Error != "" {
			gotErrors[line]++
			continue
		}
		assert.Equal(t, want[string(r.ID)], line)
	}
	assert.Equal(t, wantErrors, gotErrors)

	gotCounts := map[string]int{}
	for _, line := range readLines(t, counts) {
		var n struct {
			Label string `json:"label"`
			Posts int    `json:"posts"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &n), line)
		gotCounts[n.Label] = n.Posts
	}
	assert.Equal(t, wantCounts, gotCounts)

	classifiers.Lock()
	defer classifiers.Unlock()
	assert.Equal(t, 1, classifiers.builds[""], "one Classifier for the worker, built in Setup")
}

// TestProcessElementErrors checks the answers to lines that are not posts:
// the messages of `saring classify --jsonl` (without its line number), in
// JSON's terms, with the id whenever it could be read, and no label.
func TestProcessElementErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"id":4,"text":123}`, `{"id":4,"error":"\"text\" is a number, want a string"}`},
		{`{"id":5,"text":null}`, `{"id":5,"error":"\"text\" is null, want a string"}`},
		{`{"id":8,"Text":"kafir"}`, `{"id":8,"error":"no \"text\" field"}`},
		{`{"id":9,"text":"halo","text":"bangsat"}`, `{"error":"\"text\" appears twice"}`},
		{`[{"id":1,"text":"halo"}]`, `{"error":"want a JSON object {\"id\":…,\"text\":\"…\"}, got an array"}`},
		{`{"id":1,"text":"halo"`, `{"error":"invalid JSON: unexpected end of JSON input"}`},
	}
	f := &classifyFn{}
	require.NoError(t, f.Setup())
	for _, tc := range tests {
		var got, labels []string
		emit := func(s string) { got = append(got, s) }
		require.NoError(t, f.ProcessElement(context.Background(), tc.in, emit, func(l string) { labels = append(labels, l) }))
		assert.Equal(t, []string{tc.want}, got, tc.in)
		assert.Empty(t, labels, tc.in)
	}
}

// TestPipelineLexicons checks that --lexicons reaches the workers: a term
// only the extra directory has is flagged.
func TestPipelineLexicons(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "lex")
	require.NoError(t, os.Mkdir(lex, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(lex, "mine.txt"),
		[]byte("#! saring-lexicon 1\nkampungan sekali | label=abusive | kind=insult | weight=0.9\n"), 0o644))
	in := filepath.Join(dir, "posts.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(`{"id":"a","text":"kamu kampungan sekali"}`+"\n"), 0o644))
	out, counts := filepath.Join(dir, "results.jsonl"), filepath.Join(dir, "counts.jsonl")

	p, s := beam.NewPipelineWithRoot()
	Pipeline(s, in, out, counts, lex)
	require.NoError(t, ptest.Run(p))

	assert.Contains(t, readLines(t, out)[0], `"term":"kampungan sekali"`)
	assert.Contains(t, readLines(t, counts), `{"label":"abusive","posts":1}`)
}

func readLines(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	require.NoError(t, sc.Err())
	return lines
}
