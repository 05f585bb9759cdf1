package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
)

// line is the part of an output line the tests look at.
type line struct {
	Record  int      `json:"record"`
	ID      any      `json:"id"`
	Flagged []string `json:"flagged"`
}

func runBatch(t *testing.T, stdin string, args ...string) ([]line, string) {
	t.Helper()
	var out, errOut strings.Builder
	require.NoError(t, run(context.Background(), args, strings.NewReader(stdin), &out, &errOut))
	var lines []line
	sc := bufio.NewScanner(strings.NewReader(out.String()))
	for sc.Scan() {
		var l line
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l), sc.Text())
		lines = append(lines, l)
	}
	return lines, errOut.String()
}

func TestSampleJSONL(t *testing.T) {
	lines, progress := runBatch(t, "", "--in", "sample.jsonl")
	require.Len(t, lines, 12)
	for i, l := range lines {
		assert.Equal(t, i+1, l.Record)
		assert.Equal(t, fmt.Sprintf("p%02d", i+1), l.ID)
	}
	want := map[int][]string{ // record -> labels that must be flagged
		2:  {"sara"},
		4:  {"hoax"},
		5:  {"provocation"},
		6:  {"black_campaign"},
		8:  {"abusive"},
		9:  {"hoax"},
		12: {"sara"},
	}
	for _, clean := range []int{1, 3, 7, 10, 11} {
		assert.Empty(t, lines[clean-1].Flagged, "record %d", clean)
	}
	for rec, labels := range want {
		for _, l := range labels {
			assert.Contains(t, lines[rec-1].Flagged, l, "record %d", rec)
		}
	}
	assert.Equal(t, "batch: done: 12 records, 7 flagged\n", progress)
}

func TestMatchesClassify(t *testing.T) {
	// Small chunks: results must still come out whole and in input order,
	// equal to classifying each text on its own.
	texts := []string{"dasar k4f1r lo", "", "selamat pagi", "lu goblok banget", "kirim ke 10 grup sebelum dihapus"}
	var in strings.Builder
	for _, s := range texts {
		b, err := json.Marshal(map[string]string{"text": s})
		require.NoError(t, err)
		in.Write(b)
		in.WriteString("\n\n")
	}
	var out, errOut strings.Builder
	require.NoError(t, run(context.Background(), []string{"--format", "jsonl", "--chunk", "2"},
		strings.NewReader(in.String()), &out, &errOut))

	c, err := classify.New()
	require.NoError(t, err)
	var want strings.Builder
	for i, s := range texts {
		b, err := json.Marshal(output{Record: i + 1, Result: c.Classify(s)})
		require.NoError(t, err)
		want.Write(b)
		want.WriteByte('\n')
	}
	assert.Equal(t, want.String(), out.String())
}

func TestCSVProgress(t *testing.T) {
	var csv strings.Builder
	csv.WriteString("no,komentar\n")
	const n = 1000
	for i := range n {
		text := "selamat pagi semua"
		if i%4 == 0 {
			text = `"bangsat lu, dasar goblok"`
		}
		fmt.Fprintf(&csv, "%d,%s\n", i, text)
	}
	path := filepath.Join(t.TempDir(), "posts.csv")
	require.NoError(t, os.WriteFile(path, []byte(csv.String()), 0o600))

	lines, progress := runBatch(t, "", "--in", path, "--text", "komentar", "--id", "no", "--chunk", "64", "--every", "250")
	require.Len(t, lines, n)
	for i, l := range lines {
		assert.Equal(t, i+1, l.Record)
		assert.Equal(t, fmt.Sprint(i), l.ID)
		assert.Equal(t, i%4 == 0, len(l.Flagged) > 0, "record %d", i+1)
	}
	// Progress is reported after the chunk that crosses each multiple of 250.
	assert.Equal(t, "batch: 256 records\nbatch: 512 records\nbatch: 768 records\nbatch: done: 1000 records, 250 flagged\n", progress)
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "x.csv")
	require.NoError(t, os.WriteFile(csvPath, []byte("id,body\n1,halo\n"), 0o600))
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"unknown format", []string{"--in", "posts.txt"}, "", "cannot tell the format"},
		{"bad format flag", []string{"--format", "xml"}, "", `unknown --format "xml"`},
		{"missing CSV column", []string{"--in", csvPath}, "", `no column "text"`},
		{"bad JSON", []string{"--format", "jsonl"}, "{\"text\":\"ok\"}\n{oops\n", "line 2"},
		{"text not a string", []string{"--format", "jsonl"}, "{\"text\":3}\n", `line 1: field "text" is not a string`},
		{"missing file", []string{"--in", filepath.Join(dir, "nope.jsonl")}, "", "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut strings.Builder
			err := run(context.Background(), tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errOut strings.Builder
	err := run(ctx, []string{"--in", "sample.jsonl"}, strings.NewReader(""), &out, &errOut)
	require.ErrorIs(t, err, context.Canceled)
}
