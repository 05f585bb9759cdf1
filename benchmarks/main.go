// Command benchmarks compares saring's full pipeline with a substring
// profanity filter (github.com/TwiN/go-away), a regexp alternation and a
// tokenise-and-look-up floor, all fed saring's own abusive terms, on one
// core and over the same posts.
//
// Usage (from this directory):
//
//	go run . [--posts PATH] [--rounds N] [--min-ratio-goaway X] [--max-floor-ratio Y] [--passes N]
//
// See README.md for what each column means.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	goaway "github.com/TwiN/go-away"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
	"github.com/saring-id/saring/normalize"
	"github.com/saring-id/saring/train"
)

// modulePath is the module whose root the default inputs are found from.
const modulePath = "github.com/saring-id/saring"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// options are the command-line flags.
type options struct {
	posts          string
	rounds         int
	minRatioGoaway float64
	maxFloorRatio  float64
	clock          string
	cpuProfile     string
	passes         int
	model          string
	train          bool
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("benchmarks", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.posts, "posts", "", "input posts: a CSV file with a Tweet column or a JSONL file with a \"text\" field\n"+
		"(default: ../shared/eval/ibrohim2019/dev.csv beside the project root when present, else testdata/posts.jsonl)")
	fs.IntVar(&o.rounds, "rounds", 5, "timed passes over the posts per method; the median pass is reported")
	fs.Float64Var(&o.minRatioGoaway, "min-ratio-goaway", 0, "exit 1 when saring posts/s / go-away posts/s is below this (0: no check)")
	fs.Float64Var(&o.maxFloorRatio, "max-floor-ratio", 0, "exit 1 when floor posts/s / saring posts/s is above this (0: no check)")
	fs.StringVar(&o.clock, "clock", "cpu", "what times a pass: cpu (the process's CPU time, robust on a busy machine) or wall")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "after the timed passes, profile --rounds more passes of saring and write the CPU profile to this file")
	fs.IntVar(&o.passes, "passes", 0, "only run this many untimed passes of saring (with --model: saring+model) over the posts, print how many posts it flagged and exit:\n"+
		"for instruction counters (valgrind --tool=callgrind), where the difference of two counts is the cost of the extra passes")
	fs.StringVar(&o.model, "model", "", "also measure saring with this model (saring train): a row of its own, its load time and live heap")
	fs.BoolVar(&o.train, "train", false, "train a model on the posts first (the Ibrohim CSV's HS, HS_Religion|HS_Race and Abusive columns, as the README's\n"+
		"saring train command), timed on all cores, into a temporary file, and measure it as --model does")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if o.train && o.model != "" {
		return o, fmt.Errorf("--train and --model exclude each other")
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments: %s", strings.Join(fs.Args(), " "))
	}
	if o.rounds < 1 {
		return o, fmt.Errorf("--rounds must be at least 1, got %d", o.rounds)
	}
	if o.passes < 0 {
		return o, fmt.Errorf("--passes must not be negative, got %d", o.passes)
	}
	if o.clock != "cpu" && o.clock != "wall" {
		return o, fmt.Errorf("--clock must be cpu or wall, got %q", o.clock)
	}
	return o, nil
}

