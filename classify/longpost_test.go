//go:build !race

// The race detector slows Classify down by an order of magnitude; the long
// post is checked without it. How time grows with length is measured by
// BenchmarkClassifyLength, not here.

package classify_test

import (
	"encoding/json"
	"math"
	"runtime"
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

// TestClassifyAllocsScaleLinearly guards against work that grows with the
// square of the length: it counts the bytes Classify allocates on posts of
// n and 8n bytes made of patterns that many matches act on (chain calls
// before one "!!", chain calls closed by "!!", insults, group claims).
// Linear work allocates 8 to 15 times as much on the longer post (slices
// grow by doubling); a check that splits the text between each match and
// every earlier one allocates about 55 times as much. Allocated bytes, unlike timings, do not
// depend on the machine's load. BenchmarkClassifyLength measures the time.
func TestClassifyAllocsScaleLinearly(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	// The counts are of the whole process: the least of five runs leaves
	// out what other goroutines allocate meanwhile. One P, so that every
	// run after the first finds the same pooled scratch space (a pool is
	// per P, and a goroutine that moves to another P starts with none).
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	allocated := func(post string) uint64 {
		least := uint64(math.MaxUint64)
		for range 5 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			c.Classify(post)
			runtime.ReadMemStats(&after)
			least = min(least, after.TotalAlloc-before.TotalAlloc)
		}
		return least
	}
	for _, p := range []struct{ unit, end string }{
		{"sebarkan ", "ya!!"},
		{"sebarkan!! hoax ", ""},
		{"SEBARKAN SEBELUM DIHAPUS!! ", ""},
		{"ayo usir mereka ", ""},
		{"@x tolol. ", ""},
		{"orang cina memang licik semua, ", ""},
	} {
		bytes := func(size int) float64 {
			return float64(allocated(strings.Repeat(p.unit, size/len(p.unit)) + p.end))
		}
		small, large := bytes(8<<10), bytes(64<<10)
		assert.Lessf(t, large/small, 22.0, "%q: %.0f bytes allocated at 8 KiB, %.0f at 64 KiB", p.unit+p.end, small, large)
	}
}

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

	// Mixed kinds of evidence (lexicon matches, then rules, in the full
	// list) are listed in text order too.
	mixed := c.Classify(strings.Repeat("kafir itu anjing, usir cina! ", 80))
	for _, l := range []lexicon.Label{lexicon.HateSpeech, lexicon.Abusive} {
		lr, ok := mixed.Label(l)
		require.True(t, ok, l)
		require.Positive(t, lr.EvidenceOmitted, "precondition: %s is capped", l)
		kinds := map[bool]bool{}
		for i, e := range lr.Evidence {
			kinds[e.Rule != ""] = true
			if i > 0 {
				assert.LessOrEqual(t, lr.Evidence[i-1].Start, e.Start, "%s: text order at %d", l, i)
			}
		}
		require.Len(t, kinds, 2, "precondition: %s lists lexicon and rule evidence", l)
	}

	// Under the cap nothing changes.
	short := c.Classify(strings.Repeat("kampret ", 3))
	lr, _ = short.Label(lexicon.Abusive)
	assert.Len(t, lr.Evidence, 3)
	assert.Zero(t, lr.EvidenceOmitted)
}

// denseUnit, repeated, makes a post dense with evidence for most labels.
const denseUnit = "dasar anjing lu, cina kafir usir mereka! "

// classifyDense classifies a post of denseUnit repeated to about 1 MiB
// and returns the Result, the bytes of heap the call left live (the Result
// and whatever c's pool keeps), its JSON and the pieces of evidence the
// labels omit.
func classifyDense(tb testing.TB) (r classify.Result, held int64, js []byte, omitted int) {
	c, err := classify.New()
	require.NoError(tb, err)
	post := strings.Repeat(denseUnit, (1<<20)/len(denseUnit))
	live := func() uint64 {
		var m runtime.MemStats
		runtime.GC()
		runtime.GC() // the pool's victim cache survives one collection
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	c.Classify(denseUnit) // the pool's scratch for short posts, kept between calls
	before := live()
	r = c.Classify(post)
	held = int64(live()) - int64(before)
	js, err = json.Marshal(r)
	require.NoError(tb, err)
	for _, lr := range r.Labels {
		omitted += lr.EvidenceOmitted
	}
	runtime.KeepAlive(post)
	runtime.KeepAlive(c)
	return r, held, js, omitted
}

// TestDensePostMemory bounds what a 1 MiB post dense with evidence costs
// once classified: the Result it returns, and its JSON, stay a small
// fraction of the post (each label lists at most MaxEvidence pieces), and
// the scratch space of the call is not kept by the pool. Before the cap
// the Result and the pooled scratch held about 125 MB after the call (some
// 700 bytes a piece of evidence), and the JSON was 40 MB. What is left is
// mostly the spans Mask hides, 8 bytes each (about 9 bytes a piece omitted
// in all: BenchmarkDensePost reports it); the bound allows 16 and 256 KiB.
func TestDensePostMemory(t *testing.T) {
	r, held, js, omitted := classifyDense(t)
	for _, lr := range r.Labels {
		assert.LessOrEqual(t, len(lr.Evidence), classify.MaxEvidence, lr.Label)
	}
	require.Greater(t, omitted, 100_000, "precondition: the post is dense with evidence")
	assert.Less(t, held, int64(16*omitted+256<<10), "bytes held by the Result and the pool, %d pieces omitted", omitted)
	assert.Less(t, len(js), 256<<10, "bytes of the Result's JSON")
	runtime.KeepAlive(r)
}

// BenchmarkDensePost measures what TestDensePostMemory bounds: the bytes
// a 1 MiB post dense with evidence leaves live after its call (held-B),
// the bytes of its JSON (json-B) and held bytes a piece of evidence
// omitted (held-B/omitted).
func BenchmarkDensePost(b *testing.B) {
	var held int64
	var js []byte
	var omitted int
	for b.Loop() {
		_, held, js, omitted = classifyDense(b)
	}
	b.ReportMetric(float64(held), "held-B")
	b.ReportMetric(float64(len(js)), "json-B")
	b.ReportMetric(float64(held)/float64(omitted), "held-B/omitted")
}
