package classify

import (
	"strings"
	"testing"
)

// TestClitic checks clitic against the plain definition: the longest of
// the clitics norm ends with after at least one letter.
func TestClitic(t *testing.T) {
	clitics := []string{"nya", "ku", "mu", "lah", "kah", "pun"}
	for _, norm := range []string{"", "a", "ku", "mu", "nya", "aku", "kamu", "rumahnya", "kampretlah", "apakah", "siapapun",
		"pun", "lah", "bapakmu", "ibuku", "kuku", "anjing", "ya", "nyanya", "mah", "kah", "bapak", "tahu", "sapun"} {
		want := 0
		for _, c := range clitics {
			if len(norm) > len(c) && strings.HasSuffix(norm, c) {
				want = len(c)
			}
		}
		if got := clitic(norm); got != want {
			t.Errorf("clitic(%q) = %d, want %d", norm, got, want)
		}
	}
}