// run executes the benchmark and returns the exit code: 0 on success, 1
// when a ratio check fails, 2 on a usage or input error.
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		fmt.Fprintln(stderr, "benchmarks:", err)
		return 2
	}
	runtime.GOMAXPROCS(1)

	// Build the classifier first, before anything else loads the lexicons,
	// so that the cold New time and the heap it keeps include them.
	build, c, err := measureNew()
	if err != nil {
		fmt.Fprintln(stderr, "benchmarks:", err)
		return 2
	}

	path := o.posts
	if path == "" {
		if path, err = defaultPosts(); err != nil {
			fmt.Fprintln(stderr, "benchmarks:", err)
			return 2
		}
	}
	posts, err := readPosts(path)
	if err != nil {
		fmt.Fprintln(stderr, "benchmarks:", err)
		return 2
	}
	if len(posts) == 0 {
		fmt.Fprintf(stderr, "benchmarks: %s: no posts\n", path)
		return 2
	}

	terms, err := abusiveTerms()
	if err != nil {
		fmt.Fprintln(stderr, "benchmarks:", err)
		return 2
	}
	methods, err := newMethods(c, terms)
	if err != nil {
		fmt.Fprintln(stderr, "benchmarks:", err)
		return 2
	}
	var ms *modelStats
	if o.train || o.model != "" {
		if ms, err = measureModel(o, path); err != nil {
			fmt.Fprintln(stderr, "benchmarks:", err)
			return 2
		}
		defer ms.cleanup()
		mc := ms.classifier
		methods = append(methods, method{"saring+model", func(p string) bool { return len(mc.Classify(p).Flagged) > 0 }})
	}

	if o.passes > 0 {
		// saring, or with a model saring+model.
		m := methods[0]
		if ms != nil {
			m = methods[len(methods)-1]
		}
		flagged := 0
		for range o.passes {
			flagged += m.pass(posts)
		}
		fmt.Fprintf(stdout, "%d passes of %s over %d posts: %d posts flagged in all\n", o.passes, m.name, len(posts), flagged)
		return 0
	}

	var nbytes int
	for _, p := range posts {
		nbytes += len(p)
	}
	fmt.Fprintf(stdout, "machine: %s/%s, %d CPUs, %s, GOMAXPROCS=%d\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), runtime.GOMAXPROCS(0))
	fmt.Fprintf(stdout, "input:   %s: %d posts, %d bytes (mean %.0f bytes a post), %d rounds\n",
		path, len(posts), nbytes, float64(nbytes)/float64(len(posts)), o.rounds)
	fmt.Fprintf(stdout, "terms:   %d abusive terms from lexicon.Default()\n", len(terms))
	clock := "process CPU time (getrusage)"
	if o.clock == "wall" {
		clock = "wall clock"
	}
	fmt.Fprintf(stdout, "clock:   posts/s and ns/post from the median pass by %s; p50/p99/max are wall-clock times of single posts\n\n", clock)

	stats := make([]methodStats, len(methods))
	for i, m := range methods {
		stats[i] = methodStats{name: m.name, cpu: o.clock == "cpu"}
		m.pass(posts) // warm up caches, pools and lazily built tables
	}
	// Interleave the methods round by round, so that a noisy neighbour on
	// the machine slows all of them alike.
	for range o.rounds {
		for i, m := range methods {
			stats[i].addPass(m, posts)
		}
	}
	if o.cpuProfile != "" {
		if err := profile(o.cpuProfile, methods[0], posts, o.rounds); err != nil {
			fmt.Fprintln(stderr, "benchmarks:", err)
			return 2
		}
	}
	for i, m := range methods {
		stats[i].latency(m, posts)
	}
	writeTable(stdout, stats)

	sar, ga, re, fl, nz := stats[0], stats[1], stats[2], stats[3], stats[4]
	ratioGoaway := sar.postsPerSec() / ga.postsPerSec()
	ratioRegexp := sar.postsPerSec() / re.postsPerSec()
	ratioFloor := fl.postsPerSec() / sar.postsPerSec()
	fmt.Fprintf(stdout, "\nsaring / go-away  posts/s: %6.2fx\n", ratioGoaway)
	fmt.Fprintf(stdout, "saring / regexp   posts/s: %6.2fx\n", ratioRegexp)
	fmt.Fprintf(stdout, "floor  / saring   posts/s: %6.2fx (floor / saring's normalizer alone: %.2fx)\n",
		ratioFloor, fl.postsPerSec()/nz.postsPerSec())
	fmt.Fprintf(stdout, "\nclassify.New(): cold %s (first call: parses the embedded lexicons and slang), warm %s (median of %d)\n",
		round(build.cold), round(build.warm), build.warmRuns)
	fmt.Fprintf(stdout, "live heap of a Classifier: %.1f MB (HeapAlloc after GC: %.1f MB before New, %.1f MB after)\n",
		mb(build.heapAfter-build.heapBefore), mb(build.heapBefore), mb(build.heapAfter))
	runtime.KeepAlive(c)
	if ms != nil {
		ms.write(stdout, stats[0], stats[len(stats)-1])
	}

	code := 0
	if o.minRatioGoaway > 0 && ratioGoaway < o.minRatioGoaway {
		fmt.Fprintf(stdout, "FAIL: saring / go-away = %.2fx is below --min-ratio-goaway %.2f\n", ratioGoaway, o.minRatioGoaway)
		code = 1
	}
	if o.maxFloorRatio > 0 && ratioFloor > o.maxFloorRatio {
		fmt.Fprintf(stdout, "FAIL: floor / saring = %.2fx is above --max-floor-ratio %.2f\n", ratioFloor, o.maxFloorRatio)
		code = 1
	}
	return code
}

