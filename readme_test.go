package saring_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// goBlock matches a fenced Go code block of a Markdown file.
var goBlock = regexp.MustCompile("(?ms)^```go\n(.*?)^```")

// TestReadmeGoCompiles builds every Go block of the READMEs that show Go
// code, as written: each must be a whole program (package main) that
// compiles against this checkout. It fails when an API change leaves a
// README behind.
func TestReadmeGoCompiles(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to build the README's code: %v", err)
	}
	for _, readme := range []string{"README.md", filepath.Join("lexicon", "README.md")} {
		src, err := os.ReadFile(readme)
		if err != nil {
			t.Fatal(err)
		}
		blocks := goBlock.FindAllSubmatch(src, -1)
		if len(blocks) == 0 {
			t.Errorf("%s: no Go block", readme)
		}
		for i, b := range blocks {
			code := string(b[1])
			if !strings.HasPrefix(code, "package main\n") {
				t.Errorf("%s: Go block %d is not a whole program (it must start with package main)", readme, i+1)
				continue
			}
			file := filepath.Join(t.TempDir(), "main.go")
			if err := os.WriteFile(file, []byte(code), 0o644); err != nil {
				t.Fatal(err)
			}
			// Run from the checkout, so the program builds against this
			// module and its requirements.
			cmd := exec.Command(goTool, "vet", file)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Errorf("%s: Go block %d does not build: %v\n%s", readme, i+1, err, out)
			}
		}
	}
}
