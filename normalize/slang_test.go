package normalize

import (
	"errors"
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
