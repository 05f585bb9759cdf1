package classify_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
	"github.com/saring-id/saring/normalize"
)

// A directory of your own lexicon files extends the embedded defaults: here
// a Sundanese insult the defaults do not have, and a default entry switched
// off with weight=0.
func ExampleWithLexiconDir() {
	dir, err := os.MkdirTemp("", "mylex")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	const mine = `#! saring-lexicon 1
@defaults label=abusive kind=insult weight=0.7
cilaka maneh | note=Sunda: celaka kamu
kampret | weight=0
`
	if err := os.WriteFile(filepath.Join(dir, "sunda.txt"), []byte(mine), 0o644); err != nil {
		log.Fatal(err)
	}
	def, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New(classify.WithLexiconDir(dir))
	if err != nil {
		log.Fatal(err)
	}
	for _, post := range []string{"cilaka maneh", "dasar kampret"} {
		fmt.Printf("%q defaults %v, with sunda.txt %v\n", post, def.Classify(post).Flagged, c.Classify(post).Flagged)
	}
	// Output:
	// "cilaka maneh" defaults [], with sunda.txt [abusive]
	// "dasar kampret" defaults [hate_speech abusive], with sunda.txt []
}

// WithLexiconFS reads lexicon files from any fs.FS, such as files embedded
// in your program with //go:embed. An error names the file and line.
func ExampleWithLexiconFS() {
	fsys := fstest.MapFS{
		"lex/hoax.txt": {Data: []byte("#! saring-lexicon 1\nvaksin chip | label=hoax | kind=conspiracy | weight=0.8\n")},
		"bad/hoax.txt": {Data: []byte("#! saring-lexicon 1\nvaksin chip label=hoax kind=conspiracy\n")},
	}
	c, err := classify.New(classify.WithLexiconFS(fsys, "lex"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Classify("awas vaksin chip dari luar negeri").Flagged)

	_, err = classify.New(classify.WithLexiconFS(fsys, "bad"))
	fmt.Println(err)
	// Output:
	// [hoax]
	// bad/hoax.txt:2: missing " | " between the term and its fields: write "vaksin chip | label=hoax | kind=conspiracy"
}

// WithThreshold sets the score from which one label is flagged; the others
// keep the default of 0.5.
func ExampleWithThreshold() {
	const post = "mie setan enak"
	for _, t := range []float64{0.5, 0.3} {
		c, err := classify.New(classify.WithThreshold(lexicon.Abusive, t))
		if err != nil {
			log.Fatal(err)
		}
		l, _ := c.Classify(post).Label(lexicon.Abusive)
		fmt.Printf("threshold %.1f: score %.2f flagged %v\n", t, l.Score, l.Flagged)
	}
	// Output:
	// threshold 0.5: score 0.40 flagged false
	// threshold 0.3: score 0.40 flagged true
}

// WithSlang adds colloquial spellings, for example a community's own, read
// from a file in the slang dictionary's format with normalize.ParseSlang.
func ExampleWithSlang() {
	pairs, err := normalize.ParseSlang(strings.NewReader("# ejaan grup kami\nkamprut kampret\n"), "kami.txt")
	if err != nil {
		log.Fatal(err)
	}
	def, err := classify.New()
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New(classify.WithSlang(pairs))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("defaults:", def.Classify("kamprut").Flagged)
	fmt.Println("with slang:", c.Classify("kamprut").Flagged)
	// Output:
	// defaults: []
	// with slang: [abusive]
}

// WithLexicons replaces the embedded defaults with a Set you built, for
// example to classify with only your own lexicons.
func ExampleWithLexicons() {
	set, err := lexicon.Load(fstest.MapFS{
		"lex/only.txt": {Data: []byte("#! saring-lexicon 1\nkampret | label=abusive | kind=insult | weight=0.6\n")},
	}, "lex")
	if err != nil {
		log.Fatal(err)
	}
	c, err := classify.New(classify.WithLexicons(set))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Classify("kampret").Flagged, c.Classify("bangsat").Flagged)
	// Output:
	// [abusive] []
}