// profile writes a CPU profile of rounds extra passes of m to path.
func profile(path string, m method, posts []string, rounds int) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("cpu profile: %w", cerr)
		}
	}()
	if err := pprof.StartCPUProfile(f); err != nil {
		return fmt.Errorf("cpu profile: %w", err)
	}
	for range rounds {
		m.pass(posts)
	}
	pprof.StopCPUProfile()
	return nil
}

// buildStats describes building a Classifier.
type buildStats struct {
	cold, warm            time.Duration
	warmRuns              int
	heapBefore, heapAfter uint64
}

// measureNew builds the Classifier used by the benchmark (timing the cold
// first call and the live heap it keeps), then times a few more builds.
func measureNew() (buildStats, *classify.Classifier, error) {
	var s buildStats
	s.heapBefore = liveHeap()
	start := time.Now()
	c, err := classify.New()
	s.cold = time.Since(start)
	if err != nil {
		return s, nil, fmt.Errorf("classify.New: %w", err)
	}
	s.heapAfter = liveHeap()
	runtime.KeepAlive(c)
	s.warmRuns = 5
	warm := make([]time.Duration, s.warmRuns)
	for i := range warm {
		start := time.Now()
		if _, err := classify.New(); err != nil {
			return s, nil, fmt.Errorf("classify.New: %w", err)
		}
		warm[i] = time.Since(start)
	}
	slices.Sort(warm)
	s.warm = warm[len(warm)/2]
	return s, c, nil
}

// liveHeap returns HeapAlloc after a full garbage collection.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// abusiveTerms returns the phrases (normalised words joined by spaces) of
// the default lexicon entries labelled abusive, sorted and without
// duplicates.
func abusiveTerms() ([]string, error) {
	set, err := lexicon.Default()
	if err != nil {
		return nil, fmt.Errorf("default lexicons: %w", err)
	}
	var terms []string
	for _, e := range set.Active() {
		if e.HasLabel(lexicon.Abusive) {
			terms = append(terms, strings.Join(e.Words, " "))
		}
	}
	slices.Sort(terms)
	return slices.Compact(terms), nil
}

// method is one way of scanning a post.
type method struct {
	name string
	// scan examines one post and reports whether it found something.
	scan func(string) bool
}

// pass runs m over all posts and returns how many it flagged.
func (m method) pass(posts []string) int {
	hits := 0
	for _, p := range posts {
		if m.scan(p) {
			hits++
		}
	}
	return hits
}

// newMethods returns saring, go-away, regexp, the floor and saring's
// normalizer alone, in that order.
func newMethods(c *classify.Classifier, terms []string) ([]method, error) {
	// go-away removes spaces while sanitising, so its phrases are written
	// without them; it also folds leetspeak and strips special characters.
	glued := make([]string, len(terms))
	for i, t := range terms {
		glued[i] = strings.ReplaceAll(t, " ", "")
	}
	ga := goaway.NewProfanityDetector().WithCustomDictionary(glued, nil, nil)

	quoted := make([]string, len(terms))
	for i, t := range terms {
		quoted[i] = regexp.QuoteMeta(t)
	}
	re, err := regexp.Compile(`(?i)\b(?:` + strings.Join(quoted, "|") + `)\b`)
	if err != nil {
		return nil, fmt.Errorf("compile regexp of %d terms: %w", len(terms), err)
	}

	set := make(map[string]struct{}, len(terms))
	for _, t := range terms {
		set[t] = struct{}{}
	}

	norm := c.Normalizer()
	var toks []normalize.Token
	return []method{
		{"saring", func(p string) bool { return len(c.Classify(p).Flagged) > 0 }},
		{"go-away", ga.IsProfane},
		{"regexp", re.MatchString},
		{"floor", func(p string) bool {
			for _, f := range strings.Fields(p) {
				if _, ok := set[strings.ToLower(f)]; ok {
					return true
				}
			}
			return false
		}},
		{"normalize", func(p string) bool {
			toks = norm.Append(toks[:0], p)
			for _, t := range toks {
				if t.Via != 0 {
					return true
				}
			}
			return false
		}},
	}, nil
}

