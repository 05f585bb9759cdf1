//go:build unix

package server

import (
	"bytes"
	"context"
	"errors"
	"html"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// artifactsDir keeps the browser test's screenshot; it is gitignored.
const artifactsDir = "../testdata/artifacts"

// chromiumPath finds a Chromium binary or skips the test.
func chromiumPath(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium is not installed: install the Debian packages chromium and chromium-driver " +
		"(apt-get install chromium chromium-driver) to run the browser test")
	return ""
}

// runChromium runs headless Chromium with args after the common flags and
// returns its standard output. The whole process group is killed when the
// time limit is hit.
func runChromium(t *testing.T, bin string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	home := t.TempDir()
	common := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
		"--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
		"--user-data-dir=" + filepath.Join(home, "profile"),
	}
	cmd := exec.CommandContext(ctx, bin, append(common, args...)...)
	cmd.Env = append(os.Environ(), "HOME="+home, "XDG_CONFIG_HOME="+home, "XDG_CACHE_HOME="+home)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 5 * time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if cmd.Process != nil {
		// Chromium's helper processes share its process group.
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	require.NoError(t, ctx.Err(), "chromium timed out; stderr:\n%s", tail(stderr.String()))
	require.NoError(t, err, "chromium failed; stderr:\n%s", tail(stderr.String()))
	return stdout.String()
}

func tail(s string) string {
	if len(s) > 4000 {
		return "…" + s[len(s)-4000:]
	}
	return s
}

// domMark is a <mark> element of a dumped DOM.
type domMark struct {
	class, label, term, title, text string
}

// findMarks returns the <mark class="ev …"> elements of a dumped DOM. The
// page only puts text inside marks, so a flat scan is enough.
func findMarks(dom string) []domMark {
	var marks []domMark
	for {
		i := strings.Index(dom, "<mark")
		if i < 0 {
			return marks
		}
		dom = dom[i+len("<mark"):]
		j := strings.IndexByte(dom, '>')
		k := strings.Index(dom, "</mark>")
		if j < 0 || k < j {
			return marks
		}
		attrs := dom[:j]
		m := domMark{
			class: attr(attrs, "class"),
			label: attr(attrs, "data-label"),
			term:  attr(attrs, "data-term"),
			title: attr(attrs, "title"),
			text:  html.UnescapeString(dom[j+1 : k]),
		}
		if slices.Contains(strings.Fields(m.class), "ev") {
			marks = append(marks, m)
		}
		dom = dom[k:]
	}
}

// attr returns the value of a double-quoted attribute in a serialized tag.
func attr(attrs, name string) string {
	key := " " + name + `="`
	i := strings.Index(attrs, key)
	if i < 0 {
		return ""
	}
	v := attrs[i+len(key):]
	if j := strings.IndexByte(v, '"'); j >= 0 {
		v = v[:j]
	}
	return html.UnescapeString(v)
}

// elementText returns the text inside the element whose opening tag contains
// marker, with tags removed: the element may hold only inline children.
func elementText(dom, marker, closeTag string) (string, bool) {
	i := strings.Index(dom, marker)
	if i < 0 {
		return "", false
	}
	rest := dom[i:]
	rest = rest[strings.IndexByte(rest, '>')+1:]
	end := strings.Index(rest, closeTag)
	if end < 0 {
		return "", false
	}
	inner := rest[:end]
	var b strings.Builder
	for inner != "" {
		lt := strings.IndexByte(inner, '<')
		if lt < 0 {
			b.WriteString(inner)
			break
		}
		b.WriteString(inner[:lt])
		gt := strings.IndexByte(inner[lt:], '>')
		if gt < 0 {
			break
		}
		inner = inner[lt+gt+1:]
	}
	return html.UnescapeString(b.String()), true
}

