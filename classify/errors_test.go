package classify_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// errLexHeader is the version line every lexicon file starts with.
const errLexHeader = "#! saring-lexicon 1\n"

// errLexGoodLine is a valid entry that the broken files carry before their
// bad line, so that a loader which kept the good part of a broken file would
// be caught.
const errLexGoodLine = "culun | label=abusive | kind=insult | weight=0.6\n"

// brokenLexicon is a lexicon file with one kind of error.
type brokenLexicon struct {
	name string
	body string // the whole file
	pos  string // "file:line" the error must name, file relative to the FS dir
	msg  string // a fragment of the message
}

// brokenLexicons are the broken files the error, reload and race tests use.
// Each is named extra.txt and has its error on line 3.
func brokenLexicons() []brokenLexicon {
	return []brokenLexicon{
		{
			name: "bad field",
			body: errLexHeader + errLexGoodLine + "otak kerupuk | label=abusive | warna=merah\n",
			pos:  "extra.txt:3", msg: `unknown field "warna"`,
		},
		{
			name: "field without value",
			body: errLexHeader + errLexGoodLine + "otak kerupuk | label=abusive | weight\n",
			pos:  "extra.txt:3", msg: "not key=value",
		},
		{
			name: "unknown label",
			body: errLexHeader + errLexGoodLine + "otak kerupuk | label=kasar\n",
			pos:  "extra.txt:3", msg: `unknown label "kasar"`,
		},
		{
			name: "unknown list",
			body: errLexHeader + errLexGoodLine + "otak kerupuk | list=teman\n",
			pos:  "extra.txt:3", msg: "teman",
		},
		{
			name: "weight out of range",
			body: errLexHeader + errLexGoodLine + "otak kerupuk | label=abusive | weight=1.5\n",
			pos:  "extra.txt:3", msg: "weight",
		},
		{
			name: "binary garbage",
			body: errLexHeader + errLexGoodLine + "\x7fELF\x02\x01\x01\x00\x00\x00\xff\xfe\x03\x00>\x00\n",
			pos:  "extra.txt:3", msg: "NUL byte",
		},
		{
			name: "invalid UTF-8",
			body: errLexHeader + errLexGoodLine + "otak \xc0\xaf kerupuk | label=abusive\n",
			pos:  "extra.txt:3", msg: "invalid UTF-8",
		},
		{
			name: "encoded surrogate",
			body: errLexHeader + errLexGoodLine + "otak \xed\xa0\x80 | label=abusive\n",
			pos:  "extra.txt:3", msg: "invalid UTF-8",
		},
		{
			name: "huge line",
			body: errLexHeader + errLexGoodLine + "otak " + strings.Repeat("kerupuk ", 10_000) + "| label=abusive\n",
			pos:  "extra.txt:3", msg: "line too long",
		},
		{
			name: "huge line without newline",
			body: errLexHeader + errLexGoodLine + strings.Repeat("x", lexicon.MaxLineBytes+1),
			pos:  "extra.txt:3", msg: "line too long",
		},
		{
			name: "label and list",
			body: errLexHeader + errLexGoodLine + "otak kerupuk | label=abusive | list=allow\n",
			pos:  "extra.txt:3", msg: "both label and list",
		},
		{
			name: "conflicting labels",
			body: errLexHeader + errLexGoodLine + "culun | label=hate_speech\n",
			pos:  "extra.txt:3", msg: "extra.txt:2",
		},
	}
}

// TestNewRejectsBrokenLexicons checks that a lexicon file with any error is
// rejected whole, with an error that names the file and line.
func TestNewRejectsBrokenLexicons(t *testing.T) {
	for _, tc := range brokenLexicons() {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"lex/aaa.txt":   {Data: []byte(errLexHeader + "otak udang rebus | label=abusive | weight=0.6\n")},
				"lex/extra.txt": {Data: []byte(tc.body)},
			}
			c, err := classify.New(classify.WithLexiconFS(fsys, "lex"))
			require.Error(t, err)
			assert.Nil(t, c)
			assert.Contains(t, err.Error(), "lex/"+tc.pos+":")
			assert.Contains(t, err.Error(), tc.msg)
			assert.NotContains(t, err.Error(), "aaa.txt", "the good file has no error")
			var pe *lexicon.ParseError
			require.True(t, errors.As(err, &pe), "error %v is not a *lexicon.ParseError", err)
			assert.Equal(t, "lex/extra.txt", pe.File)
			assert.Equal(t, 3, pe.Line)
		})
	}
}

// TestNewRejectsBrokenLexiconFiles covers whole-file problems.
func TestNewRejectsBrokenLexiconFiles(t *testing.T) {
	tests := []struct {
		name  string
		files fstest.MapFS
		want  []string
	}{
		{
			name:  "no version line",
			files: fstest.MapFS{"lex/a.txt": {Data: []byte(errLexGoodLine)}},
			want:  []string{"lex/a.txt:1:", "version"},
		},
		{
			name:  "future version",
			files: fstest.MapFS{"lex/a.txt": {Data: []byte("#! saring-lexicon 9\n" + errLexGoodLine)}},
			want:  []string{"lex/a.txt:1:", "unsupported lexicon version"},
		},
		{
			name:  "empty file",
			files: fstest.MapFS{"lex/a.txt": {Data: nil}},
			want:  []string{"lex/a.txt", "empty file"},
		},
		{
			name:  "binary file",
			files: fstest.MapFS{"lex/a.txt": {Data: []byte("\x00\x01\x02\x03\xff\xfe\xfd\n\x89PNG\r\n\x1a\n")}},
			want:  []string{"lex/a.txt:1:", "NUL byte"},
		},
		{
			name:  "no lexicon files",
			files: fstest.MapFS{"lex/readme.md": {Data: []byte("hi")}},
			want:  []string{"no lexicon files"},
		},
		{
			name:  "missing directory",
			files: fstest.MapFS{"other/a.txt": {Data: []byte(errLexHeader + errLexGoodLine)}},
			want:  []string{"lex"},
		},
		{
			name: "errors in two files",
			files: fstest.MapFS{
				"lex/a.txt": {Data: []byte(errLexHeader + "\n\nx | label=kasar\n")},
				"lex/b.txt": {Data: []byte(errLexHeader + "y | kind=kasar | label=abusive\n")},
			},
			want: []string{"lex/a.txt:4:", "lex/b.txt:2:"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := classify.New(classify.WithLexiconFS(tc.files, "lex"))
			require.Error(t, err)
			assert.Nil(t, c)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

// TestNewLexiconDirErrorNamesPath checks that errors from a directory on
// disk name the file as the user wrote the directory.
func TestNewLexiconDirErrorNamesPath(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.txt"),
		[]byte(errLexHeader+errLexGoodLine+"otak kerupuk | label=abusive | warna=merah\n"), 0o644))
	c, err := classify.New(classify.WithLexiconDir(dir))
	require.Error(t, err)
	assert.Nil(t, c)
	assert.Contains(t, err.Error(), filepath.Join(dir, "mine.txt")+":3:")
}
