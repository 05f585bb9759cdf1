package eval_test

import (
	"context"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/eval"
)

// Measure the default classifier on a small labelled JSONL corpus: map the
// corpus's fields to saring's labels, read it, classify every record and
// print precision, recall and F1 per label. This corpus, like many, counts
// "anjing lu" as abusive but not as hate speech, where saring says both.
func ExampleRun() {
	const corpus = `{"text":"dasar k4f1r lo","hs":1,"kasar":0}
{"text":"bangsat lu","hs":1,"kasar":1}
{"text":"anjing peliharaan saya lucu","hs":0,"kasar":0}
{"text":"goblok","hs":0,"kasar":1}
{"text":"anjing lu","hs":0,"kasar":1}
{"text":"orang itu pelit semua","hs":1,"kasar":0}
{"text":"selamat pagi semua","hs":0,"kasar":0}
`
	var specs []eval.Spec
	for _, m := range []string{"hate_speech=hs", "abusive=kasar"} {
		s, err := eval.ParseSpec(m)
		if err != nil {
			log.Fatal(err)
		}
		specs = append(specs, s)
	}
	recs, err := eval.ReadJSONL(strings.NewReader(corpus), "corpus.jsonl", "text", specs)
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	rep, err := eval.Run(context.Background(), c, recs, specs)
	if err != nil {
		log.Fatal(err)
	}
	if err := rep.WriteText(os.Stdout, 0); err != nil {
		log.Fatal(err)
	}
	m, _ := rep.Metric("abusive")
	fmt.Printf("abusive: %d of %d found\n", m.TP, m.Support)
	// Output:
	// 7 records
	//
	// label                    precision    recall        f1  support      tp      fp      fn      tn
	// hate_speech                  0.667     0.667     0.667        3       2       1       1       3
	// abusive                      1.000     1.000     1.000        3       3       0       0       4
	// abusive: 3 of 3 found
}
