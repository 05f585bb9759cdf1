package classify

// EvidenceMatch returns the index of the match a piece of evidence stands
// on, or -1 for rule evidence of its own (shouting, chain+claim): the
// score counts the evidence of one match once, at its highest weight.
// FuzzClassify recomputes scores with it.
func EvidenceMatch(e Evidence) int { return int(e.src) }
