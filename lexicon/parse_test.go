package lexicon_test

import (
	"errors"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

const v1 = "#! saring-lexicon 1\n"

func parse(t *testing.T, src string) []lexicon.Entry {
	t.Helper()
	es, err := lexicon.Parse(strings.NewReader(src), "x.txt")
	require.NoError(t, err)
	return es
}

func TestParseValid(t *testing.T) {
	src := "\ufeff\n" + v1 + `# comment
@defaults label=abusive kind=profanity weight=0.6 fuzzy=no

anjing | weight=0.7 | fuzzy=yes | note=juga hewan; frasa netral ada di allow.txt
bangsat | weight=0.8 | severity=strong | fuzzy=yes
   Kampret    Busuk   |weight=0.3|severity=weak
@defaults label=sara,hate_speech kind=slur severity=strong target=ras,agama
cina kafir | weight=0.9 | target=agama,ras
@defaults list=group target=suku
batak
anjing peliharaan | list=allow
@defaults
jangan | list=counter
`
	es := parse(t, src)
	require.Len(t, es, 7)

	e := es[0]
	assert.Equal(t, "anjing", e.Term)
	assert.Equal(t, []string{"anjing"}, e.Words)
	assert.Len(t, e.Stems, 1)
	assert.Equal(t, []lexicon.Label{lexicon.Abusive}, e.Labels)
	assert.Equal(t, lexicon.List(""), e.List)
	assert.InDelta(t, 0.7, e.Weight, 1e-12)
	assert.Equal(t, lexicon.Moderate, e.Severity)
	assert.Equal(t, lexicon.KindProfanity, e.Kind)
	assert.True(t, e.Fuzzy)
	assert.Equal(t, "juga hewan; frasa netral ada di allow.txt", e.Note)
	assert.Equal(t, lexicon.Position{File: "x.txt", Line: 6}, e.Source)
	assert.Equal(t, 1, e.FuzzyDistance())

	assert.Equal(t, lexicon.Strong, es[1].Severity)
	assert.Equal(t, 1, es[1].FuzzyDistance())

	assert.Equal(t, "Kampret Busuk", es[2].Term, "inner spaces are collapsed")
	assert.Equal(t, []string{"kampret", "busuk"}, es[2].Words)
	assert.Equal(t, lexicon.Weak, es[2].Severity)
	assert.False(t, es[2].Fuzzy)
	assert.Equal(t, 0, es[2].FuzzyDistance())

	sara := es[3]
	assert.Equal(t, []lexicon.Label{lexicon.HateSpeech, lexicon.SARA}, sara.Labels, "labels in canonical order")
	assert.Equal(t, []lexicon.Target{lexicon.Agama, lexicon.Ras}, sara.Targets, "targets in canonical order")
	assert.Equal(t, lexicon.KindSlur, sara.Kind)
	assert.True(t, sara.HasLabel(lexicon.SARA))
	assert.False(t, sara.HasLabel(lexicon.Hoax))
	assert.True(t, sara.HasTarget(lexicon.Ras))
	assert.Equal(t, "cina kafir", sara.Phrase())

	group := es[4]
	assert.Equal(t, lexicon.Group, group.List)
	assert.Nil(t, group.Labels)
	assert.Equal(t, []lexicon.Target{lexicon.Suku}, group.Targets)
	assert.InDelta(t, 0.5, group.Weight, 1e-12, "built-in default weight")

	allow := es[5]
	assert.Equal(t, lexicon.Allow, allow.List)
	assert.Nil(t, allow.Targets, "inherited target is dropped on list=allow")

	counter := es[6]
	assert.Equal(t, lexicon.Counter, counter.List)
	assert.Equal(t, lexicon.Moderate, counter.Severity, "an empty @defaults resets to built-ins")
	assert.Equal(t, lexicon.Position{File: "x.txt", Line: 15}, counter.Source)
}

func TestParseDefaultsApplyWhereTheyFit(t *testing.T) {
	src := v1 + `@defaults label=abusive kind=insult fuzzy=yes target=suku
goblok
tai
anak haram
ngentot | list=allow
sontoloyo | list=person
sontoloyo | list=mention | fuzzy=no
`
	es := parse(t, src)
	require.Len(t, es, 6)
	assert.True(t, es[0].Fuzzy, "goblok is long enough")
	assert.False(t, es[1].Fuzzy, "inherited fuzzy=yes is dropped on a short word")
	assert.False(t, es[2].Fuzzy, "inherited fuzzy=yes is dropped on a phrase")
	assert.Equal(t, []lexicon.Target{lexicon.Suku}, es[2].Targets)
	assert.Equal(t, lexicon.Allow, es[3].List, "a list on the line overrides the default label")
	assert.Nil(t, es[3].Labels)
	assert.Equal(t, lexicon.Kind(""), es[3].Kind, "list entries take no kind")
	assert.Nil(t, es[3].Targets)
	assert.False(t, es[4].Fuzzy, "inherited fuzzy=yes is dropped on a list entry")
	assert.Zero(t, es[4].FuzzyDistance())
	assert.False(t, es[5].Fuzzy, "fuzzy=no on a list entry is accepted")
}

func TestParseCRLFAndNoFinalNewline(t *testing.T) {
	es := parse(t, "#! saring-lexicon 1\r\nanjing | label=abusive\r\nbabi | label=abusive")
	require.Len(t, es, 2)
	assert.Equal(t, "babi", es[1].Term)
	assert.Equal(t, 3, es[1].Source.Line)
}

func TestParseVersionLineVariants(t *testing.T) {
	for _, head := range []string{"#! saring-lexicon 1", "#!saring-lexicon 1", "  #!  saring-lexicon   1  "} {
		es := parse(t, "\n\n"+head+"\nanjing | label=abusive\n")
		assert.Len(t, es, 1, head)
	}
}

func TestParseErrors(t *testing.T) {
	long := v1 + strings.Repeat("a", lexicon.MaxLineBytes+1) + " | label=abusive\nbabi | label=hat\n"
	tests := []struct {
		name string
		src  string
		want []string // each must appear in the error text
	}{
		{"empty file", "", []string{`x.txt: empty file: missing version line "#! saring-lexicon 1"`}},
		{"blank file", "\n  \n", []string{`x.txt: empty file: missing version line`}},
		{"missing version", "anjing | label=hat\n", []string{
			`x.txt:1: missing version line "#! saring-lexicon 1"`,
			`x.txt:1: unknown label "hat"`,
		}},
		{"comment before version", "# hi\n" + v1, []string{`x.txt:1: missing version line`}},
		{"unknown version", "#! saring-lexicon 2\nanjing | label=hat\n", []string{`x.txt:1: unsupported lexicon version "2" (this build reads version 1)`}},
		{"malformed version", "#! saring-lexicon\n", []string{`x.txt:1: malformed version line`}},
		{"unknown label", v1 + "anjing | label=hat\n", []string{`x.txt:2: unknown label "hat"`}},
		{"duplicate label", v1 + "anjing | label=abusive,abusive\n", []string{`x.txt:2: duplicate label "abusive"`}},
		{"empty label item", v1 + "anjing | label=abusive,\n", []string{`x.txt:2: empty item in label list "abusive,"`}},
		{"unknown list", v1 + "anjing | list=deny\n", []string{`x.txt:2: unknown list "deny"`}},
		{"unknown field", v1 + "anjing | label=abusive | colour=red\n", []string{`x.txt:2: unknown field "colour"`}},
		{"duplicate field", v1 + "anjing | label=abusive | weight=0.5 | weight=0.6\n", []string{`x.txt:2: duplicate field "weight"`}},
		{"weight too big", v1 + "anjing | label=abusive | weight=1.5\n", []string{`x.txt:2: weight "1.5" out of range [0,1]`}},
		{"weight negative", v1 + "anjing | label=abusive | weight=-0.1\n", []string{`x.txt:2: invalid weight "-0.1" (want a decimal in [0,1])`}},
		{"weight NaN", v1 + "anjing | label=abusive | weight=NaN\n", []string{`x.txt:2: invalid weight "NaN" (want a decimal in [0,1])`}},
		{"weight Inf", v1 + "anjing | label=abusive | weight=+Inf\n", []string{`x.txt:2: invalid weight "+Inf" (want a decimal in [0,1])`}},
		{"weight Inf unsigned", v1 + "anjing | label=abusive | weight=Inf\n", []string{`x.txt:2: invalid weight "Inf" (want a decimal in [0,1])`}},
		{"weight underflowing exponent", v1 + "anjing | label=abusive | weight=1e-400\n", []string{`x.txt:2: invalid weight "1e-400" (want a decimal in [0,1])`}},
		{"weight exponent", v1 + "anjing | label=abusive | weight=5e-1\n", []string{`x.txt:2: invalid weight "5e-1" (want a decimal in [0,1])`}},
		{"weight negative zero", v1 + "anjing | label=abusive | weight=-0\n", []string{`x.txt:2: invalid weight "-0" (want a decimal in [0,1])`}},
		{"weight plus sign", v1 + "anjing | label=abusive | weight=+0.5\n", []string{`x.txt:2: invalid weight "+0.5" (want a decimal in [0,1])`}},
		{"weight hex float", v1 + "anjing | label=abusive | weight=0x1p-1\n", []string{`x.txt:2: invalid weight "0x1p-1" (want a decimal in [0,1])`}},
		{"weight underscore", v1 + "anjing | label=abusive | weight=0_5\n", []string{`x.txt:2: invalid weight "0_5" (want a decimal in [0,1])`}},
		{"weight bare point", v1 + "anjing | label=abusive | weight=.5\n", []string{`x.txt:2: invalid weight ".5" (want a decimal in [0,1])`}},
		{"weight trailing point", v1 + "anjing | label=abusive | weight=1.\n", []string{`x.txt:2: invalid weight "1." (want a decimal in [0,1])`}},
		{"weight underflowing decimal", v1 + "anjing | label=abusive | weight=0." + strings.Repeat("0", 400) + "1\n", []string{`is too small to tell from 0 (write 0 to switch the entry off)`}},
		{"weight many digits", v1 + "anjing | label=abusive | weight=" + strings.Repeat("0", 30) + "2\n", []string{`x.txt:2: weight "` + strings.Repeat("0", 30) + `2" out of range [0,1]`}},
		{"weight just over one", v1 + "anjing | label=abusive | weight=1.0000000000000001\n", []string{`x.txt:2: weight "1.0000000000000001" out of range [0,1]`}},
		{"weight text", v1 + "anjing | label=abusive | weight=high\n", []string{`x.txt:2: invalid weight "high" (want a decimal in [0,1])`}},
		{"bad severity", v1 + "anjing | label=abusive | severity=high\n", []string{`x.txt:2: unknown severity "high"`}},
		{"bad target", v1 + "cina | list=group | target=bangsa\n", []string{`x.txt:2: unknown target "bangsa"`}},
		{"duplicate target", v1 + "cina | list=group | target=ras,ras\n", []string{`x.txt:2: duplicate target "ras"`}},
		{"bad kind", v1 + "anjing | label=abusive | kind=rude\n", []string{`x.txt:2: unknown kind "rude"`}},
		{"bad fuzzy", v1 + "anjing | label=abusive | fuzzy=maybe\n", []string{`x.txt:2: invalid fuzzy "maybe" (want yes or no)`}},
		{"both label and list", v1 + "anjing | label=abusive | list=allow\n", []string{`x.txt:2: entry has both label and list`}},
		{"neither", v1 + "anjing | weight=0.5\n", []string{`x.txt:2: entry has neither label nor list`}},
		{"target on person", v1 + "dasar | list=person | target=suku\n", []string{`x.txt:2: target is only for label entries and list=group, not list=person`}},
		{"kind on list", v1 + "serbu | list=action | kind=call\n", []string{`x.txt:2: kind is only for label entries, not list=action`}},
		{"fuzzy short", v1 + "babi | label=abusive | fuzzy=yes\n", []string{`x.txt:2: fuzzy=yes needs a word of at least 5 letters ("babi")`}},
		{"fuzzy phrase", v1 + "anjing gila | label=abusive | fuzzy=yes\n", []string{`x.txt:2: fuzzy=yes is not allowed on a phrase ("anjing gila")`}},
		{"fuzzy on list", v1 + "sontoloyo | list=person | fuzzy=yes\n", []string{`x.txt:2: fuzzy applies to label entries only, not list=person`}},
		{"fuzzy on short list word", v1 + "lu | list=person | fuzzy=yes\n", []string{`x.txt:2: fuzzy applies to label entries only, not list=person`}},
		{"fuzzy on list by defaults", v1 + "@defaults label=abusive\nbangsat | list=person | fuzzy=yes\n", []string{`x.txt:3: fuzzy applies to label entries only, not list=person`}},
		{"empty term", v1 + " | label=abusive\n", []string{`x.txt:2: empty term`}},
		{"term of punctuation", v1 + "!!! | label=abusive\n", []string{`x.txt:2: empty term ("!!!" normalises to nothing)`}},
		{"term with =", v1 + "label=abusive | anjing\n", []string{`x.txt:2: field "anjing" is not key=value`, `x.txt:2: term "label=abusive" contains '='`}},
		{"empty field", v1 + "anjing | label=abusive |\n", []string{`x.txt:2: empty field (stray '|'?)`}},
		{"not key=value", v1 + "anjing | abusive\n", []string{`x.txt:2: field "abusive" is not key=value`}},
		{"empty value", v1 + "anjing | label=\n", []string{`x.txt:2: empty value for field "label"`}},
		{"unknown directive", v1 + "@default label=abusive\n", []string{`x.txt:2: unknown directive "@default" (want @defaults or @rule)`}},
		{"defaults both", v1 + "@defaults label=abusive list=allow\n", []string{`x.txt:2: @defaults has both label and list`}},
		{"defaults bad value", v1 + "@defaults label=abusive weight=2\n", []string{`x.txt:2: weight "2" out of range [0,1]`}},
		{"defaults duplicate", v1 + "@defaults weight=0.2 weight=0.3\n", []string{`x.txt:2: duplicate field "weight"`}},
		{"defaults target on list", v1 + "@defaults list=action target=suku\n", []string{`x.txt:2: target is only for label entries and list=group, not list=action`}},
		{"defaults kind on list", v1 + "@defaults list=action kind=call\n", []string{`x.txt:2: kind is only for label entries, not list=action`}},
		{"defaults fuzzy on list", v1 + "@defaults list=action fuzzy=yes\n", []string{`x.txt:2: fuzzy applies to label entries only, not list=action`}},
		{"NUL byte", v1 + "anj\x00ing | label=abusive\n", []string{`x.txt:2: NUL byte at column 4`}},
		{"invalid UTF-8", v1 + "anj\xffing | label=abusive\n", []string{`x.txt:2: invalid UTF-8`}},
		{"control character", v1 + "anj\x1bing | label=abusive\n", []string{`x.txt:2: control character U+001B at column 4`}},
		{"line too long", long, []string{
			`x.txt:2: line too long (more than 65536 bytes)`,
			`x.txt:3: unknown label "hat"`,
		}},
		{"fields without separator after the term", v1 + "anjing label=abusive kind=profanity\n", []string{
			`x.txt:2: missing " | " between the term and its fields: write "anjing | label=abusive | kind=profanity"`,
		}},
		{"fields without separator after the term, more fields after", v1 + "anjing label=abusive | kind=profanity\n", []string{
			`x.txt:2: missing " | " between the term and its fields: write "anjing | label=abusive | kind=profanity"`,
		}},
		{"fields without separator between fields", v1 + "anjing | label=abusive kind=profanity weight=0.6\n", []string{
			`x.txt:2: missing " | " between fields: write "label=abusive | kind=profanity | weight=0.6"`,
		}},
		{"byte-order mark inside a line", v1 + "anj\ufeffing | label=abusive\n", []string{`x.txt:2: byte-order mark (U+FEFF) at column 4`}},
		{"byte-order mark opening a later line", v1 + "\ufeffanjing | label=abusive\n", []string{`x.txt:2: byte-order mark (U+FEFF) at column 1`}},
		{"joined files", v1 + "anjing | label=abusive\n\ufeff" + v1 + "babi | label=abusive\n", []string{`x.txt:3: byte-order mark (U+FEFF) at column 1: it may only open the file (were files joined?)`}},
		{"short in defaults", v1 + "@defaults label=abusive short=yes\n", []string{`x.txt:2: short= marks one term as meant: write it on the entry's line, not in @defaults`}},
		{"short on a long word", v1 + "asu | label=abusive | short=yes\n", []string{`x.txt:2: short=yes is only for a single word of fewer than 3 letters, not "asu"`}},
		{"short on a phrase", v1 + "ah lu | label=abusive | short=yes\n", []string{`x.txt:2: short=yes is only for a single word of fewer than 3 letters`}},
		{"bad short", v1 + "nu | list=group | short=ya\n", []string{`x.txt:2: invalid short "ya" (want yes or no)`}},
		{"garbage first line", "\xff\xfe\x00\x01\n", []string{`x.txt:1: NUL byte`, `x.txt:1: missing version line`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es, err := lexicon.Parse(strings.NewReader(tt.src), "x.txt")
			require.Error(t, err)
			assert.Nil(t, es)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			var pe *lexicon.ParseError
			require.ErrorAs(t, err, &pe)
			assert.Equal(t, "x.txt", pe.File)
		})
	}
}

func TestParseCollectsAllErrors(t *testing.T) {
	src := v1 + `anjing | label=hat
babi | label=abusive
kampret | weight=2 | label=abusive
tai | label=abusive | fuzzy=yes
`
	_, err := lexicon.Parse(strings.NewReader(src), "lexicon/data/x.txt")
	require.Error(t, err)
	assert.Equal(t, `lexicon/data/x.txt:2: unknown label "hat"
lexicon/data/x.txt:4: weight "2" out of range [0,1]
lexicon/data/x.txt:5: fuzzy=yes needs a word of at least 5 letters ("tai")`, err.Error())
	joined, ok := err.(interface{ Unwrap() []error })
	require.True(t, ok, "errors are joined")
	var lines []int
	for _, e := range joined.Unwrap() {
		var pe *lexicon.ParseError
		require.True(t, errors.As(e, &pe))
		lines = append(lines, pe.Line)
	}
	assert.Equal(t, []int{2, 4, 5}, lines)
}

func TestParseErrorLimit(t *testing.T) {
	src := v1 + strings.Repeat("anjing | label=hat\n", 500)
	_, err := lexicon.Parse(strings.NewReader(src), "x.txt")
	require.Error(t, err)
	n := strings.Count(err.Error(), "\n") + 1
	assert.LessOrEqual(t, n, 52)
	assert.Contains(t, err.Error(), "too many errors; giving up on this file")
}

// errReader fails after returning its data.
type errReader struct{ data []byte }

func (r *errReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		return 0, errors.New("disk on fire")
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	return n, nil
}

func TestParseReadError(t *testing.T) {
	_, err := lexicon.Parse(&errReader{data: []byte(v1 + "anjing | label=abusive\n")}, "x.txt")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "x.txt: reading: disk on fire")
}

