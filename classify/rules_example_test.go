package classify_test

import (
	"fmt"
	"log"
	"testing/fstest"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// A rule of one's own, in a lexicon file: a vulgar word right after a
// person word is hate speech against that person.
func Example_rule() {
	mylex := fstest.MapFS{"mylex/rules.txt": {Data: []byte(`#! saring-lexicon 1
@rule vulgar+person | on=vulgar | near=person | window=1 | side=before | give=hate_speech | weight=0.6
`)}}
	c, err := classify.New(classify.WithLexiconFS(mylex, "mylex"))
	if err != nil {
		log.Fatal(err)
	}
	lr, _ := c.Classify("kamu ngentot").Label(lexicon.HateSpeech)
	ev := lr.Evidence[len(lr.Evidence)-1]
	fmt.Println(lr.Flagged, ev.Rule, ev.Term, ev.Weight)
	// Output: true vulgar+person kamu + ngentot 0.6
}
