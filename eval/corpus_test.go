package eval_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
)

// runCorpus evaluates the default classifier on a corpus file with the given
// label mappings, after the replacements (OLD, NEW pairs), and logs the table.
func runCorpus(t *testing.T, path, textCol string, replace []string, mappings ...string) eval.Report {
	t.Helper()
	var specs []eval.Spec
	for _, m := range mappings {
		s, err := eval.ParseSpec(m)
		require.NoError(t, err)
		specs = append(specs, s)
	}
	recs, err := eval.ReadFile(path, textCol, specs)
	require.NoError(t, err)
	if len(replace) > 0 {
		r := strings.NewReplacer(replace...)
		for i := range recs {
			recs[i].Text = r.Replace(recs[i].Text)
		}
	}
	c, err := classify.New()
	require.NoError(t, err)
	rep, err := eval.Run(context.Background(), c, recs, specs)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, rep.WriteText(&b, 0))
	t.Logf("%s\n%s", path, b.String())
	return rep
}

// requireF1 fails when a spec's F1 is below floor.
func requireF1(t *testing.T, rep eval.Report, floors map[string]float64) {
	t.Helper()
	for name, floor := range floors {
		m, ok := rep.Metric(name)
		require.True(t, ok, name)
		require.GreaterOrEqualf(t, m.F1, floor, "%s F1 fell below its floor", name)
	}
}

// ibrohimDev is the development split of Ibrohim & Budi (2019), present only
// beside a checkout that has ../shared.
const ibrohimDev = "../../shared/eval/ibrohim2019/dev.csv"

// ibrohimDecode undoes the corpus's encoding, as its README describes: line
// breaks are the two characters \n, user names were replaced by USER.
var ibrohimDecode = []string{`\n`, "\n", "USER", "@USER"}

// TestIbrohimDev reports the figures on the Ibrohim & Budi (2019) dev split
// and guards them against regression. The corpus is measured, never copied.
// Its sara columns cover religion and race only, so the figure for sara
// predictions that name those targets is reported beside the plain one.
func TestIbrohimDev(t *testing.T) {
	path := filepath.FromSlash(ibrohimDev)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus not present (%v); it lives in ../shared/eval beside the checkout", err)
	}
	rep := runCorpus(t, path, "Tweet", ibrohimDecode,
		"hate_speech=HS", "abusive=Abusive", "sara=HS_Religion|HS_Race",
		"sara@agama,ras,suku=HS_Religion|HS_Race")
	// Regression floors just under the figures measured when they were set
	// (README, "Measured figures"); the targets are higher.
	requireF1(t, rep, map[string]float64{
		"hate_speech": 0.57, "abusive": 0.78, "sara": 0.37, "sara@agama,ras,suku": 0.42,
	})
}

// authoredLabels maps the labels of the authored post files one to one;
// sara is hate speech too.
var authoredLabels = []string{
	"hate_speech=hate_speech|sara", "sara=sara", "black_campaign=black_campaign",
	"provocation=provocation", "hoax=hoax", "abusive=abusive",
}

// TestAuthoredPosts measures the project's authored post sets
// (testdata/README.md) against regression floors just under the figures
// the README gives.
func TestAuthoredPosts(t *testing.T) {
	sets := []struct {
		file   string
		floors map[string]float64
	}{
		// Written here for every label and for clean look-alikes; tuned on.
		{"posts.jsonl", map[string]float64{
			"hate_speech": 0.89, "sara": 0.91, "black_campaign": 0.95,
			"provocation": 0.95, "hoax": 0.96, "abusive": 0.92,
		}},
		// Held out: written by a separate author without sight of the
		// lexicons or the rules, never tuned on, so it shows how the tuning
		// on posts.jsonl generalises. Raising these floors by tuning on it
		// would spend it.
		{"heldout.jsonl", map[string]float64{
			"hate_speech": 0.84, "sara": 0.78, "black_campaign": 0.78,
			"provocation": 0.70, "hoax": 0.73, "abusive": 0.88,
		}},
		// Written by another separate author from the label definitions
		// alone; development data, not yet tuned on.
		{"posts2.jsonl", map[string]float64{
			"hate_speech": 0.74, "sara": 0.77, "black_campaign": 0.78,
			"provocation": 0.79, "hoax": 0.75, "abusive": 0.82,
		}},
	}
	for _, set := range sets {
		t.Run(set.file, func(t *testing.T) {
			rep := runCorpus(t, "../testdata/"+set.file, "text", nil, authoredLabels...)
			requireF1(t, rep, set.floors)
		})
	}
}
