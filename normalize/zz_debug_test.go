package normalize

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestDebugDump(t *testing.T) {
	in := os.Getenv("DBG")
	if in == "" {
		t.Skip()
	}
	n := Default()
	for _, line := range strings.Split(in, "\n") {
		fmt.Printf("%q\n", line)
		for _, tk := range n.Tokens(line) {
			b, _ := json.Marshal(tk)
			fmt.Println("  ", string(b))
		}
	}
}
