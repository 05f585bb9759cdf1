package normalize_test

import (
	"fmt"

	"github.com/saring-id/saring/normalize"
)

func ExampleNormalizer_Tokens() {
	n := normalize.Default()
	text := "Dasar k4f1r!! b a b i 𝐛𝐚𝐛𝐢 #IklanAhokJahat"
	for _, t := range n.Tokens(text) {
		fmt.Printf("[%2d,%2d) %-7s %q -> %s", t.Start, t.End, t.Kind, t.Raw, t.Norm)
		if t.Via != 0 {
			fmt.Printf(" (%s)", t.Via)
		}
		fmt.Println()
	}
	// Output:
	// [ 0, 5) word    "Dasar" -> dasar
	// [ 6,11) word    "k4f1r" -> kafir (leet)
	// [14,21) word    "b a b i" -> babi (split)
	// [22,38) word    "𝐛𝐚𝐛𝐢" -> babi (unicode)
	// [39,45) hashtag "#Iklan" -> iklan
	// [45,49) hashtag "Ahok" -> ahok
	// [49,54) hashtag "Jahat" -> jahat
}
