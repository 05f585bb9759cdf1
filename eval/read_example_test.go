package eval_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/saring-id/saring/eval"
)

// ParseSpec reads a mapping from one of saring's labels to the corpus's
// columns; sara may be restricted to the targets the corpus labels.
func ExampleParseSpec() {
	for _, s := range []string{"abusive=Abusive", "sara@agama,ras=HS_Religion|HS_Race", "hoaks=Hoax"} {
		spec, err := eval.ParseSpec(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(spec.Name(), spec.Label, spec.Targets, spec.Expr)
	}
	// Output:
	// abusive abusive [] Abusive
	// sara@agama,ras sara [agama ras] HS_Religion|HS_Race
	// label mapping "hoaks=Hoax": unknown label "hoaks"
}

// ReadCSV reads a corpus with a header row: the text column and, for each
// Spec, whether the record has that label.
func ExampleReadCSV() {
	const corpus = "Tweet,HS,Abusive\n" +
		"\"dasar k4f1r lo\",1,0\n" +
		"selamat pagi,0,0\n"
	var specs []eval.Spec
	for _, m := range []string{"hate_speech=HS", "abusive=Abusive"} {
		s, err := eval.ParseSpec(m)
		if err != nil {
			log.Fatal(err)
		}
		specs = append(specs, s)
	}
	recs, err := eval.ReadCSV(strings.NewReader(corpus), "corpus.csv", "Tweet", specs)
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range recs {
		fmt.Println(r.Line, r.Text, r.Gold)
	}
	// Output:
	// 2 dasar k4f1r lo [true false]
	// 3 selamat pagi [false false]
}
