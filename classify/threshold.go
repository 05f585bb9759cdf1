package classify

import (
	"slices"

	"github.com/saring-id/saring/lexicon"
)

// WithThresholds returns r as it would be with the given flagging
// thresholds: each label in thresholds is flagged when its score reaches its
// threshold there, and the others keep their verdict. Scores and evidence do
// not change. A label newly flagged gets the severity it would have had;
// a label no longer flagged loses it. r itself is not changed.
func (r Result) WithThresholds(thresholds map[lexicon.Label]float64) Result {
	out := Result{Flagged: []lexicon.Label{}, Labels: slices.Clone(r.Labels)}
	for i := range out.Labels {
		lr := &out.Labels[i]
		if t, ok := thresholds[lr.Label]; ok {
			flagged := lr.Score >= t
			switch {
			case flagged && !lr.Flagged:
				lr.Severity = labelSeverity(lr.Evidence)
			case !flagged:
				lr.Severity = 0
			}
			lr.Flagged = flagged
		}
		if lr.Flagged {
			out.Flagged = append(out.Flagged, lr.Label)
		}
	}
	return out
}

// labelSeverity is the severity of a flagged label with evidence ev: the
// strongest severity among the evidence of weight 0.1 or more, at least weak.
func labelSeverity(ev []Evidence) Severity {
	sev := lexicon.Weak
	for _, x := range ev {
		if x.Weight >= 0.1 {
			sev = max(sev, x.severity)
		}
	}
	return sev
}
