package classify_test

import (
	"fmt"
	"log"
	"testing/fstest"

	"github.com/saring-id/saring/classify"
)

// A server keeps one Live and reloads it when its lexicon directory changes.
// A reload that fails leaves the running classifier untouched and says which
// file and line is wrong.
func ExampleLive_Reload() {
	fsys := fstest.MapFS{
		"lex/extra.txt": {Data: []byte("#! saring-lexicon 1\n" +
			"otak kerupuk | label=abusive | kind=insult | weight=0.6\n")},
		"broken/extra.txt": {Data: []byte("#! saring-lexicon 1\n" +
			"otak kerupuk | label=kasar | weight=0.6\n")},
	}
	live, err := classify.NewLive()
	if err != nil {
		log.Fatal(err)
	}
	const post = "otak kerupuk semua"
	fmt.Println("defaults:", live.Classify(post).Flagged)

	if err := live.Reload(classify.WithLexiconFS(fsys, "lex")); err != nil {
		log.Fatal(err)
	}
	fmt.Println("reloaded:", live.Classify(post).Flagged)

	err = live.Reload(classify.WithLexiconFS(fsys, "broken"))
	fmt.Println("error:", err)
	fmt.Println("still in force:", live.Classify(post).Flagged)
	// Output:
	// defaults: []
	// reloaded: [abusive]
	// error: classify: reload: broken/extra.txt:2: unknown label "kasar"
	// still in force: [abusive]
}
