package saring_test

import (
	"os"
	"strings"
	"testing"

	"github.com/saring-id/saring"
)

// TestChangelogHasVersion: the release this tree says it is has its
// section in CHANGELOG.md, and there is an Unreleased section to add to.
func TestChangelogHasVersion(t *testing.T) {
	b, err := os.ReadFile("CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	log := string(b)
	for _, heading := range []string{"\n## [Unreleased]\n", "\n## [" + saring.Version + "] - "} {
		if !strings.Contains(log, heading) {
			t.Errorf("CHANGELOG.md has no heading %q (saring.Version is %s)", strings.TrimSpace(heading), saring.Version)
		}
	}
}
