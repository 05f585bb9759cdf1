package classify_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/saring-id/saring/classify"
)

// benchPostsFile holds the project's authored posts (JSONL, field "text").
const benchPostsFile = "../testdata/posts.jsonl"

// benchPost is the part of a testdata/posts.jsonl line the benchmarks use.
type benchPost struct {
	Text string `json:"text"`
	Note string `json:"note"`
}

// clean reports whether the post was written for the clean bucket.
func (p benchPost) clean() bool { return strings.HasPrefix(p.Note, "[clean]") }

// evasion reports whether the post uses an evasion (leet, elongation, ...).
func (p benchPost) evasion() bool { return strings.Contains(p.Note, "evasion") }

// loadBenchPosts reads the authored posts.
func loadBenchPosts(tb testing.TB) []benchPost {
	tb.Helper()
	f, err := os.Open(benchPostsFile)
	if err != nil {
		tb.Fatalf("open bench posts: %v", err)
	}
	defer f.Close()
	var posts []benchPost
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p benchPost
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			tb.Fatalf("%s:%d: %v", benchPostsFile, line, err)
		}
		posts = append(posts, p)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("read %s: %v", benchPostsFile, err)
	}
	if len(posts) == 0 {
		tb.Fatalf("%s: no posts", benchPostsFile)
	}
	return posts
}

// benchSets returns the post sets of BenchmarkClassify:
//
//   - mix: a realistic stream, mostly clean: every clean post four times,
//     every labelled post (evasions included) once, and a few long posts of
//     16 authored posts joined into one (about 1 KB each);
//   - clean: the clean posts;
//   - evasion: the posts that use an evasion;
//   - long: the long posts of mix.
func benchSets(tb testing.TB) []struct {
	name  string
	posts []string
} {
	tb.Helper()
	all := loadBenchPosts(tb)
	var clean, labelled, evasion, long []string
	for _, p := range all {
		if p.clean() {
			clean = append(clean, p.Text)
		} else {
			labelled = append(labelled, p.Text)
		}
		if p.evasion() {
			evasion = append(evasion, p.Text)
		}
	}
	const perLong = 16
	for i := 0; i+perLong <= len(all) && len(long) < 8; i += len(all) / 8 {
		var sb strings.Builder
		for _, p := range all[i : i+perLong] {
			sb.WriteString(p.Text)
			sb.WriteString("\n")
		}
		long = append(long, sb.String())
	}
	// Interleave so that clean and labelled posts alternate like a feed.
	var mix []string
	li, lo := 0, 0
	for i := 0; i < 4; i++ {
		for j, c := range clean {
			mix = append(mix, c)
			if i == 0 || j%2 == 0 {
				if li < len(labelled) {
					mix = append(mix, labelled[li])
					li++
				}
			}
			if j%50 == 49 && lo < len(long) {
				mix = append(mix, long[lo])
				lo++
			}
		}
	}
	mix = append(mix, labelled[li:]...)
	mix = append(mix, long[lo:]...)
	return []struct {
		name  string
		posts []string
	}{
		{"mix", mix},
		{"clean", clean},
		{"evasion", evasion},
		{"long", long},
	}
}

func newBenchClassifier(tb testing.TB, opts ...classify.Option) *classify.Classifier {
	tb.Helper()
	c, err := classify.New(opts...)
	if err != nil {
		tb.Fatalf("classify.New: %v", err)
	}
	return c
}

func totalBytes(posts []string) int64 {
	var n int64
	for _, p := range posts {
		n += int64(len(p))
	}
	return n
}

// reportPerPost adds posts/s, ns/post and allocs/post for a run of b.N ops
// of posts posts each; before is the memory statistics taken before it.
func reportPerPost(b *testing.B, before *runtime.MemStats, posts int) {
	var after runtime.MemStats
	runtime.ReadMemStats(&after)
	total := float64(b.N) * float64(posts)
	b.ReportMetric(total/b.Elapsed().Seconds(), "posts/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/total, "ns/post")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/post")
}

// BenchmarkClassify classifies sets of authored posts with the default
// classifier (all labels, fuzzy matching on). One op is one pass over a set;
// posts/s, ns/post and allocs/post are per post, MB/s is over the set's
// bytes.
func BenchmarkClassify(b *testing.B) {
	c := newBenchClassifier(b)
	for _, set := range benchSets(b) {
		b.Run(set.name, func(b *testing.B) {
			b.SetBytes(totalBytes(set.posts))
			b.ReportAllocs()
			var before runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				for _, p := range set.posts {
					c.Classify(p)
				}
			}
			reportPerPost(b, &before, len(set.posts))
		})
	}
}

// BenchmarkClassifyParallel classifies the mix on all GOMAXPROCS
// goroutines sharing one Classifier. One op is one pass over the mix.
func BenchmarkClassifyParallel(b *testing.B) {
	c := newBenchClassifier(b)
	mix := benchSets(b)[0].posts
	b.SetBytes(totalBytes(mix))
	b.ReportAllocs()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			for _, p := range mix {
				c.Classify(p)
			}
		}
	})
	b.StopTimer()
	reportPerPost(b, &before, len(mix))
}

// BenchmarkNew builds a Classifier with the embedded default lexicons (which
// are parsed once per process, before the timer starts).
func BenchmarkNew(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []classify.Option
	}{
		{"default", nil},
		{"nofuzzy", []classify.Option{classify.WithoutFuzzy()}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			newBenchClassifier(b, bc.opts...) // parse the embedded lexicons once
			b.ReportAllocs()
			for b.Loop() {
				if _, err := classify.New(bc.opts...); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// repeatTo repeats text up to n bytes, cut at the last space before n so
// that no word or rune is cut.
func repeatTo(text string, n int) string {
	s := strings.Repeat(text, n/len(text)+1)[:n]
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return s
}

// BenchmarkClassifyLength classifies single posts of 1 KB, 64 KB and 1 MB
// made by repeating authored text: "mixed" repeats all posts (so evidence
// grows with the length), "clean" only the clean posts, "chain" a chain
// call with exclamations (a worst case of the exclamations rule). With a cost linear
// in the input, ns/byte stays flat across the sizes.
func BenchmarkClassifyLength(b *testing.B) {
	c := newBenchClassifier(b)
	var mixed, clean strings.Builder
	for _, p := range loadBenchPosts(b) {
		mixed.WriteString(p.Text)
		mixed.WriteString("\n")
		if p.clean() {
			clean.WriteString(p.Text)
			clean.WriteString("\n")
		}
	}
	for _, src := range []struct{ name, text string }{
		{"mixed", mixed.String()},
		{"clean", clean.String()},
		{"chain", "sebarkan!! hoax "},
	} {
		for _, size := range []struct {
			name string
			n    int
		}{{"1KB", 1 << 10}, {"64KB", 64 << 10}, {"1MB", 1 << 20}} {
			text := repeatTo(src.text, size.n)
			b.Run(fmt.Sprintf("%s/%s", src.name, size.name), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				b.ReportAllocs()
				for b.Loop() {
					c.Classify(text)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/(float64(b.N)*float64(len(text))), "ns/byte")
			})
		}
	}
}
