package lexicon_test

import (
	"fmt"
	"log"
	"strings"
	"testing/fstest"

	"github.com/saring-id/saring/lexicon"
)

// Parse reads one lexicon file; every problem comes back at once, each with
// its file and line.
func ExampleParse() {
	const file = `#! saring-lexicon 1
@defaults label=abusive kind=insult weight=0.6
ontohod | note=Sunda: bodoh
kampret label=abusive
dungu | weight=1e-1
`
	_, err := lexicon.Parse(strings.NewReader(file), "mylex/sunda.txt")
	fmt.Println(err)

	es, err := lexicon.Parse(strings.NewReader(file[:strings.Index(file, "kampret")]), "mylex/sunda.txt")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(es[0].Source, es[0].Phrase(), es[0].Labels, es[0].Weight, es[0].Note)
	// Output:
	// mylex/sunda.txt:4: missing " | " between the term and its fields: write "kampret | label=abusive"
	// mylex/sunda.txt:5: invalid weight "1e-1" (want a decimal in [0,1])
	// mylex/sunda.txt:3 ontohod [abusive] 0.6 Sunda: bodoh
}

// Lint finds what parses but is likely a mistake: here a duplicate, a
// one-letter term and a short word that is marked as meant.
func ExampleLint() {
	set, err := lexicon.Load(fstest.MapFS{
		"mylex/a.txt": {Data: []byte(`#! saring-lexicon 1
@defaults label=abusive kind=insult
kampret
k
kampret
om | list=person | short=yes
`)},
	}, "mylex")
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range lexicon.Lint(set, nil) { // nil: no dictionary, no fuzzy check
		fmt.Println(p)
	}
	// Output:
	// mylex/a.txt:4: warning: term "k" has fewer than 3 letters and would match wherever that word occurs; mark it short=yes if it is meant, or drop it
	// mylex/a.txt:5: warning: duplicate entry: "kampret" with label=abusive is already at mylex/a.txt:3
}

// LintExtension lints your files as the classifier would use them, on top
// of the defaults, and reports only your entries' problems.
func ExampleLintExtension() {
	def, err := lexicon.Default()
	if err != nil {
		log.Fatal(err)
	}
	mine, err := lexicon.Load(fstest.MapFS{
		"mylex/a.txt": {Data: []byte("#! saring-lexicon 1\nbangsat | label=abusive | weight=0\nah | label=abusive\n")},
	}, "mylex")
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range lexicon.LintExtension(def, mine, nil) {
		fmt.Println(p.Check, p.Pos)
	}
	// Output:
	// disabled mylex/a.txt:2
	// short mylex/a.txt:3
}
