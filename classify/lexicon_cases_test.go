package classify_test

import (
	"bufio"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// lexiconCase is one line of testdata/lexicon_cases.txt.
type lexiconCase struct {
	line int
	want []lexicon.Label // nil: the post must flag nothing
	post string
}

// readLexiconCases parses testdata/lexicon_cases.txt (its header says the format).
func readLexiconCases(t *testing.T) []lexiconCase {
	t.Helper()
	f, err := os.Open("testdata/lexicon_cases.txt")
	require.NoError(t, err)
	defer f.Close()
	var cases []lexiconCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		labels, post, ok := strings.Cut(line, "\t")
		require.Truef(t, ok && post != "", "lexicon_cases.txt:%d: want LABELS<TAB>POST", n)
		c := lexiconCase{line: n, post: post}
		if labels != "-" {
			for _, name := range strings.Split(labels, ",") {
				l, err := lexicon.ParseLabel(name)
				require.NoErrorf(t, err, "lexicon_cases.txt:%d", n)
				c.want = append(c.want, l)
			}
		}
		cases = append(cases, c)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, cases)
	return cases
}

// TestLexiconCases holds the default classifier to the hand-written posts of
// testdata/lexicon_cases.txt: clean look-alikes flag nothing, and the posts
// the entries were written for flag their labels.
func TestLexiconCases(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	for _, tc := range readLexiconCases(t) {
		r := c.Classify(tc.post)
		if tc.want == nil {
			assert.Emptyf(t, r.Flagged, "lexicon_cases.txt:%d: clean post flagged: %q", tc.line, tc.post)
			continue
		}
		for _, l := range tc.want {
			assert.Truef(t, r.Has(l), "lexicon_cases.txt:%d: %s not flagged (got %v): %q", tc.line, l, r.Flagged, tc.post)
		}
	}
}
