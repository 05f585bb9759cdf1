package classify_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// liveGoodFS adds the term "otak kerupuk" (and "culun") on top of the defaults.
func liveGoodFS() fstest.MapFS {
	return fstest.MapFS{"good/extra.txt": {Data: []byte(errLexHeader + errLexGoodLine +
		"otak kerupuk | label=abusive | kind=insult | weight=0.6\n")}}
}

// liveBrokenFS holds each broken lexicon of brokenLexicons in its own
// directory, next to a good file.
func liveBrokenFS() (fstest.MapFS, []string) {
	fsys := fstest.MapFS{}
	var dirs []string
	for i, b := range brokenLexicons() {
		dir := fmt.Sprintf("broken%02d", i)
		fsys[dir+"/aaa.txt"] = &fstest.MapFile{Data: []byte(errLexHeader + "otak udang rebus | label=abusive\n")}
		fsys[dir+"/extra.txt"] = &fstest.MapFile{Data: []byte(b.body)}
		dirs = append(dirs, dir)
	}
	return fsys, dirs
}

// liveProbes tell the default lexicons from the good extension: the first
// ones change with it, the last ones do not.
var liveProbes = []string{
	"otak kerupuk semua",
	"dasar culun lu, otak kerupuk!!",
	"b4ngs4t lu otak kerupuk",
	"Selamat pagi, hari ini cerah.",
	"dasar anjing kau",
}

func TestNewLive(t *testing.T) {
	live, err := classify.NewLive()
	require.NoError(t, err)
	require.NotNil(t, live.Classifier())
	ref, err := classify.New()
	require.NoError(t, err)
	for _, p := range liveProbes {
		assert.Equal(t, ref.Classify(p), live.Classify(p), p)
	}

	fsys, dirs := liveBrokenFS()
	live, err = classify.NewLive(classify.WithLexiconFS(fsys, dirs[0]))
	require.Error(t, err)
	assert.Nil(t, live)
	assert.Contains(t, err.Error(), dirs[0]+"/"+brokenLexicons()[0].pos+":")
}

func TestLiveReload(t *testing.T) {
	live, err := classify.NewLive()
	require.NoError(t, err)
	const probe = "otak kerupuk semua"
	require.Empty(t, live.Classify(probe).Flagged)

	first := live.Classifier()
	require.NoError(t, live.Reload(classify.WithLexiconFS(liveGoodFS(), "good")))
	reloaded := live.Classifier()
	require.NotSame(t, first, reloaded, "a successful reload swaps the classifier")
	assert.Equal(t, []lexicon.Label{lexicon.Abusive}, live.Classify(probe).Flagged)

	fsys, dirs := liveBrokenFS()
	for i, b := range brokenLexicons() {
		t.Run(b.name, func(t *testing.T) {
			err := live.Reload(classify.WithLexiconFS(fsys, dirs[i]))
			require.Error(t, err)
			assert.Contains(t, err.Error(), dirs[i]+"/"+b.pos+":", "the error names file:line")
			assert.Contains(t, err.Error(), b.msg)
			var pe *lexicon.ParseError
			assert.True(t, errors.As(err, &pe), "error %v wraps a *lexicon.ParseError", err)
			assert.Same(t, reloaded, live.Classifier(), "a failed reload leaves the previous classifier")
			assert.Equal(t, []lexicon.Label{lexicon.Abusive}, live.Classify(probe).Flagged)
		})
	}

	// Options are not carried over: a reload without them goes back to the
	// defaults.
	require.NoError(t, live.Reload())
	assert.Empty(t, live.Classify(probe).Flagged)
	assert.Empty(t, live.Classify("dasar culun").Flagged)
}

