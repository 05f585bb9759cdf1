//go:build !race

package normalize

// raceDetector reports a build with the race detector.
const raceDetector = false
