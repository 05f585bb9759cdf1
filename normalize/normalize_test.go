package normalize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// withoutEmbeddedSlang starts from an empty slang dictionary so the tests do
// not depend on the content of slang.txt.
func withoutEmbeddedSlang() Option { return func(c *config) { c.noEmbedded = true } }

// testNormalizer has a small, fixed slang dictionary and vocabulary.
func testNormalizer(t testing.TB) *Normalizer {
	t.Helper()
	n, err := New(
		withoutEmbeddedSlang(),
		WithSlang(map[string]string{"gk": "tidak", "bgt": "banget", "sm": "sama", "yg": "yang", "maap": "maaf"}),
		WithVocabulary([]string{"kafir", "babi", "anjing", "bangsat", "maaf", "saat", "goblok", "Cina Kafir"}),
	)
	require.NoError(t, err)
	return n
}

// tk is the expected part of a token: raw, norm, kind (Word when zero) and via.
type tk struct {
	raw, norm string
	via       Via
	kind      Kind
}

// w is a plain word token whose Norm is its lower-cased Raw.
func w(raw string) tk { return tk{raw: raw, norm: strings.ToLower(raw)} }

type tokenCase struct {
	name string
	in   string
	want []tk
}

func runTokenCases(t *testing.T, n *Normalizer, cases []tokenCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := n.Tokens(tc.in)
			requireSpans(t, tc.in, got)
			want := make([]tk, len(tc.want))
			for i, x := range tc.want {
				if x.kind == 0 {
					x.kind = Word
				}
				want[i] = x
			}
			have := make([]tk, len(got))
			for i, g := range got {
				have[i] = tk{raw: g.Raw, norm: g.Norm, via: g.Via, kind: g.Kind}
			}
			assert.Equal(t, want, have)
		})
	}
}

// requireSpans checks the span invariants of toks over in. It uses plain
// comparisons (testify is only called on failure) because it runs over
// hundreds of thousands of tokens.
func requireSpans(t testing.TB, in string, toks []Token) {
	t.Helper()
	prevEnd := 0
	for i, tok := range toks {
		ok := tok.Start >= prevEnd && tok.Start < tok.End && tok.End <= len(in) &&
			in[tok.Start:tok.End] == tok.Raw && tok.Norm != "" && tok.Stem != "" &&
			tok.Kind >= Word && tok.Kind <= Hashtag
		if !ok {
			require.Failf(t, "bad token", "token %d %+v (previous end %d, input length %d)", i, tok, prevEnd, len(in))
		}
		prevEnd = tok.End
	}
}

