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
	"github.com/saring-id/saring/lexicon"
)

// runCorpus evaluates the default classifier on a corpus file with the given
// label mappings and logs the table.
func runCorpus(t *testing.T, path, textCol string, mappings ...string) eval.Report {
	t.Helper()
	var specs []eval.Spec
	for _, m := range mappings {
		s, err := eval.ParseSpec(m)
		require.NoError(t, err)
		specs = append(specs, s)
	}
	recs, err := eval.ReadFile(path, textCol, specs)
	require.NoError(t, err)
	c, err := classify.New()
	require.NoError(t, err)
	rep, err := eval.Run(context.Background(), c, recs, specs)
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, rep.WriteText(&b, 0))
	t.Logf("%s\n%s", path, b.String())
	return rep
}

// ibrohimDev is the development split of Ibrohim & Budi (2019), present only
// beside a checkout that has ../shared.
const ibrohimDev = "../../shared/eval/ibrohim2019/dev.csv"

// TestIbrohimDev reports the figures on the Ibrohim & Budi (2019) dev split
// and guards them against regression. The corpus is measured, never copied.
func TestIbrohimDev(t *testing.T) {
	path := filepath.FromSlash(ibrohimDev)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("corpus not present (%v); it lives in ../shared/eval beside the checkout", err)
	}
	rep := runCorpus(t, path, "Tweet",
		"hate_speech=HS", "abusive=Abusive", "sara=HS_Religion|HS_Race")
	floors := map[lexicon.Label]float64{lexicon.HateSpeech: 0, lexicon.Abusive: 0, lexicon.SARA: 0}
	for l, floor := range floors {
		m, ok := rep.Label(l)
		require.True(t, ok)
		require.GreaterOrEqualf(t, m.F1, floor, "%s F1 fell below its floor", l)
	}
}
