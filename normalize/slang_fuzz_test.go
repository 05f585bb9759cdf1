package normalize

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzParseSlang checks ParseSlang's promises on any input: an error names
// x.txt and a line the input has; a dictionary holds only words a token can
// be (valid UTF-8, lowercase, no spaces, controls or invisible characters,
// no '#', no hyphen at either end), each pair is the two fields of one of
// the input's lines, and written back one pair a line it parses to itself.
func FuzzParseSlang(f *testing.F) {
	for _, seed := range []string{
		"", "\n", "# komentar\n", "gk tidak\n", "\ufeffgk tidak\r\nbgt banget", "anak2 anak-anak\ngk tidak\ngk tidak\n",
		"gk tidak\ngk bukan\n", "gk\n", "gk tidak juga\n", "Gk tidak\n", "-gk tidak\n", "gk tidak-\n", "#gk tidak\n",
		"@gk tidak\n", "g@k tidak\n", "g\x00k tidak\n", "\xff tidak\n", "gk\ttidak\n", "gk tidak\ufeff\n", "g\u200bk tidak\n",
		"ǅ tidak\n", "gk tidak\n\ufeffbgt banget\n", strings.Repeat("a b\n", 100),
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := strings.Split(in, "\n")
		if strings.HasSuffix(in, "\n") {
			lines = lines[:len(lines)-1]
		}
		m, err := ParseSlang(strings.NewReader(in), "x.txt")
		if err != nil {
			if m != nil {
				t.Fatalf("a dictionary with the error %v", err)
			}
			file, rest, _ := strings.Cut(err.Error(), ":")
			num, _, _ := strings.Cut(rest, ":")
			if n, convErr := strconv.Atoi(num); file != "x.txt" || convErr != nil || n < 0 || n > len(lines) {
				t.Fatalf("error %q is not at one of the input's %d lines", err, len(lines))
			}
			return
		}
		if len(m) == 0 {
			t.Fatal("an empty dictionary without an error")
		}
		pairs := make(map[string]bool, len(lines))
		for i, line := range lines {
			if i == 0 {
				line = strings.TrimPrefix(line, "\ufeff")
			}
			pairs[strings.Join(strings.Fields(line), " ")] = true
		}
		for k, v := range m {
			for _, w := range []string{k, v} {
				if msg := notAToken(w); msg != "" {
					t.Fatalf("pair %q %q: %q %s", k, v, w, msg)
				}
			}
			if !pairs[k+" "+v] {
				t.Fatalf("pair %q %q is no line of the input", k, v)
			}
		}
		var back strings.Builder
		for _, k := range slices.Sorted(maps.Keys(m)) {
			fmt.Fprintf(&back, "%s %s\n", k, m[k])
		}
		again, err := ParseSlang(strings.NewReader(back.String()), "back.txt")
		if err != nil || !maps.Equal(m, again) {
			t.Fatalf("written back, the dictionary parses to %v, %v", again, err)
		}
	})
}

// notAToken says why w cannot be a slang word, or returns "".
func notAToken(w string) string {
	switch {
	case w == "" || !utf8.ValidString(w):
		return "is empty or not UTF-8"
	case strings.ToLower(w) != w:
		return "is not lowercase"
	case w[0] == '-' || w[len(w)-1] == '-':
		return "starts or ends with '-'"
	case strings.ContainsRune(w, '#'):
		return "holds '#'"
	case strings.IndexFunc(w, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
	}) >= 0:
		return "holds a space, control or invisible character"
	}
	return ""
}