func TestParseNeverPanicsOnGarbage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []byte("ab |=#@!\n\r\t\x00\xff\xc3,label=abusive list=allow weight=0.5 fuzzy=yes target=suku kind=slur severity=strong")
	for i := 0; i < 2000; i++ {
		n := rng.IntN(300)
		b := make([]byte, n)
		for j := range b {
			if rng.IntN(4) == 0 {
				b[j] = byte(rng.IntN(256))
			} else {
				b[j] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		src := string(b)
		if i%2 == 0 {
			src = v1 + src
		}
		assert.NotPanics(t, func() {
			es, err := lexicon.Parse(strings.NewReader(src), "x.txt")
			checkParseResult(t, []byte(src), es, err)
		})
	}
}

// checkParseResult asserts the invariants every result of Parse on data,
// read from a file named x.txt, keeps: each error is a *ParseError of that
// file whose line is one of data's lines (0 only for the whole file), and
// each entry's term is the first field of the line it names.
func checkParseResult(t testing.TB, data []byte, es []lexicon.Entry, err error) {
	t.Helper()
	lines := strings.Split(string(data), "\n")
	if strings.HasSuffix(string(data), "\n") {
		lines = lines[:len(lines)-1]
	}
	if err != nil {
		if es != nil {
			t.Fatalf("entries returned with an error")
		}
		errs := []error{err}
		if j, ok := err.(interface{ Unwrap() []error }); ok {
			errs = j.Unwrap()
		}
		for _, err := range errs {
			var pe *lexicon.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error is not a *ParseError: %v", err)
			}
			if pe.File != "x.txt" || pe.Line < 0 || pe.Line > len(lines) || pe.Line == 0 && len(errs) > 1 {
				t.Fatalf("error %q is not at a line of x.txt's %d", err, len(lines))
			}
		}
		return
	}
	for _, e := range es {
		if e.Source.File != "x.txt" || e.Source.Line < 1 || e.Source.Line > len(lines) {
			t.Fatalf("entry %q at %s, outside x.txt's %d lines", e.Term, e.Source, len(lines))
		}
		line := strings.TrimPrefix(lines[e.Source.Line-1], "\ufeff")
		term, _, _ := strings.Cut(line, "|")
		if got := strings.Join(strings.Fields(term), " "); got != e.Term {
			t.Fatalf("%s: entry %q, but the line's term is %q", e.Source, e.Term, got)
		}
		if (len(e.Labels) == 0) == (e.List == "") {
			t.Fatalf("%s: entry must have exactly one of labels and list: %+v", e.Source, e)
		}
		if len(e.Words) == 0 || len(e.Stems) != len(e.Words) {
			t.Fatalf("%s: bad words/stems: %+v", e.Source, e)
		}
		if !(e.Weight >= 0 && e.Weight <= 1) {
			t.Fatalf("%s: weight out of range: %v", e.Source, e.Weight)
		}
		if e.Severity < lexicon.Weak || e.Severity > lexicon.Strong {
			t.Fatalf("%s: bad severity %v", e.Source, e.Severity)
		}
		if e.Fuzzy && (lexicon.FuzzyDistance(e.Phrase()) == 0 || e.List != "") {
			t.Fatalf("%s: fuzzy on an ineligible term %q", e.Source, e.Phrase())
		}
		if len(e.Targets) > 0 && e.List != "" && e.List != lexicon.Group {
			t.Fatalf("%s: targets on list %s", e.Source, e.List)
		}
	}
}

