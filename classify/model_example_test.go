package classify_test

import (
	"fmt"
	"strings"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

// A model (normally trained with saring train and read with model.Load)
// scores the labels it covers; its evidence names the learned features.
func ExampleWithModel() {
	const file = "#! saring-model 1\n@saring 0.6.0\n@features 1\n@corpus 2 mine.jsonl\n@defer no\n" +
		"@label abusive bias=-2 threshold=0.5 l2=1 weights=2 cv=1,1,1 nb=1,1,1\n" +
		"abusive\tw:zorblat\t3\n" +
		"abusive\tx:abusive\t4\n" +
		"@end\n"
	m, err := model.Parse(strings.NewReader(file), "mine.model")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := classify.New(classify.WithModel(m))
	if err != nil {
		fmt.Println(err)
		return
	}
	r := c.Classify("dasar zorblat")
	lr, _ := r.Label(lexicon.Abusive)
	fmt.Println(r.Flagged, lr.Score)
	for _, e := range lr.Evidence {
		fmt.Printf("%s %q [%d:%d] %s %.1f\n", e.Match, e.Text, e.Start, e.End, e.Term, e.Weight)
	}
	// Output:
	// [abusive] 0.731
	// learned "zorblat" [6:13] w:zorblat 3.0
}