func TestTokensUnicode(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"math bold", "Dasar 𝐛𝐚𝐛𝐢 semua kalian", []tk{w("Dasar"), {raw: "𝐛𝐚𝐛𝐢", norm: "babi", via: ViaUnicode}, w("semua"), w("kalian")}},
		{"fullwidth", "ｂａｂｉ lo!", []tk{{raw: "ｂａｂｉ", norm: "babi", via: ViaUnicode}, w("lo")}},
		{"math bold italic", "𝒌𝒂𝒇𝒊𝒓 harus diusir", []tk{{raw: "𝒌𝒂𝒇𝒊𝒓", norm: "kafir", via: ViaUnicode}, w("harus"), w("diusir")}},
		{"fullwidth capitals", "ＢＡＢＩ", []tk{{raw: "ＢＡＢＩ", norm: "babi", via: ViaUnicode}}},
		{"cyrillic look-alikes", "Mereka semua k\u0430f\u0456r", []tk{w("Mereka"), w("semua"), {raw: "k\u0430f\u0456r", norm: "kafir", via: ViaUnicode}}},
		{"cyrillic capitals", "\u0412\u0410\u0412I", []tk{{raw: "\u0412\u0410\u0412I", norm: "babi", via: ViaUnicode}}},
		{"greek look-alikes", "dasar b\u03b1b\u03b9", []tk{w("dasar"), {raw: "b\u03b1b\u03b9", norm: "babi", via: ViaUnicode}}},
		{"zero-width space", "dasar ka\u200bfir", []tk{w("dasar"), {raw: "ka\u200bfir", norm: "kafir", via: ViaUnicode}}},
		{"zero-width joiners", "an\u200cji\u200dng", []tk{{raw: "an\u200cji\u200dng", norm: "anjing", via: ViaUnicode}}},
		{"word joiner", "ba\u2060bi", []tk{{raw: "ba\u2060bi", norm: "babi", via: ViaUnicode}}},
		{"byte order mark", "\ufeffbangsat kau", []tk{w("bangsat"), w("kau")}},
		{"soft hyphen", "ka\u00adfir", []tk{{raw: "ka\u00adfir", norm: "kafir", via: ViaUnicode}}},
		{"trailing zero-width in span", "babi\u200b!", []tk{{raw: "babi\u200b", norm: "babi", via: ViaUnicode}}},
		{"strike-through", "dasar k̶a̶f̶i̶r̶", []tk{w("dasar"), {raw: "k̶a̶f̶i̶r̶", norm: "kafir", via: ViaUnicode}}},
		{"underline", "b̲a̲b̲i̲ lu", []tk{{raw: "b̲a̲b̲i̲", norm: "babi", via: ViaUnicode}, w("lu")}},
		{"small capitals", "ʙᴀʙɪ", []tk{{raw: "ʙᴀʙɪ", norm: "babi", via: ViaUnicode}}},
		{"circled", "ⓑⓐⓑⓘ", []tk{{raw: "ⓑⓐⓑⓘ", norm: "babi", via: ViaUnicode}}},
		{"negative squared", "🅱🅰🅱🅸", []tk{{raw: "🅱🅰🅱🅸", norm: "babi", via: ViaUnicode}}},
		{"accents", "Café Ümat", []tk{{raw: "Café", norm: "cafe", via: ViaUnicode}, {raw: "Ümat", norm: "umat", via: ViaUnicode}}},
		{"no-break space separates", "babi\u00a0guling", []tk{w("babi"), w("guling")}},
		{"ligature", "ﬁtnah", []tk{{raw: "ﬁtnah", norm: "fitnah", via: ViaUnicode}}},
		{"mixed decomposition kept", "½ kafir", []tk{w("kafir")}},
		{"styled leet", "𝐤𝟒𝐟𝟏𝐫", []tk{{raw: "𝐤𝟒𝐟𝟏𝐫", norm: "kafir", via: ViaUnicode | ViaLeet}}},
		{"styled split", "𝐛 𝐚 𝐛 𝐢", []tk{{raw: "𝐛 𝐚 𝐛 𝐢", norm: "babi", via: ViaUnicode | ViaSplit}}},
		{"compatibility expansion in one token", "㎏ ǅ", []tk{{raw: "㎏", norm: "kg", via: ViaUnicode}, {raw: "ǅ", norm: "dz", via: ViaUnicode}}},
		{"expansion split by case in a hashtag stays whole", "#㎰", []tk{{raw: "#㎰", norm: "ps", kind: Hashtag, via: ViaUnicode}}},
	})
}

func TestTokensLeet(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"k4f1r", "Dasar k4f1r lo", []tk{w("Dasar"), {raw: "k4f1r", norm: "kafir", via: ViaLeet}, w("lo")}},
		{"b4b1", "b4b1 semua", []tk{{raw: "b4b1", norm: "babi", via: ViaLeet}, w("semua")}},
		{"4nj1ng", "4nj1ng lu", []tk{{raw: "4nj1ng", norm: "anjing", via: ViaLeet}, w("lu")}},
		{"t0l0l", "t0l0l banget", []tk{{raw: "t0l0l", norm: "tolol", via: ViaLeet}, w("banget")}},
		{"b@bi", "muka lo kaya b@bi", []tk{w("muka"), w("lo"), w("kaya"), {raw: "b@bi", norm: "babi", via: ViaLeet}}},
		{"$etan", "$etan lo", []tk{{raw: "$etan", norm: "setan", via: ViaLeet}, w("lo")}},
		{"upper case", "K4F1R!!", []tk{{raw: "K4F1R", norm: "kafir", via: ViaLeet}}},
		{"exclamation", "anj!ng", []tk{{raw: "anj!ng", norm: "anjing", via: ViaLeet}}},
		{"exclamation in capitals", "ANJ!NG", []tk{{raw: "ANJ!NG", norm: "anjing", via: ViaLeet}}},
		{"exclamation before a sentence", "Wah!Keren", []tk{w("Wah"), w("Keren")}},
		{"b4ngs4t", "b4ngs4t", []tk{{raw: "b4ngs4t", norm: "bangsat", via: ViaLeet}}},
		{"g0bl0k", "g0bl0k", []tk{{raw: "g0bl0k", norm: "goblok", via: ViaLeet}}},
		{"leet and elongation", "k4444fir", []tk{{raw: "k4444fir", norm: "kafir", via: ViaLeet | ViaElongation}}},
		{"leet digits in a word with a hyphen", "k4f1r-k4f1r", []tk{{raw: "k4f1r-k4f1r", norm: "kafir-kafir", via: ViaLeet}}},
	})
}

