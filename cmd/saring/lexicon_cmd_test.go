package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const lexV1 = "#! saring-lexicon 1\n"

// lexDir writes files into a fresh directory and returns its path.
func lexDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	return dir
}

func runLex(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = runLexicon(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestLexiconLint(t *testing.T) {
	bad := lexDir(t, map[string]string{
		"bad.txt": lexV1 + "kampret | label=hat\nbabi | label=abusive | weight=7\n",
	})
	warn := lexDir(t, map[string]string{
		"mine.txt": lexV1 + "sontoloyo | label=abusive | fuzzy=yes\nsontoloyo | label=abusive | fuzzy=yes\nbabi kecap | list=allow | weight=0\n",
	})
	single := lexDir(t, map[string]string{
		"mine.txt": lexV1 + "p! | label=abusive\nsontoloyo | label=abusive\n",
	})
	dict := filepath.Join(t.TempDir(), "tiny.dic")
	require.NoError(t, os.WriteFile(dict, []byte("2\nsontoloya/A0\nrumah\n"), 0o644))

	tests := []struct {
		name    string
		args    []string
		code    int
		stdout  []string // lines that must appear
		stderr  []string
		noOut   []string // text that must not appear in stdout
		outOnly bool     // stdout must hold exactly the stdout lines (nothing when there are none)
	}{
		{
			name: "parse errors", args: []string{"lint", "--dict", "", bad}, code: 1,
			stdout: []string{
				filepath.Join(bad, "bad.txt") + `:2: error: unknown label "hat"`,
				filepath.Join(bad, "bad.txt") + `:3: error: weight "7" out of range [0,1]`,
			},
			stderr:  []string{filepath.Clean(bad) + " on top of the default lexicons: 2 error(s); the lexicons do not load"},
			outOnly: true,
		},
		{
			name: "lint error", args: []string{"lint", "--dict=", single}, code: 1,
			stdout: []string{
				filepath.Join(single, "mine.txt") + `:2: error: term "p!" is normalised to the single letter "p", which matches chat noise; write the term so that it normalises to itself, or drop it`,
			},
			stderr:  []string{"1 error(s), 0 warning(s)"},
			outOnly: true,
		},
		{
			name: "warnings only", args: []string{"lint", "--dict=", warn}, code: 0,
			stdout: []string{
				filepath.Join(warn, "mine.txt") + `:3: warning: duplicate entry: "sontoloyo" with label=abusive is already at ` + filepath.Join(warn, "mine.txt") + ":2",
				filepath.Join(warn, "mine.txt") + `:4: warning: weight 0 disables this entry`,
			},
			stderr:  []string{"0 error(s), 2 warning(s)"},
			outOnly: true,
		},
		{
			name: "dictionary after DIR", args: []string{"lint", warn, "--dict", dict}, code: 0,
			stdout: []string{
				filepath.Join(warn, "mine.txt") + `:2: warning: fuzzy term "sontoloyo" (up to 2 edit(s)) would also match dictionary word(s) "sontoloya"; set fuzzy=no or allow-list them`,
			},
			noOut: []string{"lexicon/data/"},
		},
		{
			name: "missing explicit dictionary", args: []string{"lint", "--dict", filepath.Join(t.TempDir(), "none.dic"), warn}, code: 1,
			stderr: []string{"saring lexicon lint: lexicon: reading dictionary:"},
		},
		{
			name: "defaults", args: []string{"lint", "--dict="}, code: 0,
			stderr: []string{"default lexicons: "},
		},
		{name: "two dirs", args: []string{"lint", warn, bad}, code: 2, stderr: []string{`unexpected argument`}},
		{name: "bad flag", args: []string{"lint", "--nope"}, code: 2, stderr: []string{"flag provided but not defined: -nope"}},
		{name: "help", args: []string{"lint", "-h"}, code: 0, stderr: []string{"usage: saring lexicon lint"}},
		{name: "no command", args: nil, code: 2, stderr: []string{"usage: saring lexicon COMMAND"}},
		{name: "unknown command", args: []string{"frob"}, code: 2, stderr: []string{`saring lexicon: unknown command "frob"`}},
		{name: "lexicon help", args: []string{"help"}, code: 0, stdout: []string{"usage: saring lexicon COMMAND"}},
		{
			name: "missing dir", args: []string{"lint", "--dict=", filepath.Join(bad, "nope")}, code: 1,
			stderr:  []string{"saring lexicon lint: lexicon: reading directory " + filepath.Join(bad, "nope") + ": no such file or directory\n"},
			outOnly: true,
		},
		{name: "help after DIR", args: []string{"lint", warn, "-h"}, code: 0, stderr: []string{"usage: saring lexicon lint"}},
		{name: "stats help", args: []string{"stats", "-h"}, code: 0, stderr: []string{"usage: saring lexicon stats"}},
		{name: "stats bad flag", args: []string{"stats", "--dict=x"}, code: 2, stderr: []string{"flag provided but not defined: -dict"}},
		{name: "stats two dirs", args: []string{"stats", warn, bad}, code: 2, stderr: []string{`unexpected argument`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runLex(tt.args...)
			assert.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errOut)
			for _, w := range tt.stdout {
				assert.Contains(t, out, w)
			}
			for _, w := range tt.stderr {
				assert.Contains(t, errOut, w)
			}
			for _, w := range tt.noOut {
				assert.NotContains(t, out, w)
			}
			if tt.outOnly && len(tt.stdout) == 0 {
				assert.Empty(t, out)
			} else if tt.outOnly {
				assert.Equal(t, strings.Join(tt.stdout, "\n")+"\n", out)
			}
		})
	}
}

func TestLexiconStats(t *testing.T) {
	dir := lexDir(t, map[string]string{
		"a.txt": lexV1 + "@defaults label=abusive kind=profanity\nsontoloyo\nbabi kecap | list=allow\ncina kafir | label=sara,hate_speech | kind=slur | target=ras,agama\n",
	})
	code, out, errOut := runLex("stats", dir)
	require.Equal(t, 0, code, errOut)

	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Equal(t, "label", lines[0])
	width := -1
	for _, l := range lines {
		if !strings.HasPrefix(l, "  ") {
			continue // section title
		}
		if width < 0 {
			width = len(l)
		}
		assert.Len(t, l, width, "counts are right-aligned in one column: %q", l)
	}
	assert.Regexp(t, `(?m)^  abusive +[0-9]+$`, out)
	assert.Regexp(t, `(?m)^  `+regexp.QuoteMeta(filepath.Join(dir, "a.txt"))+` +3$`, out)
	assert.Regexp(t, `(?m)^  slur +[0-9]+$`, out)
	for _, section := range []string{"label", "list", "kind", "target", "file", "total"} {
		assert.Contains(t, lines, section)
	}

	code, out, errOut = runLex("stats", filepath.Join(dir, "missing"))
	assert.Equal(t, 1, code)
	assert.Empty(t, out)
	assert.Equal(t, "saring lexicon stats: lexicon: reading directory "+filepath.Join(dir, "missing")+": no such file or directory\n", errOut)
}

// TestLexiconLintOwnFilesByOrigin lints a user's copy of the lexicons under
// the relative path lexicon/data, the name the embedded defaults carry: the
// user's problems are still reported, because problems are told apart by the
// Set an entry comes from, not by its file name.
func TestLexiconLintOwnFilesByOrigin(t *testing.T) {
	root := t.TempDir()
	data := filepath.Join(root, "lexicon", "data")
	require.NoError(t, os.MkdirAll(data, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(data, "abusive.txt"),
		[]byte(lexV1+"sontoloyo | label=abusive\nsontoloyo | label=abusive\n"), 0o644))
	t.Chdir(root)

	rel := filepath.Join("lexicon", "data")
	code, out, errOut := runLex("lint", "--dict=", rel)
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, filepath.Join(rel, "abusive.txt")+`:3: warning: duplicate entry: "sontoloyo" with label=abusive is already at `+filepath.Join(rel, "abusive.txt")+":2\n", out)
	assert.Contains(t, errOut, "0 error(s), 1 warning(s)")

	// --all reports the defaults' problems too; it never reports fewer.
	code, outAll, errOut := runLex("lint", "--dict=", "--all", rel)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, outAll, out)
}
