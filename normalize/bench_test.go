package normalize

import (
	"runtime"
	"strings"
	"testing"
)

// benchPosts are authored posts of the kind the normalizer sees: mostly
// clean, some with evasions, one long.
var benchPosts = []string{
	"Selamat pagi semua, jangan lupa sarapan dan tetap semangat kerja hari ini ya!",
	"Macet parah di tol dalam kota, mending lewat jalan arteri aja deh",
	"Alhamdulillah anak2 sudah mulai sekolah lagi setelah libur panjang",
	"Harga cabai naik lagi, ibu-ibu di pasar pada ngeluh semua",
	"Info lowongan kerja terbaru cek di https://loker.contoh.id/terbaru ya gaes",
	"@dinas_kesehatan kapan vaksin booster dibuka lagi untuk lansia?",
	"Nonton timnas semalam seru bangeeet, golnya cantik banget #TimnasDay",
	"Dasar k4f1r lo semua, b4b1!!",
	"𝐛𝐚𝐛𝐢 kalian semua, pergi sana",
	"Jangan pilih capres antek P K I, sebarkan sebelum dihapus!!!",
	"anjiiiing emang ni orang, goblooook",
	"k*fir dan b**i jangan dikasih tempat",
	"Besok aksi 212 kumpul jam 07.00 di Monas, hubungi 08123456789",
	"Menurut saya programnya kurang jelas, tapi tetap hargai pilihan orang lain",
	"Semoga pemilu 2024 berjalan damai, no hoax no SARA",
	"Tionghoa, Jawa, Batak, semua saudara sebangsa. Selamat Imlek!",
	"gk usah percaya berita itu, udh dibantah sama kominfo kok",
	"USIR mereka dari kampung kita!!! #IklanAhokJahat",
	"Terima kasih atas bantuannya, sangat membantu sekali 🙏🙏",
	strings.Repeat("Warga kampung kami sudah lama hidup rukun walaupun berbeda suku dan agama. "+
		"Setiap tahun kami gotong royong membersihkan masjid, gereja dan vihara bersama-sama, "+
		"lalu makan bersama di balai desa. Kalau ada kabar yang memecah belah, cek dulu sumbernya "+
		"sebelum disebarkan, jangan mudah terprovokasi ya. ", 4),
}

func benchBytes() int64 {
	var n int
	for _, p := range benchPosts {
		n += len(p)
	}
	return int64(n)
}

// reportAllocsPerPost adds an allocs/post metric measured around fn.
func reportAllocsPerPost(b *testing.B, fn func()) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*len(benchPosts)), "allocs/post")
}

// BenchmarkNormalize tokenizes the benchmark posts; one op is all posts.
func BenchmarkNormalize(b *testing.B) {
	n := Default()
	b.Run("Tokens", func(b *testing.B) {
		b.SetBytes(benchBytes())
		b.ReportAllocs()
		reportAllocsPerPost(b, func() {
			for b.Loop() {
				for _, p := range benchPosts {
					n.Tokens(p)
				}
			}
		})
	})
	b.Run("Append", func(b *testing.B) {
		b.SetBytes(benchBytes())
		b.ReportAllocs()
		var dst []Token
		reportAllocsPerPost(b, func() {
			for b.Loop() {
				for _, p := range benchPosts {
					dst = n.Append(dst[:0], p)
				}
			}
		})
	})
}
