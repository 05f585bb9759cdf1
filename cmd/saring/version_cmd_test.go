package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/saring-id/saring"
)

// TestVersion checks that the release is printed by "saring version" and
// heads the help, and that a command line without a command says so.
func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}, {"--help"}, {"help"}} {
		var out, errb bytes.Buffer
		code := run(args, nil, &out, &errb)
		assert.Equal(t, 0, code, "%v", args)
		assert.Regexp(t, `^saring `+saring.Version+`\n`, out.String(), "%v", args)
	}
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"version", "x"}, nil, &out, &errb))
	assert.Contains(t, errb.String(), `unexpected argument "x"`)
	assert.Equal(t, 2, run(nil, nil, &out, &errb))
	assert.Contains(t, errb.String(), "saring: no command given\n")
	errb.Reset()
	assert.Equal(t, 2, run([]string{"lexicon"}, nil, &out, &errb))
	assert.True(t, strings.HasPrefix(errb.String(), "saring lexicon: no command given\n"), errb.String())
}