// methodStats collects the measurements of one method.
type methodStats struct {
	name   string
	cpu    bool            // passes are timed by CPU time, not wall time
	passes []time.Duration // one per round
	allocs uint64          // over all rounds
	posts  int             // over all rounds
	hits   int             // posts flagged in one pass
	lat    []time.Duration // per post, from the latency pass
}

// addPass times one pass of m over posts.
func (s *methodStats) addPass(m method, posts []string) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start, cpuStart := time.Now(), cpuTime()
	s.hits = m.pass(posts)
	d, cpu := time.Since(start), cpuTime()-cpuStart
	runtime.ReadMemStats(&after)
	if s.cpu && cpu > 0 {
		d = cpu
	}
	s.passes = append(s.passes, d)
	s.allocs += after.Mallocs - before.Mallocs
	s.posts += len(posts)
}

// cpuTime returns the CPU time the process has used, user and system, or
// 0 when it cannot be read.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// latency times every post on its own.
func (s *methodStats) latency(m method, posts []string) {
	runtime.GC()
	s.lat = make([]time.Duration, len(posts))
	for i, p := range posts {
		start := time.Now()
		m.scan(p)
		s.lat[i] = time.Since(start)
	}
	slices.Sort(s.lat)
}

// median returns the median pass duration.
func (s *methodStats) median() time.Duration {
	d := slices.Clone(s.passes)
	slices.Sort(d)
	return d[len(d)/2]
}

func (s *methodStats) postsPerPass() int { return s.posts / len(s.passes) }

func (s *methodStats) postsPerSec() float64 {
	return float64(s.postsPerPass()) / s.median().Seconds()
}

func (s *methodStats) nsPerPost() float64 {
	return float64(s.median().Nanoseconds()) / float64(s.postsPerPass())
}

func (s *methodStats) allocsPerPost() float64 { return float64(s.allocs) / float64(s.posts) }

// percentile returns the q-quantile (0..1) of the sorted durations d.
func percentile(d []time.Duration, q float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	i := int(q*float64(len(d)-1) + 0.5)
	return d[min(max(i, 0), len(d)-1)]
}

func writeTable(w io.Writer, stats []methodStats) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "method\tposts/s\tns/post\tallocs/post\tp50\tp99\tmax\thits\t")
	for i := range stats {
		s := &stats[i]
		fmt.Fprintf(tw, "%s\t%.0f\t%.0f\t%.2f\t%s\t%s\t%s\t%d\t\n",
			s.name, s.postsPerSec(), s.nsPerPost(), s.allocsPerPost(),
			round(percentile(s.lat, 0.50)), round(percentile(s.lat, 0.99)), round(percentile(s.lat, 1)), s.hits)
	}
	tw.Flush()
}

// round rounds d for display.
func round(d time.Duration) time.Duration {
	switch {
	case d >= time.Second:
		return d.Round(time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(10 * time.Microsecond)
	case d >= time.Microsecond:
		return d.Round(10 * time.Nanosecond)
	}
	return d
}

func mb(n uint64) float64 { return float64(n) / (1 << 20) }

// defaultPosts returns the licensed dev set beside the project root when it
// is there, else the project's authored posts.
func defaultPosts() (string, error) {
	root, err := projectRoot()
	if err != nil {
		return "", err
	}
	dev := filepath.Join(root, "..", "shared", "eval", "ibrohim2019", "dev.csv")
	if _, err := os.Stat(dev); err == nil {
		return dev, nil
	}
	return filepath.Join(root, "testdata", "posts.jsonl"), nil
}

// projectRoot finds the directory of the saring module's go.mod, from the
// working directory upwards.
func projectRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("find project root: %w", err)
	}
	for {
		if isSaringRoot(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("find project root: no go.mod of module %s above the working directory", modulePath)
		}
		dir = parent
	}
}

func isSaringRoot(gomod string) bool {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return false
	}
	for line := range strings.Lines(string(data)) {
		if f := strings.Fields(line); len(f) == 2 && f[0] == "module" {
			return f[1] == modulePath
		}
	}
	return false
}

// readPosts reads the texts of a corpus with the eval package's readers:
// JSONL (field "text") or CSV (column Tweet).
func readPosts(path string) ([]string, error) {
	col := "Tweet"
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson":
		col = "text"
	}
	recs, err := eval.ReadFile(path, col, nil)
	if err != nil {
		return nil, fmt.Errorf("read posts: %w", err)
	}
	posts := make([]string, len(recs))
	for i, r := range recs {
		posts[i] = r.Text
	}
	return posts, nil
}

