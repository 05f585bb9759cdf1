package classify

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReleaseLongText checks what a state keeps for the pool after a call:
// a short text's scratch, features included, for the next call; none of a
// long text's, whose features (Features on a 1 MB text: megabytes of
// names) the pool would otherwise pin.
func TestReleaseLongText(t *testing.T) {
	c, err := New()
	require.NoError(t, err)
	for _, tc := range []struct {
		text string
		kept bool
	}{
		{"dasar anjing lu", true},
		{strings.Repeat("dasar anjing lu ", maxPooledTokens/3+1), false},
	} {
		st := new(state)
		st.collect = true
		st.pipeline(c, tc.text)
		require.NotEmpty(t, st.feats, "precondition: features were computed")
		st.release()
		assert.Empty(t, st.src, "the text is never kept")
		for name, capacity := range map[string]int{
			"tokens": cap(st.toks), "fbuf": cap(st.fbuf), "feats": cap(st.feats),
			"allowed": cap(st.allowed),
		} {
			assert.Equal(t, tc.kept, capacity > 0, "%d bytes: %s kept", len(tc.text), name)
		}
	}
}
