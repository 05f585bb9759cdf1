package stem

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnglish(t *testing.T) {
	for _, tc := range []struct{ word, stem string }{
		{"haters", "hater"},
		{"hater", "hater"},
		{"hating", "hate"},
		{"hated", "hate"},
		{"stupidity", "stupid"},
		{"idiots", "idiot"},
		{"fucking", "fuck"},
		{"killed", "kill"},
		{"losers", "loser"},
		{"sharing", "share"},
		{"lying", "lie"},
		{"followers", "follow"},
		{"buzzers", "buzzer"},
		{"hoaxes", "hoax"},
		{"news", "news"},
		{"the", "the"}, // stop word
		{"is", "is"},
		{"", ""},
	} {
		t.Run(tc.word, func(t *testing.T) {
			assert.Equal(t, tc.stem, English(tc.word))
		})
	}
}

func TestIsEnglish(t *testing.T) {
	for _, word := range []string{
		"hate", "haters", "hater", "stupid", "idiot", "fake", "news", "share",
		"please", "fuck", "fucking", "shit", "bullshit", "loser", "losers",
		"damn", "crazy", "people", "country", "president", "the", "buzzer",
	} {
		assert.True(t, IsEnglish(word), "word %q", word)
	}
	for _, word := range []string{
		// Also Indonesian words.
		"dan", "pan", "man", "data", "bank", "area", "status", "program",
		"total", "normal", "format", "air", "main", "ban", "bang", "jam",
		"sore", "liar", "apes", "gang", "say", "per", "pen", "info", "viral",
		"asap", "got", "mayor",
		// Indonesian only.
		"kafir", "anjing", "bangsat", "menghina", "kamu", "dibakar",
		// Not lowercase, or not a word.
		"Hate", "HATERS", "", "hate ",
	} {
		assert.False(t, IsEnglish(word), "word %q", word)
	}
}

func TestEnglishList(t *testing.T) {
	seen := map[string]bool{}
	for i, line := range strings.Split(englishList, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		for _, c := range line {
			require.True(t, 'a' <= c && c <= 'z', "english.txt:%d: %q is not a lowercase word", i+1, line)
		}
		require.False(t, seen[line], "english.txt:%d: %q is listed twice", i+1, line)
		seen[line] = true
		assert.True(t, IsEnglish(line))
		assert.Equal(t, English(line), Word(line))
	}
	assert.Len(t, englishWords, len(seen))
	assert.GreaterOrEqual(t, len(seen), 400)
	assert.LessOrEqual(t, len(seen), 800)
}

func TestWord(t *testing.T) {
	for _, tc := range []struct{ word, stem string }{
		{"haters", "hater"},
		{"hating", "hate"},
		{"stupidity", "stupid"},
		{"fucking", "fuck"},
		{"kafirnya", "kafir"},
		{"menghina", "hina"},
		{"disebarkan", "sebar"},
		{"penistaan", "nista"},
		{"data", "data"},
		{"main", "main"},
		{"bangsa", "bangsa"},
	} {
		t.Run(tc.word, func(t *testing.T) {
			assert.Equal(t, tc.stem, Word(tc.word))
		})
	}
}

func TestWordNoAllocs(t *testing.T) {
	for _, word := range []string{"haters", "hate", "kafir", "dibakar", "data"} {
		allocs := testing.AllocsPerRun(100, func() { _ = Word(word) })
		assert.Zero(t, allocs, "word %q", word)
	}
}

// TestScreen checks that the screen lets through every key of the English
// list (so Word finds them all), that it turns words away, and that a key
// it cannot describe opens it to every word.
func TestScreen(t *testing.T) {
	for w := range englishWords {
		if !englishScreen.mayHold(w) {
			t.Errorf("the screen turns away the key %q", w)
		}
	}
	s := newScreen(map[string]string{"hate": "hate", "fake": "fake"})
	for w, want := range map[string]bool{"hate": true, "hide": true, "fake": true, "hates": false, "rumah": false, "": false, "h-te": true, "Hate": false, "é": false} {
		if got := s.mayHold(w); got != want {
			t.Errorf("mayHold(%q) = %v, want %v", w, got, want)
		}
	}
	for _, odd := range []string{"", "3d", "e-", strings.Repeat("a", 32)} {
		if s := newScreen(map[string]string{odd: odd}); !s.mayHold("rumah") {
			t.Errorf("a screen with the key %q turns words away", odd)
		}
	}
}
