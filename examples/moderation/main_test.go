package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

func TestDecide(t *testing.T) {
	p := Policy{HoldScore: 0.85, HoldSeverity: lexicon.Strong}
	flagged := func(l lexicon.Label, score float64, sev lexicon.Severity) classify.LabelResult {
		return classify.LabelResult{Label: l, Score: score, Flagged: true, Severity: sev}
	}
	tests := []struct {
		name   string
		labels []classify.LabelResult
		want   Decision
		why    int
	}{
		{"nothing", nil, Pass, 0},
		{"below threshold only", []classify.LabelResult{{Label: lexicon.Abusive, Score: 0.4, Severity: lexicon.Moderate}}, Pass, 0},
		{"flagged moderate", []classify.LabelResult{flagged(lexicon.Hoax, 0.7, lexicon.Moderate)}, Review, 1},
		{"flagged strong", []classify.LabelResult{flagged(lexicon.Abusive, 0.6, lexicon.Strong)}, Hold, 1},
		{"flagged high score", []classify.LabelResult{flagged(lexicon.SARA, 0.85, lexicon.Weak)}, Hold, 1},
		{"hold wins over review", []classify.LabelResult{
			flagged(lexicon.Hoax, 0.6, lexicon.Moderate),
			{Label: lexicon.Abusive, Score: 0.3, Severity: lexicon.Strong},
			flagged(lexicon.HateSpeech, 0.9, lexicon.Moderate),
		}, Hold, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, why := p.Decide(classify.Result{Labels: tt.labels})
			assert.Equal(t, tt.want, d)
			assert.Len(t, why, tt.why)
		})
	}
}

func TestRun(t *testing.T) {
	posts := strings.Join([]string{
		"dasar k4f1r lo",
		"anjing peliharaan saya lucu",
		"",
		"bangsat lu, dasar goblok",
		"goblok",
		"kirim ke 10 grup",
		"Polda mengimbau warga menangkal hoaks dan SARA",
	}, "\n")
	tests := []struct {
		name string
		args []string
		want []string // decision lines and reasons, in order
	}{
		{
			name: "defaults",
			want: []string{
				`HOLD   "dasar k4f1r lo"`,
				`sara 0.85 moderate: "dasar k4f1r"`,
				`PASS   "anjing peliharaan saya lucu"`,
				`HOLD   "bangsat lu, dasar goblok"`,
				`abusive 1.00 strong: "bangsat", "goblok"`,
				`REVIEW "goblok"`,
				`abusive 0.70 moderate: "goblok"`,
				`REVIEW "kirim ke 10 grup"`,
				`hoax 0.70 moderate: "kirim ke 10 grup"`,
				`PASS   "Polda mengimbau warga menangkal hoaks dan SARA"`,
				"6 posts: 2 hold, 2 review, 2 pass",
			},
		},
		{
			name: "higher hold score",
			args: []string{"--hold-score", "0.9"},
			want: []string{`REVIEW "dasar k4f1r lo"`, `HOLD   "bangsat lu, dasar goblok"`, "6 posts: 1 hold, 3 review, 2 pass"},
		},
		{
			name: "hold moderate severity",
			args: []string{"--hold-severity", "moderate"},
			want: []string{`HOLD   "goblok"`, `HOLD   "kirim ke 10 grup"`, "6 posts: 4 hold, 0 review, 2 pass"},
		},
		{
			name: "higher flag threshold",
			args: []string{"--threshold", "0.75"},
			want: []string{`PASS   "goblok"`, `PASS   "kirim ke 10 grup"`, "6 posts: 2 hold, 0 review, 4 pass"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut strings.Builder
			require.NoError(t, run(tt.args, strings.NewReader(posts), &out, &errOut))
			got := out.String()
			pos := 0
			for _, w := range tt.want {
				i := strings.Index(got[pos:], w)
				require.GreaterOrEqual(t, i, 0, "want %q after offset %d in:\n%s", w, pos, got)
				pos += i + len(w)
			}
		})
	}
}

func TestRunBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"--hold-severity", "extreme"},
		{"--threshold", "2"},
		{"--threshold", "0"},
	} {
		var out, errOut strings.Builder
		assert.Error(t, run(args, strings.NewReader("halo\n"), &out, &errOut), "%v", args)
	}
}
