package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring"
)

// TestEvalSweep runs eval --sweep on a small JSONL file written here: the
// header of eval's report (version, files, record count), then one table
// per label, a row per threshold, the best one marked.
func TestEvalSweep(t *testing.T) {
	path := filepath.Join(t.TempDir(), "posts.jsonl")
	corpus := `{"text":"bangsat lu","kasar":1}
{"text":"anjir, macet lagi","kasar":1}
{"text":"selamat pagi semua","kasar":0}
`
	require.NoError(t, os.WriteFile(path, []byte(corpus), 0o600))
	var out, errOut bytes.Buffer
	code := runEval([]string{"--sweep", "--label", "abusive=kasar", path}, strings.NewReader(""), &out, &errOut)
	require.Equal(t, 0, code, errOut.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 3+2+19, out.String())
	assert.Equal(t, []string{"saring " + saring.Version + ", " + path, "3 records", "", "abusive"}, lines[:4])
	assert.True(t, strings.HasPrefix(strings.TrimSpace(lines[5]), "0.05 "), lines[5])
	// anjir alone scores under 0.5: recall is 1 only at low thresholds.
	assert.Contains(t, lines[5], "1.000     1.000", "at 0.05 both abusive posts are found")
	assert.Equal(t, 1, strings.Count(out.String(), " *\n"))

	out.Reset()
	errOut.Reset()
	code = runEval([]string{"--sweep", "--label", "abusive=kasar", filepath.Join(t.TempDir(), "missing.jsonl")}, strings.NewReader(""), &out, &errOut)
	assert.Equal(t, 1, code)
	assert.Contains(t, errOut.String(), "saring eval:")
}
