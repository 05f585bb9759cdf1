package classify

import (
	"context"
	"fmt"
	"io/fs"
	"runtime"
	"sync"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
	"github.com/saring-id/saring/normalize"
)

// Classifier scores texts against a lexicon set. It is immutable after New
// and safe for concurrent use by any number of goroutines.
type Classifier struct {
	norm    *normalize.Normalizer
	lex     *lexicon.Set
	entries []lexicon.Entry
	// words indexes the entries by the normalised words and stems a token
	// must have to start them (see wordIndex): one map probe per form.
	words map[string]*wordIndex
	// byLen indexes single-word label entries by length, for masked tokens.
	byLen map[int][]int32
	fuzzy *fuzzyIndex
	// maxPhrase is the most tokens any entry's match spans: its words, and
	// a wish's subject (see subjectAfter).
	maxPhrase int
	// grammar holds the words of the grammar lists (pronoun, call_word,
	// ...), which are not matched as terms.
	grammar map[string]grammar
	// rules is the compiled rule table; ruleMask holds, per entry, the
	// rules its matches trigger (bit i for rules[i]).
	rules    []rule
	ruleMask []uint64
	// sources is the Source position of each entry, formatted once.
	sources   []string
	threshold [numLabels]float64
	learned   *learned  // the model's weights (WithModel), or nil
	scratch   sync.Pool // *state
}

// Option configures New.
type Option func(*config) error

type config struct {
	slang     map[string]string
	extra     []*lexicon.Set
	replace   *lexicon.Set
	threshold map[lexicon.Label]float64
	noFuzzy   bool
	model     *model.Model
}

// WithLexiconFS extends the default lexicons with the lexicon files (*.txt)
// in dir of fsys. Entries with the same term and label (or list) replace the
// defaults; weight=0 switches a default entry off.
func WithLexiconFS(fsys fs.FS, dir string) Option {
	return func(c *config) error {
		s, err := lexicon.Load(fsys, dir)
		if err != nil {
			return err
		}
		c.extra = append(c.extra, s)
		return nil
	}
}

// WithLexiconDir is WithLexiconFS on a directory of the file system; errors
// name the files by their path (mylex/extra.txt:3).
func WithLexiconDir(dir string) Option {
	return func(c *config) error {
		s, err := lexicon.LoadDir(dir)
		if err != nil {
			return err
		}
		c.extra = append(c.extra, s)
		return nil
	}
}

// WithLexicons makes the classifier use set instead of the embedded
// defaults, its rules and grammar lists included: a set without @rule lines
// applies no rules (extend lexicon.Default() to keep them). Options that
// extend lexicons extend set.
func WithLexicons(set *lexicon.Set) Option {
	return func(c *config) error {
		if set == nil {
			return fmt.Errorf("classify: WithLexicons: nil set")
		}
		c.replace = set
		return nil
	}
}

// WithThreshold sets the score at which label is flagged, in (0,1].
func WithThreshold(label lexicon.Label, threshold float64) Option {
	return func(c *config) error {
		if !label.Valid() {
			return fmt.Errorf("classify: WithThreshold: unknown label %q", label)
		}
		if !(threshold > 0 && threshold <= 1) {
			return fmt.Errorf("classify: WithThreshold: %s threshold %v is outside (0,1]", label, threshold)
		}
		if c.threshold == nil {
			c.threshold = make(map[lexicon.Label]float64)
		}
		c.threshold[label] = threshold
		return nil
	}
}

// WithSlang adds colloquial -> standard word pairs to the embedded slang
// dictionary (normalize.WithSlang), for example from normalize.ParseSlang.
// They apply to the texts classified; lexicon terms are normalised with the
// embedded dictionary when they are loaded, so write terms in standard form.
func WithSlang(pairs map[string]string) Option {
	return func(c *config) error {
		if c.slang == nil {
			c.slang = make(map[string]string, len(pairs))
		}
		for k, v := range pairs {
			c.slang[k] = v
		}
		return nil
	}
}

// WithSlangFile is WithSlang with the pairs of the slang dictionary at path
// (normalize.LoadSlangFile). The file is read by New, so Live.Reload with
// this option reads it again; errors name it as path:line.
func WithSlangFile(path string) Option {
	return func(c *config) error {
		pairs, err := normalize.LoadSlangFile(path)
		if err != nil {
			return fmt.Errorf("slang: %w", err)
		}
		return WithSlang(pairs)(c)
	}
}

