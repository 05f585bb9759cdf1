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
	"strconv"
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

// domRow is a result row of a dumped DOM.
type domRow struct {
	flagged, id, post, html string
}

// findRows returns the result rows of a dumped DOM, in order.
func findRows(dom string) []domRow {
	var rows []domRow
	parts := strings.Split(dom, `<tr data-flagged="`)
	for _, p := range parts[1:] {
		if end := strings.Index(p, "</tr>"); end >= 0 {
			p = p[:end]
		}
		r := domRow{flagged: html.UnescapeString(p[:strings.IndexByte(p, '"')]), html: p}
		r.id, _ = elementText(p, `class="num"`, "</td>")
		r.post, _ = elementText(p, `class="post"`, "</td>")
		rows = append(rows, r)
	}
	return rows
}

// browserServers serves the page with the test lexicon (expected marks
// independent of the tuning of the default lexicons) and with the default
// classifier (real evidence: rules and phrases overlapping words).
func browserServers(t *testing.T) (small, def *classify.Classifier, urls map[*classify.Classifier]string) {
	t.Helper()
	small = newClassifier(t)
	defLive, err := classify.NewLive()
	require.NoError(t, err)
	def = defLive.Classifier()
	urls = map[*classify.Classifier]string{}
	for c, live := range map[*classify.Classifier]*classify.Live{small: newLive(t), def: defLive} {
		srv := httptest.NewServer(New(live))
		t.Cleanup(srv.Close)
		require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), srv.URL)
		urls[c] = srv.URL
	}
	return small, def, urls
}

// pageDOM loads the page with query and returns the DOM once the page has
// classified what the query gave it.
func pageDOM(t *testing.T, bin, base string, query url.Values) string {
	t.Helper()
	dom := runChromium(t, bin, "--virtual-time-budget=5000", "--dump-dom", base+"/?"+query.Encode())
	require.Contains(t, dom, `id="results" data-state="done"`, "the page did not finish classifying")
	return dom
}

// TestBrowserHighlight loads the page in headless Chromium with a post in
// the query string, lets the page classify it, and checks the highlighted
// marks in the dumped DOM against the byte spans of the result: the page
// cuts by the UTF-16 offsets, the test by the byte offsets.
func TestBrowserHighlight(t *testing.T) {
	bin := chromiumPath(t)
	small, def, urls := browserServers(t)
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
			dom := pageDOM(t, bin, urls[tt.c], url.Values{"text": {tt.text}})
			assert.Contains(t, dom, `<div id="error" role="alert"></div>`, "the page shows no error")

			marks := findMarks(dom)
			texts := make([]string, len(marks))
			for i, m := range marks {
				texts[i] = m.text
				assert.NotEmpty(t, m.label, "mark %q has data-label", m.text)
				assert.NotEmpty(t, m.term, "mark %q has data-term", m.text)
				assert.Contains(t, m.title, "bobot", "mark %q title, in Indonesian", m.text)
			}
			if tt.mark != "" {
				assert.Contains(t, texts, tt.mark)
			}
			assert.Equal(t, want, texts, "marks are the evidence pieces, in order")

			rows := findRows(dom)
			require.Len(t, rows, 1)
			assert.Equal(t, tt.text, rows[0].post, "the highlighted post is the post, unchanged")
			assert.Equal(t, strings.Join(labelNames(res.Flagged), " "), rows[0].flagged)
			for _, lr := range res.Labels {
				class := "chip"
				if !lr.Flagged {
					class = "chip low"
				}
				assert.Contains(t, rows[0].html, `class="`+class+`" style="--c: var(--`+string(lr.Label)+`); --c-bg: var(--`+string(lr.Label)+`-bg)" data-label="`+string(lr.Label)+`"`)
			}
			if len(res.Labels) == 0 {
				assert.Contains(t, rows[0].html, `<span class="clean">bersih</span>`)
			}
		})
	}
}

func labelNames(ls []lexicon.Label) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = string(l)
	}
	return out
}