func TestTokensLeetFalsePositives(t *testing.T) {
	num := func(s string) tk { return tk{raw: s, norm: s, kind: Number} }
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"years and dates", "Pemilu 2019 dan aksi 212", []tk{w("Pemilu"), num("2019"), w("dan"), w("aksi"), num("212")}},
		{"phone number", "Hubungi 08123456789 ya", []tk{w("Hubungi"), num("08123456789"), w("ya")}},
		{"covid19", "Vaksin covid19 gratis", []tk{w("Vaksin"), w("covid19"), w("gratis")}},
		{"g20", "KTT G20 di Bali", []tk{w("KTT"), w("G20"), w("di"), w("Bali")}},
		{"mp3", "download lagu mp3", []tk{w("download"), w("lagu"), w("mp3")}},
		{"5g", "sinyal 5g lemot", []tk{w("sinyal"), w("5g"), w("lemot")}},
		{"b2b", "bisnis b2b", []tk{w("bisnis"), w("b2b")}},
		{"p3k", "kotak P3K", []tk{w("kotak"), w("P3K")}},
		{"g30s", "peristiwa G30S", []tk{w("peristiwa"), w("G30S")}},
		{"h1n1", "flu H1N1", []tk{w("flu"), w("H1N1")}},
		{"rupiah", "harga Rp50rb, cuma rp5rb", []tk{w("harga"), w("Rp50rb"), w("cuma"), w("rp5rb")}},
		{"thousands", "10rb aja", []tk{w("10rb"), w("aja")}},
		{"time and money", "jam 19.00 bayar 1.000.000", []tk{w("jam"), num("19.00"), w("bayar"), num("1.000.000")}},
		{"decimal comma", "naik 3,5 persen", []tk{w("naik"), num("3,5"), w("persen")}},
		{"range", "periode 2019-2024", []tk{w("periode"), num("2019-2024")}},
		{"trailing leet digit only", "ak4", []tk{w("ak4")}},
		{"fullwidth digits", "２０１９", []tk{{raw: "２０１９", norm: "2019", kind: Number, via: ViaUnicode}}},
		{"exclamation at the end", "anjing!", []tk{w("anjing")}},
		{"at sign between words", "ketemu @ kantor", []tk{w("ketemu"), w("kantor")}},
	})
}

func TestTokensElongation(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"kafiiiir", "kafiiiir lo", []tk{{raw: "kafiiiir", norm: "kafir", via: ViaElongation}, w("lo")}},
		{"anjiiiing", "anjiiiing", []tk{{raw: "anjiiiing", norm: "anjing", via: ViaElongation}}},
		{"bangeeet", "panas bangeeet", []tk{w("panas"), {raw: "bangeeet", norm: "banget", via: ViaElongation}}},
		{"laughter stays", "wkwkwk hahaha", []tk{w("wkwkwk"), w("hahaha")}},
		{"real double letters", "saat maaf taat keeksisan", []tk{w("saat"), w("maaf"), w("taat"), w("keeksisan")}},
		{"maaaaf keeps the known double", "maaaaf ya", []tk{{raw: "maaaaf", norm: "maaf", via: ViaElongation}, w("ya")}},
		{"kafiir via vocabulary", "dasar kafiir", []tk{w("dasar"), {raw: "kafiir", norm: "kafir", via: ViaElongation}}},
		{"two runs", "gooblooook", []tk{{raw: "gooblooook", norm: "goblok", via: ViaElongation}}},
		{"unknown double stays", "tunggu sebentar", []tk{w("tunggu"), w("sebentar")}},
		{"capital elongation", "KAFIRRRR", []tk{{raw: "KAFIRRRR", norm: "kafir", via: ViaElongation}}},
		{"elongated slang", "gkkkk", []tk{{raw: "gkkkk", norm: "tidak", via: ViaElongation | ViaSlang}}},
		{"one repeated letter stays", "ppp wwww", []tk{w("ppp"), w("wwww")}},
	})
}

