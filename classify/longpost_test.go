//go:build !race

// The race detector slows Classify down by an order of magnitude; the long
// post is checked without it. How time grows with length is measured by
// BenchmarkClassifyLength, not here.

package classify_test

import (
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
