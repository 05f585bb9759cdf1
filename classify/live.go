package classify

import (
	"fmt"
	"sync"
	"sync/atomic"
)

// Live is a Classifier that can be replaced while it is in use, for servers
// that reload their lexicons without a restart. Classify always runs on one
// complete Classifier: a call that starts before a Reload finishes on the old
// one, a call that starts after it on the new one, and no call ever sees a
// half-built or half-swapped state.
//
// A Live is safe for concurrent use. Make one with NewLive: the zero Live
// holds no Classifier, and its Classify and Classifier panic until a
// successful Reload puts one in force.
type Live struct {
	cur atomic.Pointer[Classifier]
	// reload serialises Reload calls, so that concurrent reloads swap in
	// their classifiers one after the other.
	reload sync.Mutex
}

// NewLive builds a Classifier with New(opts...) and returns a Live holding it.
func NewLive(opts ...Option) (*Live, error) {
	c, err := New(opts...)
	if err != nil {
		return nil, fmt.Errorf("classify: live: %w", err)
	}
	l := &Live{}
	l.cur.Store(c)
	return l, nil
}

// Classify classifies text with the Classifier in force when it is called.
func (l *Live) Classify(text string) Result {
	return l.cur.Load().Classify(text)
}

// Classifier returns the Classifier in force. Callers that need several
// calls to see the same lexicons (a batch, a request that classifies and
// then lists the lexicon sources) should take it once and use it
// throughout.
func (l *Live) Classifier() *Classifier {
	return l.cur.Load()
}

// Reload builds a complete new Classifier with New(opts...) and, only when
// that succeeds, puts it in force for every Classify call that starts
// afterwards. opts replace the options of the previous build; they are not
// added to them, so pass the whole configuration again.
//
// On error the previous Classifier stays in force and the error says what is
// wrong; for lexicon files it names each problem as file:line (see
// lexicon.ParseError).
func (l *Live) Reload(opts ...Option) error {
	l.reload.Lock()
	defer l.reload.Unlock()
	c, err := New(opts...)
	if err != nil {
		return fmt.Errorf("classify: reload: %w", err)
	}
	l.cur.Store(c)
	return nil
}