func TestTokensReduplication(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"anak2", "anak2 pada main", []tk{{raw: "anak2", norm: "anak-anak", via: ViaReduplication}, w("pada"), w("main")}},
		{"hati2", "Hati2 di jalan", []tk{{raw: "Hati2", norm: "hati-hati", via: ViaReduplication}, w("di"), w("jalan")}},
		{"hyphenated stays one token", "Anak-anak dan hati-hati", []tk{w("Anak-anak"), w("dan"), w("hati-hati")}},
		{"slang base", "makasih sm2", []tk{w("makasih"), {raw: "sm2", norm: "sama-sama", via: ViaReduplication | ViaSlang}}},
		{"leet base", "k4f1r2", []tk{{raw: "k4f1r2", norm: "kafir-kafir", via: ViaReduplication | ViaLeet}}},
		{"one letter is not a base", "h2 o2", []tk{w("h2"), w("o2")}},
		{"suffix nya", "anak2nya nakal", []tk{{raw: "anak2nya", norm: "anak-anaknya", via: ViaReduplication}, w("nakal")}},
		{"suffix an", "main2an doang", []tk{{raw: "main2an", norm: "main-mainan", via: ViaReduplication}, w("doang")}},
		{"not a suffix", "tahun2019", []tk{w("tahun2019")}},
	})
}

func TestTokensSplit(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"spaces", "dasar k a f i r lo", []tk{w("dasar"), {raw: "k a f i r", norm: "kafir", via: ViaSplit}, w("lo")}},
		{"dots", "b.a.b.i.", []tk{{raw: "b.a.b.i", norm: "babi", via: ViaSplit}}},
		{"hyphens", "b-a-b-i semua", []tk{{raw: "b-a-b-i", norm: "babi", via: ViaSplit}, w("semua")}},
		{"underscores", "b_a_b_i", []tk{{raw: "b_a_b_i", norm: "babi", via: ViaSplit}}},
		{"capitals", "antek P K I", []tk{w("antek"), {raw: "P K I", norm: "pki", via: ViaSplit}}},
		{"two runs", "k a f i r b.a.b.i", []tk{{raw: "k a f i r", norm: "kafir", via: ViaSplit}, {raw: "b.a.b.i", norm: "babi", via: ViaSplit}}},
		{"leet inside", "k a f 1 r", []tk{{raw: "k a f 1 r", norm: "kafir", via: ViaSplit | ViaLeet}}},
		{"one-letter word", "Dia di a", []tk{w("Dia"), w("di"), w("a")}},
		{"abbreviation", "s.d. besok", []tk{w("s"), w("d"), w("besok")}},
		{"two letters", "a b cd", []tk{w("a"), w("b"), w("cd")}},
		{"sentence with one-letter words", "Saya lahir di kota A pada tahun 2000 dan kelas B.", []tk{
			w("Saya"), w("lahir"), w("di"), w("kota"), w("A"), w("pada"), w("tahun"),
			{raw: "2000", norm: "2000", kind: Number}, w("dan"), w("kelas"), w("B"),
		}},
		{"mixed separators are not glued", "k.a f-i r", []tk{w("k"), w("a"), w("f-i"), w("r")}},
	})
}

func TestTokensMask(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"k*fir", "dasar k*fir", []tk{w("dasar"), {raw: "k*fir", norm: "k*fir", via: ViaMask}}},
		{"b**i", "b**i lo", []tk{{raw: "b**i", norm: "b**i", via: ViaMask}, w("lo")}},
		{"anj*ng", "ANJ*NG", []tk{{raw: "ANJ*NG", norm: "anj*ng", via: ViaMask}}},
		{"emphasis is not a mask", "*penting* dibaca", []tk{w("penting"), w("dibaca")}},
		{"multiplication is not a mask", "2*3", []tk{{raw: "2", norm: "2", kind: Number}, {raw: "3", norm: "3", kind: Number}}},
	})
}

