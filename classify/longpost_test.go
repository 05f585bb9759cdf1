//go:build !race

// The race detector slows Classify down by an order of magnitude; the long
// post is checked without it. How time grows with length is measured by
// BenchmarkClassifyLength, not here.

package classify_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// TestClassifyLongPost classifies a 1 MB single-line post of ordinary text
// with an insult at both ends.
func TestClassifyLongPost(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	filler := "halo semua, apa kabar hari ini? cuaca cerah sekali dan jalanan lancar. "
	post := "dasar anjing kau " + strings.Repeat(filler, (1<<20)/len(filler)) + " dasar anjing kau"
	r := c.Classify(post)
	checkResult(t, c, post, r)
	assert.True(t, r.Has(lexicon.Abusive))
}
