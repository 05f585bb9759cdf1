package normalize_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/saring-id/saring/normalize"
)

// New builds a Normalizer with your own slang pairs on top of the embedded
// dictionary; Word normalises one word as Tokens would.
func ExampleNew() {
	pairs, err := normalize.ParseSlang(strings.NewReader("# ejaan grup kami\nkamprut kampret\n"), "kami.txt")
	if err != nil {
		log.Fatal(err)
	}
	n, err := normalize.New(normalize.WithSlang(pairs))
	if err != nil {
		log.Fatal(err)
	}
	for _, w := range []string{"kamprut", "gk", "kafiiir", "anak2"} {
		fmt.Printf("%s -> %s (default: %s)\n", w, n.Word(w), normalize.Default().Word(w))
	}
	// Output:
	// kamprut -> kampret (default: kamprut)
	// gk -> tidak (default: tidak)
	// kafiiir -> kafir (default: kafir)
	// anak2 -> anak-anak (default: anak-anak)
}

// ParseSlang reads a dictionary of "colloquial standard" lines and says
// where a line is wrong.
func ExampleParseSlang() {
	pairs, err := normalize.ParseSlang(strings.NewReader("gk tidak\nbgt banget\n"), "mine.txt")
	fmt.Println(len(pairs), pairs["bgt"], err)

	_, err = normalize.ParseSlang(strings.NewReader("gk tidak\nbgt banget sekali\n"), "mine.txt")
	fmt.Println(err)
	// Output:
	// 2 banget <nil>
	// mine.txt:2: want 2 fields "colloquial standard", got 3
}
