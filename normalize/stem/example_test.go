package stem_test

import (
	"fmt"

	"github.com/saring-id/saring/normalize/stem"
)

func ExampleIndonesian() {
	for _, word := range []string{
		"penistaan", "menyebarkan", "pemerintahnya", "pelajaran",
		"anak-anak", "bangsat", "pantai",
	} {
		fmt.Println(word, "->", stem.Indonesian(word))
	}
	// Output:
	// penistaan -> nista
	// menyebarkan -> sebar
	// pemerintahnya -> perintah
	// pelajaran -> ajar
	// anak-anak -> anak
	// bangsat -> bangsat
	// pantai -> pantai
}

func ExampleWord() {
	for _, word := range []string{"haters", "dibakar", "stupidity", "kafirnya"} {
		fmt.Println(word, "->", stem.Word(word))
	}
	// Output:
	// haters -> hater
	// dibakar -> bakar
	// stupidity -> stupid
	// kafirnya -> kafir
}
