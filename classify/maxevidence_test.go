//go:build !race

// The race detector slows Classify down by an order of magnitude; the
// long posts here are checked without it.

package classify_test

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// TestMaxEvidence checks the cap on the evidence a label lists: past
// MaxEvidence pieces a label lists its strongest, in text order, counts
// the others, and Mask still hides every one of them.
func TestMaxEvidence(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	weak := strings.Repeat("kampret ", classify.MaxEvidence+50)
	text := weak + "bangsat"
	r := c.Classify(text)
	lr, ok := r.Label(lexicon.Abusive)
	require.True(t, ok)
	require.Len(t, lr.Evidence, classify.MaxEvidence)
	assert.Equal(t, 51, lr.EvidenceOmitted, "150 weak pieces and a strong one, less the listed")
	last := lr.Evidence[len(lr.Evidence)-1]
	assert.Equal(t, "bangsat", last.Term, "the strongest piece is listed, in its place")
	for i := 1; i < len(lr.Evidence); i++ {
		assert.Less(t, lr.Evidence[i-1].Start, lr.Evidence[i].Start, "text order")
	}
	assert.NotContains(t, r.Mask(text), "kampret", "Mask hides the unlisted pieces too")
	assert.Equal(t, strings.Repeat("******* ", classify.MaxEvidence+50)+"*******", r.Mask(text))

	// Under the cap nothing changes.
	short := c.Classify(strings.Repeat("kampret ", 3))
	lr, _ = short.Label(lexicon.Abusive)
	assert.Len(t, lr.Evidence, 3)
	assert.Zero(t, lr.EvidenceOmitted)
}

// TestDensePostMemory measures what a 1 MB post dense with evidence costs
// once classified: the Result it returns, and its JSON, stay a small
// fraction of the post (each label lists at most MaxEvidence pieces), and
// the scratch space of the call is not kept by the pool. Before the cap
// the Result and the pooled scratch held about 125 MB after the call, and
// the JSON was 40 MB.
func TestDensePostMemory(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	unit := "dasar anjing lu, cina kafir usir mereka! "
	post := strings.Repeat(unit, (1<<20)/len(unit))
	live := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC() // the pool's victim cache survives one collection
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	c.Classify(unit) // the pool's scratch for short posts, kept between calls
	before := live()
	r := c.Classify(post)
	held := int64(live()) - int64(before)
	js, err := json.Marshal(r)
	require.NoError(t, err)
	omitted := 0
	for _, lr := range r.Labels {
		assert.LessOrEqual(t, len(lr.Evidence), classify.MaxEvidence, lr.Label)
		omitted += lr.EvidenceOmitted
	}
	require.Greater(t, omitted, 100_000, "precondition: the post is dense with evidence")
	t.Logf("1 MiB post: %d pieces of evidence omitted, %d bytes held after the call, %d bytes of JSON", omitted, held, len(js))
	// What is left is mostly the spans Mask hides, 8 bytes each.
	assert.Less(t, held, int64(2*len(post)), "bytes held by the Result and the pool")
	assert.Less(t, len(js), 256<<10, "bytes of the Result's JSON")
	runtime.KeepAlive(r)
	runtime.KeepAlive(post)
	runtime.KeepAlive(c)
}
