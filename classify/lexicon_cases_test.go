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
	line  int
	clean bool            // the post must flag nothing
	want  []lexicon.Label // labels the post must flag
	not   []lexicon.Label // labels the post must not flag
	post  string
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
		c := lexiconCase{line: n, post: post, clean: labels == "-"}
		if !c.clean {
			for _, name := range strings.Split(labels, ",") {
				neg := strings.HasPrefix(name, "!")
				l, err := lexicon.ParseLabel(strings.TrimPrefix(name, "!"))
				require.NoErrorf(t, err, "lexicon_cases.txt:%d", n)
				if neg {
					c.not = append(c.not, l)
				} else {
					c.want = append(c.want, l)
				}
			}
		}
		cases = append(cases, c)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, cases)
	return cases
}

// TestLexiconCases holds the default classifier to the hand-written posts of
// testdata/lexicon_cases.txt: clean look-alikes flag nothing, the posts the
// entries were written for flag their labels, and look-alikes of one label
// do not flag it.
func TestLexiconCases(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	for _, tc := range readLexiconCases(t) {
		r := c.Classify(tc.post)
		if tc.clean {
			assert.Emptyf(t, r.Flagged, "lexicon_cases.txt:%d: clean post flagged: %q", tc.line, tc.post)
		}
		for _, l := range tc.want {
			assert.Truef(t, r.Has(l), "lexicon_cases.txt:%d: %s not flagged (got %v): %q", tc.line, l, r.Flagged, tc.post)
		}
		for _, l := range tc.not {
			assert.Falsef(t, r.Has(l), "lexicon_cases.txt:%d: %s flagged (got %v): %q", tc.line, l, r.Flagged, tc.post)
		}
	}
}
