package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		post     string
		contains []string
		absent   []string
	}{
		{
			name: "leet evasion is flagged with its original text",
			post: "dasar k4f1r lo",
			contains: []string{
				`"dasar k4f1r lo"`,
				"verdict: flagged",
				"sara",
				`"dasar k4f1r" [0:11]`,
				"via=leet",
			},
		},
		{
			name:     "pet dog is clean",
			post:     "anjing peliharaan saya lucu",
			contains: []string{"verdict: clean"},
			absent:   []string{"FLAGGED"},
		},
		{
			name:     "news about countering hoaxes is clean",
			post:     "Polda mengimbau warga menangkal hoaks dan SARA",
			contains: []string{"verdict: clean"},
			absent:   []string{"FLAGGED"},
		},
		{
			name:     "profanity shows exact evidence",
			post:     "bangsat lu",
			contains: []string{"abusive", `"bangsat" [0:7] term="bangsat" match=exact`, "FLAGGED"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out strings.Builder
			require.NoError(t, run([]string{tt.post}, &out))
			for _, s := range tt.contains {
				assert.Contains(t, out.String(), s)
			}
			for _, s := range tt.absent {
				assert.NotContains(t, out.String(), s)
			}
		})
	}
}

func TestRunSamples(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(nil, &out))
	for _, s := range samples {
		assert.Contains(t, out.String(), `"`+s+`"`)
	}
	assert.Equal(t, len(samples), strings.Count(out.String(), "verdict:"))
}
