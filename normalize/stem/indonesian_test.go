package stem

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// indonesianCases pairs words with their stems. Unless marked as a
// deviation, each stem is what the Snowball Indonesian algorithm gives.
var indonesianCases = []struct{ word, stem string }{
	// Step 1: particles -kah, -lah, -pun.
	{"bukankah", "bukan"},
	{"apakah", "apa"},
	{"siapakah", "siapa"},
	{"pergilah", "pergi"},
	{"bacalah", "baca"},
	{"diapun", "dia"},
	{"sebarkanlah", "sebar"},
	{"bunuhlah", "bunuh"},
	{"bakarlah", "bakar"},
	{"berjuanglah", "juang"},

	// Step 2: possessive pronouns -ku, -mu, -nya.
	{"kafirnya", "kafir"},
	{"rumahku", "rumah"},
	{"bukumu", "buku"},
	{"agamanya", "agama"},
	{"hartamu", "harta"},
	{"dirinya", "diri"},
	{"kesalahannya", "salah"},
	{"pelajarannya", "ajar"},

	// Step 3: meng- and its variants (kind di-: -an may not follow).
	{"menghina", "hina"},
	{"menghasut", "hasut"},
	{"menggantung", "gantung"},
	{"mengusir", "usir"},
	{"mengancam", "ancam"},
	{"mengkafirkan", "kafir"},
	{"mengkhianati", "khianat"},
	{"mengirim", "irim"},    // Snowball restores no k: dikirim -> kirim
	{"mengatakan", "ata"},   // idem: dikatakan -> kata
	{"mengetahui", "etahu"}, // idem
	{"menjarah", "jarah"},
	{"menculik", "culik"},
	{"mendukung", "dukung"},
	{"mendengarkan", "dengar"},
	{"menjelekkan", "jelek"},
	{"menolak", "olak"}, // Snowball restores no t: ditolak -> tolak
	{"menulis", "ulis"},
	{"menipu", "ipu"},
	{"melawan", "lawan"},
	{"merusak", "rusak"},
	{"meludahi", "ludah"},
	{"merampok", "rampok"},

	// meny- before a vowel becomes s-.
	{"menyebar", "sebar"},
	{"menyebarkan", "sebar"},
	{"menyerang", "serang"},
	{"menyerbu", "serbu"},
	{"menyiksa", "siksa"},
	{"menyapu", "sapu"},
	{"menyusahkan", "susah"},
	{"menyakiti", "sakit"},

	// mem- becomes p- before a vowel and goes before a consonant.
	{"memukul", "pukul"},
	{"memaksa", "paksa"},
	{"memotong", "potong"},
	{"memimpin", "pimpin"},
	{"memulangkan", "pulang"},
	{"membakar", "bakar"},
	{"membunuh", "bunuh"},
	{"memfitnah", "fitnah"},
	{"memprovokasi", "provokasi"}, // -i stays after s
	{"memberikan", "beri"},

	// di-, ter-, ke-.
	{"dibakar", "bakar"},
	{"diusir", "usir"},
	{"dibunuh", "bunuh"},
	{"dihina", "hina"},
	{"diserang", "serang"},
	{"ditembak", "tembak"},
	{"dipukul", "pukul"},
	{"dikirim", "kirim"},
	{"dikatakan", "kata"},
	{"disebarkan", "sebar"},
	{"dihabisi", "habisi"}, // -i stays after s
	{"terbakar", "bakar"},
	{"tertawa", "tawa"},
	{"terkutuk", "kutuk"},
	{"terbunuh", "bunuh"},
	{"tersebar", "sebar"},
	{"terhina", "hina"},
	{"tertinggi", "tinggi"},
	{"ternyata", "nyata"},
	{"kepada", "pada"},

	// ke-...-an (kind peng-: -an may follow, -kan and -i may not).
	{"kebakaran", "bakar"},
	{"kejahatan", "jahat"},
	{"keadilan", "adil"},
	{"ketakutan", "takut"},
	{"kebencian", "benci"},
	{"kekerasan", "keras"},
	{"kemerdekaan", "merdeka"},
	{"kelautan", "laut"},
	{"ketahuan", "tahu"},
	{"keadaan", "ada"},
	{"kepolisian", "polisi"},

	// peng- and its variants.
	{"penghinaan", "hina"},
	{"penghasut", "hasut"},
	{"pengkhianat", "khianat"},
	{"pengkhianatan", "khianat"},
	{"pengantar", "antar"},
	{"pengirim", "irim"}, // Snowball restores no k
	{"penyebar", "sebar"},
	{"penyerangan", "serang"},
	{"penyiksaan", "siksa"},
	{"penjahat", "jahat"},
	{"pendukung", "dukung"},
	{"penulis", "ulis"}, // Snowball restores no t
	{"penipuan", "ipu"},
	{"pembakaran", "bakar"},
	{"pembunuh", "bunuh"},
	{"pembunuhan", "bunuh"},
	{"pembantaian", "bantai"},
	{"pemukulan", "pukul"},
	{"pemimpin", "pimpin"},
	{"pemerintah", "perintah"}, // pem- before a vowel is p-
	{"pemerintahnya", "perintah"},
	{"pemberian", "beri"},

	// Step 4: second-order prefixes ber-, be-, per-, pe-, belajar, pelajar.
	{"berjuang", "juang"},
	{"bersatu", "satu"},
	{"berkelahi", "kelahi"}, // -i may not follow ber-
	{"berperang", "perang"},
	{"berlari", "lari"},
	{"bekerja", "kerja"},
	{"belajar", "ajar"},
	{"perjuangan", "juang"},
	{"perbaikan", "baik"},
	{"permainan", "main"},
	{"pertemuan", "temu"},
	{"pertanyaan", "tanya"},
	{"pernyataan", "nyata"},
	{"peperangan", "perang"},
	{"pelajaran", "ajar"},
	{"pelajar", "ajar"},
	{"pelacur", "lacur"},
	{"pelempar", "lempar"},
	{"peledakan", "ledak"},
	{"perusuh", "usuh"},

	// First- and second-order prefixes together: the second goes only
	// when a suffix went.
	{"memperbaiki", "baik"},
	{"mempelajari", "ajar"},
	{"mempermainkan", "main"},
	{"memperjuangkan", "juang"},
	{"memperkuat", "perkuat"},
	{"diperbaiki", "baik"},
	{"dipermalukan", "malu"},
	{"diperjuangkan", "juang"},

	// Suffixes alone.
	{"viralkan", "viral"},
	{"sebarkan", "sebar"},
	{"hancurkan", "hancur"},
	{"bantuan", "bantu"},
	{"tulisan", "tulis"},
	{"kirimi", "kirim"},
	{"jauhi", "jauh"},
	{"sekali", "sekal"},
	{"sendiri", "sendir"},

	// Words that stay as they are.
	{"bangsa", "bangsa"},
	{"bangsat", "bangsat"},
	{"cinta", "cinta"},
	{"kafir", "kafir"},
	{"babi", "babi"},
	{"anjing", "anjing"},
	{"goblok", "goblok"},
	{"cina", "cina"},
	{"jawa", "jawa"},
	{"batak", "batak"},
	{"tolol", "tolol"},
	{"kampret", "kampret"},
	{"ulama", "ulama"},
	{"agama", "agama"},
	{"presiden", "presiden"},
	{"provokasi", "provokasi"},
	{"diri", "diri"},
	{"tai", "tai"},
	{"asu", "asu"},
	{"kamu", "kamu"},
	{"menua", "menua"}, // would leave two letters (Snowball: ua)

	// Deviation: -i stays after a.
	{"pantai", "pantai"},
	{"santai", "santai"},
	{"sampai", "sampai"},
	{"damai", "damai"},
	{"bantai", "bantai"},
	{"dibantai", "bantai"},
	{"membantai", "bantai"},
	{"dicintai", "cintai"},

	// Deviation: roots that begin with a nasal keep it after me-/pe-.
	{"penistaan", "nista"},
	{"penista", "nista"},
	{"menistakan", "nista"},
	{"penodaan", "noda"},
	{"menyatakan", "nyata"},
	{"menyanyikan", "nyanyi"},
	{"penyanyi", "nyanyi"},
	{"menilai", "nilai"},
	{"memakan", "makan"},
	{"memaki", "maki"},
	{"memarahi", "marah"},
	{"mematikan", "mati"},
	{"memalukan", "malu"},
	{"meminta", "minta"},
	{"memohon", "mohon"},
	{"memusnahkan", "musnah"},
	{"pemain", "main"},
	{"pemilik", "milik"},

	// Deviation: special words.
	{"mereka", "mereka"},
	{"merekapun", "mereka"},
	{"kalian", "kalian"},
	{"menteri", "menteri"},
	{"menterinya", "menteri"},
	{"pemilu", "pemilu"},
	{"teroris", "teroris"},
	{"yahudi", "yahudi"},
	{"pribumi", "pribumi"},
	{"perempuan", "perempuan"},
	{"kelompok", "kelompok"},
	{"negeri", "negeri"},
	{"sekolah", "sekolah"},
	{"masalah", "masalah"},
	{"bertemu", "temu"},
	{"ketemu", "temu"},
	{"bertanya", "tanya"},
	{"bertanyalah", "tanya"},
	{"menikah", "nikah"},
	{"menodai", "noda"},
	{"dinodai", "noda"},
	{"bajingan", "bajingan"},
	{"bajingannya", "bajingan"},
	{"kampungan", "kampungan"},
	{"murahan", "murahan"},

	// Reduplication.
	{"anak-anak", "anak"},
	{"hati-hati", "hati"},
	{"kata-kata", "kata"},
	{"anak-anaknya", "anak"},
	{"berlari-lari", "lari"},
	{"pukul-memukul", "pukul"},
	{"sayur-mayur", "sayur-mayur"},
	{"anti-cina", "anti-cina"},
}

