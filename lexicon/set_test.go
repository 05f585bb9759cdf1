package lexicon_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

func mapFS(files map[string]string) fstest.MapFS {
	m := fstest.MapFS{}
	for name, src := range files {
		m[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return m
}

func load(t *testing.T, files map[string]string) *lexicon.Set {
	t.Helper()
	s, err := lexicon.Load(mapFS(files), "lex")
	require.NoError(t, err)
	return s
}

func terms(es []lexicon.Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Phrase()
		if e.List != "" {
			out[i] += "/" + string(e.List)
		}
	}
	return out
}

func TestLoad(t *testing.T) {
	s := load(t, map[string]string{
		"lex/b.txt":      v1 + "babi | label=abusive\n",
		"lex/a.txt":      v1 + "anjing | label=abusive\n\nanjing peliharaan | list=allow\n",
		"lex/readme.md":  "not a lexicon",
		"lex/sub/c.txt":  v1 + "ignored | label=hoax\n",
		"other/z.txt":    v1 + "ignored | label=hoax\n",
		"lex/c.txt.orig": "junk",
		"lex/d.txt":      v1 + "# only comments\n",
		"lex/e.txt":      v1 + "anjing | label=abusive\n", // duplicate, allowed (lint warns)
		"lex/f.txt":      v1 + "anjing | list=person\n",   // same words, other class: fine
	})
	es := s.Entries()
	assert.Equal(t, []string{"anjing", "anjing peliharaan/allow", "babi", "anjing", "anjing/person"}, terms(es))
	assert.Equal(t, lexicon.Position{File: "lex/a.txt", Line: 4}, es[1].Source)
	assert.Equal(t, lexicon.Position{File: "lex/b.txt", Line: 2}, es[2].Source)
	assert.Equal(t, 5, s.Len())

	es[0].Term = "changed"
	assert.Equal(t, "anjing", s.Entries()[0].Term, "Entries returns a copy")
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"no files", map[string]string{"lex/readme.md": "x"}, []string{"lexicon: no lexicon files (*.txt) in lex"}},
		{"missing dir", map[string]string{"other/a.txt": v1}, []string{"lexicon: reading directory lex: file does not exist"}},
		{"errors of all files", map[string]string{
			"lex/a.txt": v1 + "anjing | label=hat\n",
			"lex/b.txt": "babi | label=abusive\n",
		}, []string{`lex/a.txt:2: unknown label "hat"`, `lex/b.txt:1: missing version line`}},
		{"conflicting labels across files", map[string]string{
			"lex/a.txt": v1 + "\nkafir | label=sara,hate_speech\n",
			"lex/b.txt": v1 + "kafir | label=abusive\n",
		}, []string{`lex/b.txt:2: term "kafir" has label=abusive here but label=hate_speech,sara at lex/a.txt:3`}},
		{"a directory named *.txt", map[string]string{
			"lex/a.txt":       v1 + "anjing | label=abusive\n",
			"lex/g.txt/x.txt": v1 + "babi | label=abusive\n",
		}, []string{"lexicon: lex/g.txt is a directory: lexicon files (*.txt) must be regular files"}},
		{"only a directory named *.txt", map[string]string{
			"lex/g.txt/x.txt": v1 + "babi | label=abusive\n",
		}, []string{"lexicon: lex/g.txt is a directory: lexicon files (*.txt) must be regular files"}},
		{"conflicting labels in one file", map[string]string{
			"lex/a.txt": v1 + "kafir | label=sara\nKafir | label=hoax\n",
		}, []string{`lex/a.txt:3: term "kafir" has label=hoax here but label=sara at lex/a.txt:2`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := lexicon.Load(mapFS(tt.files), "lex")
			require.Error(t, err)
			assert.Nil(t, s)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestLoadDir(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.txt"), []byte(v1+"kampret | label=abusive\nbabi | label=hat\n"), 0o644))
	_, err := lexicon.LoadDir(dir)
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(dir, "mine.txt")+`:3: unknown label "hat"`)

	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.txt"), []byte(v1+"kampret | label=abusive\n"), 0o644))
	s, err := lexicon.LoadDir(dir)
	require.NoError(t, err)
	require.Equal(t, 1, s.Len())
	assert.Equal(t, filepath.Join(dir, "mine.txt")+":2", s.Entries()[0].Source.String())
}

func TestLoadDirNotADirectory(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.txt")
	require.NoError(t, os.WriteFile(file, []byte(v1), 0o644))
	missing := filepath.Join(dir, "nonexist")
	tests := []struct {
		name, dir, want string
		notExist        bool
	}{
		{"missing", missing, "lexicon: reading directory " + missing + ": no such file or directory", true},
		{"a file", file, "lexicon: reading directory " + file + ": not a directory", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := lexicon.LoadDir(tt.dir)
			require.Error(t, err)
			assert.Nil(t, s)
			// The directory is named once, as given, and fsys's internal
			// name (".") does not leak into the message.
			assert.Equal(t, tt.want, err.Error())
			assert.Equal(t, tt.notExist, errors.Is(err, fs.ErrNotExist))
		})
	}
}

func TestExtend(t *testing.T) {
	base := load(t, map[string]string{
		"lex/base.txt": v1 + `anjing | label=abusive | weight=0.7
babi | label=abusive | weight=0.6
kafir | label=sara,hate_speech | weight=0.8
sate babi | list=allow
serbu | list=action
`,
	})
	over := load(t, map[string]string{
		"lex/over.txt": v1 + `anjing | label=abusive | weight=0
babi | label=abusive,sara | weight=0.4
sate babi | list=allow | weight=0
serbu | list=counter
kampret | label=abusive | weight=0.5
`,
	})
	got := base.Extend(over)
	es := got.Entries()
	assert.Equal(t, []string{
		"kafir",        // untouched
		"serbu/action", // a different list is a different entry
		"anjing",       // weight 0: disabled
		"babi",         // labels changed by the override
		"sate babi/allow",
		"serbu/counter",
		"kampret", // added
	}, terms(es))
	byTerm := map[string]lexicon.Entry{}
	for _, e := range es {
		byTerm[e.Phrase()+"/"+string(e.List)] = e
	}
	assert.True(t, byTerm["anjing/"].Disabled())
	assert.Equal(t, []lexicon.Label{lexicon.SARA, lexicon.Abusive}, byTerm["babi/"].Labels)
	assert.Equal(t, "lex/over.txt", byTerm["babi/"].Source.File)
	assert.True(t, byTerm["sate babi/allow"].Disabled())

	assert.Equal(t, []string{"kafir", "serbu/action", "babi", "serbu/counter", "kampret"}, terms(got.Active()))

	// The inputs are unchanged.
	assert.Equal(t, 5, base.Len())
	assert.Len(t, base.Active(), 5)
	assert.Equal(t, 5, over.Len())

	assert.Same(t, base, base.Extend(nil))
	var none *lexicon.Set
	assert.Same(t, over, none.Extend(over))
	assert.Nil(t, none.Entries())
	assert.Equal(t, 0, none.Len())
}

func TestStats(t *testing.T) {
	s := load(t, map[string]string{
		"lex/a.txt": v1 + `@defaults label=abusive kind=profanity
anjing | fuzzy=yes
babi | weight=0
cina kafir | label=sara,hate_speech | kind=slur | target=ras,agama | severity=strong
`,
		"lex/b.txt": v1 + `cina | list=group | target=ras
jangan | list=counter
sebarkan | label=hoax
`,
	})
	st := s.Stats()
	assert.Equal(t, 6, st.Entries)
	assert.Equal(t, 1, st.Disabled)
	assert.Equal(t, 1, st.Fuzzy)
	assert.Equal(t, map[lexicon.Label]int{lexicon.Abusive: 2, lexicon.SARA: 1, lexicon.HateSpeech: 1, lexicon.Hoax: 1}, st.Labels)
	assert.Equal(t, map[lexicon.List]int{lexicon.Group: 1, lexicon.Counter: 1}, st.Lists)
	assert.Equal(t, map[lexicon.Kind]int{lexicon.KindProfanity: 2, lexicon.KindSlur: 1, "": 1}, st.Kinds)
	assert.Equal(t, map[string]int{"lex/a.txt": 3, "lex/b.txt": 3}, st.Files)
	assert.Equal(t, map[lexicon.Target]int{lexicon.Ras: 2, lexicon.Agama: 1}, st.Targets)
	assert.Equal(t, map[lexicon.Severity]int{lexicon.Moderate: 5, lexicon.Strong: 1}, st.Severity)
}
