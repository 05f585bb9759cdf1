package stem

import (
	"bufio"
	_ "embed"
	"strings"

	"github.com/kljensen/snowball/english"
)

// englishList is the authored list of English words, one a line; '#'
// starts a comment line.
//
//go:embed english.txt
var englishList string

// englishWords maps each word of englishList to its English stem. It is
// built once at start-up and never written afterwards, so that [Word]
// looks stems up instead of computing them.
var englishWords = parseWordList(englishList)

// englishScreen spares most words the lookup in englishWords.
var englishScreen = newScreen(englishWords)

// screen tells, from a word's first and last letters and its length, that
// it is not a key of a map, without looking it up: lens holds a bit for
// each length of the keys that start and end with those letters. A key it
// cannot describe (longer than 31 bytes, or not starting and ending with
// a-z) makes it let every word through.
type screen struct {
	lens [26][26]uint32
	all  bool
}

func newScreen(words map[string]string) *screen {
	s := &screen{}
	for w := range words {
		n := len(w)
		if n == 0 || n > 31 || w[0]-'a' >= 26 || w[n-1]-'a' >= 26 {
			s.all = true
			continue
		}
		s.lens[w[0]-'a'][w[n-1]-'a'] |= 1 << n
	}
	return s
}

// mayHold reports whether w may be a key; false means it is not.
func (s *screen) mayHold(w string) bool {
	n := len(w)
	if s.all {
		return true
	}
	if n == 0 || n > 31 || w[0]-'a' >= 26 || w[n-1]-'a' >= 26 {
		return false
	}
	return s.lens[w[0]-'a'][w[n-1]-'a']&(1<<n) != 0
}

// English returns the stem of an English word, using the Snowball English
// (Porter2) stemmer: haters -> hater, hating -> hate. English stop words
// (the, you, was, ...) and words of one or two letters come back unchanged.
func English(word string) string {
	if len(word) <= 2 {
		return word
	}
	return english.Stem(word, false)
}

// IsEnglish reports whether word, in lowercase, is in the embedded list of
// common English words seen in Indonesian code-mixed posts (hate, haters,
// stupid, fake, news, share, ...). The list leaves out words that are also
// Indonesian words (data, bank, status, air, main, ban, jam, ...), so that
// such words keep their Indonesian stem.
func IsEnglish(word string) bool {
	_, ok := englishWords[word]
	return ok
}

// Word returns the stem of a word from an Indonesian post: [English] for
// the words [IsEnglish] knows, and [Indonesian] for all others.
func Word(word string) string {
	if englishScreen.mayHold(word) {
		if stem, ok := englishWords[word]; ok {
			return stem
		}
	}
	return Indonesian(word)
}

// parseWordList maps the words of list, one a line, to their English
// stems, skipping blank lines and lines that start with '#'.
func parseWordList(list string) map[string]string {
	words := make(map[string]string, 1024)
	sc := bufio.NewScanner(strings.NewReader(list))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		words[line] = English(line)
	}
	return words
}
