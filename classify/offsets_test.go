package classify_test

import (
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
)

// TestEvidenceOffsets checks the code-point and UTF-16 offsets of every
// span against a count made from scratch, on text with characters of one to
// four bytes, outside the BMP, and invalid UTF-8.
func TestEvidenceOffsets(t *testing.T) {
	c, err := classify.New()
	require.NoError(t, err)
	texts := []string{
		"dasar kafir lo",
		"🔥🔥 dasar k4f1r 🔥 bangsat lu",
		"𝐛𝐚𝐧𝐠𝐬𝐚𝐭 kau, é ｂａｂｉ semua",
		"bad \xff\xfe utf8 bangsat lu \xc3",
		"k a f i r semua, anjiiing 🐷 babi",
		"dasar kafir lo, kata orang di sana 🙄", // not ASCII after the last span only
		"é dasar kafir lo",                     // not ASCII in the first byte only
	}
	for _, text := range texts {
		t.Run(text, func(t *testing.T) {
			r := c.Classify(text)
			require.NotEmpty(t, r.Labels, "precondition: %q has evidence", text)
			for _, l := range r.Labels {
				for _, ev := range l.Evidence {
					assert.Equal(t, utf8.RuneCountInString(text[:ev.Start]), ev.StartCodePoint, "%s %q start", l.Label, ev.Text)
					assert.Equal(t, utf8.RuneCountInString(text[:ev.End]), ev.EndCodePoint, "%s %q end", l.Label, ev.Text)
					assert.Equal(t, len(utf16.Encode([]rune(text[:ev.Start]))), ev.StartUTF16, "%s %q start", l.Label, ev.Text)
					assert.Equal(t, len(utf16.Encode([]rune(text[:ev.End]))), ev.EndUTF16, "%s %q end", l.Label, ev.Text)
				}
			}
		})
	}
}
