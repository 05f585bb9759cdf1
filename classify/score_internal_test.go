package classify

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRound3(t *testing.T) {
	cases := []struct{ x, want float64 }{
		{0.1234, 0.123},
		{0.1235, 0.124},
		{-0.1234, -0.123},
		{-0.1236, -0.124},
		{5.864, 5.864},
		{1e13, 1e13},
		{1e308, 1e308},   // too large for decimals: as it is, not overflowed
		{-1e308, -1e308}, // and its sign kept
		{math.MaxFloat64, math.MaxFloat64},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, round3(tc.x), "round3(%v)", tc.x)
	}
	assert.False(t, math.Signbit(round3(-2.5e-4)), "a small negative rounds to 0, not -0")
}
