// Package perspective holds no code: its test calls saring's
// Perspective-compatible endpoint with Google's generated Go client of the
// Perspective Comment Analyzer API (google.golang.org/api/commentanalyzer),
// pointed at a local server. It lives in the benchmarks module so that the
// client's many dependencies stay out of the library's go.mod.
package perspective