func TestIndonesian(t *testing.T) {
	require.GreaterOrEqual(t, len(indonesianCases), 150)
	seen := make(map[string]bool, len(indonesianCases))
	for _, tc := range indonesianCases {
		require.False(t, seen[tc.word], "duplicate case %q", tc.word)
		seen[tc.word] = true
		t.Run(tc.word, func(t *testing.T) {
			assert.Equal(t, tc.stem, Indonesian(tc.word))
		})
	}
}

func TestIndonesianGuards(t *testing.T) {
	for _, word := range []string{
		"", "a", "di", "ber", "kan", // too short
		"k4fir", "2019", "di2", "b4bi", // digits
		"k*fir", "b@bi", // masks
		"Kafir", "MENGHINA", "Dibakar", // not lowercase
		"kafír", "ménghina", // not plain ASCII
		"di bakar", "dibakar!", "#dibakar", "@menghina", // other characters
		"-dibakar", "dibakar-", "anak--anak", "anak-anak-anak", // hyphens
		"\xff\xfe\xfd\xfc", // invalid UTF-8
	} {
		assert.Equal(t, word, Indonesian(word), "word %q", word)
	}
}

func TestIndonesianNoAllocs(t *testing.T) {
	for _, word := range []string{
		"kafir", "bangsat", "pantai", "k4fir", // unchanged
		"dibakar", "kafirnya", "penghinaan", "pembantaian", // stem is a substring
		"anak-anak", "berlari-lari", "mereka", "bertemu",
	} {
		allocs := testing.AllocsPerRun(100, func() { _ = Indonesian(word) })
		assert.Zero(t, allocs, "word %q", word)
	}
}

