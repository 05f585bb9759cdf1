package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/normalize"
)

// normalizeLine is one decoded output line.
type normalizeLine struct {
	Tokens []normalize.Token `json:"tokens"`
	Error  string            `json:"error"`
}

func runNormalizeLines(t *testing.T, args []string, in string) (lines []normalizeLine, raw []string, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runNormalize(args, strings.NewReader(in), &out, &errOut)
	for _, l := range strings.SplitAfter(out.String(), "\n") {
		if l == "" {
			continue
		}
		require.True(t, strings.HasSuffix(l, "\n"), "output line %q", l)
		var nl normalizeLine
		require.NoError(t, json.Unmarshal([]byte(l), &nl), l)
		lines = append(lines, nl)
		raw = append(raw, strings.TrimSuffix(l, "\n"))
	}
	return lines, raw, errOut.String(), code
}

func TestRunNormalize(t *testing.T) {
	lines, raw, stderr, code := runNormalizeLines(t, nil, "k4f1r\r\n\n  \nDasar b a b i #IklanAhok\nbaris terakhir tanpa newline")
	require.Equal(t, 0, code, stderr)
	require.Len(t, lines, 5)
	assert.Equal(t, `{"tokens":[{"raw":"k4f1r","norm":"kafir","stem":"kafir","start":0,"end":5,"kind":"word","via":["leet"],"known":true}]}`, raw[0])
	assert.Equal(t, `{"tokens":[]}`, raw[1])
	assert.Equal(t, `{"tokens":[]}`, raw[2])
	var norms []string
	for _, tok := range lines[3].Tokens {
		norms = append(norms, tok.Norm)
	}
	assert.Equal(t, []string{"dasar", "babi", "iklan", "ahok"}, norms)
	assert.Equal(t, normalize.ViaSplit, lines[3].Tokens[1].Via)
	assert.Equal(t, normalize.Hashtag, lines[3].Tokens[2].Kind)
	assert.Len(t, lines[4].Tokens, 4)
}

func TestRunNormalizeSpansAreByteOffsets(t *testing.T) {
	in := "𝐛𝐚𝐛𝐢 <kafir> & ka\u200bfir"
	lines, raw, _, code := runNormalizeLines(t, nil, in+"\n")
	require.Equal(t, 0, code)
	require.Len(t, lines, 1)
	assert.NotContains(t, raw[0], `\u003c`, "HTML is not escaped")
	for _, tok := range lines[0].Tokens {
		assert.Equal(t, in[tok.Start:tok.End], tok.Raw)
	}
}

func TestRunNormalizeMaxBytes(t *testing.T) {
	in := "pendek\n" + strings.Repeat("x", 40) + "\r\n" + strings.Repeat("y", 10) + "\r\n" + strings.Repeat("z", 11) + "\nlagi"
	lines, _, stderr, code := runNormalizeLines(t, []string{"--max-bytes", "10"}, in)
	assert.Equal(t, 0, code, "a rejected line is answered in place, as saring classify does")
	assert.Empty(t, stderr)
	require.Len(t, lines, 5, "one output line per input line")
	assert.Equal(t, "pendek", lines[0].Tokens[0].Norm)
	assert.Equal(t, "line 2: longer than 10 bytes (--max-bytes)", lines[1].Error)
	assert.Equal(t, strings.Repeat("y", 10), lines[2].Tokens[0].Raw, "exactly max bytes plus CRLF is accepted")
	assert.Contains(t, lines[3].Error, "line 4")
	assert.Equal(t, "lagi", lines[4].Tokens[0].Raw)
}

func TestRunNormalizeLongLines(t *testing.T) {
	// Lines much longer than the reader's buffer.
	long := strings.Repeat("kafiiir ", 50_000)
	lines, _, stderr, code := runNormalizeLines(t, nil, long+"\n"+long)
	require.Equal(t, 0, code, stderr)
	require.Len(t, lines, 2)
	assert.Len(t, lines[0].Tokens, 50_000)
	assert.Len(t, lines[1].Tokens, 50_000)
}

func TestRunNormalizeSlangFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slang.txt")
	require.NoError(t, os.WriteFile(path, []byte("# tambahan\nbokap ayah\n"), 0o600))
	lines, _, stderr, code := runNormalizeLines(t, []string{"--slang", path}, "bokap gw\n")
	require.Equal(t, 0, code, stderr)
	require.Len(t, lines, 1)
	assert.Equal(t, "ayah", lines[0].Tokens[0].Norm)

	bad := filepath.Join(t.TempDir(), "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("bokap\n"), 0o600))
	_, _, stderr, code = runNormalizeLines(t, []string{"--slang", bad}, "x\n")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "bad.txt:1:")
}

func TestRunNormalizeUsage(t *testing.T) {
	_, _, stderr, code := runNormalizeLines(t, []string{"--max-bytes", "0"}, "")
	assert.Equal(t, 2, code)
	assert.Contains(t, stderr, "--max-bytes")

	_, _, stderr, code = runNormalizeLines(t, []string{"no-such-file.txt"}, "")
	assert.Equal(t, 1, code, "a file name is read, not ignored")
	assert.Contains(t, stderr, "no-such-file.txt")

	_, _, _, code = runNormalizeLines(t, []string{"--nope"}, "")
	assert.Equal(t, 2, code)

	_, _, stderr, code = runNormalizeLines(t, []string{"-h"}, "")
	assert.Equal(t, 0, code)
	assert.Contains(t, stderr, "usage: saring normalize")
}

func TestRunNormalizeEmptyInput(t *testing.T) {
	lines, _, _, code := runNormalizeLines(t, nil, "")
	assert.Equal(t, 0, code)
	assert.Empty(t, lines)
}
