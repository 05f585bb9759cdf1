package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// trainCorpus writes a JSONL corpus of everyday sentences where the posts
// with the made-up word zorblat are labelled abusive, and returns its path.
func trainCorpus(t *testing.T) string {
	t.Helper()
	subjects := []string{"saya", "kami", "teman", "adik", "ibu", "bapak"}
	verbs := []string{"makan", "pergi", "pulang", "masak", "nonton", "tidur"}
	places := []string{"di rumah", "ke pasar", "di kantor", "ke sekolah", "di taman"}
	var b strings.Builder
	for i := range 60 {
		text := fmt.Sprintf("%s %s %s", subjects[i%len(subjects)], verbs[i/2%len(verbs)], places[i%len(places)])
		abusive := i%3 == 0
		if abusive {
			text += " zorblat"
		}
		line, err := json.Marshal(map[string]any{"text": text, "kasar": abusive})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(t.TempDir(), "mine.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	return path
}

// runCmd runs the saring command line with an empty stdin.
func runCmd(args ...string) (code int, stdout, stderr string) { return runCmdIn("", args...) }

func TestTrainCommand(t *testing.T) {
	corpus := trainCorpus(t)
	dir := t.TempDir()
	first, second := filepath.Join(dir, "a.model"), filepath.Join(dir, "b.model")
	code, out, errs := runCmd("train", "--label", "abusive=kasar", "-o", first, corpus)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "60 texts")
	assert.Regexp(t, `(?m)^abusive\s+0\.\d+\s+\d+\s+1\.000\s+1\.000\s+1\.000\s`, out, "the planted word is found in every fold")
	code, _, errs = runCmdIn(readFile(t, corpus), "train", "--label", "abusive=kasar", "-o", second, "--format", "jsonl")
	require.Equal(t, 0, code, errs)
	a, err := os.ReadFile(first)
	require.NoError(t, err)
	b, err := os.ReadFile(second)
	require.NoError(t, err)
	assert.Equal(t, strings.Replace(string(a), "mine.jsonl", "-", 1), string(b), "same input, same model file")
	assert.Contains(t, string(a), "@corpus 60 mine.jsonl\n")
	assert.Contains(t, string(b), "@corpus 60 -\n", "standard input is named -")

	code, out, errs = runCmd("model", "inspect", "-n", "1", first)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "abusive: threshold")
	assert.Regexp(t, `strongest positive:\n\s+\+\d+\.\d+  w:zorblat\n`, out)

	// The model is used by classify, eval and serve's --model.
	code, out, errs = runCmdIn("saya makan di rumah zorblat\n", "classify", "--model", first)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, `"flagged":["abusive"]`)
	assert.Contains(t, out, `"term":"w:zorblat","text":"zorblat"`)
	code, out, errs = runCmd("eval", "--model", first, "--label", "abusive=kasar", corpus)
	require.Equal(t, 0, code, errs)
	assert.Regexp(t, `(?m)^abusive\s+1\.000\s+1\.000\s+1\.000\s`, out)

	var stderr serveLog
	base, stop := startServe(t, []string{"--addr", "127.0.0.1:0", "--model", first}, &stderr)
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Post(base+"/v1/classify", "application/json",
		strings.NewReader(`{"text":"saya makan di rumah zorblat"}`))
	require.NoError(t, err)
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.NoError(t, err)
	assert.Contains(t, string(body), `"term":"w:zorblat"`, "serve scores with the model")
	assert.Equal(t, 0, stop())
}

