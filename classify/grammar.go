package classify

import (
	"strings"

	"github.com/saring-id/saring/lexicon"
)

// grammar is the set of grammar lists a word belongs to, one bit a list
// (see grammarLists).
type grammar uint32

// The grammar lists, as bits, in the order of grammarLists.
const (
	gPronoun grammar = 1 << iota
	gSecondPerson
	gSingular
	gCallWord
	gReason
	gParticle
	gExclamationEnd
	gCommandEnd
	gQuantifier
	gSubjectEnd
	gDemonstrative
	gWish
	gGeneraliser
	gFirstPerson
	gContrast
	gJudgement
	gCollective
	gInvitation
)

// grammarLists names the bits of grammar.
var grammarLists = [...]lexicon.List{
	lexicon.Pronoun, lexicon.SecondPerson, lexicon.Singular, lexicon.CallWord,
	lexicon.Reason, lexicon.Particle, lexicon.ExclamationEnd, lexicon.CommandEnd,
	lexicon.Quantifier, lexicon.SubjectEnd, lexicon.Demonstrative, lexicon.Wish,
	lexicon.Generaliser, lexicon.FirstPerson, lexicon.Contrast, lexicon.Judgement,
	lexicon.Collective, lexicon.Invitation,
}

// grammarBit returns the bit of grammar list l, or 0.
func grammarBit(l lexicon.List) grammar {
	for i, x := range grammarLists {
		if x == l {
			return 1 << i
		}
	}
	return 0
}

// addGrammar records the word of grammar entry e (one normalised word; the
// words of a longer entry are recorded each).
func (c *Classifier) addGrammar(e *lexicon.Entry) {
	for _, w := range e.Words {
		c.grammar[w] |= grammarBit(e.List)
	}
}

// is reports whether word, a normalised form, is in the grammar lists g.
func (c *Classifier) is(word string, g grammar) bool {
	return c.grammar[word]&g != 0
}

// tokIs reports whether token k is in the grammar lists g (after
// sentences, which looks each token up once; matching, before it, asks
// wordIs).
func (st *state) tokIs(k int, g grammar) bool {
	return st.gram[k]&g != 0
}

// wordIs reports whether token k's word is in the grammar lists g, by a
// lookup: for matching, which runs before sentences.
func (st *state) wordIs(k int, g grammar) bool {
	return st.c.is(st.toks[k].Norm, g)
}

// singular reports whether a person entry points at one person: "you",
// dia, beliau, si (si Budi).
func (c *Classifier) singular(e *lexicon.Entry) bool {
	for _, w := range e.Words {
		if c.is(w, gSecondPerson|gSingular) {
			return true
		}
	}
	return c.addressed(e)
}

// addressed reports whether a person entry speaks to "you" (lo, muka lo,
// matamu).
func (c *Classifier) addressed(e *lexicon.Entry) bool {
	for _, w := range e.Words {
		if c.is(w, gSecondPerson) || strings.HasSuffix(w, "mu") {
			return true
		}
	}
	return false
}
