package normalize

import (
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
