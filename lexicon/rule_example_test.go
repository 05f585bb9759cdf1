package lexicon_test

import (
	"fmt"
	"log"
	"testing/fstest"

	"github.com/saring-id/saring/lexicon"
)

// Rules are @rule lines of a lexicon file; a file of one's own changes one
// by name, switches one off or adds one.
func ExampleSet_Rules() {
	def, err := lexicon.Default()
	if err != nil {
		log.Fatal(err)
	}
	mine, err := lexicon.Load(fstest.MapFS{"mylex/rules.txt": {Data: []byte(`#! saring-lexicon 1
@rule exclamation | off=yes
@rule group+insult | on=insult_like | unless=sara | near=group | window=5 | give=sara | weight=boost | targets=near
`)}}, "mylex")
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range def.Extend(mine).Rules()[:4] {
		fmt.Println(r.Name, r.Window, r.Source)
	}
	// Output:
	// group+insult 5 mylex/rules.txt:3
	// generalisation 8 lexicon/data/rules.txt:17
	// person+insult 3 lexicon/data/rules.txt:21
	// aimed insult 0 lexicon/data/rules.txt:25
}