// runCmdIn runs the saring command line with stdin.
func runCmdIn(stdin string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestTrainCommandErrors(t *testing.T) {
	corpus := trainCorpus(t)
	out := filepath.Join(t.TempDir(), "m.model")
	clean := filepath.Join(t.TempDir(), "clean.jsonl") // no text is abusive
	require.NoError(t, os.WriteFile(clean, []byte(strings.Repeat(`{"text":"selamat pagi semua","kasar":0}`+"\n", 12)), 0o644))
	broken := filepath.Join(t.TempDir(), "broken.model")
	require.NoError(t, os.WriteFile(broken, []byte("#! saring-model 1\n@saring 0.6.0\n@features 1\n"), 0o644))
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"train", "--label", "abusive=kasar", corpus}, 2, "usage"},
		{[]string{"train", "-o", out, corpus}, 2, "usage"},
		{[]string{"train", "--label", "abusive=kasar", "-o", out}, 1, "-: no records"},
		{[]string{"train", "--label", "abusive=kasar", corpus, "-o", out}, 2, "flag --o after the file name: put flags first"},
		{[]string{"train", "--label", "kasar=kasar", "-o", out, corpus}, 2, "unknown label"},
		{[]string{"train", "--label", "sara@agama=kasar", "-o", out, corpus}, 1, "targets"},
		{[]string{"train", "--label", "abusive=kasar", "--label", "abusive=kasar", "-o", out, corpus}, 1, "twice"},
		{[]string{"train", "--label", "abusive=kotor", "-o", out, corpus}, 1, `no field "kotor"`},
		{[]string{"train", "--label", "abusive=kasar", "-o", out, corpus + ".none"}, 1, "no such file"},
		{[]string{"train", "--label", "abusive=kasar", "--folds", "1", "-o", out, corpus}, 1, "folds"},
		{[]string{"train", "--label", "abusive=kasar", "-o", out, clean}, 1, "saring train: label abusive has 0 positive and 12 negative texts"},
		{[]string{"train", "--label", "abusive=kasar", "-o", filepath.Join(out, "none", "m.model"), corpus}, 1, "no such file or directory"},
		{[]string{"train", "--label", "abusive=kasar", "-o", t.TempDir(), corpus}, 1, "saring train: -o "},
		{[]string{"model", "inspect", broken}, 1, "broken.model:3: truncated"},
		{[]string{"model", "inspect"}, 2, "usage"},
		{[]string{"model", "frobnicate"}, 2, "unknown command"},
		{[]string{"classify", "--model", broken}, 1, "broken.model:3: truncated"},
		{[]string{"eval", "--model", broken, "--label", "abusive=kasar", corpus}, 1, "broken.model:3: truncated"},
		{[]string{"serve", "--model", broken, "--addr", "127.0.0.1:0"}, 1, "broken.model:3: truncated"},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, _, errs := runCmd(tc.args...)
			assert.Equal(t, tc.code, code, errs)
			assert.Contains(t, errs, tc.want)
			assert.NotContains(t, errs, "train: train:", "one prefix names the command")
		})
	}
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "no model file is left by a failed run")
}

// TestTrainOutput: -o may not name an input file, and the model replaces
// the file at -o by a rename, never by writing into it: a reader holding
// the old file (a server about to reload it) keeps it whole.
func TestTrainOutput(t *testing.T) {
	corpus := trainCorpus(t)
	before := readFile(t, corpus)
	link := filepath.Join(t.TempDir(), "same.jsonl")
	require.NoError(t, os.Symlink(corpus, link))
	for _, o := range []string{corpus, link} {
		code, _, errs := runCmd("train", "--label", "abusive=kasar", "-o", o, corpus)
		assert.Equal(t, 1, code, errs)
		assert.Contains(t, errs, "-o "+o+" is the input file "+corpus)
	}
	assert.Equal(t, before, readFile(t, corpus), "the corpus is untouched")

	dir := t.TempDir()
	path, held := filepath.Join(dir, "m.model"), filepath.Join(t.TempDir(), "held.model")
	require.NoError(t, os.WriteFile(path, []byte("old model\n"), 0o644))
	require.NoError(t, os.Link(path, held)) // the old file, as an open reader sees it
	code, _, errs := runCmd("train", "--label", "abusive=kasar", "-o", path, corpus)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, "old model\n", readFile(t, held), "the old file was not written into")
	assert.Contains(t, readFile(t, path), "@label abusive")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file is left")
	info, err := entries[0].Info()
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), info.Mode().Perm())
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}
