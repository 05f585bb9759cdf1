package classify

import (
	"maps"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/saring-id/saring/lexicon"
)

// The rule names lexicon accepts are the ones this package implements.
func TestRuleNamesImplemented(t *testing.T) {
	var checks []string
	checks = slices.AppendSeq(checks, maps.Keys(predicates))
	checks = slices.AppendSeq(checks, maps.Keys(ctxPredicates))
	checks = slices.AppendSeq(checks, maps.Keys(entryPredicates))
	assert.ElementsMatch(t, lexicon.RulePredicates(), checks, "checks")
	assert.ElementsMatch(t, lexicon.RuleFinders(), slices.Collect(maps.Keys(finders)), "finders")
	assert.ElementsMatch(t, lexicon.RuleSides(), slices.Collect(maps.Keys(sideNames)), "sides")
	var lists []lexicon.List
	for _, l := range lexicon.Lists() {
		if l.Grammar() {
			lists = append(lists, l)
		}
	}
	assert.Equal(t, lists, grammarLists[:], "grammar lists")
}
