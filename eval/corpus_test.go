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

// floor is the least F1 and precision a spec may have.
type floor struct{ f1, precision float64 }

// requireFloors fails when a spec's F1 or precision is below its floor, so
// that neither recall bought with precision nor precision bought with
// recall passes unseen.
func requireFloors(t *testing.T, rep eval.Report, floors map[string]floor) {
	t.Helper()
	for name, fl := range floors {
		m, ok := rep.Metric(name)
		require.True(t, ok, name)
		require.GreaterOrEqualf(t, m.F1, fl.f1, "%s F1 fell below its floor", name)
		require.GreaterOrEqualf(t, m.Precision, fl.precision, "%s precision fell below its floor", name)
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
	// (README, "Measured figures", 2026-12-02, issue #14's third round);
	// issue #14's targets are higher for hate_speech (0.68) and sara
	// (0.55), and abusive holds its target (0.85).
	requireFloors(t, rep, map[string]floor{
		"hate_speech":         {f1: 0.60, precision: 0.68},
		"abusive":             {f1: 0.86, precision: 0.91},
		"sara":                {f1: 0.40, precision: 0.36},
		"sara@agama,ras,suku": {f1: 0.46, precision: 0.50},
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
// the README gives (2026-12-02).
func TestAuthoredPosts(t *testing.T) {
	sets := []struct {
		file   string
		floors map[string]floor
	}{
		// Written here for every label and for clean look-alikes; tuned on.
		{"posts.jsonl", map[string]floor{
			"hate_speech":    {f1: 0.92, precision: 0.93},
			"sara":           {f1: 0.94, precision: 0.98},
			"black_campaign": {f1: 0.95, precision: 0.97},
			"provocation":    {f1: 0.95, precision: 0.97},
			"hoax":           {f1: 0.97, precision: 0.97},
			"abusive":        {f1: 0.94, precision: 0.91},
		}},
		// Written by a separate author without sight of the lexicons or
		// the rules. Development data since issue #14: its errors were
		// read and the thresholds chosen on it, so these figures are
		// in-sample.
		{"heldout.jsonl", map[string]floor{
			"hate_speech":    {f1: 0.93, precision: 0.95},
			"sara":           {f1: 0.92, precision: 0.95},
			"black_campaign": {f1: 0.96, precision: 0.93},
			"provocation":    {f1: 0.85, precision: 0.89},
			"hoax":           {f1: 0.96, precision: 0.96},
			"abusive":        {f1: 0.93, precision: 0.87},
		}},
		// Written by another separate author from the label definitions
		// alone; development data, tuned on since issue #14.
		{"posts2.jsonl", map[string]floor{
			"hate_speech":    {f1: 0.86, precision: 0.96},
			"sara":           {f1: 0.92, precision: 0.96},
			"black_campaign": {f1: 0.97, precision: 0.96},
			"provocation":    {f1: 0.86, precision: 0.89},
			"hoax":           {f1: 0.99, precision: 0.99},
			"abusive":        {f1: 0.88, precision: 0.81},
		}},
		// Written by a third separate author from the label definitions
		// alone; held out: never tuned on, so these are the honest
		// figures for new posts. A floor guards against regression only:
		// a failure here is not a reason to tune on the set.
		{"posts3.jsonl", map[string]floor{
			"hate_speech":    {f1: 0.82, precision: 0.89},
			"sara":           {f1: 0.79, precision: 0.90},
			"black_campaign": {f1: 0.79, precision: 0.93},
			"provocation":    {f1: 0.81, precision: 0.94},
			"hoax":           {f1: 0.73, precision: 0.88},
			"abusive":        {f1: 0.80, precision: 0.71},
		}},
	}
	for _, set := range sets {
		t.Run(set.file, func(t *testing.T) {
			rep := runCorpus(t, "../testdata/"+set.file, "text", nil, authoredLabels...)
			requireFloors(t, rep, set.floors)
		})
	}
}
