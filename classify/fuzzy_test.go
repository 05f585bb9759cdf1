package classify

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/lexicon"
)

// TestFuzzyLookupMatchesBruteForce checks the deletion-key search against a
// scan of every fuzzy term with lexicon.FuzzyMatch: for words one and two
// random edits away from the default terms, and for the terms themselves,
// both must give the same nearest term and distance.
func TestFuzzyLookupMatchesBruteForce(t *testing.T) {
	c, err := New()
	require.NoError(t, err)
	f := c.fuzzy
	require.NotNil(t, f)
	terms := make([]string, 0, len(f.terms))
	for term := range f.terms {
		terms = append(terms, term)
	}
	slices.Sort(terms)

	brute := func(word string) (string, int, bool) {
		best, bestD := "", 1<<30
		for _, term := range terms { // sorted: the first of equal distances wins
			if d, ok := lexicon.FuzzyMatch(term, word); ok && d < bestD {
				best, bestD = term, d
			}
		}
		return best, bestD, best != ""
	}

	rng := rand.New(rand.NewPCG(1, 2))
	// Letters, and bytes whose low six bits equal a letter's (! is a, 0-9
	// are p-y), so the screen's shared letter-set bits are exercised.
	const letters = "abcdefghijklmnopqrstuvwxyz0123456789!$@-'"
	edit := func(w string) string {
		b := []byte(w)
		i := rng.IntN(len(b))
		switch rng.IntN(4) {
		case 0: // substitute
			b[i] = letters[rng.IntN(len(letters))]
		case 1: // insert
			b = slices.Insert(b, i, letters[rng.IntN(len(letters))])
		case 2: // delete
			if len(b) > 1 {
				b = slices.Delete(b, i, i+1)
			}
		case 3: // transpose
			if i+1 < len(b) {
				b[i], b[i+1] = b[i+1], b[i]
			}
		}
		return string(b)
	}

	buf := make([]byte, 0, 128)
	checked := 0
	for _, term := range terms {
		words := []string{term}
		for range 200 {
			words = append(words, edit(term), edit(edit(term)))
		}
		for _, word := range words {
			if word == "" {
				continue
			}
			wantTerm, wantD, wantOK := brute(word)
			var gotTerm string
			var gotD int
			ok, twice := f.screen(word)
			gotOK := false
			if ok {
				gotTerm, gotD, gotOK = f.lookup(word, twice, buf)
			}
			require.Equalf(t, wantOK, gotOK, "found for %q (brute force: %q at %d)", word, wantTerm, wantD)
			if wantOK {
				require.Equalf(t, wantTerm, gotTerm, "nearest term to %q", word)
				require.Equalf(t, wantD, gotD, "distance of %q to %q", word, wantTerm)
			}
			checked++
		}
	}
	t.Logf("checked %d words against %d terms", checked, len(terms))
}
