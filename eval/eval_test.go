package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
	"github.com/saring-id/saring/lexicon"
)

// mustSpecs parses label mappings or fails the test.
func mustSpecs(t *testing.T, mappings ...string) []eval.Spec {
	t.Helper()
	specs := make([]eval.Spec, 0, len(mappings))
	for _, m := range mappings {
		s, err := eval.ParseSpec(m)
		require.NoError(t, err, m)
		specs = append(specs, s)
	}
	return specs
}

func TestParseExpr(t *testing.T) {
	tests := []struct {
		in      string
		wantErr bool
	}{
		{in: "HS"},
		{in: "HS_Religion|HS_Race"},
		{in: "A|B&C"},
		{in: " A | B & C "},
		{in: "", wantErr: true},
		{in: "A|", wantErr: true},
		{in: "|A", wantErr: true},
		{in: "A&&B", wantErr: true},
		{in: "A& |B", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			e, err := eval.ParseExpr(tt.in)
			if tt.wantErr {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "empty column name")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, e.String(), "String gives the expression as written")
		})
	}
}

// TestExprSemantics evaluates expressions through ReadCSV: '|' is or, '&'
// is and (binding tighter), and a cell is true when it holds 1 or true (any
// case), false when it holds 0 or false.
func TestExprSemantics(t *testing.T) {
	const corpus = "text,A,B,C\n" +
		"r1,1,0,0\n" +
		"r2,0,1,0\n" +
		"r3,0,1,1\n" +
		"r4,0,0,1\n" +
		"r5,0,0,0\n" +
		"r6,TRUE,true,1\n" +
		"r7,false,False,0\n" +
		"r8, 1 ,FALSE,0\n"
	tests := []struct {
		expr string
		want []bool // per record r1..r8
	}{
		{"A", []bool{true, false, false, false, false, true, false, true}},
		{"A|B", []bool{true, true, true, false, false, true, false, true}},
		{"B&C", []bool{false, false, true, false, false, true, false, false}},
		{"A|B&C", []bool{true, false, true, false, false, true, false, true}},
		{" A | C ", []bool{true, false, true, true, false, true, false, true}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			specs := mustSpecs(t, "hate_speech="+tt.expr)
			recs, err := eval.ReadCSV(strings.NewReader(corpus), "t.csv", "text", specs)
			require.NoError(t, err)
			require.Len(t, recs, len(tt.want))
			for i, r := range recs {
				assert.Equal(t, []bool{tt.want[i]}, r.Gold, "%s on %s", tt.expr, r.Text)
			}
		})
	}
}

func TestParseSpec(t *testing.T) {
	tests := []struct {
		in       string
		label    lexicon.Label
		targets  []lexicon.Target
		expr     string
		name     string
		errorHas string // non-empty: an error containing this is wanted
	}{
		{in: "hate_speech=HS", label: lexicon.HateSpeech, expr: "HS", name: "hate_speech"},
		{in: "sara=HS_Religion|HS_Race", label: lexicon.SARA, expr: "HS_Religion|HS_Race", name: "sara"},
		{
			in: "sara@agama,ras,suku=HS_Religion|HS_Race", label: lexicon.SARA,
			targets: []lexicon.Target{lexicon.Agama, lexicon.Ras, lexicon.Suku},
			expr:    "HS_Religion|HS_Race", name: "sara@agama,ras,suku",
		},
		{
			in: "sara@antargolongan=HS_Group", label: lexicon.SARA,
			targets: []lexicon.Target{lexicon.Antargolongan}, expr: "HS_Group", name: "sara@antargolongan",
		},
		{in: " abusive =Abusive", label: lexicon.Abusive, expr: "Abusive", name: "abusive"},
		{in: "hoax=is_hoax&verified", label: lexicon.Hoax, expr: "is_hoax&verified", name: "hoax"},
		{in: "hate_speech", errorHas: "want NAME=EXPR"},
		{in: "=HS", errorHas: "unknown label"},
		{in: "hatespeech=HS", errorHas: "unknown label"},
		{in: "HS=hate_speech", errorHas: "unknown label"},
		{in: "sara@=X", errorHas: "label mapping"},
		{in: "sara@bangsa=X", errorHas: "label mapping"},
		{in: "sara@agama,=X", errorHas: "label mapping"},
		{in: "sara=", errorHas: "empty column name"},
		{in: "sara=A|", errorHas: "empty column name"},
		// Only sara results carry targets: a target list on another label
		// could never be predicted, so it is a mistake, not a filter.
		{in: "hate_speech@agama=HS", errorHas: "label mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := eval.ParseSpec(tt.in)
			if tt.errorHas != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.errorHas)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.label, s.Label)
			assert.Equal(t, tt.targets, s.Targets)
			assert.Equal(t, tt.expr, s.Expr.String())
			assert.Equal(t, tt.name, s.Name())
		})
	}
}