func TestTokensLinksMentionsHashtags(t *testing.T) {
	url := func(raw, norm string) tk { return tk{raw: raw, norm: norm, kind: URL} }
	hash := func(raw, norm string) tk { return tk{raw: raw, norm: norm, kind: Hashtag} }
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"https", "cek https://t.co/AbC123.", []tk{w("cek"), url("https://t.co/AbC123", "https://t.co/abc123")}},
		{"http with query", "(http://contoh.id/a?b=1&c=2)", []tk{url("http://contoh.id/a?b=1&c=2", "http://contoh.id/a?b=1&c=2")}},
		{"www", "baca www.Detik.com/berita ya", []tk{w("baca"), url("www.Detik.com/berita", "www.detik.com/berita"), w("ya")}},
		{"bare domain with path", "bit.ly/xYz", []tk{url("bit.ly/xYz", "bit.ly/xyz")}},
		{"bare domain", "sumber: kompas.com.", []tk{w("sumber"), url("kompas.com", "kompas.com")}},
		{"e-mail", "kirim ke nama.saya@gmail.com ya", []tk{w("kirim"), w("ke"), url("nama.saya@gmail.com", "nama.saya@gmail.com"), w("ya")}},
		{"mention", "@Jokowi_Do2 jawab dong", []tk{{raw: "@Jokowi_Do2", norm: "@jokowi_do2", kind: Mention}, w("jawab"), w("dong")}},
		{"mention with dot", "@akun.resmi.", []tk{{raw: "@akun.resmi", norm: "@akun.resmi", kind: Mention}}},
		{"camel hashtag", "#IklanAhokJahat", []tk{hash("#Iklan", "iklan"), hash("Ahok", "ahok"), hash("Jahat", "jahat")}},
		{"lowercase hashtag", "#gantipresiden", []tk{hash("#gantipresiden", "gantipresiden")}},
		{"digits in hashtag", "#2019GantiPresiden", []tk{hash("#2019", "2019"), hash("Ganti", "ganti"), hash("Presiden", "presiden")}},
		{"acronym in hashtag", "#TolakRUUCiptaKerja", []tk{hash("#Tolak", "tolak"), hash("RUU", "ruu"), hash("Cipta", "cipta"), hash("Kerja", "kerja")}},
		{"underscore hashtag", "#usir_asing", []tk{hash("#usir", "usir"), hash("asing", "asing")}},
		{"leet hashtag", "#k4f1r", []tk{{raw: "#k4f1r", norm: "kafir", kind: Hashtag, via: ViaLeet}}},
		{"lone signs", "# @ $", nil},
	})
}

func TestTokensSlang(t *testing.T) {
	runTokenCases(t, testNormalizer(t), []tokenCase{
		{"slang", "Gk usah yg aneh2", []tk{{raw: "Gk", norm: "tidak", via: ViaSlang}, w("usah"), {raw: "yg", norm: "yang", via: ViaSlang}, {raw: "aneh2", norm: "aneh-aneh", via: ViaReduplication}}},
		{"known slang value", "maap ya", []tk{{raw: "maap", norm: "maaf", via: ViaSlang}, w("ya")}},
	})
}

func TestTokensFalsePositiveGuards(t *testing.T) {
	n := testNormalizer(t)
	for _, word := range []string{"bangsa", "cinta", "pantai", "santai", "asuransi", "saat", "maaf", "taat", "kafe", "bangsawan"} {
		toks := n.Tokens(word)
		require.Len(t, toks, 1, word)
		assert.Equal(t, word, toks[0].Norm)
		assert.Zero(t, toks[0].Via, word)
	}
	toks := n.Tokens("Kami sekeluarga santai di pantai, cinta bangsa dan ikut asuransi sejak 2019.")
	requireSpans(t, "Kami sekeluarga santai di pantai, cinta bangsa dan ikut asuransi sejak 2019.", toks)
	for _, tok := range toks {
		assert.Zero(t, tok.Via, tok.Raw)
	}
}