// TestLiveReloadRace classifies from many goroutines while another one
// reloads, alternating good and broken lexicon sets. Every result must be
// exactly the old or the new behaviour; broken reloads must fail with
// file:line and change nothing. Run with -race.
func TestLiveReloadRace(t *testing.T) {
	oldC, err := classify.New()
	require.NoError(t, err)
	newC, err := classify.New(classify.WithLexiconFS(liveGoodFS(), "good"))
	require.NoError(t, err)
	wantOld := make([]classify.Result, len(liveProbes))
	wantNew := make([]classify.Result, len(liveProbes))
	for i, p := range liveProbes {
		wantOld[i], wantNew[i] = oldC.Classify(p), newC.Classify(p)
	}
	require.NotEqual(t, wantOld[0], wantNew[0], "the first probe must tell the lexicon sets apart")

	live, err := classify.NewLive()
	require.NoError(t, err)

	var (
		stop     atomic.Bool
		calls    atomic.Int64
		sawOld   atomic.Int64
		sawNew   atomic.Int64
		failures atomic.Int64
		wg       sync.WaitGroup
	)
	workers := max(4, 2*runtime.GOMAXPROCS(0))
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; !stop.Load(); n++ {
				i := (n + w) % len(liveProbes)
				if n%3 == 0 {
					// A snapshot taken once sees one lexicon set throughout.
					c := live.Classifier()
					snap0, snap1 := c.Classify(liveProbes[0]), c.Classify(liveProbes[1])
					if !(reflect.DeepEqual(snap0, wantOld[0]) && reflect.DeepEqual(snap1, wantOld[1]) ||
						reflect.DeepEqual(snap0, wantNew[0]) && reflect.DeepEqual(snap1, wantNew[1])) {
						if failures.Add(1) <= 3 {
							t.Errorf("one snapshot mixed lexicon sets: %+v / %+v", snap0, snap1)
						}
					}
				}
				got := live.Classify(liveProbes[i])
				calls.Add(1)
				isOld, isNew := reflect.DeepEqual(got, wantOld[i]), reflect.DeepEqual(got, wantNew[i])
				switch {
				case !isOld && !isNew:
					if failures.Add(1) <= 3 {
						t.Errorf("probe %q: result is neither the old nor the new behaviour: %+v", liveProbes[i], got)
					}
				case i == 0 && isOld:
					sawOld.Add(1)
				case i == 0 && isNew:
					sawNew.Add(1)
				}
			}
		}()
	}

	// waitCalls lets the workers classify a few rounds on the classifier in
	// force, so both behaviours are seen.
	waitCalls := func() {
		target := calls.Load() + int64(4*workers*len(liveProbes))
		deadline := time.Now().Add(10 * time.Second)
		for calls.Load() < target && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
	}

	brokenFS, brokenDirs := liveBrokenFS()
	broken := brokenLexicons()
	cycles := 2 * len(broken)
	if testing.Short() {
		cycles = len(broken)
	}
	for k := range cycles {
		// good → new behaviour, or plain → old behaviour.
		goodOpts := []classify.Option{classify.WithLexiconFS(liveGoodFS(), "good")}
		want := wantNew[0]
		if k%2 == 1 {
			goodOpts, want = nil, wantOld[0]
		}
		require.NoError(t, live.Reload(goodOpts...))
		in := live.Classifier()
		require.Equal(t, want, in.Classify(liveProbes[0]))
		waitCalls()

		b := k % len(broken)
		err := live.Reload(classify.WithLexiconFS(brokenFS, brokenDirs[b]))
		require.Error(t, err, broken[b].name)
		require.Contains(t, err.Error(), brokenDirs[b]+"/"+broken[b].pos+":", broken[b].name)
		require.Same(t, in, live.Classifier(), "%s: a failed reload must leave the previous classifier", broken[b].name)
		require.Equal(t, want, live.Classify(liveProbes[0]), broken[b].name)
		waitCalls()
	}
	stop.Store(true)
	wg.Wait()

	assert.Zero(t, failures.Load(), "results that were neither old nor new")
	assert.Positive(t, sawOld.Load(), "workers saw the old behaviour")
	assert.Positive(t, sawNew.Load(), "workers saw the new behaviour")
	t.Logf("%d workers, %d calls, %d reloads; probe 0 old %d, new %d",
		workers, calls.Load(), 2*cycles, sawOld.Load(), sawNew.Load())
}

// TestLiveConcurrentReloads checks that reloads racing each other leave one
// complete classifier in force.
func TestLiveConcurrentReloads(t *testing.T) {
	live, err := classify.NewLive()
	require.NoError(t, err)
	brokenFS, brokenDirs := liveBrokenFS()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				assert.NoError(t, live.Reload(classify.WithLexiconFS(liveGoodFS(), "good")))
			} else {
				assert.Error(t, live.Reload(classify.WithLexiconFS(brokenFS, brokenDirs[i%len(brokenDirs)])))
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, []lexicon.Label{lexicon.Abusive}, live.Classify("otak kerupuk semua").Flagged)
}

// TestLiveReloadSlangFile checks that WithSlangFile reads its file at each
// build: a reload puts the edited pairs in force, and a broken file is
// refused with its file:line while the previous classifier keeps serving.
func TestLiveReloadSlangFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "slang.txt")
	write := func(s string) { require.NoError(t, os.WriteFile(path, []byte(s), 0o600)) }
	write("bangsatz bangsat\n")
	opts := []classify.Option{classify.WithoutFuzzy(), classify.WithSlangFile(path)}
	live, err := classify.NewLive(opts...)
	require.NoError(t, err)
	require.True(t, live.Classify("bangsatz").Has(lexicon.Abusive))
	require.False(t, live.Classify("bangsatq").Has(lexicon.Abusive))

	write("bangsatq bangsat\n")
	require.NoError(t, live.Reload(opts...))
	assert.True(t, live.Classify("bangsatq").Has(lexicon.Abusive), "the edited file is read again")
	assert.False(t, live.Classify("bangsatz").Has(lexicon.Abusive))

	before := live.Classifier()
	write("# tambahan\nbangsatx\n")
	err = live.Reload(opts...)
	require.Error(t, err)
	assert.Contains(t, err.Error(), path+":2:")
	assert.Same(t, before, live.Classifier(), "a failed reload leaves the previous classifier")
	assert.True(t, live.Classify("bangsatq").Has(lexicon.Abusive))
}