func TestParseReplacement(t *testing.T) {
	tests := []struct {
		in       string
		old, new string
		wantErr  bool
	}{
		// As given on a command line: '\\n=\n' turns the two characters
		// backslash-n into a line break.
		{in: `\\n=\n`, old: `\n`, new: "\n"},
		{in: "USER=@USER", old: "USER", new: "@USER"},
		{in: "URL=", old: "URL", new: ""},
		{in: "a=b=c", old: "a", new: "b=c"},
		{in: `\t= `, old: "\t", new: " "},
		{in: `\u00e9=e`, old: "é", new: "e"},
		{in: "no equals sign", wantErr: true},
		{in: "=x", wantErr: true},
		{in: `\q=x`, wantErr: true},
		{in: `x=\`, wantErr: true},
		{in: `x="`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			old, new, err := eval.ParseReplacement(tt.in)
			if tt.wantErr {
				require.Error(t, err)
				assert.Contains(t, err.Error(), "replacement")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.old, old)
			assert.Equal(t, tt.new, new)
		})
	}
}

func TestReadCSV(t *testing.T) {
	specs := mustSpecs(t, "hate_speech=HS", "sara=HS_Religion|HS_Race")
	t.Run("records", func(t *testing.T) {
		// A byte-order mark before the header, a quoted text with a comma
		// and a line break, extra columns that nobody reads.
		const corpus = "\ufeffTweet,HS,HS_Religion,HS_Race,extra\n" +
			"selamat pagi,0,0,0,x\n" +
			"\"dasar k4f1r, lo\nbaris dua\",1,1,0,y\n" +
			"tionghoa,1,0,1,z\n"
		recs, err := eval.ReadCSV(strings.NewReader(corpus), "t.csv", "Tweet", specs)
		require.NoError(t, err)
		require.Equal(t, []eval.Record{
			{File: "t.csv", Line: 2, Text: "selamat pagi", Gold: []bool{false, false}},
			{File: "t.csv", Line: 3, Text: "dasar k4f1r, lo\nbaris dua", Gold: []bool{true, true}},
			{File: "t.csv", Line: 4, Text: "tionghoa", Gold: []bool{true, true}},
		}, recs)
	})
	t.Run("delimiter", func(t *testing.T) {
		recs, err := eval.ReadCSV(strings.NewReader("Tweet;HS;HS_Religion;HS_Race\n\"a;b\";1;0;1\n"), "t.csv", "Tweet", specs, eval.WithDelimiter(';'))
		require.NoError(t, err)
		require.Equal(t, []eval.Record{{File: "t.csv", Line: 2, Text: "a;b", Gold: []bool{true, true}}}, recs)
	})
	errTests := []struct {
		name, corpus, text string
		errorHas           []string
	}{
		{name: "empty", corpus: "", text: "Tweet", errorHas: []string{"t.csv", "header"}},
		{name: "no text column", corpus: "text,HS,HS_Religion,HS_Race\nx,0,0,0\n", text: "Tweet", errorHas: []string{"t.csv", `"Tweet"`}},
		{name: "no label column", corpus: "Tweet,HS,HS_Religion\nx,0,0\n", text: "Tweet", errorHas: []string{"t.csv", `"HS_Race"`}},
		{name: "bad quoting", corpus: "Tweet,HS,HS_Religion,HS_Race\n\"x,0,0,0\n", text: "Tweet", errorHas: []string{"t.csv"}},
		// A row without the columns the mappings read must not pass as a
		// record with an empty text and all labels false.
		{name: "short row", corpus: "Tweet,HS,HS_Religion,HS_Race\nx,1,0,0\ny,1\n", text: "Tweet", errorHas: []string{"t.csv", "3"}},
		// A header alone measures nothing: it is a wrong file, not a result.
		{name: "header only", corpus: "Tweet,HS,HS_Religion,HS_Race\n", text: "Tweet", errorHas: []string{"t.csv", "no records"}},
		// Which of two columns of one name holds the gold? Neither is taken.
		{name: "duplicate gold column", corpus: "Tweet,HS,HS_Religion,HS_Race,HS\nx,1,0,0,0\n", text: "Tweet", errorHas: []string{"t.csv:1", `"HS"`, "twice"}},
		{name: "duplicate text column", corpus: "Tweet,HS,HS_Religion,HS_Race,Tweet\nx,1,0,0,y\n", text: "Tweet", errorHas: []string{"t.csv:1", `"Tweet"`, "twice"}},
		// The error names the line the field is on, after a text with a
		// line break.
		{name: "bad gold value", corpus: "Tweet,HS,HS_Religion,HS_Race\nx,1,0,0\n\"a\nb\",1,maybe,0\n", text: "Tweet", errorHas: []string{"t.csv:4:", `"HS_Religion"`, `"maybe"`, "want 0, 1, true or false"}},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eval.ReadCSV(strings.NewReader(tt.corpus), "t.csv", tt.text, specs)
			require.Error(t, err)
			for _, s := range tt.errorHas {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

func TestReadJSONL(t *testing.T) {
	specs := mustSpecs(t, "hate_speech=hs", "abusive=abusive")
	t.Run("records", func(t *testing.T) {
		// Numbers, booleans and strings as label values; blank lines are
		// skipped but still counted, so Line is the line in the file.
		const corpus = `{"text":"dasar k4f1r lo","hs":1,"abusive":0}
{"text":"bangsat lu","hs":true,"abusive":"1","id":7}

  {"text":"selamat pagi","hs":false,"abusive":"false"}
{"abusive":"0","hs":"TRUE","text":"orang itu"}
{"text":"","hs":0.0,"abusive":1.0}
`
		recs, err := eval.ReadJSONL(strings.NewReader(corpus), "t.jsonl", "text", specs)
		require.NoError(t, err)
		require.Equal(t, []eval.Record{
			{File: "t.jsonl", Line: 1, Text: "dasar k4f1r lo", Gold: []bool{true, false}},
			{File: "t.jsonl", Line: 2, Text: "bangsat lu", Gold: []bool{true, true}},
			{File: "t.jsonl", Line: 4, Text: "selamat pagi", Gold: []bool{false, false}},
			{File: "t.jsonl", Line: 5, Text: "orang itu", Gold: []bool{true, false}},
			{File: "t.jsonl", Line: 6, Text: "", Gold: []bool{false, true}},
		}, recs)
	})
	t.Run("no specs", func(t *testing.T) {
		recs, err := eval.ReadJSONL(strings.NewReader(`{"t":"x"}`), "t.jsonl", "t", nil)
		require.NoError(t, err)
		require.Equal(t, []eval.Record{{File: "t.jsonl", Line: 1, Text: "x", Gold: []bool{}}}, recs)
	})
	t.Run("byte-order mark", func(t *testing.T) {
		// Like ReadCSV, a leading UTF-8 byte-order mark (as some Windows
		// tools write) is not part of the first record.
		recs, err := eval.ReadJSONL(strings.NewReader("\ufeff{\"text\":\"x\",\"hs\":1,\"abusive\":0}\n"), "t.jsonl", "text", specs)
		require.NoError(t, err)
		require.Equal(t, []eval.Record{{File: "t.jsonl", Line: 1, Text: "x", Gold: []bool{true, false}}}, recs)
	})
	errTests := []struct {
		name, corpus string
		errorHas     []string
	}{
		{name: "bad json", corpus: "{\"text\":\"a\",\"hs\":1,\"abusive\":0}\n{\"text\":", errorHas: []string{"t.jsonl:2"}},
		{name: "not an object", corpus: `["text","hs"]`, errorHas: []string{"t.jsonl:1"}},
		{name: "no text", corpus: `{"hs":1,"abusive":0}`, errorHas: []string{"t.jsonl:1", `"text"`}},
		{name: "text not a string", corpus: `{"text":5,"hs":1,"abusive":0}`, errorHas: []string{"t.jsonl:1", `"text"`}},
		{name: "null text", corpus: `{"text":null,"hs":1,"abusive":0}`, errorHas: []string{"t.jsonl:1", `"text"`}},
		// A label field that is absent is a mapping or corpus error, not
		// a negative label.
		{name: "no label field", corpus: "{\"text\":\"a\",\"hs\":1,\"abusive\":0}\n{\"text\":\"b\",\"hs\":1}\n", errorHas: []string{"t.jsonl:2", `"abusive"`}},
		{name: "misspelt label field", corpus: `{"text":"a","HS":1,"abusive":0}`, errorHas: []string{"t.jsonl:1", `"hs"`}},
		{name: "line too long", corpus: "{\"text\":\"a\",\"hs\":1,\"abusive\":0}\n\n" + `{"text":"` + strings.Repeat("a", 17<<20) + `","hs":1,"abusive":0}`, errorHas: []string{"t.jsonl:3:", "longer than"}},
		{name: "empty", corpus: "\n\n", errorHas: []string{"t.jsonl", "no records"}},
		{name: "null line", corpus: "null\n", errorHas: []string{"t.jsonl:1", "JSON object"}},
		// Gold values other than 0, 1, true and false are errors, not
		// quietly negative or positive.
		{name: "gold word", corpus: `{"text":"a","hs":"banana","abusive":0}`, errorHas: []string{"t.jsonl:1", `"hs"`, `"banana"`, "want 0, 1, true or false"}},
		{name: "gold maybe", corpus: `{"text":"a","hs":1,"abusive":"maybe"}`, errorHas: []string{"t.jsonl:1", `"abusive"`}},
		{name: "gold array", corpus: `{"text":"a","hs":[1],"abusive":0}`, errorHas: []string{"t.jsonl:1", `"hs"`, "[1]"}},
		{name: "gold Inf", corpus: `{"text":"a","hs":"Inf","abusive":0}`, errorHas: []string{"t.jsonl:1", `"Inf"`}},
		{name: "gold -1", corpus: `{"text":"a","hs":-1,"abusive":0}`, errorHas: []string{"t.jsonl:1", "-1"}},
		{name: "gold 2", corpus: `{"text":"a","hs":1,"abusive":2}`, errorHas: []string{"t.jsonl:1", "2"}},
		{name: "gold NaN", corpus: `{"text":"a","hs":"NaN","abusive":0}`, errorHas: []string{"t.jsonl:1", `"NaN"`}},
		{name: "gold null", corpus: `{"text":"a","hs":null,"abusive":0}`, errorHas: []string{"t.jsonl:1", "null"}},
	}
	for _, tt := range errTests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := eval.ReadJSONL(strings.NewReader(tt.corpus), "t.jsonl", "text", specs)
			require.Error(t, err)
			for _, s := range tt.errorHas {
				assert.Contains(t, err.Error(), s)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	specs := mustSpecs(t, "hate_speech=hs")
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	for _, name := range []string{"c.jsonl", "c.JSONL", "c.ndjson"} {
		path := write(name, `{"text":"a","hs":1}`+"\n")
		recs, err := eval.ReadFile(path, "text", specs)
		require.NoError(t, err, name)
		assert.Equal(t, []eval.Record{{File: path, Line: 1, Text: "a", Gold: []bool{true}}}, recs, name)
	}
	for _, name := range []string{"c.csv", "c.tsv.txt", "c"} {
		path := write(name, "text,hs\na,1\n")
		recs, err := eval.ReadFile(path, "text", specs)
		require.NoError(t, err, name)
		assert.Equal(t, []eval.Record{{File: path, Line: 2, Text: "a", Gold: []bool{true}}}, recs, name)
	}
	path := write("semi.csv", "text;hs\na,b;1\n")
	recs, err := eval.ReadFile(path, "text", specs, eval.WithDelimiter(';'))
	require.NoError(t, err)
	assert.Equal(t, []eval.Record{{File: path, Line: 2, Text: "a,b", Gold: []bool{true}}}, recs)
	_, err = eval.ReadFile(filepath.Join(dir, "missing.csv"), "text", specs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.csv")
}

// tinyCorpus is a small corpus with known predictions of the default
// lexicons. Gold columns: hs, abusive, sara.
var tinyCorpus = []struct {
	text              string
	hs, abusive, sara bool
}{
	{"dasar k4f1r lo", true, false, true},               // hate TP; sara (agama) not suku/ras: FN
	{"selamat pagi semua", false, false, false},         // all TN
	{"bangsat lu", true, true, false},                   // hate TP, abusive TP
	{"anjing peliharaan saya lucu", false, true, false}, // allow-listed: abusive FN at score 0
	{"goblok", true, true, false},                       // hate FN at score 0, abusive TP
	{"dasar cina pelit", true, false, true},             // hate TP, sara (ras, suku) TP
	{"anjing lu", false, true, false},                   // hate FP, abusive TP
	{"Selamat Imlek untuk saudara Tionghoa", false, false, false},
	{"capres itu maling", false, false, false}, // hate FP with a lower score
	{"orang itu pelit", true, false, false},    // hate FN with a score below threshold
}

func runRecords(t *testing.T) []eval.Record {
	t.Helper()
	recs := make([]eval.Record, len(tinyCorpus))
	for i, r := range tinyCorpus {
		recs[i] = eval.Record{Line: i + 1, Text: r.text, Gold: []bool{r.hs, r.abusive, r.sara}}
	}
	return recs
}

func texts(cases []eval.Case) []string {
	out := make([]string, len(cases))
	for i, c := range cases {
		out[i] = c.Record.Text
	}
	return out
}

func TestRun(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	specs := mustSpecs(t, "hate_speech=hs", "abusive=abusive", "sara@suku,ras=sara")
	rep, err := eval.Run(context.Background(), c, runRecords(t), specs)
	require.NoError(t, err)
	assert.Equal(t, len(tinyCorpus), rep.Records)
	require.Len(t, rep.Labels, 3)

	tests := []struct {
		name                  string
		label                 lexicon.Label
		tp, fp, fn, tn        int
		precision, recall, f1 float64
		fps, fns              []string // worst first
	}{
		{
			name: "hate_speech", label: lexicon.HateSpeech, tp: 3, fp: 2, fn: 2, tn: 3,
			precision: 0.6, recall: 0.6, f1: 0.6,
			fps: []string{"anjing lu", "capres itu maling"},
			fns: []string{"goblok", "orang itu pelit"},
		},
		{
			name: "abusive", label: lexicon.Abusive, tp: 3, fp: 0, fn: 1, tn: 6,
			precision: 1, recall: 0.75, f1: 6.0 / 7,
			fns: []string{"anjing peliharaan saya lucu"},
		},
		{
			name: "sara@suku,ras", label: lexicon.SARA, tp: 1, fp: 0, fn: 1, tn: 8,
			precision: 1, recall: 0.5, f1: 2.0 / 3,
			fns: []string{"dasar k4f1r lo"},
		},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := rep.Labels[i]
			assert.Equal(t, tt.name, m.Name)
			assert.Equal(t, tt.label, m.Label)
			assert.Equal(t, [4]int{tt.tp, tt.fp, tt.fn, tt.tn}, [4]int{m.TP, m.FP, m.FN, m.TN}, "tp, fp, fn, tn")
			assert.Equal(t, tt.tp+tt.fn, m.Support)
			assert.InDelta(t, tt.precision, m.Precision, 1e-9)
			assert.InDelta(t, tt.recall, m.Recall, 1e-9)
			assert.InDelta(t, tt.f1, m.F1, 1e-9)
			assert.Equal(t, tt.fps, nilIfEmpty(texts(m.FalsePositives)))
			assert.Equal(t, tt.fns, nilIfEmpty(texts(m.FalseNegatives)))
			for k := 1; k < len(m.FalsePositives); k++ {
				assert.GreaterOrEqual(t, m.FalsePositives[k-1].Score, m.FalsePositives[k].Score)
			}
			for k := 1; k < len(m.FalseNegatives); k++ {
				assert.LessOrEqual(t, m.FalseNegatives[k-1].Score, m.FalseNegatives[k].Score)
			}
			for _, cs := range append(m.FalsePositives, m.FalseNegatives...) {
				lr, _ := cs.Result.Label(tt.label)
				assert.Equal(t, lr.Score, cs.Score, "a case's score is its label's score")
			}
		})
	}

	m, ok := rep.Metric("sara@suku,ras")
	require.True(t, ok)
	assert.Equal(t, 1, m.TP)
	_, ok = rep.Metric("sara")
	assert.False(t, ok, "a spec with targets is named with them")

	var b strings.Builder
	require.NoError(t, rep.WriteText(&b, 1))
	out := b.String()
	assert.True(t, strings.HasPrefix(out, "10 records\n"), out)
	assert.Contains(t, out, "hate_speech: 2 false positives (showing 1)")
	assert.Contains(t, out, "line 7 score 0.950: anjing lu")
	assert.NotContains(t, out, "capres itu maling", "only the worst case is shown")
	assert.Contains(t, out, "abusive: 1 false negatives (showing 1)")
	b.Reset()
	require.NoError(t, rep.WriteText(&b, 0))
	assert.NotContains(t, b.String(), "false positives")
}

func nilIfEmpty(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	return s
}

func TestRunEdges(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	specs := mustSpecs(t, "hate_speech=hs")

	t.Run("no records", func(t *testing.T) {
		rep, err := eval.Run(context.Background(), c, nil, specs)
		require.NoError(t, err)
		require.Len(t, rep.Labels, 1)
		m := rep.Labels[0]
		// Undefined ratios are 0, never NaN.
		assert.Zero(t, m.Precision)
		assert.Zero(t, m.Recall)
		assert.Zero(t, m.F1)
	})
	t.Run("nothing predicted, nothing to find", func(t *testing.T) {
		recs := []eval.Record{{Line: 1, Text: "selamat pagi", Gold: []bool{false}}}
		rep, err := eval.Run(context.Background(), c, recs, specs)
		require.NoError(t, err)
		m := rep.Labels[0]
		assert.Equal(t, 1, m.TN)
		assert.Zero(t, m.F1)
	})
	t.Run("gold labels do not match the specs", func(t *testing.T) {
		recs := []eval.Record{{Line: 3, Text: "x", Gold: []bool{true, false}}}
		_, err := eval.Run(context.Background(), c, recs, specs)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "3")
		_, err = eval.Run(context.Background(), c, []eval.Record{{Line: 1, Text: "x"}}, specs)
		require.Error(t, err)
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		recs := runRecords(t)
		for i := range recs {
			recs[i].Gold = recs[i].Gold[:1]
		}
		_, err := eval.Run(ctx, c, recs, specs)
		require.ErrorIs(t, err, context.Canceled)
	})
}