// WithoutFuzzy turns spelling-tolerant matching off: only exact, normalised,
// stemmed and masked forms match.
func WithoutFuzzy() Option {
	return func(c *config) error {
		c.noFuzzy = true
		return nil
	}
}

// New returns a Classifier with the embedded default lexicons, changed by
// opts. Building one takes milliseconds; build it once and share it.
func New(opts ...Option) (*Classifier, error) {
	var cfg config
	for _, o := range opts {
		if err := o(&cfg); err != nil {
			return nil, err
		}
	}
	set := cfg.replace
	if set == nil {
		def, err := lexicon.Default()
		if err != nil {
			return nil, fmt.Errorf("classify: default lexicons: %w", err)
		}
		set = def
	}
	for _, x := range cfg.extra {
		set = set.Extend(x)
	}
	c := &Classifier{
		lex:     set,
		entries: set.Active(),
		words:   make(map[string]*wordIndex),
		byLen:   make(map[int][]int32),
		grammar: make(map[string]grammar),
	}
	for i := range c.entries {
		if e := &c.entries[i]; e.List.Grammar() {
			c.addGrammar(e)
		}
	}
	vocab := make([]string, 0, len(c.entries))
	for i := range c.entries {
		e := &c.entries[i]
		if e.List.Grammar() {
			continue
		}
		c.index(e, int32(i))
		if len(e.Words) == 1 && len(e.Labels) > 0 {
			c.byLen[len(e.Words[0])] = append(c.byLen[len(e.Words[0])], int32(i))
		}
		vocab = append(vocab, e.Words...)
		n := len(e.Words)
		if n > 1 && c.is(e.Words[0], gWish) {
			n += maxSubject
		}
		c.maxPhrase = max(c.maxPhrase, n)
	}
	norm, err := normalize.New(normalize.WithVocabulary(vocab), normalize.WithSlang(cfg.slang))
	if err != nil {
		return nil, fmt.Errorf("classify: normalizer: %w", err)
	}
	c.norm = norm
	rs := set.Rules()
	if c.rules, err = compileRules(rs); err != nil {
		return nil, err
	}
	c.ruleMask = ruleMasks(rs, c.rules, c.entries)
	if !cfg.noFuzzy {
		c.fuzzy = newFuzzyIndex(c.entries)
	}
	for i, l := range labelOrder {
		c.threshold[i] = LabelThreshold(l)
		if t, ok := cfg.threshold[l]; ok {
			c.threshold[i] = t
		}
	}
	c.useModel(&cfg)
	c.sources = make([]string, len(c.entries))
	for i := range c.entries {
		c.sources[i] = c.entries[i].Source.String()
	}
	c.scratch.New = func() any { return new(state) }
	return c, nil
}

// Lexicons returns the lexicon set the classifier uses.
func (c *Classifier) Lexicons() *lexicon.Set { return c.lex }

// Normalizer returns the normalizer the classifier tokenizes with. It knows
// the lexicon's words, so it resolves elongations like kafiir.
func (c *Classifier) Normalizer() *normalize.Normalizer { return c.norm }

// Threshold returns the score at which label is flagged.
func (c *Classifier) Threshold(label lexicon.Label) float64 {
	if i := labelIndex(label); i >= 0 {
		return c.threshold[i]
	}
	return 0
}

// Classify scores text. Every input gets a Result: empty, invalid UTF-8 or
// very long text included. Evidence spans are given in bytes, code points
// and UTF-16 units (see Evidence).
func (c *Classifier) Classify(text string) Result {
	st := c.scratch.Get().(*state)
	r := st.run(c, text)
	c.scratch.Put(st)
	r.setOffsets(text)
	return r
}

// ClassifyBatch classifies texts on all cores and returns the results in the
// order of texts. It stops early with ctx's error when ctx is done.
func (c *Classifier) ClassifyBatch(ctx context.Context, texts []string) ([]Result, error) {
	out := make([]Result, len(texts))
	workers := min(runtime.GOMAXPROCS(0), len(texts))
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = c.Classify(texts[i])
			}
		}()
	}
	var err error
feed:
	for i := range texts {
		if err = ctx.Err(); err != nil {
			break // select picks at random when both cases are ready
		}
		select {
		case next <- i:
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		return nil, fmt.Errorf("classify: batch stopped: %w", err)
	}
	return out, nil
}
