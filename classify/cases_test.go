package classify_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// casesFile holds the behaviour cases: posts written for these tests, what
// they must and must not be flagged as, and the evidence that matters (see
// testdata/README.md). A researcher adds a case there, without Go.
const casesFile = "../testdata/cases.jsonl"

// behaviourCase is one line of casesFile.
type behaviourCase struct {
	Name string `json:"name"`
	Text string `json:"text"`
	// Clean: no label may be flagged.
	Clean      bool             `json:"clean"`
	Flagged    []lexicon.Label  `json:"flagged"`
	NotFlagged []lexicon.Label  `json:"not_flagged"`
	Targets    []lexicon.Target `json:"targets"`
	Evidence   []behaviourEv    `json:"evidence"`
}

// behaviourEv is a piece of evidence a case must produce.
type behaviourEv struct {
	Label lexicon.Label `json:"label"`
	Text  string        `json:"text"`  // the original text at the evidence's span
	Term  string        `json:"term"`  // the lexicon term (or "a + b" for rules)
	Match classify.How  `json:"match"` // how it was matched
	Rule  string        `json:"rule"`  // for match "rule": the rule's name ("" = any)
	Via   string        `json:"via"`   // a step Evidence.Via must list ("" = none required)
}

// readCases reads casesFile strictly: an unknown field, label or target, a
// case without a name, text or expectation is an error naming its line.
func readCases(t *testing.T) []behaviourCase {
	t.Helper()
	data, err := os.ReadFile(casesFile)
	require.NoError(t, err)
	var cases []behaviourCase
	names := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var c behaviourCase
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&c), "%s:%d", casesFile, line)
		require.NoError(t, c.check(), "%s:%d", casesFile, line)
		if at, ok := names[c.Name]; ok {
			require.Failf(t, "duplicate case name", "%s:%d: %q is already at line %d", casesFile, line, c.Name, at)
		}
		names[c.Name] = line
		cases = append(cases, c)
	}
	require.NoError(t, sc.Err())
	return cases
}

// check reports a case that cannot be right.
func (c *behaviourCase) check() error {
	switch {
	case c.Name == "" || c.Text == "":
		return fmt.Errorf("a case needs a name and a text")
	case c.Clean && len(c.Flagged)+len(c.Targets)+len(c.Evidence) > 0:
		return fmt.Errorf("case %q: a clean case has no flagged labels, targets or evidence", c.Name)
	case !c.Clean && len(c.Flagged)+len(c.NotFlagged) == 0:
		return fmt.Errorf("case %q: say clean, or which labels are flagged or not", c.Name)
	}
	for _, l := range slices.Concat(c.Flagged, c.NotFlagged) {
		if !l.Valid() {
			return fmt.Errorf("case %q: unknown label %q", c.Name, l)
		}
	}
	for _, x := range c.Targets {
		if !x.Valid() {
			return fmt.Errorf("case %q: unknown target %q", c.Name, x)
		}
	}
	for _, w := range c.Evidence {
		if !w.Label.Valid() || w.Text == "" || w.Term == "" || w.Match == "" {
			return fmt.Errorf("case %q: evidence needs a label, text, term and match", c.Name)
		}
	}
	return nil
}

// TestCases runs the behaviour cases of casesFile.
func TestCases(t *testing.T) {
	c := behaviourDefault(t)
	for _, tc := range readCases(t) {
		t.Run(tc.Name, func(t *testing.T) {
			r := c.Classify(tc.Text)
			assertResultInvariants(t, tc.Text, r)
			if tc.Clean {
				assert.Emptyf(t, r.Flagged, "post %q must be clean\ngot %s", tc.Text, describeResult(r))
			}
			for _, l := range tc.Flagged {
				assert.Truef(t, r.Has(l), "post %q: want %s flagged\ngot %s", tc.Text, l, describeResult(r))
			}
			for _, l := range tc.NotFlagged {
				assert.Falsef(t, r.Has(l), "post %q: want %s NOT flagged\ngot %s", tc.Text, l, describeResult(r))
			}
			if len(tc.Targets) > 0 {
				lr, _ := r.Label(lexicon.SARA)
				assert.Subsetf(t, lr.Targets, tc.Targets, "post %q: sara targets\ngot %s", tc.Text, describeResult(r))
			}
			for _, w := range tc.Evidence {
				assertBehaviourEvidence(t, tc.Text, r, w)
			}
		})
	}
}

// assertBehaviourEvidence checks that r has evidence w for w.Label.
func assertBehaviourEvidence(t *testing.T, post string, r classify.Result, w behaviourEv) {
	t.Helper()
	lr, _ := r.Label(w.Label)
	for _, ev := range lr.Evidence {
		if ev.Text != w.Text || ev.Term != w.Term || ev.Match != w.Match {
			continue
		}
		if w.Rule != "" && ev.Rule != w.Rule {
			continue
		}
		if w.Via != "" && !slices.Contains(ev.Via, w.Via) {
			continue
		}
		if ev.Match != classify.MatchRule {
			require.True(t, ev.Start >= 0 && ev.Start <= ev.End && ev.End <= len(post), "span [%d,%d) outside the post", ev.Start, ev.End)
			assert.Equal(t, ev.Text, post[ev.Start:ev.End], "evidence text must be the original text at its span")
		}
		return
	}
	assert.Failf(t, "missing evidence",
		"post %q: want %s evidence text=%q term=%q match=%s rule=%q via=%q\ngot %s",
		post, w.Label, w.Text, w.Term, w.Match, w.Rule, w.Via, describeResult(r))
}
