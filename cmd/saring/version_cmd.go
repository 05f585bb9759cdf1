package main

import (
	"fmt"
	"io"

	"github.com/saring-id/saring"
)

// runVersion prints the release, saring.Version.
func runVersion(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		fmt.Fprintf(stderr, "saring version: unexpected argument %q\n", args[0])
		return 2
	}
	fmt.Fprintf(stdout, "saring %s\n", saring.Version)
	return 0
}
