package classify_test

import (
	"context"
	"fmt"
	"log"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// Build one Classifier and share it; Classify never fails and is safe for
// concurrent use.
func Example() {
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	for _, post := range []string{
		"Selamat Imlek untuk saudara Tionghoa",
		"Jangan sebarkan hoaks, saring sebelum sharing!",
		"dasar k4f1r lo",
		"anjir macet banget, bangsat",
	} {
		fmt.Printf("%q -> %v\n", post, c.Classify(post).Flagged)
	}
	// Output:
	// "Selamat Imlek untuk saudara Tionghoa" -> []
	// "Jangan sebarkan hoaks, saring sebelum sharing!" -> []
	// "dasar k4f1r lo" -> [hate_speech sara]
	// "anjir macet banget, bangsat" -> [abusive]
}

// Evidence says what was found, where in the original text, and how the
// evasion was undone.
func ExampleClassifier_Classify() {
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	post := "dasar k4f1r lo"
	r := c.Classify(post)
	fmt.Println("flagged:", r.Flagged)
	for _, lr := range r.Labels {
		for _, ev := range lr.Evidence {
			fmt.Printf("%s: text=%q [%d:%d] term=%q match=%s via=%v\n",
				lr.Label, ev.Text, ev.Start, ev.End, ev.Term, ev.Match, ev.Via)
			fmt.Println("  original text at the span:", post[ev.Start:ev.End])
		}
	}
	// Output:
	// flagged: [hate_speech sara]
	// hate_speech: text="dasar k4f1r" [0:11] term="dasar kafir" match=phrase via=[leet]
	//   original text at the span: dasar k4f1r
	// sara: text="dasar k4f1r" [0:11] term="dasar kafir" match=phrase via=[leet]
	//   original text at the span: dasar k4f1r
}

// Label looks up one label's verdict; sara carries its targets.
func ExampleResult_Label() {
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	r := c.Classify("orang batak itu goblok semua")
	if lr, ok := r.Label(lexicon.SARA); ok {
		fmt.Println("sara flagged:", lr.Flagged, "severity:", lr.Severity, "targets:", lr.Targets)
	}
	if _, ok := r.Label(lexicon.Hoax); !ok {
		fmt.Println("no hoax score")
	}
	fmt.Println("hate_speech flagged:", r.Has(lexicon.HateSpeech))
	// Output:
	// sara flagged: true severity: moderate targets: [suku]
	// no hoax score
	// hate_speech flagged: true
}

// Options change per-label thresholds and switch fuzzy matching off.
func ExampleNew_options() {
	def, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	// anjir on its own is weak evidence of abusive language.
	const mild = "anjir, macet lagi"
	fmt.Println("default:", def.Classify(mild).Flagged)

	strict, err := classify.New(classify.WithThreshold(lexicon.Abusive, 0.3))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("abusive threshold 0.3:", strict.Classify(mild).Flagged)

	// asshle is asshole one edit away: a fuzzy match.
	const typo = "lo tuh asshle banget"
	fmt.Println("default:", def.Classify(typo).Flagged)
	exact, err := classify.New(classify.WithoutFuzzy())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("without fuzzy:", exact.Classify(typo).Flagged)

	_, err = classify.New(classify.WithThreshold(lexicon.Abusive, 1.5))
	fmt.Println(err)
	// Output:
	// default: []
	// abusive threshold 0.3: [abusive]
	// default: [hate_speech abusive]
	// without fuzzy: []
	// classify: WithThreshold: abusive threshold 1.5 is outside (0,1]
}

// ClassifyBatch classifies on all cores and keeps the order of its input.
func ExampleClassifier_ClassifyBatch() {
	c, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	posts := []string{
		"Serbu gawang lawan! Ayo Persib menang!",
		"ayo serbu kampung mereka, bakar rumahnya",
		"Malam ini makan sate babi sama babi guling di Ubud",
		"sebarkan ke semua grup sebelum dihapus!!",
	}
	results, err := c.ClassifyBatch(context.Background(), posts)
	if err != nil {
		log.Fatal(err)
	}
	for i, r := range results {
		fmt.Printf("%d %v\n", i, r.Flagged)
	}
	// Output:
	// 0 []
	// 1 [provocation]
	// 2 []
	// 3 [hoax]
}