// expectedMarks cuts text at every evidence boundary, as the page does, and
// returns the pieces covered by evidence, in order. It works on byte
// offsets, so it checks the page's conversion from bytes to characters.
func expectedMarks(text string, r classify.Result) []string {
	type span struct{ a, b int }
	var spans []span
	cuts := []int{0, len(text)}
	for _, l := range r.Labels {
		for _, ev := range l.Evidence {
			if ev.Start < ev.End {
				spans = append(spans, span{ev.Start, ev.End})
				cuts = append(cuts, ev.Start, ev.End)
			}
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	out := []string{}
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if slices.ContainsFunc(spans, func(s span) bool { return s.a <= a && b <= s.b }) {
			out = append(out, text[a:b])
		}
	}
	return out
}

// TestBrowserHighlight loads the highlight page in headless Chromium with a
// post in the query string, lets the page classify it, and checks the
// highlighted marks in the dumped DOM against the byte spans of the result.
func TestBrowserHighlight(t *testing.T) {
	bin := chromiumPath(t)
	// The test lexicon makes the expected marks independent of the tuning of
	// the default lexicons; the default classifier shows the page on real
	// evidence (rules and phrases overlapping words).
	small := newClassifier(t)
	defLive, err := classify.NewLive()
	require.NoError(t, err)
	def := defLive.Classifier()
	servers := map[*classify.Classifier]*httptest.Server{
		small: httptest.NewServer(New(newLive(t))),
		def:   httptest.NewServer(New(defLive)),
	}
	for _, srv := range servers {
		t.Cleanup(srv.Close)
		require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)
	}

	tests := []struct {
		name string
		c    *classify.Classifier
		text string
		mark string // a mark that must be there, if not empty
	}{
		{"leet", small, "dasar k4f1r lo", "k4f1r"},
		// Styled letters are 4 bytes in UTF-8 and 2 code units in JS.
		{"styled unicode after emoji", small, "🔥🔥 dasar 𝐛𝐚𝐛𝐢 lo 🔥", "𝐛𝐚𝐛𝐢"},
		{"fullwidth and combining marks", small, "é ｂａｂｉ dan k\u0301afir", "ｂａｂｉ"},
		{"html in text", small, "<b>tag</b> & \"dasar\" k4f1r lo <script>", "k4f1r"},
		{"default lexicons, overlapping spans", def, "🔥 dasar k4f1r lo, 𝐛𝐚𝐛𝐢 semua! SEBARKAN sebelum dihapus", ""},
		{"default lexicons, clean", def, "Selamat Imlek untuk saudara Tionghoa 🧧", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := tt.c.Classify(tt.text)
			want := expectedMarks(tt.text, res)
			if tt.mark != "" {
				require.Contains(t, want, tt.mark, "precondition: the classifier finds %q in %q", tt.mark, tt.text)
			}

			dom := runChromium(t, bin, "--virtual-time-budget=5000", "--dump-dom",
				servers[tt.c].URL+"/?text="+url.QueryEscape(tt.text))
			require.Contains(t, dom, `id="highlighted" data-state="done"`, "the page did not finish classifying")
			assert.Contains(t, dom, `<div id="error" role="alert"></div>`, "the page shows no error")

			marks := findMarks(dom)
			texts := make([]string, len(marks))
			for i, m := range marks {
				texts[i] = m.text
				assert.NotEmpty(t, m.label, "mark %q has data-label", m.text)
				assert.NotEmpty(t, m.term, "mark %q has data-term", m.text)
				assert.Contains(t, m.title, "weight", "mark %q title", m.text)
			}
			if tt.mark != "" {
				assert.Contains(t, texts, tt.mark)
			}
			assert.Equal(t, want, texts, "marks are the evidence pieces, in order")

			shown, ok := elementText(dom, `id="highlighted"`, "</div>")
			require.True(t, ok)
			assert.Equal(t, tt.text, shown, "the highlighted post is the post, unchanged")

			for _, l := range lexicon.Labels() {
				assert.Contains(t, dom, `class="bar" data-label="`+string(l)+`"`)
			}
			for _, l := range res.Flagged {
				assert.Contains(t, dom, `class="bar-row flagged" style="--c: var(--`+string(l)+`)`, "flagged row of %s", l)
			}
		})
	}

	t.Run("screenshot", func(t *testing.T) {
		t.Parallel()
		require.NoError(t, os.MkdirAll(artifactsDir, 0o755))
		shot, err := filepath.Abs(filepath.Join(artifactsDir, "highlight.png"))
		require.NoError(t, err)
		if err := os.Remove(shot); err != nil && !errors.Is(err, os.ErrNotExist) {
			require.NoError(t, err)
		}
		// No emoji here: CI machines often have no emoji font.
		post := "dasar k4f1r lo, 𝐛𝐚𝐛𝐢 semua! SEBARKAN sebelum dihapus, info dari orang dalam"
		runChromium(t, bin, "--virtual-time-budget=5000", "--window-size=1200,900",
			"--screenshot="+shot, servers[def].URL+"/?text="+url.QueryEscape(post))
		png, err := os.ReadFile(shot)
		require.NoError(t, err)
		require.True(t, bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")), "screenshot is a PNG")
		t.Logf("screenshot: %s (%d bytes)", shot, len(png))
	})
}
