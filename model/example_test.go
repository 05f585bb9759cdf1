package model_test

import (
	"fmt"
	"strings"

	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/model"
)

func ExampleParse() {
	const file = "#! saring-model 1\n" +
		"@saring 0.6.0\n@features 1\n@corpus 4 mine.jsonl\n@defer no\n" +
		"@label abusive bias=-2 threshold=0.5 l2=1 weights=2 cv=0.9,0.8,0.847 nb=0.8,0.8,0.8\n" +
		"abusive\tt:bangsat\t3.5\n" +
		"abusive\tw:cinta\t-0.5\n" +
		"@end\n"
	m, err := model.Parse(strings.NewReader(file), "mine.model")
	if err != nil {
		fmt.Println(err)
		return
	}
	l, _ := m.Label(lexicon.Abusive)
	pos, neg := l.Strongest(3)
	fmt.Println(l.Threshold, pos, neg)
	fmt.Printf("%.3f\n", model.Sigmoid(l.Bias+l.Weights["t:bangsat"]))

	_, err = model.Parse(strings.NewReader(strings.Replace(file, "@features 1", "@features 7", 1)), "old.model")
	fmt.Println(err)
	// Output:
	// 0.5 [t:bangsat] [w:cinta]
	// 0.818
	// old.model:3: incompatible feature version: the model was trained on feature version 7, this saring computes version 1; retrain it with this saring (saring train)
}
