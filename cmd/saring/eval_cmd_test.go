package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring"
)

func runEvalArgs(stdin io.Reader, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = runEval(args, stdin, &out, &errb)
	return code, out.String(), errb.String()
}

// writeFile writes content to name in a fresh directory and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	return path
}

// TestEvalCommand checks the corpus inputs of saring eval: several files,
// standard input, --format and --delimiter, and that the report carries
// the release.
func TestEvalCommand(t *testing.T) {
	csv := writeFile(t, "a.csv", "text,kasar\ndasar anjing kau,1\nselamat pagi,0\n")
	semi := writeFile(t, "b.csv", "text;kasar\n\"halo; apa kabar\";0\nbangsat;1\n")
	jl := writeFile(t, "c.jsonl", `{"text":"goblok","kasar":true}`+"\n")
	code, out, stderr := runEvalArgs(nil, "--label", "abusive=kasar", csv, jl)
	require.Equal(t, 0, code, stderr)
	assert.True(t, strings.HasPrefix(out, "saring "+saring.Version+", "+csv+" "+jl+"\n3 records\n"), out)
	assert.Regexp(t, `abusive +1\.000 +1\.000 +1\.000 +2 `, out)

	code, out, stderr = runEvalArgs(nil, "--delimiter", ";", "--label", "abusive=kasar", semi)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "\n2 records\n")

	code, out, stderr = runEvalArgs(strings.NewReader(`{"text":"bangsat","kasar":1}`+"\n"), "--format", "jsonl", "--label", "abusive=kasar")
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "\n1 records\n", "standard input when no file is named")

	code, out, stderr = runEvalArgs(strings.NewReader("text,kasar\nbangsat,1\n"), "--label", "abusive=kasar", "-", csv)
	require.Equal(t, 0, code, stderr)
	assert.Contains(t, out, "\n3 records\n", "- is standard input, as CSV")
}

// TestEvalErrors checks that eval says what is wrong: usage errors in their
// first line with exit code 2, corpus errors with the file and line and
// exit code 1.
func TestEvalErrors(t *testing.T) {
	csv := writeFile(t, "a.csv", "text,kasar\ndasar anjing kau,1\n")
	headerOnly := writeFile(t, "h.csv", "text,kasar\n")
	badGold := writeFile(t, "g.csv", "text,kasar\nhalo,0\nbangsat,ya\n")
	usage := []struct {
		args  []string
		first string
	}{
		{[]string{csv}, "saring eval: no --label given"},
		{[]string{csv, "--label", "abusive=kasar"}, "saring eval: flag --label after the file name: put flags first"},
		{[]string{"--label", "abusive=kasar", "--format", "xml", csv}, `saring eval: --format must be csv or jsonl, got "xml"`},
		{[]string{"--label", "abusive=kasar", "--delimiter", ";;", csv}, `saring eval: --delimiter must be one character`},
		{[]string{"--label", "abusive=kasar", "--delimiter", `"`, csv}, `saring eval: --delimiter must be one character`},
	}
	for _, tc := range usage {
		code, out, stderr := runEvalArgs(nil, tc.args...)
		assert.Equal(t, 2, code, "%v", tc.args)
		assert.Empty(t, out)
		first, rest, _ := strings.Cut(stderr, "\n")
		assert.True(t, strings.HasPrefix(first, tc.first), "%v: first line %q", tc.args, first)
		assert.Contains(t, rest, "usage: saring eval")
	}
	failures := []struct {
		args []string
		has  string
	}{
		{[]string{"--label", "abusive=kasar", headerOnly}, headerOnly + ": no records after the header"},
		{[]string{"--label", "abusive=kasar", badGold}, badGold + `:3: column "kasar": want 0, 1, true or false, got "ya"`},
		{[]string{"--label", "abusive=kasar", filepath.Join(t.TempDir(), "none.csv")}, "none.csv"},
	}
	for _, tc := range failures {
		code, out, stderr := runEvalArgs(nil, tc.args...)
		assert.Equal(t, 1, code, "%v", tc.args)
		assert.Empty(t, out)
		assert.Contains(t, stderr, tc.has)
	}
}
