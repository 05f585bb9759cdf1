package lexicon_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/saring-id/saring/lexicon"
)

func FuzzParse(f *testing.F) {
	seeds := []string{
		"",
		v1,
		v1 + "@defaults label=abusive kind=profanity weight=0.6 fuzzy=no\nanjing | weight=0.7 | fuzzy=yes | note=hewan\n",
		v1 + "cina kafir | label=sara,hate_speech | kind=slur | target=ras,agama | weight=0.9 | severity=strong\n",
		v1 + "@defaults list=group target=suku\nbatak\njawa | target=suku,ras\n",
		v1 + "anjing | label=abusive | list=allow\n",
		v1 + "babi | label=abusive | fuzzy=yes\n",
		v1 + "x | weight=NaN | label=hoax\n",
		"#! saring-lexicon 2\n",
		"\xff\xfe\x00garbage\n",
		v1 + "\ufeffk4f1r | label=sara\n",
		v1 + "anjing label=abusive kind=profanity\n" + strings.Repeat("x | weight=2\n", 60),
		"\n\n" + v1 + "a\r\n" + strings.Repeat("b", lexicon.MaxLineBytes+1) + "\nc | label=hoax",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		es, err := lexicon.Parse(bytes.NewReader(data), "x.txt")
		checkParseResult(t, data, es, err)
	})
}
