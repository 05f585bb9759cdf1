package normalize

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseSlang(t *testing.T) {
	in := "\ufeff# kamus slang\n\ngk tidak\r\n  bgt\tbanget  \nanak2 anak-anak\ngk tidak\n# akhir"
	got, err := ParseSlang(strings.NewReader(in), "test.txt")
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gk": "tidak", "bgt": "banget", "anak2": "anak-anak"}, got)
}

func TestParseSlangErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"one field", "gk tidak\nbgt\n", "x.txt:2: want 2 fields"},
		{"three fields", "gk tidak\n\nbgt banget sekali\n", "x.txt:3: want 2 fields"},
		{"duplicate with another value", "gk tidak\ngk enggak\n", `x.txt:2: duplicate key "gk"`},
		{"upper case", "Gk tidak\n", "x.txt:1: colloquial form \"Gk\": must be lowercase"},
		{"upper-case value", "gk Tidak\n", "x.txt:1: standard form \"Tidak\": must be lowercase"},
		{"edge hyphen", "gk -tidak\n", "x.txt:1: standard form \"-tidak\": must not start or end with '-'"},
		{"hashtag key", "gk# tidak\n", "x.txt:1: colloquial form"},
		{"invalid UTF-8", "gk ti\xffdak\n", "x.txt:1: invalid UTF-8"},
		{"title case", "\u01c5 tidak\n", `x.txt:1: colloquial form "ǅ": must be lowercase`},
		{"byte-order mark on a later line", "gk tidak\n\ufeffbgt banget\n", `x.txt:2: colloquial form "\ufeffbgt": must not contain the invisible character U+FEFF`},
		{"zero-width space", "gk ti\u200bdak\n", `x.txt:1: standard form "ti\u200bdak": must not contain the invisible character U+200B`},
		{"long line", "gk tidak\n" + strings.Repeat("a", MaxSlangLineBytes) + " b\n", "x.txt:2: line longer than 1024 bytes"},
		{"long line without a line end", "gk tidak\n" + strings.Repeat("a", MaxSlangLineBytes+1), "x.txt:2: line longer than 1024 bytes"},
		{"empty", "", "x.txt:0: empty"},
		{"comments only", "# a\n\n# b\n", "x.txt:3: empty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseSlang(strings.NewReader(tc.in), "x.txt")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseSlangReadError(t *testing.T) {
	_, err := ParseSlang(failingReader{}, "x.txt")
	require.ErrorContains(t, err, "x.txt:1: read: disk on fire")
}

func TestEmbeddedSlang(t *testing.T) {
	m, err := ParseSlang(strings.NewReader(slangFile), "slang.txt")
	require.NoError(t, err)
	assert.NotEmpty(t, m)
	n := Default()
	for k, v := range m {
		require.True(t, n.IsKnown(k), k)
		require.True(t, n.IsKnown(v), v)
	}
}

// repeat is an endless reader of one string, like /dev/zero or `yes`.
type repeat string

func (r repeat) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		n += copy(p[n:], r)
	}
	return n, nil
}

// TestParseSlangEndlessInput: an input that never ends is an error, found
// after a bounded read whether it has line ends or not (before the bounds,
// a link to /dev/zero grew one line until memory ran out).
func TestParseSlangEndlessInput(t *testing.T) {
	for _, tc := range []struct {
		in   repeat
		want string
	}{
		{"\x00", "x.txt:2: line longer than 1024 bytes"},
		{"gk tidak\n", "dictionary larger than 16 MiB"},
	} {
		_, err := ParseSlang(io.MultiReader(strings.NewReader("bgt banget\n"), tc.in), "x.txt")
		require.Error(t, err)
		assert.Contains(t, err.Error(), tc.want)
	}
}

func TestLoadSlangFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.txt")
	require.NoError(t, os.WriteFile(good, []byte("gk tidak\n"), 0o600))
	got, err := LoadSlangFile(good)
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"gk": "tidak"}, got)

	bad := filepath.Join(dir, "bad.txt")
	require.NoError(t, os.WriteFile(bad, []byte("gk tidak\nbgt\n"), 0o600))
	cases := []struct{ name, path, want string }{
		{"bad line", bad, bad + ":2: want 2 fields"},
		{"missing", filepath.Join(dir, "none.txt"), "none.txt"},
		{"directory", dir, "open " + dir + ": a directory, not a regular file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := LoadSlangFile(c.path)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// TestNormalizerSlang checks that Slang lists the pairs in force: the
// embedded dictionary's, with WithSlang's added and overriding.
func TestNormalizerSlang(t *testing.T) {
	plain, err := New()
	require.NoError(t, err)
	n, err := New(WithSlang(map[string]string{"xyzq": "bangsat", "gw": "kamu"}))
	require.NoError(t, err)
	base, pairs := plain.Slang(), n.Slang()
	assert.Greater(t, len(base), 100, "the embedded pairs")
	assert.Equal(t, "saya", base["gw"])
	assert.Len(t, pairs, len(base)+1)
	assert.Equal(t, "bangsat", pairs["xyzq"])
	assert.Equal(t, "kamu", pairs["gw"], "WithSlang overrides the embedded pair")
}
