// Package saring holds what belongs to the whole project rather than to one
// of its packages: the release version. The library itself is in
// [github.com/saring-id/saring/classify]; see the README for the tour.
package saring

// Version is the release of saring this source tree is: the CLI's
// `saring version`, eval reports, model files and the server's /healthz
// all carry it. It follows semantic versioning; CHANGELOG.md lists what
// each release changed.
const Version = "0.8.0"
