package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPercentile(t *testing.T) {
	d := []time.Duration{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	tests := []struct {
		q    float64
		want time.Duration
	}{{0, 1}, {0.5, 6}, {0.99, 10}, {1, 10}}
	for _, tt := range tests {
		assert.Equal(t, tt.want, percentile(d, tt.q), "q=%v", tt.q)
	}
	assert.Equal(t, time.Duration(0), percentile(nil, 0.5))
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    options
		wantErr string
	}{
		{"defaults", nil, options{rounds: 5, clock: "cpu"}, ""},
		{"all", []string{"--posts", "x.csv", "--rounds", "2", "--min-ratio-goaway", "2", "--max-floor-ratio", "3", "--clock", "wall"},
			options{posts: "x.csv", rounds: 2, minRatioGoaway: 2, maxFloorRatio: 3, clock: "wall"}, ""},
		{"bad clock", []string{"--clock", "tsc"}, options{}, "--clock must be cpu or wall"},
		{"zero rounds", []string{"--rounds", "0"}, options{}, "--rounds must be at least 1"},
		{"passes", []string{"--passes", "3"}, options{rounds: 5, clock: "cpu", passes: 3}, ""},
		{"negative passes", []string{"--passes", "-1"}, options{}, "--passes must not be negative"},
		{"extra arg", []string{"x"}, options{}, "unexpected arguments"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseFlags(tt.args, io.Discard)
			if tt.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.wantErr)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestRun runs the whole benchmark on a few authored posts and checks the
// report and the exit codes of the ratio checks.
func TestRun(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "posts.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(
		"{\"text\":\"Selamat pagi semua, semoga harimu menyenangkan\"}\n"+
			"{\"text\":\"dasar anjing lo, bangsat\"}\n"+
			"{\"text\":\"Macet parah di tol, mending lewat jalan arteri aja\"}\n"), 0o600))
	modelPath := filepath.Join(dir, "hand.model")
	require.NoError(t, os.WriteFile(modelPath, []byte("#! saring-model 1\n@saring test\n@features 1\n@corpus 1 hand\n@defer no\n"+
		"@label abusive bias=-1 threshold=0.5 l2=1 weights=1 cv=0,0,0 nb=0,0,0\nabusive\tx:abusive\t3\n@end\n"), 0o600))
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
	}{
		{"report", []string{"--posts", path, "--rounds", "1"}, 0,
			[]string{"saring", "go-away", "regexp", "floor", "normalize ", "saring / go-away", "floor  / saring", "normalizer alone", "classify.New()", "live heap"}},
		{"goaway check fails", []string{"--posts", path, "--rounds", "1", "--min-ratio-goaway", "1e9"}, 1,
			[]string{"FAIL: saring / go-away"}},
		{"floor check fails", []string{"--posts", path, "--rounds", "1", "--max-floor-ratio", "1e-9"}, 1,
			[]string{"FAIL: floor / saring"}},
		{"passes only", []string{"--posts", path, "--passes", "2"}, 0,
			[]string{"2 passes of saring over 3 posts: 2 posts flagged in all"}},
		{"missing file", []string{"--posts", filepath.Join(dir, "none.jsonl")}, 2, nil},
		{"model", []string{"--posts", path, "--rounds", "1", "--model", modelPath}, 0,
			[]string{"saring+model", "saring+model / saring posts/s", "model.Load", "live heap of that Classifier"}},
		{"model passes", []string{"--posts", path, "--passes", "1", "--model", modelPath}, 0,
			[]string{"1 passes of saring+model over 3 posts: 1 posts flagged in all"}},
		{"train needs the corpus", []string{"--posts", path, "--train"}, 2, nil},
		{"broken model", []string{"--posts", path, "--model", path}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			code := run(tt.args, &out, io.Discard)
			assert.Equal(t, tt.wantCode, code, out.String())
			for _, w := range tt.wantOut {
				assert.Contains(t, out.String(), w)
			}
		})
	}
}
