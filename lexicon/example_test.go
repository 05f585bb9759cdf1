package lexicon_test

import (
	"fmt"
	"strings"
	"testing/fstest"

	"github.com/saring-id/saring/lexicon"
)

func ExampleLoad() {
	fsys := fstest.MapFS{
		"mylex/abusive.txt": &fstest.MapFile{Data: []byte(`#! saring-lexicon 1
@defaults label=abusive kind=profanity weight=0.6
bangsat | weight=0.8 | severity=strong | fuzzy=yes
kampret
`)},
		"mylex/allow.txt": &fstest.MapFile{Data: []byte(`#! saring-lexicon 1
anjing pelacak | list=allow | note=anjing polisi, bukan umpatan
`)},
	}
	set, err := lexicon.Load(fsys, "mylex")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range set.Entries() {
		what := "list=" + string(e.List)
		if e.List == "" {
			what = fmt.Sprintf("label=%v weight=%.2f severity=%v fuzzy=%d", e.Labels, e.Weight, e.Severity, e.FuzzyDistance())
		}
		fmt.Printf("%s %q %s\n", e.Source, e.Phrase(), what)
	}

	_, err = lexicon.Parse(strings.NewReader("#! saring-lexicon 1\nbabi | label=hat\n"), "mylex/bad.txt")
	fmt.Println(err)
	// Output:
	// mylex/abusive.txt:3 "bangsat" label=[abusive] weight=0.80 severity=strong fuzzy=1
	// mylex/abusive.txt:4 "kampret" label=[abusive] weight=0.60 severity=moderate fuzzy=0
	// mylex/allow.txt:2 "anjing pelacak" list=allow
	// mylex/bad.txt:2: unknown label "hat"
}

func ExampleFuzzyMatch() {
	for _, word := range []string{"bangsst", "bangsat", "vangsat", "bangst", "bngsatt"} {
		dist, ok := lexicon.FuzzyMatch("bangsat", word)
		fmt.Println(word, dist, ok)
	}
	// Output:
	// bangsst 1 true
	// bangsat 0 false
	// vangsat 0 false
	// bangst 1 true
	// bngsatt 0 false
}
