//go:build race

package main

// raceDetector reports a build with the race detector, which slows the
// single-goroutine stream tests down tenfold without finding anything.
const raceDetector = true
