package classify

import (
	"math"

	"github.com/saring-id/saring/lexicon"
)

const numLabels = 6

// labelOrder is lexicon.Labels as an array, for per-label tables.
var labelOrder = [numLabels]lexicon.Label{
	lexicon.HateSpeech, lexicon.SARA, lexicon.BlackCampaign,
	lexicon.Provocation, lexicon.Hoax, lexicon.Abusive,
}

const (
	iHate = iota
	iSARA
	iBlack
	iProvocation
	iHoax
	iAbusive
)

func labelIndex(l lexicon.Label) int {
	for i, x := range labelOrder {
		if x == l {
			return i
		}
	}
	return -1
}

// scores are the labels' scores and severities of one text.
type scores struct {
	score [numLabels]float64
	sev   [numLabels]lexicon.Severity
}

// score scores each label: the model's probability for a label the
// classifier's model covers (see scoreOf), with or without evidence (its
// bias alone may flag it), else the noisy-OR of its evidence, where the evidence
// standing on one match counts once, at its highest weight (see miss), and
// the strongest severity among its evidence of weight 0.1 or more. sara
// is hate speech too: its evidence counts for hate_speech.
func (st *state) score() scores {
	st.ev[iHate] = append(st.ev[iHate], st.ev[iSARA]...)
	var s scores
	for i := range labelOrder {
		if len(st.ev[i]) == 0 && !st.modelled(i) {
			continue
		}
		s.score[i], s.sev[i] = st.scoreOf(i), labelSeverity(st.ev[i])
	}
	return s
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

// miss is the noisy-OR complement of evidence: the product of 1 - weight,
// where the evidence standing on one match counts once, with its highest
// weight (a rule that upgrades "babi" to an aimed insult replaces it).
func (st *state) miss(evs []Evidence) float64 {
	if cap(st.best) < len(st.matches) {
		st.best = make([]float64, len(st.matches))
	}
	best := st.best[:len(st.matches)]
	for _, x := range evs {
		if x.src >= 0 {
			best[x.src] = max(best[x.src], x.Weight)
		}
	}
	miss := 1.0
	for _, x := range evs {
		switch {
		case x.src < 0:
			miss *= 1 - x.Weight
		case best[x.src] > 0:
			miss *= 1 - best[x.src]
			best[x.src] = 0 // counted; also leaves best zeroed for the next label
		}
	}
	return miss
}

// round3 rounds x to three decimals, for stable output, half away from
// zero, and never to -0. A number too large to have decimals (a
// hand-edited weight) is returned as it is.
func round3(x float64) float64 {
	if math.Abs(x) >= 1<<52/1000 {
		return x
	}
	return math.Round(x*1000)/1000 + 0 // + 0: no -0
}