func TestSpansOnTrickyInputs(t *testing.T) {
	n := testNormalizer(t)
	long := strings.Repeat("Dasar k4f1r!! b a b i https://x.co/a #IklanAhok @user 2019 𝐛𝐚𝐛𝐢 ", 1<<20/70)
	cases := []struct {
		name string
		in   string
		n    int // expected token count; -1: any
	}{
		{"empty", "", 0},
		{"whitespace", " \t\r\n  \u3000", 0},
		{"invalid UTF-8", "\xff\xfe", 0},
		{"invalid UTF-8 separates", "ba\xffbi", 2},
		{"NUL bytes", "\x00kafir\x00\x00babi\x00", 2},
		{"emoji only", "😡😡🔥🙏🏻", 0},
		{"CRLF", "baris satu\r\nbaris dua\r\n", 4},
		{"lone combining marks", "\u0336\u0336 a\u0336", 1},
		{"invisible only", "\u200b\u200d\ufeff", 0},
		{"truncated rune", "kafir\xe2\x80", 1},
		{"flag emoji", "🇮🇩 merdeka", 1},
		{"long post", long, -1},
		{"one long word", strings.Repeat("a", 1<<20), 1},
		{"long dotted run", strings.Repeat("ab.", 1<<18), -1},
		{"long single-letter run", strings.Repeat("a ", 1<<18), 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			toks := n.Tokens(tc.in)
			requireSpans(t, tc.in, toks)
			if tc.n >= 0 {
				assert.Len(t, toks, tc.n)
			}
			assert.Equal(t, toks, n.Tokens(tc.in), "deterministic")
		})
	}
}

func TestAppendReusesDst(t *testing.T) {
	n := testNormalizer(t)
	dst := make([]Token, 1, 16)
	dst[0] = Token{Raw: "keep"}
	out := n.Append(dst, "k4f1r b a b i")
	require.Len(t, out, 3)
	assert.Equal(t, "keep", out[0].Raw)
	assert.Equal(t, &dst[:1][0], &out[0], "storage reused")
	assert.Equal(t, "kafir", out[1].Norm)
	assert.Equal(t, "babi", out[2].Norm)
	assert.Equal(t, n.Tokens("k4f1r b a b i"), out[1:])
}

func TestNilTokens(t *testing.T) {
	assert.Nil(t, testNormalizer(t).Tokens("  "))
}

func TestWord(t *testing.T) {
	n := testNormalizer(t)
	assert.Equal(t, "kafir", n.Word("KAFIR"))
	assert.Equal(t, "cina kafir", n.Word("Cina  K4F1R"))
	assert.Equal(t, "tidak", n.Word("gk"))
	assert.Equal(t, "anak-anak", n.Word("anak2"))
	assert.Equal(t, "", n.Word(" !! "))
}

func TestIsKnown(t *testing.T) {
	n := testNormalizer(t)
	for _, word := range []string{"gk", "tidak", "kafir", "cina", "maaf", "maap"} {
		assert.True(t, n.IsKnown(word), word)
	}
	for _, word := range []string{"", "kafe", "Kafir", "anjir"} {
		assert.False(t, n.IsKnown(word), word)
	}
}

// edgeNormalizer extends testNormalizer's words with the shapes Known must
// survive: numbers and masked words in the vocabulary, a masked slang key
// and a reduplicated one whose value is another word.
func edgeNormalizer(t testing.TB) *Normalizer {
	t.Helper()
	n, err := New(
		withoutEmbeddedSlang(),
		WithSlang(map[string]string{"gk": "tidak", "maap": "maaf", "yg": "yang", "a*u": "aku", "anak-anak": "bocah"}),
		WithVocabulary([]string{"kafir", "babi", "anjing", "maaf", "100 persen sembuh", "k*fir", "alumni 212"}),
	)
	require.NoError(t, err)
	return n
}

