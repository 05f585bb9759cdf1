package main

import (
	"flag"
	"fmt"
	"strings"
)

// usageError prints what is wrong in one line, then the command's usage,
// and returns the exit code of a usage error, 2.
func usageError(fs *flag.FlagSet, format string, a ...any) int {
	fmt.Fprintf(fs.Output(), "%s: %s\n", fs.Name(), fmt.Sprintf(format, a...))
	fs.Usage()
	return 2
}

// fileArgs returns the file names left after fs parsed args. The flag
// package stops at the first file name, so a flag after one would be taken
// for a file: that is an error, unless "--" ended the flags.
func fileArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	names := fs.Args()
	if parsed := args[:len(args)-len(names)]; len(parsed) > 0 && parsed[len(parsed)-1] == "--" {
		return names, nil
	}
	for _, a := range names {
		if len(a) > 1 && a[0] == '-' {
			name, _, _ := strings.Cut(strings.TrimLeft(a, "-"), "=")
			return nil, fmt.Errorf("flag --%s after the file name: put flags first", name)
		}
	}
	return names, nil
}
