package normalize

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzTokens(f *testing.F) {
	for _, seed := range []string{
		"", " ", "\xff\xfe", "\x00", "ba\xffbi", "Dasar k4f1r!! b a b i 𝐛𝐚𝐛𝐢 #IklanAhokJahat",
		"k̶a̶f̶i̶r̶ ka\u200bfir kаfіr ｂａｂｉ", "anak2 hati-hati kafiiiir maaaaf", "b.a.b.i b-a-b-i b_a_b_i P K I",
		"k*fir b**i anj*ng", "https://t.co/x. www.a.com/b bit.ly/c nama@mail.com @user #TolakRUUCipta",
		"½ ¼ ⑴ ㎏ ǅ ﬁ 🅱🅰🅱🅸 ⓑⓐⓑⓘ", "2019 212 08123456789 1.000.000 rp5rb g30s", "a 1 a 1 a", "#2019GantiPresiden",
		"#ㅤ@ㅤ$etan", "x\u0336\u0336 \u0336", "ab.ab.ab.ab.ab", "k a f 1 r 1", "a_b_c_", "#a_", "@a.", "$a",
		"#100PersenSembuh k*fiiir a*uuu anak2nya 212",
	} {
		f.Add(seed)
	}
	n, edge := testNormalizer(f), edgeNormalizer(f)
	f.Fuzz(func(t *testing.T, in string) {
		toks := n.Tokens(in)
		requireSpans(t, in, toks)
		again := n.Tokens(in)
		if len(again) != len(toks) {
			t.Fatalf("not deterministic: %d then %d tokens", len(toks), len(again))
		}
		for i := range toks {
			if toks[i] != again[i] {
				t.Fatalf("not deterministic at %d: %+v then %+v", i, toks[i], again[i])
			}
			if k := toks[i].Kind; (k == Word || k == Hashtag) && !utf8.ValidString(toks[i].Norm) {
				t.Fatalf("token %d: invalid UTF-8 in Norm %q", i, toks[i].Norm)
			}
		}
		for i, tok := range edge.Tokens(in) {
			if tok.Known != knownNorm(edge, tok) {
				t.Fatalf("token %d %+v: Known is %v, want %v", i, tok, tok.Known, knownNorm(edge, tok))
			}
		}
		_ = n.Word(in)
	})
}

// FuzzParseSlang checks the slang parser on any input: an error names the
// file and a line of the input, and a "want 2 fields" error names a line
// with the field count it gives; a dictionary read has exactly the pairs of
// the input's entry lines.
func FuzzParseSlang(f *testing.F) {
	for _, s := range []string{
		"gk tidak\nbgt banget\n", "\ufeff# kamus\n\ngk tidak\r\n", "gk tidak\ngk enggak\n", "gk\n", "a b c\n",
		"Gk tidak", "gk ti\xffdak", "", "# a\n", "anak2 anak-anak\ngk -tidak", "gk tidak\n\ngk tidak\nx  y \t\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lines := strings.SplitAfter(in, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		if len(lines) > 0 {
			lines[0] = strings.TrimPrefix(lines[0], "\ufeff")
		}
		pairs, err := ParseSlang(strings.NewReader(in), "s.txt")
		if err != nil {
			msg := err.Error()
			var n int
			if _, serr := fmt.Sscanf(msg, "s.txt:%d:", &n); serr != nil || n < 0 || n > len(lines) || n == 0 && !strings.Contains(msg, ": empty:") {
				t.Fatalf("%q: error without a line of the input (%d lines): %v", in, len(lines), err)
			}
			if _, after, ok := strings.Cut(msg, `want 2 fields "colloquial standard", got `); ok {
				if got, _ := strconv.Atoi(after); len(strings.Fields(lines[n-1])) != got {
					t.Fatalf("%q: %v, but line %d %q has %d fields", in, err, n, lines[n-1], len(strings.Fields(lines[n-1])))
				}
			}
			return
		}
		keys := 0
		seen := make(map[string]bool)
		for _, l := range lines {
			fields := strings.Fields(l)
			if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
				continue
			}
			if len(fields) != 2 || pairs[fields[0]] != fields[1] {
				t.Fatalf("%q: line %q read as %v", in, l, pairs)
			}
			if !seen[fields[0]] {
				seen[fields[0]] = true
				keys++
			}
		}
		if keys != len(pairs) {
			t.Fatalf("%q: %d pairs from %d entry keys", in, len(pairs), keys)
		}
	})
}