func TestTokensKnown(t *testing.T) {
	n := edgeNormalizer(t)
	for _, tc := range []struct {
		in    string
		known []bool
	}{
		{"kafir kafe", []bool{true, false}},                                          // vocabulary word, unknown word
		{"gk maap yg", []bool{true, true, true}},                                     // slang keys: Norm is the standard form
		{"k4f1r kafiiir 𝐛𝐚𝐛𝐢", []bool{true, true, true}},                             // evasions undone to a vocabulary word
		{"k*fir k*fiiir a*uuu k*cing anj1r", []bool{true, true, true, false, false}}, // masked words, leet to an unknown word
		{"anak2 meja2 #BabiMeja", []bool{true, false, true, false}},                  // reduplications; hashtag parts are looked up alone
		{"#100PersenSembuh 212 2019", []bool{true, true, true, true, false}},         // numbers, in hashtags too
		{"https://t.co/kafir @kafir", []bool{false, false}},
	} {
		toks := n.Tokens(tc.in)
		got := make([]bool, len(toks))
		for i, tok := range toks {
			got[i] = tok.Known
			assert.Equal(t, knownNorm(n, tok), tok.Known, "%q: token %q", tc.in, tok.Raw)
		}
		assert.Equal(t, tc.known, got, tc.in)
	}
	// The Norm of anak2 is anak-anak, a slang key: its stem is anak, not the
	// stem of the slang value.
	toks := n.Tokens("anak2")
	require.Len(t, toks, 1)
	assert.Equal(t, Token{Raw: "anak2", Norm: "anak-anak", Stem: "anak", End: 5, Kind: Word, Via: ViaReduplication, Known: true}, toks[0])
}

// knownNorm is what Token.Known must be for tok.
func knownNorm(n *Normalizer, tok Token) bool {
	return tok.Kind != URL && tok.Kind != Mention && n.IsKnown(tok.Norm)
}

func TestNewOptions(t *testing.T) {
	n, err := New(WithSlang(map[string]string{"Anjay": "Anjing"}), WithSlang(map[string]string{"gk": "enggak"}))
	require.NoError(t, err)
	assert.Equal(t, "anjing", n.Word("anjay"))
	assert.Equal(t, "enggak", n.Word("gk"), "an option overrides the embedded dictionary")

	_, err = New(WithSlang(map[string]string{"": "x"}))
	require.Error(t, err)
	_, err = New(WithSlang(map[string]string{"dua kata": "x"}))
	require.ErrorContains(t, err, "dua kata")
}

func TestDefault(t *testing.T) {
	n := Default()
	require.Same(t, n, Default())
	assert.Equal(t, "tidak", n.Word("gk"))
	assert.True(t, n.IsKnown("tidak"))
	toks := n.Tokens("Gk usah k4f1r2an")
	requireSpans(t, "Gk usah k4f1r2an", toks)
}

func TestStemsFilled(t *testing.T) {
	n := testNormalizer(t)
	for _, tok := range n.Tokens("https://a.co @user 2019 k*fir membunuh #BunuhMereka") {
		switch {
		case tok.Kind == URL, tok.Kind == Mention, tok.Kind == Number, tok.Via.Has(ViaMask):
			assert.Equal(t, tok.Norm, tok.Stem, tok.Raw)
		default:
			assert.NotEmpty(t, tok.Stem, tok.Raw)
		}
	}
}

func TestConcurrentUse(t *testing.T) {
	n := testNormalizer(t)
	in := "Dasar k4f1r!! b a b i #IklanAhok 𝐛𝐚𝐛𝐢"
	want := n.Tokens(in)
	done := make(chan []Token)
	for range 8 {
		go func() {
			var got []Token
			for range 200 {
				got = n.Tokens(in)
			}
			done <- got
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
}

func TestAllocations(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("allocation counts (not under -short or the race detector)")
	}
	n := testNormalizer(t)
	post := "Jangan percaya berita itu, sudah dibantah pemerintah kemarin sore. Tetap tenang dan cek dulu ya kawan"
	n.Tokens(post)
	allocs := testing.AllocsPerRun(100, func() { n.Tokens(post) })
	assert.LessOrEqual(t, allocs, 3.0, "allocations per typical post")
	var dst []Token
	allocs = testing.AllocsPerRun(100, func() { dst = n.Append(dst[:0], post) })
	assert.LessOrEqual(t, allocs, 2.0, "allocations per typical post with a reused dst")
}
