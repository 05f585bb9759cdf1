package classify_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
)

// concurrencyPosts are posts that exercise every matching path: plain terms,
// evasions, phrases, rules, negation, counter-speech and hoax shapes.
var concurrencyPosts = []string{
	"",
	"Selamat pagi semua, jangan lupa sarapan.",
	"dasar anjing kau",
	"anjing peliharaan tetangga lucu banget",
	"k4f1r semua mereka",
	"kafiiiir lu",
	"b a b i lu",
	"b.a.b.i kalian",
	"k*fir itu",
	"𝐛𝐚𝐛𝐢 𝐥𝐮",
	"ka\u200bfir",
	"dasar cina kafir usir dari sini",
	"ayo serbu kantor partai itu besok",
	"usir wartawan itu",
	"bukan kafir, tolong jangan asal tuduh",
	"jangan sebarkan hoaks tentang vaksin ya",
	"SEBARKAN!!! VAKSIN MENGANDUNG CHIP, PEMERINTAH MENUTUPI FAKTA INI",
	"capres nomor urut satu itu antek asing dan koruptor",
	"anak2 di kampung pada main bola",
	"#TolakRUUCipta @user https://t.co/x bangsat",
	"gk usah lebay deh, santai aja",
	"\xff\xfe\xfdbabi\x00kafir",
	"🤬🤬🤬",
	strings.Repeat("bangsat kafir babi ", 200),
}

// concurrencyCorpus adds the project's authored posts when they are there.
func concurrencyCorpus(t *testing.T) []string {
	posts := append([]string(nil), concurrencyPosts...)
	f, err := os.Open("../testdata/posts.jsonl")
	if err != nil {
		t.Logf("testdata/posts.jsonl not used: %v", err)
		return posts
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		var p struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &p) == nil && p.Text != "" {
			posts = append(posts, p.Text)
		}
	}
	return posts
}

// TestClassifyConcurrent checks that goroutines sharing one Classifier get
// the same results as a sequential run, and that results handed out earlier
// are not changed by later calls (no scratch space leaks into a Result).
// Run with -race.
func TestClassifyConcurrent(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	posts := concurrencyCorpus(t)
	want := make([]classify.Result, len(posts))
	for i, p := range posts {
		want[i] = c.Classify(p)
	}

	workers := max(8, 2*runtime.GOMAXPROCS(0))
	rounds := 3
	if testing.Short() {
		rounds = 1
	}
	got := make([][]classify.Result, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := make([]classify.Result, len(posts))
			for r := range rounds {
				// Each worker walks the posts in its own order.
				for k := range posts {
					i := (k*(2*w+1) + r + w) % len(posts)
					res[i] = c.Classify(posts[i])
				}
			}
			got[w] = res
		}()
	}
	wg.Wait()
	for w := range workers {
		for i := range posts {
			if !assert.Equal(t, want[i], got[w][i], "worker %d, post %q", w, posts[i]) {
				return
			}
		}
	}

	// The results of the sequential run must not have changed either.
	for i, p := range posts {
		require.Equal(t, want[i], c.Classify(p), "post %q", p)
	}
}

// TestClassifyBatchMatchesSequential checks ClassifyBatch against Classify.
func TestClassifyBatchMatchesSequential(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	posts := concurrencyCorpus(t)
	got, err := c.ClassifyBatch(context.Background(), posts)
	require.NoError(t, err)
	require.Len(t, got, len(posts))
	for i, p := range posts {
		require.Equal(t, c.Classify(p), got[i], "post %q", p)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = c.ClassifyBatch(ctx, posts)
	require.ErrorIs(t, err, context.Canceled)

	empty, err := c.ClassifyBatch(context.Background(), nil)
	require.NoError(t, err)
	assert.Empty(t, empty)
}