func TestIndonesianLongWord(t *testing.T) {
	word := "memper" + strings.Repeat("a", 2*maxStackRunes) + "kan"
	assert.Equal(t, strings.Repeat("a", 2*maxStackRunes), Indonesian(word))
}

func TestSpecialWordsStemIsSubstring(t *testing.T) {
	for _, sw := range specialWords {
		assert.LessOrEqual(t, len(sw.word), maxSpecialLen)
		assert.NotZero(t, specialShapes[sw.word[0]-'a']&(1<<len(sw.word)), "%s: its shape is not in specialShapes", sw.word)
		assert.Contains(t, sw.word, sw.stem)
		assert.Equal(t, sw.stem, Indonesian(sw.word))
	}
}

func TestNasalRoots(t *testing.T) {
	for _, root := range nasalRoots {
		require.NotEmpty(t, root)
		assert.Contains(t, "mn", root[:1], "root %q", root)
		// me-...-kan and pe-...-an around the root stem to the root
		// (menistakan, penistaan -> nista).
		assert.Equal(t, root, Indonesian("me"+root+"kan"), "me%skan", root)
		assert.Equal(t, root, Indonesian("pe"+root+"an"), "pe%san", root)
	}
}

// FuzzIndonesian checks what every stem keeps, for any input: it is no
// longer than the word, a short word is left alone, a stem of valid UTF-8
// is valid UTF-8, and the same word always gets the same stem (the stemmer
// keeps no state between calls). Word, which picks the English or the
// Indonesian stemmer, keeps the same promises.
func FuzzIndonesian(f *testing.F) {
	for _, tc := range indonesianCases {
		f.Add(tc.word)
	}
	for _, w := range []string{"", "-", "a-", "memper-memper", "di\xffbakar", "pe\u00e9nistaan", "meng\u0300hina", "anak\u2010anak", "kafir\xe2\x80"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, word string) {
		for _, s := range []struct {
			name string
			fn   func(string) string
		}{{"Indonesian", Indonesian}, {"Word", Word}} {
			stem := s.fn(word)
			if len(stem) > len(word) {
				t.Fatalf("%s(%q) = %q is longer than the word", s.name, word, stem)
			}
			if utf8.ValidString(word) && !utf8.ValidString(stem) {
				t.Fatalf("%s(%q) = %q is not valid UTF-8", s.name, word, stem)
			}
			if again := s.fn(word); again != stem {
				t.Fatalf("%s(%q) = %q, then %q", s.name, word, stem, again)
			}
		}
		if len(word) < minWordLen && Indonesian(word) != word {
			t.Fatalf("Indonesian(%q) = %q changed a short word", word, Indonesian(word))
		}
	})
}

var benchWords = []string{
	"penistaan", "menghina", "dibakar", "kafirnya", "diusir", "memprovokasi",
	"pembakaran", "penghinaan", "bangsa", "bangsat", "cinta", "menyebarkan",
	"disebarkan", "viralkan", "pemerintahnya", "berjuang", "pelajaran",
	"memperbaiki", "kebakaran", "anak-anak", "pantai", "santai", "kafir",
	"babi", "anjing", "goblok", "cina", "jawa", "batak", "yang", "dan",
	"ini", "itu", "tidak", "orang", "sudah", "mereka", "kamu", "dasar",
	"agama", "presiden", "sebarkanlah",
}

func BenchmarkIndonesian(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range benchWords {
			_ = Indonesian(w)
		}
	}
}

func BenchmarkWord(b *testing.B) {
	words := append([]string{"haters", "stupid", "fucking", "share", "please"}, benchWords...)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			_ = Word(w)
		}
	}
}