// modelStats describes training (with --train), loading and using a model.
type modelStats struct {
	path                  string
	trained               bool
	trainWall, trainCPU   time.Duration
	trainProcs            int
	load, build           time.Duration
	heapBefore, heapAfter uint64
	classifier            *classify.Classifier
	cleanup               func()
}

// ibrohimLabels map the Ibrohim corpus's columns to saring's labels, as the
// README's saring train command does.
var ibrohimLabels = []string{"hate_speech=HS", "sara=HS_Religion|HS_Race", "abusive=Abusive"}

// measureModel trains a model on the posts file (with --train) or takes
// --model, then times loading it and building a Classifier with it, and
// measures the live heap that Classifier keeps.
func measureModel(o options, posts string) (*modelStats, error) {
	s := &modelStats{path: o.model, cleanup: func() {}}
	if o.train {
		if err := s.trainOn(posts); err != nil {
			return nil, err
		}
	}
	s.heapBefore = liveHeap()
	start := time.Now()
	m, err := model.Load(s.path)
	s.load = time.Since(start)
	if err != nil {
		s.cleanup()
		return nil, err
	}
	start = time.Now()
	s.classifier, err = classify.New(classify.WithModel(m))
	s.build = time.Since(start)
	if err != nil {
		s.cleanup()
		return nil, fmt.Errorf("classify.New with the model: %w", err)
	}
	s.heapAfter = liveHeap()
	return s, nil
}

// trainOn trains on the Ibrohim CSV at path on all cores and writes the
// model to a temporary file that cleanup removes.
func (s *modelStats) trainOn(path string) error {
	var specs []eval.Spec
	for _, l := range ibrohimLabels {
		sp, err := eval.ParseSpec(l)
		if err != nil {
			return err
		}
		specs = append(specs, sp)
	}
	recs, err := eval.ReadFile(path, "Tweet", specs)
	if err != nil {
		return fmt.Errorf("--train needs the Ibrohim CSV: %w", err)
	}
	decode := strings.NewReplacer(`\n`, "\n", "USER", "@USER")
	texts := make([]string, len(recs))
	gold := make([][]bool, len(recs))
	for i, r := range recs {
		texts[i], gold[i] = decode.Replace(r.Text), r.Gold
	}
	c, err := classify.New()
	if err != nil {
		return err
	}
	s.trainProcs = runtime.NumCPU()
	prev := runtime.GOMAXPROCS(s.trainProcs)
	start, cpuStart := time.Now(), cpuTime()
	res, err := train.Train(context.Background(), c, texts,
		[]lexicon.Label{lexicon.HateSpeech, lexicon.SARA, lexicon.Abusive}, gold, train.Defaults())
	s.trainWall, s.trainCPU = time.Since(start), cpuTime()-cpuStart
	runtime.GOMAXPROCS(prev)
	if err != nil {
		return err
	}
	f, err := os.CreateTemp("", "saring-bench-*.model")
	if err != nil {
		return err
	}
	s.path, s.trained = f.Name(), true
	s.cleanup = func() { os.Remove(f.Name()) }
	if err := res.Model.Write(f); err != nil {
		f.Close()
		s.cleanup()
		return err
	}
	return f.Close()
}

// write prints the model's figures and its speed against lexicon-only
// saring.
func (s *modelStats) write(w io.Writer, lexOnly, withModel methodStats) {
	fmt.Fprintf(w, "\nsaring+model / saring posts/s: %6.2fx (p99 %s, %.2f allocs/post)\n",
		withModel.postsPerSec()/lexOnly.postsPerSec(), round(percentile(withModel.lat, 0.99)), withModel.allocsPerPost())
	if s.trained {
		fmt.Fprintf(w, "training with cross-validation (%d cores): %s wall, %s CPU\n", s.trainProcs, round(s.trainWall), round(s.trainCPU))
	}
	fmt.Fprintf(w, "model: model.Load %s, classify.New with it %s, live heap of that Classifier %.1f MB (%.1f MB before, %.1f MB after)\n",
		round(s.load), round(s.build), mb(s.heapAfter-s.heapBefore), mb(s.heapBefore), mb(s.heapAfter))
	runtime.KeepAlive(s.classifier)
}
