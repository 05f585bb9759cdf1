//go:build race

package normalize

// raceDetector reports a build with the race detector, whose
// instrumentation allocates: allocation counts mean nothing under it.
const raceDetector = true