// TestBrowserManyPosts pastes posts one a line, as JSONL and as CSV, and
// filters the table by label.
func TestBrowserManyPosts(t *testing.T) {
	bin := chromiumPath(t)
	_, def, urls := browserServers(t)
	posts := []string{
		"Selamat pagi semua, semoga harimu menyenangkan",
		"dasar k4f1r lo, pergi sana",
		"SEBARKAN!!! info dari orang dalam, sebelum dihapus",
		"Kamu memang bangsat, tapi aku tetap sabar.",
	}
	flagged := make([]string, len(posts))
	for i, p := range posts {
		flagged[i] = strings.Join(labelNames(def.Classify(p).Flagged), " ")
	}
	require.NotEqual(t, flagged[1], flagged[2], "precondition: the posts differ in labels")
	jsonl := ""
	csv := "id,text\n"
	for i, p := range posts {
		jsonl += `{"id":"p` + string(rune('a'+i)) + `","text":` + strconv.Quote(p) + "}\n"
		csv += "r" + strconv.Itoa(i) + `,"` + strings.ReplaceAll(p, `"`, `""`) + "\"\n"
	}
	tests := []struct {
		name, input string
		ids         []string
	}{
		{"one a line", strings.Join(posts, "\n") + "\n\n", []string{"1", "2", "3", "4"}},
		{"JSONL", jsonl, []string{"pa", "pb", "pc", "pd"}},
		{"CSV", csv, []string{"r0", "r1", "r2", "r3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dom := pageDOM(t, bin, urls[def], url.Values{"text": {tt.input}})
			assert.Contains(t, dom, `<div id="error" role="alert"></div>`, "the page shows no error")
			rows := findRows(dom)
			require.Len(t, rows, len(posts))
			for i, r := range rows {
				assert.Equal(t, tt.ids[i], r.id)
				assert.Equal(t, posts[i], r.post)
				assert.Equal(t, flagged[i], r.flagged, "post %d", i)
			}
		})
	}
	for _, l := range []string{"abusive", "hoax", "flagged", "clean"} {
		t.Run("filter "+l, func(t *testing.T) {
			t.Parallel()
			dom := pageDOM(t, bin, urls[def], url.Values{"text": {strings.Join(posts, "\n")}, "filter": {l}})
			var want []string
			for i, f := range flagged {
				if (l == "flagged" && f != "") || (l == "clean" && f == "") || slices.Contains(strings.Fields(f), l) {
					want = append(want, posts[i])
				}
			}
			require.NotEmpty(t, want, "precondition: some post is %s", l)
			var got []string
			for _, r := range findRows(dom) {
				got = append(got, r.post)
			}
			assert.Equal(t, want, got)
		})
	}
}

// TestBrowserLanguage checks that the page is Indonesian by default and
// English with lang=en, and explains scores and weights in both.
func TestBrowserLanguage(t *testing.T) {
	bin := chromiumPath(t)
	_, def, urls := browserServers(t)
	for _, tt := range []struct {
		lang    string
		want    []string
		notWant string
	}{
		{"", []string{`<html lang="id">`, ">Periksa<", "Skor sebuah label", "Bobot (0–1)", `id="lang-id" data-lang="id" aria-pressed="true"`, ">Kata kasar "}, "Classify"},
		{"en", []string{`<html lang="en">`, ">Classify<", "A label's score", "A weight (0–1)", `id="lang-en" data-lang="en" aria-pressed="true"`, ">Abusive "}, "Periksa"},
	} {
		q := url.Values{"text": {"Anjing! Macet lagi pagi ini."}}
		if tt.lang != "" {
			q.Set("lang", tt.lang)
		}
		dom := pageDOM(t, bin, urls[def], q)
		// What is shown: the script holds both languages.
		shown, _, _ := strings.Cut(dom, "<script>")
		for _, w := range tt.want {
			assert.True(t, strings.Contains(shown, w), "lang %q: the page shows %q", tt.lang, w)
		}
		assert.False(t, strings.Contains(shown, tt.notWant), "lang %q: the page does not show %q", tt.lang, tt.notWant)
	}
}

// TestBrowserScreenshots saves screenshots of the page for a reviewer to
// look at, under testdata/artifacts (gitignored).
func TestBrowserScreenshots(t *testing.T) {
	bin := chromiumPath(t)
	_, def, urls := browserServers(t)
	require.NoError(t, os.MkdirAll(artifactsDir, 0o755))
	// No emoji: CI machines often have no emoji font.
	posts := strings.Join([]string{
		"Selamat pagi semua, semoga harimu menyenangkan",
		"dasar k4f1r lo, 𝐛𝐚𝐛𝐢 semua! pergi sana",
		"SEBARKAN!!! info dari orang dalam, sebelum dihapus",
		"Kamu memang bangsat, tapi aku tetap sabar.",
		"ayo serbu kampung mereka malam ini",
		"Selamat Imlek untuk saudara Tionghoa",
	}, "\n")
	for name, q := range map[string]url.Values{
		"page-id.png":      {"text": {posts}},
		"page-en.png":      {"text": {posts}, "lang": {"en"}},
		"page-flagged.png": {"text": {posts}, "filter": {"flagged"}},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			shot, err := filepath.Abs(filepath.Join(artifactsDir, name))
			require.NoError(t, err)
			if err := os.Remove(shot); err != nil && !errors.Is(err, os.ErrNotExist) {
				require.NoError(t, err)
			}
			runChromium(t, bin, "--virtual-time-budget=5000", "--window-size=1280,1000",
				"--screenshot="+shot, urls[def]+"/?"+q.Encode())
			png, err := os.ReadFile(shot)
			require.NoError(t, err)
			require.True(t, bytes.HasPrefix(png, []byte("\x89PNG\r\n\x1a\n")), "screenshot is a PNG")
			t.Logf("screenshot: %s (%d bytes)", shot, len(png))
		})
	}
}