func TestParseWeightsAsWritten(t *testing.T) {
	for _, tt := range []struct {
		written string
		want    float64
	}{
		{"0", 0}, {"0.0", 0}, {"1", 1}, {"1.000", 1}, {"0.45", 0.45}, {"00.5", 0.5}, {"0.000001", 0.000001},
	} {
		es := parse(t, v1+"anjing | label=abusive | weight="+tt.written+"\n")
		require.Len(t, es, 1)
		assert.Equal(t, tt.want, es[0].Weight, tt.written)
	}
}

// endless is a reader that never ends, like /dev/zero or a pipe from yes.
type endless struct{ b byte }

func (e endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.b
	}
	return len(p), nil
}

// TestParseEndlessInput checks that Parse stops after MaxFileBytes of an
// input that never ends, with or without line breaks in it.
func TestParseEndlessInput(t *testing.T) {
	for _, b := range []byte{0, 'a', '\n'} {
		err := within(t, 20*time.Second, func() error {
			_, err := lexicon.Parse(io.MultiReader(strings.NewReader(v1), endless{b}), "x.txt")
			return err
		})
		require.Error(t, err, "byte %q", b)
		assert.Contains(t, err.Error(), "x.txt: reading: file larger than 16 MiB", "byte %q", b)
	}
}

// within runs f and fails the test if it has not returned after d.
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
		return nil
	}
}
