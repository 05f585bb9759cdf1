package classify_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/saring-id/saring/classify"
	"github.com/saring-id/saring/lexicon"
)

// The posts in this file were written for these tests; they are not taken
// from any data set.

// behaviourClassifier is built once and shared by the tests: a Classifier is
// immutable and safe for concurrent use.
var behaviourClassifier = sync.OnceValues(func() (*classify.Classifier, error) {
	return classify.New()
})

func behaviourDefault(t testing.TB) *classify.Classifier {
	t.Helper()
	c, err := behaviourClassifier()
	require.NoError(t, err, "classify.New with the embedded lexicons")
	return c
}

// Short names for the labels and targets in the tables.
const (
	lHate    = lexicon.HateSpeech
	lSARA    = lexicon.SARA
	lBlack   = lexicon.BlackCampaign
	lProv    = lexicon.Provocation
	lHoax    = lexicon.Hoax
	lAbusive = lexicon.Abusive

	tSuku  = lexicon.Suku
	tAgama = lexicon.Agama
	tRas   = lexicon.Ras
	tAntar = lexicon.Antargolongan
)

// behaviourEv is a piece of evidence a positive post must produce.
type behaviourEv struct {
	label lexicon.Label
	text  string       // the original text at the evidence's span
	term  string       // the lexicon term (or "a + b" for rules)
	match classify.How // how it was matched
	rule  string       // for MatchRule: the rule's name ("" = any)
	via   string       // a normalisation step Evidence.Via must list ("" = none required)
}

// behaviourPositive is a post that must be flagged.
type behaviourPositive struct {
	name       string
	post       string
	flagged    []lexicon.Label  // labels that must be flagged
	notFlagged []lexicon.Label  // labels that must not be flagged
	targets    []lexicon.Target // SARA targets the sara result must carry
	evidence   []behaviourEv
}

func TestClassifyFlagsPositives(t *testing.T) {
	c := behaviourDefault(t)
	cases := []behaviourPositive{
		// ---- hate_speech -------------------------------------------------
		{
			name:    "hate_speech/dehumanizing phrase manusia sampah",
			post:    "dasar lo manusia sampah, mending mati aja",
			flagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lHate, text: "manusia sampah", term: "manusia sampah", match: classify.MatchPhrase},
			},
		},
		{
			name:    "hate_speech/death wish aimed at kau",
			post:    "semoga cepat mati kau sekeluarga",
			flagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lHate, text: "semoga cepat mati", term: "semoga cepat mati", match: classify.MatchPhrase},
				{label: lHate, text: "semoga cepat mati kau", term: "semoga cepat mati + kau", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:    "hate_speech/a wish takes its subject after semoga",
			post:    "Semoga lo kecelakaan di jalan pulang",
			flagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lHate, text: "Semoga lo kecelakaan", term: "semoga kecelakaan", match: classify.MatchPhrase},
			},
		},
		{
			name:    "hate_speech/a wish's subject is its target",
			post:    "semoga kalian semua mati",
			flagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lHate, text: "semoga kalian semua mati", term: "semoga mati", match: classify.MatchPhrase},
				{label: lHate, text: "semoga kalian semua mati", term: "semoga mati + kalian", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:       "abusive/a vocative does not aim an insult said of oneself",
			post:       "Hai guys, gue emang goblok soal masak wkwk",
			flagged:    []lexicon.Label{lAbusive},
			notFlagged: []lexicon.Label{lHate},
		},
		{
			name:       "abusive/a vocative does not aim an insult at a third party",
			post:       "Woi, tadi ada pengendara tolol nyerempet gue",
			flagged:    []lexicon.Label{lAbusive},
			notFlagged: []lexicon.Label{lHate},
		},
		{
			name:    "hate_speech/person+insult rule kamu pengecut",
			post:    "kamu itu pengecut dan pecundang",
			flagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lHate, text: "kamu itu pengecut", term: "kamu + pengecut", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:    "hate_speech/a reply insults its addressee",
			post:    "@rina_s udah dibilangin berkali-kali sama semua orang di grup tetep aja tolol",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lHate, text: "@rina_s udah dibilangin berkali-kali sama semua orang di grup tetep aja tolol", term: "@rina_s + tolol", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:    "hate_speech/a reply insults its addressee in a later sentence",
			post:    "@dodi_k gak usah komen lagi. Tolol banget sumpah",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lHate, text: "@dodi_k gak usah komen lagi. Tolol", term: "@dodi_k + tolol", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:    "hate_speech/insult after an @mention",
			post:    "@budi_s lo goblok banget sih",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "goblok", term: "goblok", match: classify.MatchExact},
				{label: lHate, text: "lo goblok", term: "kamu + goblok", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:    "hate_speech/slur aimed at kamu",
			post:    "lonte kayak kamu nggak usah sok suci",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lHate, text: "lonte", term: "lonte", match: classify.MatchExact},
			},
		},
		{
			name:    "hate_speech/stem kampretlah kalian",
			post:    "kampretlah kalian semua",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "kampretlah", term: "kampret", match: classify.MatchStem},
			},
		},

		// ---- sara: kafir with each evasion ------------------------------
		{
			name:    "sara/leet k4f1r",
			post:    "k4f1r semua kalian",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "k4f1r", term: "kafir", match: classify.MatchLeet, via: "leet"},
			},
		},
		{
			name:    "sara/leet inside phrase dasar k4f1r",
			post:    "dasar k4f1r lo",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "dasar k4f1r", term: "dasar kafir", match: classify.MatchPhrase, via: "leet"},
			},
		},
		{
			name:    "sara/elongation kafiiir",
			post:    "kafiiir lo semua",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "kafiiir", term: "kafir", match: classify.MatchElongation, via: "elongation"},
			},
		},
		{
			name:    "sara/split k a f i r",
			post:    "k a f i r semua kalian",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "k a f i r", term: "kafir", match: classify.MatchSplit, via: "split"},
			},
		},
		{
			name:    "sara/mask k*fir",
			post:    "mereka itu k*fir semua",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "k*fir", term: "kafir", match: classify.MatchMask, via: "mask"},
			},
		},
		{
			name:    "sara/unicode zero-width space inside dasar k\u200bafir",
			post:    "dasar k\u200bafir",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "dasar k\u200bafir", term: "dasar kafir", match: classify.MatchPhrase, via: "unicode"},
			},
		},
		{
			name:    "sara/unicode Cyrillic a in k\u0430fir",
			post:    "k\u0430fir semua kalian",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "k\u0430fir", term: "kafir", match: classify.MatchUnicode, via: "unicode"},
			},
		},
		{
			name:       "sara/phrase cina kafir with a call to expel",
			post:       "Cina kafir harus diusir dari sini",
			flagged:    []lexicon.Label{lHate, lSARA, lProv},
			notFlagged: []lexicon.Label{lAbusive},
			targets:    []lexicon.Target{tRas, tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "Cina kafir", term: "cina kafir", match: classify.MatchPhrase},
				{label: lProv, text: "harus diusir", term: "harus diusir", match: classify.MatchPhrase},
			},
		},
		{
			name:    "sara/slang cino in usir cino",
			post:    "usir cino dari kampung kita",
			flagged: []lexicon.Label{lHate, lSARA, lProv},
			targets: []lexicon.Target{tRas, tSuku},
			evidence: []behaviourEv{
				{label: lSARA, text: "usir cino", term: "usir cina", match: classify.MatchPhrase, via: "slang"},
				{label: lProv, text: "usir cino", term: "usir + cina", match: classify.MatchRule, rule: "action+target"},
			},
		},
		{
			name:    "sara/slang cino stereotype cino pelit",
			post:    "cino pelit kabeh",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tRas, tSuku},
			evidence: []behaviourEv{
				{label: lSARA, text: "cino pelit", term: "cina pelit", match: classify.MatchPhrase, via: "slang"},
			},
		},
		{
			name:    "sara/slur dasar kadrun",
			post:    "dasar kadrun, balik ke gurun sana",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama, tAntar},
			evidence: []behaviourEv{
				{label: lSARA, text: "dasar kadrun", term: "dasar kadrun", match: classify.MatchPhrase},
			},
		},
		{
			name:    "sara/slur aseng",
			post:    "aseng pulang sana ke negaramu",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tRas},
			evidence: []behaviourEv{
				{label: lSARA, text: "aseng", term: "aseng", match: classify.MatchExact},
			},
		},
		{
			name:    "sara/stereotype orang padang pelit",
			post:    "orang padang pelit semua, nggak mau rugi",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tSuku},
			evidence: []behaviourEv{
				{label: lSARA, text: "orang padang pelit", term: "orang padang pelit", match: classify.MatchPhrase},
			},
		},
		{
			name:    "sara/group+insult rule orang batak goblok",
			post:    "orang batak itu goblok semua",
			flagged: []lexicon.Label{lHate, lSARA, lAbusive},
			targets: []lexicon.Target{tSuku},
			evidence: []behaviourEv{
				{label: lSARA, text: "orang batak itu goblok", term: "orang batak + goblok", match: classify.MatchRule, rule: "group+insult"},
				{label: lAbusive, text: "goblok", term: "goblok", match: classify.MatchExact},
			},
		},
		{
			name:    "sara/group+insult rule orang kristen babi",
			post:    "orang kristen itu babi semua",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "kristen itu babi", term: "kristen + babi", match: classify.MatchRule, rule: "group+insult"},
			},
		},
		{
			name:    "sara/mixed English you stupid cina",
			post:    "you stupid cina, go back to your country",
			flagged: []lexicon.Label{lHate, lSARA, lAbusive},
			targets: []lexicon.Target{tRas},
			evidence: []behaviourEv{
				{label: lAbusive, text: "stupid", term: "stupid", match: classify.MatchExact},
				{label: lSARA, text: "stupid cina", term: "stupid + cina", match: classify.MatchRule, rule: "group+insult"},
			},
		},
		{
			name:    "sara/slur yahudi laknat",
			post:    "yahudi laknat, semoga hancur",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama, tRas},
			evidence: []behaviourEv{
				{label: lSARA, text: "yahudi laknat", term: "yahudi laknat", match: classify.MatchPhrase},
			},
		},
		{
			name:    "sara/fuzzy rafidah",
			post:    "dasar rafidah sesat",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "rafidah", term: "rafidhah", match: classify.MatchFuzzy},
			},
		},
		{
			name:    "sara/hashtag #UsirCinaDariSini",
			post:    "#UsirCinaDariSini",
			flagged: []lexicon.Label{lHate, lSARA, lProv},
			targets: []lexicon.Target{tRas},
			evidence: []behaviourEv{
				{label: lSARA, text: "#UsirCina", term: "usir cina", match: classify.MatchPhrase},
			},
		},
		{
			name:    "sara/leet phrase kaum k4f1r with a call to exterminate",
			post:    "kaum k4f1r harus dibasmi",
			flagged: []lexicon.Label{lHate, lSARA, lProv},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lSARA, text: "kaum k4f1r", term: "kaum kafir", match: classify.MatchPhrase, via: "leet"},
				{label: lProv, text: "harus dibasmi", term: "harus dibasmi", match: classify.MatchPhrase},
			},
		},
		// Group + stereotype adjective + "semua": DESIGN.md's "orang X pelit
		// semua" shape with other groups and stereotypes.
		{
			name:    "sara/stereotype rule orang cina itu licik semua",
			post:    "orang cina itu licik semua",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tRas},
		},
		{
			name:    "sara/stereotype rule umat islam itu teroris semua",
			post:    "umat islam itu teroris semua",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tAgama},
		},
		{
			name:    "sara/reduplication cina2 itu pelit semua",
			post:    "cina2 itu pelit semua",
			flagged: []lexicon.Label{lHate, lSARA},
			targets: []lexicon.Target{tRas},
		},

		// ---- black_campaign ----------------------------------------------
		{
			name:    "black_campaign/political+smear capres antek asing PKI",
			post:    "capres nomor urut 2 itu antek asing dan PKI",
			flagged: []lexicon.Label{lBlack},
			evidence: []behaviourEv{
				{label: lBlack, text: "antek asing", term: "antek asing", match: classify.MatchPhrase},
				{label: lBlack, text: "PKI", term: "pki", match: classify.MatchExact},
				{label: lBlack, text: "capres nomor urut 2 itu antek asing", term: "capres + antek asing", match: classify.MatchRule, rule: "political+smear"},
			},
		},
		{
			name:    "black_campaign/identity call jangan pilih cagub kafir",
			post:    "jangan pilih cagub kafir, haram pilih pemimpin yang bukan seiman",
			flagged: []lexicon.Label{lBlack, lSARA, lHate},
			targets: []lexicon.Target{tAgama},
			evidence: []behaviourEv{
				{label: lBlack, text: "haram pilih", term: "haram pilih", match: classify.MatchPhrase},
				{label: lSARA, text: "kafir", term: "kafir", match: classify.MatchExact},
			},
		},
		{
			name:    "black_campaign/a phrase that contains an allow-listed word",
			post:    "menteri itu pengkhianat bangsa",
			flagged: []lexicon.Label{lHate, lBlack},
			evidence: []behaviourEv{
				{label: lBlack, text: "pengkhianat bangsa", term: "pengkhianat bangsa", match: classify.MatchPhrase},
			},
		},
		{
			name:    "black_campaign/call not to vote for an identity",
			post:    "pokoknya jangan coblos calon bupati yang Katolik itu",
			flagged: []lexicon.Label{lBlack},
			evidence: []behaviourEv{
				{label: lBlack, text: "jangan coblos calon bupati yang Katolik", term: "jangan coblos + katolik", match: classify.MatchRule, rule: "call+identity"},
			},
		},
		{
			name:    "black_campaign/ijazah palsu presiden",
			post:    "ijazah palsu presiden kok masih dibela",
			flagged: []lexicon.Label{lBlack},
			evidence: []behaviourEv{
				{label: lBlack, text: "ijazah palsu", term: "ijazah palsu", match: classify.MatchPhrase},
				{label: lBlack, text: "ijazah palsu presiden", term: "ijazah palsu + presiden", match: classify.MatchRule, rule: "political+smear"},
			},
		},
		{
			name:    "black_campaign/presiden boneka cina rezim pki",
			post:    "presiden boneka cina, rezim pki",
			flagged: []lexicon.Label{lBlack, lSARA, lHate},
			targets: []lexicon.Target{tRas},
			evidence: []behaviourEv{
				{label: lBlack, text: "presiden boneka", term: "presiden boneka", match: classify.MatchPhrase},
				{label: lBlack, text: "rezim pki", term: "rezim pki", match: classify.MatchPhrase},
				{label: lSARA, text: "boneka cina", term: "boneka cina", match: classify.MatchPhrase},
			},
		},

		// ---- provocation -------------------------------------------------
		{
			name:    "provocation/serbu kampung mereka bakar rumahnya",
			post:    "ayo serbu kampung mereka, bakar rumahnya",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "serbu kampung mereka", term: "serbu kampung mereka", match: classify.MatchPhrase},
				{label: lProv, text: "bakar rumahnya", term: "bakar rumahnya", match: classify.MatchPhrase},
			},
		},
		{
			name:    "provocation/action+target usir mereka",
			post:    "usir mereka dari kampung kita!",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "usir mereka", term: "usir + mereka", match: classify.MatchRule, rule: "action+target"},
			},
		},
		{
			name:    "hate_speech/violence against one person named by a demonstrative",
			post:    "seret dukun itu keluar kampung",
			flagged: []lexicon.Label{lHate, lProv},
			evidence: []behaviourEv{
				{label: lHate, text: "seret dukun", term: "seret + dukun", match: classify.MatchRule, rule: "threat"},
			},
		},
		{
			name:    "provocation/reduplication bakar hidup2",
			post:    "bakar hidup2 aja mereka",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "bakar hidup2", term: "bakar hidup-hidup", match: classify.MatchPhrase, via: "reduplication"},
			},
		},
		{
			name:    "provocation/kita kepung kantornya bawa golok",
			post:    "kita kepung kantornya besok, bawa golok",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "kita kepung", term: "kita kepung", match: classify.MatchPhrase},
				{label: lProv, text: "kepung kantornya", term: "kepung kantornya", match: classify.MatchPhrase},
			},
		},
		{
			name:    "provocation/adu domba bersatu melawan mereka",
			post:    "mereka sudah menguasai negeri ini, kita harus bersatu melawan mereka",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "kita harus bersatu melawan mereka", term: "kita harus bersatu melawan mereka", match: classify.MatchPhrase},
			},
		},
		{
			name:    "provocation/hashtag #TangkapSiBudiPenista",
			post:    "#TangkapSiBudiPenista",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "#TangkapSi", term: "tangkap + si", match: classify.MatchRule, rule: "action+target"},
			},
		},

		// ---- hoax --------------------------------------------------------
		{
			name:    "abusive/a reply that swears at someone else later on",
			post:    "@rina_s makasih kak! Btw tadi ada pengendara tolol nyerobot",
			flagged: []lexicon.Label{lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "tolol", term: "tolol", match: classify.MatchExact},
			},
		},
		{
			name:    "hate_speech/a reduplicated pronoun ends a phrase",
			post:    "mati kamu-kamu semua",
			flagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lHate, text: "mati kamu-kamu", term: "mati kamu", match: classify.MatchPhrase},
			},
		},
		{
			name:    "provocation/violence against several people is incitement, not a threat",
			post:    "seret dukun-dukun itu",
			flagged: []lexicon.Label{lProv},
			evidence: []behaviourEv{
				{label: lProv, text: "seret dukun-dukun", term: "seret + dukun", match: classify.MatchRule, rule: "action+target"},
			},
		},
		{
			name:    "hoax/a phrase that starts with a number",
			post:    "Rebusan daun ini 100% sembuh dari diabetes, sebarkan ke semua grup!!",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "100% sembuh", term: "100 sembuh", match: classify.MatchPhrase},
			},
		},
		{
			name:    "hoax/a phrase that starts with a number, in a hashtag",
			post:    "Minum ramuan ini #100PersenSembuh",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "#100PersenSembuh", term: "100 persen sembuh", match: classify.MatchPhrase},
			},
		},
		{
			name:    "hoax/a phrase that contains a mention word",
			post:    "Ini asli bukan hoax, sebarkan sebelum dihapus",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "bukan hoax", term: "bukan hoax", match: classify.MatchPhrase},
			},
		},
		{
			name:    "hoax/chain + authority + exclamations",
			post:    "SEBARKAN!!! info dari orang dalam istana, besok ATM diblokir semua. share ke semua grup sebelum dihapus",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "info dari orang dalam", term: "info dari orang dalam", match: classify.MatchPhrase},
				{label: lHoax, text: "share ke semua grup", term: "share ke semua grup", match: classify.MatchPhrase},
				{label: lHoax, text: "sebelum dihapus", term: "sebelum dihapus", match: classify.MatchPhrase},
				{label: lHoax, text: "!!", term: "!!", match: classify.MatchRule, rule: "exclamations"},
			},
		},
		{
			name:    "hoax/miracle cure with a doctor acquaintance",
			post:    "minum air rebusan daun sirsak dijamin sembuh kanker, kata dokter kenalan saya. sebarkan!",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "dijamin sembuh", term: "dijamin sembuh", match: classify.MatchPhrase},
				{label: lHoax, text: "kata dokter kenalan saya", term: "kata dokter kenalan saya", match: classify.MatchPhrase},
				{label: lHoax, text: "sebarkan", term: "sebarkan", match: classify.MatchExact},
			},
		},
		{
			name:    "hoax/prize scam with a link",
			post:    "selamat anda mendapatkan hadiah 50 juta, klik link berikut dan isi data diri",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "selamat anda mendapatkan", term: "selamat anda mendapatkan", match: classify.MatchPhrase},
				{label: lHoax, text: "klik link berikut", term: "klik link berikut", match: classify.MatchPhrase},
			},
		},
		{
			name:    "hoax/chain letter curse",
			post:    "ketik amin dan bagikan, jika tidak disebarkan akan mendapat musibah",
			flagged: []lexicon.Label{lHoax},
			evidence: []behaviourEv{
				{label: lHoax, text: "ketik amin dan bagikan", term: "ketik amin dan bagikan", match: classify.MatchPhrase},
				{label: lHoax, text: "jika tidak disebarkan", term: "jika tidak disebarkan", match: classify.MatchPhrase},
			},
		},

		// ---- abusive -----------------------------------------------------
		{
			name:       "abusive/swearing at traffic is not hate speech",
			post:       "anjir macet banget, bangsat",
			flagged:    []lexicon.Label{lAbusive},
			notFlagged: []lexicon.Label{lHate, lSARA},
			evidence: []behaviourEv{
				{label: lAbusive, text: "bangsat", term: "bangsat", match: classify.MatchExact},
			},
		},
		{
			name:       "abusive/slang bgst",
			post:       "bgst, motor gw mogok lagi",
			flagged:    []lexicon.Label{lAbusive},
			notFlagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lAbusive, text: "bgst", term: "bangsat", match: classify.MatchSlang, via: "slang"},
			},
		},
		{
			name:       "abusive/elongation anjiiing",
			post:       "anjiiing, kalah lagi",
			flagged:    []lexicon.Label{lAbusive},
			notFlagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lAbusive, text: "anjiiing", term: "anjing", match: classify.MatchElongation, via: "elongation"},
			},
		},
		{
			name:       "abusive/Javanese asu",
			post:       "asu tenan, hujan terus",
			flagged:    []lexicon.Label{lAbusive},
			notFlagged: []lexicon.Label{lHate},
			evidence: []behaviourEv{
				{label: lAbusive, text: "asu", term: "asu", match: classify.MatchExact},
			},
		},
		{
			name:    "abusive/split dotted b.a.b.i aimed at lo",
			post:    "dasar b.a.b.i lo",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "b.a.b.i", term: "babi", match: classify.MatchSplit, via: "split"},
				{label: lHate, text: "dasar b.a.b.i", term: "dasar + babi", match: classify.MatchRule, rule: "person+insult"},
			},
		},
		{
			name:    "abusive/split hyphenated b-a-b-i aimed at lo",
			post:    "b-a-b-i lo semua",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "b-a-b-i", term: "babi", match: classify.MatchSplit, via: "split"},
			},
		},
		{
			name:    "abusive/unicode mathematical bold babi",
			post:    "dasar 𝐛𝐚𝐛𝐢 lo",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "𝐛𝐚𝐛𝐢", term: "babi", match: classify.MatchUnicode, via: "unicode"},
			},
		},
		{
			name:    "abusive/unicode fullwidth babi",
			post:    "dasar ｂａｂｉ kau",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "ｂａｂｉ", term: "babi", match: classify.MatchUnicode, via: "unicode"},
			},
		},
		{
			name:    "abusive/mask anj*ng",
			post:    "dasar anj*ng",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "anj*ng", term: "anjing", match: classify.MatchMask, via: "mask"},
			},
		},
		{
			name:    "abusive/slang gk punya otak and bgt",
			post:    "lo emang gk punya otak, bego bgt",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "gk punya otak", term: "tidak punya otak", match: classify.MatchPhrase, via: "slang"},
				{label: lAbusive, text: "bego", term: "bego", match: classify.MatchExact},
			},
		},
		{
			name:    "abusive/slang anjg lu",
			post:    "anjg lu",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "anjg", term: "anjing", match: classify.MatchSlang, via: "slang"},
			},
		},
		{
			name:    "abusive/stem goblokmu",
			post:    "goblokmu itu kebangetan",
			flagged: []lexicon.Label{lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "goblokmu", term: "goblok", match: classify.MatchStem},
			},
		},
		{
			name:    "abusive/fuzzy asshle",
			post:    "lo tuh asshle banget",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "asshle", term: "asshole", match: classify.MatchFuzzy},
			},
		},
		{
			name:    "abusive/fuzzy motherfukcer",
			post:    "motherfukcer lo",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "motherfukcer", term: "motherfucker", match: classify.MatchFuzzy},
			},
		},
		{
			name:    "abusive/mixed English fucking bangsat lo",
			post:    "fucking bangsat lo",
			flagged: []lexicon.Label{lHate, lAbusive},
			evidence: []behaviourEv{
				{label: lAbusive, text: "fucking", term: "fucking", match: classify.MatchExact},
				{label: lAbusive, text: "bangsat", term: "bangsat", match: classify.MatchExact},
			},
		},
		{
			// anak2 is anak-anak (children), not the group noun peranakan.
			name:       "abusive/reduplication anak2 setan is not sara",
			post:       "anak2 setan lo semua",
			flagged:    []lexicon.Label{lHate, lAbusive},
			notFlagged: []lexicon.Label{lSARA},
			evidence: []behaviourEv{
				{label: lAbusive, text: "anak2 setan", term: "anak setan", match: classify.MatchPhrase, via: "reduplication"},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(tc.post)
			assertResultInvariants(t, tc.post, r)
			for _, l := range tc.flagged {
				assert.Truef(t, r.Has(l), "post %q: want %s flagged\ngot %s", tc.post, l, describeResult(r))
			}
			for _, l := range tc.notFlagged {
				assert.Falsef(t, r.Has(l), "post %q: want %s NOT flagged\ngot %s", tc.post, l, describeResult(r))
			}
			if len(tc.targets) > 0 {
				lr, _ := r.Label(lSARA)
				assert.Subsetf(t, lr.Targets, tc.targets, "post %q: sara targets\ngot %s", tc.post, describeResult(r))
			}
			for _, w := range tc.evidence {
				assertBehaviourEvidence(t, tc.post, r, w)
			}
		})
	}
}

// assertBehaviourEvidence checks that r has evidence w for w.label.
func assertBehaviourEvidence(t *testing.T, post string, r classify.Result, w behaviourEv) {
	t.Helper()
	lr, _ := r.Label(w.label)
	for _, ev := range lr.Evidence {
		if ev.Text != w.text || ev.Term != w.term || ev.Match != w.match {
			continue
		}
		if w.rule != "" && ev.Rule != w.rule {
			continue
		}
		if w.via != "" && !behaviourHasString(ev.Via, w.via) {
			continue
		}
		if ev.Match != classify.MatchRule {
			require.True(t, ev.Start >= 0 && ev.Start <= ev.End && ev.End <= len(post), "span [%d,%d) outside the post", ev.Start, ev.End)
			assert.Equal(t, ev.Text, post[ev.Start:ev.End], "evidence text must be the original text at its span")
		}
		return
	}
	assert.Failf(t, "missing evidence",
		"post %q: want %s evidence text=%q term=%q match=%s rule=%q via=%q\ngot %s",
		post, w.label, w.text, w.term, w.match, w.rule, w.via, describeResult(r))
}

// behaviourClean is a post that talks about the categories, uses a look-alike
// word or is otherwise innocent, and must not be flagged at all.
type behaviourClean struct {
	name string
	post string
}

func TestClassifyLeavesCleanPostsClean(t *testing.T) {
	c := behaviourDefault(t)
	cases := []behaviourClean{
		// Vocatives (woi, hai) are not targets.
		{"vocative/greeting", "Hai semua, selamat pagi, jangan lupa sarapan"},
		{"vocative/call to eat", "Woi, makan dulu yuk, udah jam 12"},
		{"vocative/exclamation of awe", "Weh gila, keren banget penampilannya"},
		{"vocative/softened swear", "Woi anjir, lucu banget videonya"},
		{"vocative/not an action target", "Serbu woi, diskon 90 persen hari ini!"},
		// Good wishes with a subject.
		{"wish/get well", "semoga kamu cepat sembuh ya"},
		{"wish/end of suffering", "semoga kesengsaraan rakyat segera berakhir"},
		{"wish/safe journey", "Semoga kalian semua selamat sampai tujuan"},
		{"wish/suffering to pass", "Semoga sengsara ini cepat berlalu"},
		{"wish/subject set off by a comma", "Semoga kamu, cacat bukan halangan untuk berkarya"},
		{"wish/lesson from an accident", "Semoga kalian, kecelakaan kemarin jadi pelajaran ya"},
		// A group and mereka in one post, without a hostile call.
		{"group+mereka/protect worship", "Umat Kristen sedang ibadah, jangan ganggu mereka"},
		{"group+mereka/praise", "Orang Madura rajin bekerja, mereka pantas dihormati"},
		// News: police and government talk about hoaxes, SARA and black campaigns.
		{"news/police arrest hoax and SARA hate spreaders", "Polda Metro Jaya menangkap dua penyebar hoaks dan ujaran kebencian bermuatan SARA di media sosial"},
		{"news/government appeal against hoaxes and kampanye hitam", "Pemerintah mengimbau masyarakat tidak menyebarkan hoaks dan kampanye hitam menjelang pemilu"},
		{"news/Bareskrim arrests kampanye hitam perpetrator", "Bareskrim menangkap pelaku kampanye hitam terhadap capres di media sosial"},
		{"news/Kominfo cyber patrol against hoaxes and adu domba", "Kominfo menggelar patroli siber untuk menangkal hoaks, provokasi dan adu domba"},
		{"news/Polri arrests SARA hoax spreader about Tionghoa", "Polri: penyebar hoaks SARA soal etnis Tionghoa sudah ditangkap"},
		{"news/police arrest kampanye hitam spreader quoting the smear", "Polisi menangkap penyebar kampanye hitam yang menyebut capres antek asing"},
		{"news/fact check debunks vaccine chip chain message", "Cek fakta: pesan berantai soal vaksin mengandung chip itu hoaks, sudah dibantah Kemenkes"},
		{"news/debunked ijazah palsu story (diklarifikasi)", "Berita soal ijazah palsu itu hoaks, sudah diklarifikasi kampus"},
		{"news/seminar on politicisation of SARA", "Seminar tentang bahaya politisasi SARA menjelang pilkada"},
		{"news/police say child kidnapping hoax is untrue", "Waspada hoaks penculikan anak yang beredar di grup WA, polisi memastikan tidak benar"},

		// Counter-speech.
		{"counter/do not vote because of religion", "jangan pilih pemimpin karena suku atau agamanya, lihat programnya"},
		{"clean/a phrase does not run across sentences", "Jangan jadi pengkhianat. Bangsa kita butuh kerja nyata"},
		{"counter/negated call bukan usir mereka", "bukan usir mereka solusinya, ajak bicara baik-baik"},
		{"counter/prohibited call jangan bakar", "jangan bakar rumah mereka, serahkan ke polisi"},
		{"request/lost cat, please share", "Mohon bantu sebarkan!! Kucing saya hilang di Bekasi"},
		{"counter/quoted call in a debunk", "Video 'kepung kantor bupati' itu video lama, hati-hati ya"},
		{"chat/greeting P is not a party", "P, maling motor di komplek udah ketangkep belum?"},
		{"counter/jangan sebarkan hoaks", "Jangan sebarkan hoaks, saring sebelum sharing!"},
		{"counter/lawan ujaran kebencian", "Lawan ujaran kebencian, jaga persatuan bangsa"},
		{"counter/no hoax no hate speech no SARA", "No hoax, no hate speech, no SARA"},
		{"counter/jangan terprovokasi isu SARA", "Jangan terprovokasi isu SARA, kita semua bersaudara"},
		{"counter/government invites citizens to fight hoaxes", "Pemerintah mengajak warga melawan hoaks dan ujaran kebencian di media sosial"},
		{"counter/criticise the programme not slander", "Kalau mau kritik paslon, kritik programnya, jangan sebar fitnah"},
		{"counter/scam warning", "Hati-hati penipuan berkedok hadiah undian, jangan klik link sembarangan"},

		// Animals and food.
		{"animal/anjing peliharaan", "Anjing peliharaan saya sakit, ada rekomendasi dokter hewan?"},
		{"animal/adopt a stray dog", "Adopsi anjing liar dari shelter yuk"},
		{"food/sate babi and babi guling", "Malam ini makan sate babi sama babi guling di Ubud, enak banget"},
		{"animal/babi hutan", "Babi hutan masuk kebun warga semalam"},
		{"animal/monyet ekor panjang", "Monyet ekor panjang turun ke permukiman warga"},
		{"idiom/kambing hitam", "Kambing hitam dalam kasus ini adalah sopir truk"},

		// Look-alike words (Scunthorpe traps).
		{"lookalike/bangsa and kebangsaan not bangsat", "Semangat kebangsaan harus dijaga oleh seluruh bangsa Indonesia"},
		{"lookalike/cinta not cina", "Aku cinta kamu selamanya"},
		{"lookalike/cinta tanah air not cina", "Cinta tanah air dimulai dari hal kecil"},
		{"lookalike/pantai and santai not tai", "Liburan ke pantai sambil santai minum kelapa muda"},
		{"lookalike/tahi lalat", "Ada tahi lalat di pipinya"},
		{"lookalike/asuransi not asu", "Jangan lupa bayar premi asuransi bulan ini"},
		{"lookalike/asuhan not asu", "Asuhan keperawatan pasien rawat inap"},
		{"lookalike/kafe not kafir", "Nongkrong di kafe baru dekat kampus, kopinya enak"},
		{"lookalike/kafilah not kafir", "Kafilah dagang melintasi gurun pasir"},

		// Greetings to other faiths and neutral mentions of groups.
		{"greeting/Selamat Natal", "Selamat Natal untuk saudara-saudara umat Kristiani, damai selalu"},
		{"greeting/Selamat Imlek untuk saudara Tionghoa", "Selamat Imlek untuk saudara Tionghoa, gong xi fa cai!"},
		{"greeting/Nyepi", "Selamat Hari Raya Nyepi bagi umat Hindu"},
		{"greeting/Waisak", "Selamat Waisak untuk umat Buddha"},
		{"greeting/Galungan", "Selamat hari raya Galungan untuk umat Hindu di Bali"},
		{"group/proud to be Javanese", "Sebagai orang Jawa saya bangga dengan budaya sendiri"},
		{"group/our Batak teacher is kind", "Guru kami orang Batak yang sangat sabar dan baik"},
		{"group/rumah makan padang", "Rumah makan padang di ujung jalan itu enak"},
		{"group/Padang and Manado food", "Saya suka masakan Padang dan Manado"},

		// Sport, promotions, peaceful protest.
		{"sport/serbu gawang lawan", "Serbu gawang lawan! Ayo Persib menang!"},
		{"sport/serang pertahanan lawan", "Timnas serang terus pertahanan lawan, gol!"},
		{"promo/ayo serbu promo", "Ayo serbu promo akhir tahun, diskon sampai 70 persen"},
		{"protest/aksi damai", "Aksi damai mahasiswa di depan gedung DPR berjalan tertib"},
		{"protest/demo damai", "Demo damai buruh di depan istana hari ini berjalan lancar"},

		// Policy criticism of candidates and officials.
		{"policy/programme of capres unclear", "Program ekonomi capres nomor urut 1 kurang jelas, pendanaannya dari mana?"},
		{"policy/disagree with capres on rice imports", "Saya tidak setuju dengan rencana capres soal impor beras, datanya lemah"},
		{"policy/cawapres debate lacked substance", "Debat cawapres semalam kurang substansi, keduanya menghindari pertanyaan soal korupsi"},
		{"policy/incumbent cagub transport record", "Cagub petahana gagal menata transportasi, programnya belum terlihat hasilnya"},
		{"policy/paslon education vision too general", "Visi misi paslon 02 soal pendidikan terlalu umum, tidak ada target yang terukur"},

		// Negation.
		{"negation/dia bukan kafir", "Dia bukan kafir, dia saudara kita sesama warga"},

		// Genuine requests to share.
		{"request/tolong share anak hilang", "Tolong share, anak saya hilang sejak kemarin sore di Pasar Minggu, pakai baju merah"},
		{"request/bantu share adik hilang", "Tolong bantu share ya, adik saya hilang, terakhir terlihat di stasiun Manggarai"},

		// Reduplication in an ordinary sentence.
		{"reduplication/anak2 main bola", "anak2 kecil main bola di lapangan"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := c.Classify(tc.post)
			assertResultInvariants(t, tc.post, r)
			assert.Emptyf(t, r.Flagged, "post %q must be clean\ngot %s", tc.post, describeResult(r))
		})
	}
}

// assertResultInvariants checks what must hold for every Result.
func assertResultInvariants(t *testing.T, post string, r classify.Result) {
	t.Helper()
	require.NotNil(t, r.Flagged, "Flagged must be an empty slice, not nil")
	require.NotNil(t, r.Labels, "Labels must be an empty slice, not nil")
	var flagged []lexicon.Label
	order := lexicon.Labels()
	last := -1
	for _, lr := range r.Labels {
		i := behaviourLabelIndex(order, lr.Label)
		assert.Greaterf(t, i, last, "labels must be in lexicon.Labels order: %s", describeResult(r))
		last = i
		assert.Truef(t, lr.Score > 0 && lr.Score <= 1, "%s score %v outside (0,1]", lr.Label, lr.Score)
		if lr.Flagged {
			flagged = append(flagged, lr.Label)
		}
		for _, ev := range lr.Evidence {
			assert.Truef(t, ev.Weight >= 0 && ev.Weight <= 1, "%s evidence %q weight %v outside [0,1]", lr.Label, ev.Term, ev.Weight)
			if ev.Match == classify.MatchRule {
				continue
			}
			if assert.Truef(t, ev.Start >= 0 && ev.Start <= ev.End && ev.End <= len(post),
				"%s evidence %q span [%d,%d) outside the post of %d bytes", lr.Label, ev.Term, ev.Start, ev.End, len(post)) {
				assert.Equalf(t, post[ev.Start:ev.End], ev.Text, "%s evidence %q: Text must be input[Start:End]", lr.Label, ev.Term)
			}
		}
		if lr.Label == lSARA && lr.Flagged {
			assert.NotEmptyf(t, lr.Targets, "flagged sara must carry targets: %s", describeResult(r))
		}
	}
	assert.Equalf(t, flagged, behaviourNilIfEmpty(r.Flagged), "Flagged must list the flagged labels in order")
	if r.Has(lSARA) {
		assert.Truef(t, r.Has(lHate), "sara is flagged, so hate_speech must be too: %s", describeResult(r))
	}
}

func TestEmptyInputsGiveEmptyResult(t *testing.T) {
	c := behaviourDefault(t)
	for _, tc := range []struct{ name, text string }{
		{"empty", ""},
		{"spaces", "   "},
		{"whitespace mix", " \t\n\r\n  "},
		{"invalid UTF-8", "\xff\xfe\xfd"},
		{"invalid UTF-8 between spaces", " \xc3\x28 \xa0\xa1 "},
		{"zero-width space only", "\u200b\u200b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := json.Marshal(c.Classify(tc.text))
			require.NoError(t, err)
			assert.JSONEq(t, `{"flagged":[],"labels":[]}`, string(b))
			assert.Equal(t, `{"flagged":[],"labels":[]}`, string(b))
		})
	}
}

func TestClassifyNeverPanics(t *testing.T) {
	c := behaviourDefault(t)
	for _, text := range []string{
		"k", "*", "**", "k*", "*fir", "a a a a a a a a a a a", ". . . .", "b.a.b.", "#", "@", "#Usir", "2019", "212",
		"\x00kafir\x00", "kafir\xff", "\xffkafir", strings.Repeat("kafir ", 2000), strings.Repeat("a", 5000),
		strings.Repeat("k a f i r ", 300), "🤬🤬🤬 anjing 🤬", "ｋａｆｉｒ", "K\u0301AFIR",
	} {
		assert.NotPanics(t, func() {
			r := c.Classify(text)
			assertResultInvariants(t, text, r)
		}, "text %q", text)
	}
}

func TestClassifyIsDeterministicAndConcurrent(t *testing.T) {
	c := behaviourDefault(t)
	posts := []string{"dasar k4f1r lo", "anjir macet banget, bangsat", "Selamat Imlek untuk saudara Tionghoa", "lo tuh asshle banget"}
	want := make([]string, len(posts))
	for i, p := range posts {
		want[i] = describeResult(c.Classify(p))
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(posts)
				if got := describeResult(c.Classify(posts[i])); got != want[i] {
					t.Errorf("post %q: result changed under concurrency:\n%s\nvs\n%s", posts[i], got, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestNoDictionaryWordIsFuzzyFlagged is the Scunthorpe guard: no ordinary
// Indonesian word, on its own, may be matched by a spelling-tolerant (fuzzy)
// match, unless the word is itself a lexicon term.
func TestNoDictionaryWordIsFuzzyFlagged(t *testing.T) {
	if _, err := os.Stat(lexicon.DefaultHunspellDic); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s not installed (Debian package hunspell-id)", lexicon.DefaultHunspellDic)
	}
	words, err := lexicon.ReadHunspellDic(lexicon.DefaultHunspellDic)
	require.NoError(t, err)
	require.Greater(t, len(words), 10000, "the dictionary looks truncated")

	c := behaviourDefault(t)
	terms := make(map[string]bool)
	for _, e := range c.Lexicons().Entries() {
		terms[strings.ToLower(e.Term)] = true
		terms[e.Phrase()] = true
	}
	norm := c.Normalizer()
	var offenders []string
	for _, w := range words {
		if terms[w] || terms[norm.Word(w)] {
			continue
		}
		r := c.Classify(w)
		for _, lr := range r.Labels {
			for _, ev := range lr.Evidence {
				if ev.Match == classify.MatchFuzzy {
					offenders = append(offenders, fmt.Sprintf("%s -> %s %q (distance %d, flagged=%v)", w, lr.Label, ev.Term, ev.Distance, lr.Flagged))
				}
			}
		}
	}
	assert.Emptyf(t, offenders, "%d dictionary words matched fuzzily:\n%s", len(offenders), strings.Join(offenders, "\n"))
}

func TestWithThreshold(t *testing.T) {
	const post = "anjir, macet lagi" // anjir alone is weak evidence
	def := behaviourDefault(t)
	base, ok := def.Classify(post).Label(lAbusive)
	require.True(t, ok, "anjir must give some abusive score")
	require.False(t, base.Flagged, "anjir alone must stay under the default threshold (score %v)", base.Score)
	assert.Equal(t, classify.DefaultThreshold, def.Threshold(lAbusive))

	low, err := classify.New(classify.WithThreshold(lAbusive, base.Score))
	require.NoError(t, err)
	assert.Equal(t, base.Score, low.Threshold(lAbusive))
	assert.Equal(t, classify.DefaultThreshold, low.Threshold(lHate), "other labels keep the default")
	r := low.Classify(post)
	assert.True(t, r.Has(lAbusive), "score == threshold flags: %s", describeResult(r))

	const strong = "dasar anjing lo"
	require.True(t, def.Classify(strong).Has(lAbusive))
	high, err := classify.New(classify.WithThreshold(lAbusive, 1))
	require.NoError(t, err)
	r = high.Classify(strong)
	lr, _ := r.Label(lAbusive)
	if lr.Score < 1 {
		assert.False(t, r.Has(lAbusive), "threshold 1 must not flag score %v", lr.Score)
	}
	assert.True(t, r.Has(lHate), "the hate_speech threshold is unchanged: %s", describeResult(r))
}

func TestInvalidOptions(t *testing.T) {
	for _, tc := range []struct {
		name string
		opt  classify.Option
	}{
		{"threshold 0", classify.WithThreshold(lAbusive, 0)},
		{"threshold negative", classify.WithThreshold(lHate, -0.2)},
		{"threshold above 1", classify.WithThreshold(lSARA, 1.5)},
		{"threshold NaN", classify.WithThreshold(lHoax, math.NaN())},
		{"threshold +Inf", classify.WithThreshold(lHoax, math.Inf(1))},
		{"unknown label", classify.WithThreshold(lexicon.Label("spam"), 0.5)},
		{"nil lexicon set", classify.WithLexicons(nil)},
		{"missing lexicon dir", classify.WithLexiconFS(fstest.MapFS{}, "nope")},
		{"bad lexicon file", classify.WithLexiconFS(fstest.MapFS{
			"lex/bad.txt": {Data: []byte("#! saring-lexicon 1\nbabi | label=hat\n")},
		}, "lex")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := classify.New(tc.opt)
			assert.Error(t, err)
			assert.Nil(t, c)
		})
	}
}

func TestWithoutFuzzy(t *testing.T) {
	posts := []string{"lo tuh asshle banget", "motherfukcer lo", "dasar rafidah sesat"}
	def := behaviourDefault(t)
	nf, err := classify.New(classify.WithoutFuzzy())
	require.NoError(t, err)
	for _, p := range posts {
		t.Run(p, func(t *testing.T) {
			require.Positive(t, countEvidenceMatch(def.Classify(p), classify.MatchFuzzy), "default must match %q fuzzily", p)
			r := nf.Classify(p)
			assert.Zero(t, countEvidenceMatch(r, classify.MatchFuzzy), "WithoutFuzzy: %s", describeResult(r))
			assertResultInvariants(t, p, r)
		})
	}
	// Exact matches are unaffected.
	assert.True(t, nf.Classify("dasar anjing lo").Has(lAbusive))
}

func TestWithLexiconFS(t *testing.T) {
	fsys := fstest.MapFS{
		"mylex/extra.txt": {Data: []byte(`#! saring-lexicon 1
# A researcher's additions and overrides.
@defaults label=abusive kind=insult severity=moderate
otak ubi | weight=0.7 | note=hinaan bodoh (uji)
bangsat | weight=0 | note=dimatikan untuk uji
`)},
	}
	def := behaviourDefault(t)
	c, err := classify.New(classify.WithLexiconFS(fsys, "mylex"))
	require.NoError(t, err)

	t.Run("extends", func(t *testing.T) {
		require.False(t, def.Classify("otak ubi").Has(lAbusive), "otak ubi is not a default term")
		r := c.Classify("otak ubi")
		assert.True(t, r.Has(lAbusive), "%s", describeResult(r))
		assertBehaviourEvidence(t, "otak ubi", r, behaviourEv{label: lAbusive, text: "otak ubi", term: "otak ubi", match: classify.MatchPhrase})
		lr, _ := r.Label(lAbusive)
		require.NotEmpty(t, lr.Evidence)
		assert.Equal(t, "mylex/extra.txt:4", lr.Evidence[0].Source)
	})
	t.Run("weight 0 disables a default term", func(t *testing.T) {
		require.True(t, def.Classify("bangsat").Has(lAbusive))
		r := c.Classify("bangsat")
		assert.Empty(t, r.Flagged, "%s", describeResult(r))
		for _, lr := range r.Labels {
			for _, ev := range lr.Evidence {
				assert.NotEqual(t, "bangsat", ev.Term, "disabled term still gives evidence: %s", describeResult(r))
			}
		}
	})
	t.Run("defaults still apply", func(t *testing.T) {
		assert.True(t, c.Classify("dasar k4f1r lo").Has(lSARA))
		assert.Empty(t, c.Classify("Selamat Imlek untuk saudara Tionghoa").Flagged)
	})
}

func TestClassifyBatch(t *testing.T) {
	c := behaviourDefault(t)
	posts := []string{
		"dasar k4f1r lo",
		"Selamat Natal untuk saudara-saudara umat Kristiani, damai selalu",
		"anjir macet banget, bangsat",
		"",
		"sebarkan ke semua grup sebelum dihapus!!",
		"capres nomor urut 2 itu antek asing dan PKI",
		"\xff\xfe",
		"usir mereka dari kampung kita!",
	}
	// Enough posts that several workers run at once.
	var texts []string
	for i := 0; i < 25; i++ {
		texts = append(texts, posts...)
	}

	t.Run("order preserved", func(t *testing.T) {
		got, err := c.ClassifyBatch(context.Background(), texts)
		require.NoError(t, err)
		require.Len(t, got, len(texts))
		for i, text := range texts {
			assert.Equalf(t, describeResult(c.Classify(text)), describeResult(got[i]), "result %d (%q)", i, text)
		}
	})
	t.Run("empty batch", func(t *testing.T) {
		got, err := c.ClassifyBatch(context.Background(), nil)
		require.NoError(t, err)
		assert.Empty(t, got)
	})
	t.Run("cancelled context", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		got, err := c.ClassifyBatch(ctx, texts)
		require.Error(t, err)
		assert.ErrorIs(t, err, context.Canceled)
		assert.Nil(t, got)
	})
	t.Run("cancelled context, one text", func(t *testing.T) {
		// With a context that is done before the call, the result must not
		// depend on whether a worker happened to be ready first.
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		one := []string{"dasar k4f1r lo"}
		succeeded := 0
		const runs = 100000
		for i := 0; i < runs; i++ {
			if _, err := c.ClassifyBatch(ctx, one); err == nil {
				succeeded++
			}
		}
		assert.Zerof(t, succeeded, "ClassifyBatch with an already-cancelled context returned a nil error in %d of %d runs", succeeded, runs)
	})
	t.Run("deadline exceeded", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 0)
		defer cancel()
		<-ctx.Done()
		_, err := c.ClassifyBatch(ctx, texts)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	})
}

func TestResultLabelAndHas(t *testing.T) {
	c := behaviourDefault(t)
	r := c.Classify("dasar k4f1r lo")
	lr, ok := r.Label(lSARA)
	require.True(t, ok)
	assert.Equal(t, lSARA, lr.Label)
	assert.True(t, lr.Flagged)
	assert.Contains(t, lr.Targets, tAgama)
	assert.True(t, r.Has(lSARA))

	_, ok = r.Label(lHoax)
	assert.False(t, ok, "a label without score is absent")
	assert.False(t, r.Has(lHoax))
}

func TestResultJSONShape(t *testing.T) {
	c := behaviourDefault(t)
	b, err := json.Marshal(c.Classify("dasar k4f1r lo"))
	require.NoError(t, err)
	var got struct {
		Flagged []string `json:"flagged"`
		Labels  []struct {
			Label    string   `json:"label"`
			Score    float64  `json:"score"`
			Flagged  bool     `json:"flagged"`
			Severity string   `json:"severity"`
			Targets  []string `json:"targets"`
			Evidence []struct {
				Term  string   `json:"term"`
				Text  string   `json:"text"`
				Start int      `json:"start"`
				End   int      `json:"end"`
				Match string   `json:"match"`
				Via   []string `json:"via"`
			} `json:"evidence"`
		} `json:"labels"`
	}
	require.NoError(t, json.Unmarshal(b, &got), "%s", b)
	assert.Contains(t, got.Flagged, "sara")
	assert.Contains(t, got.Flagged, "hate_speech")
	var saw bool
	for _, l := range got.Labels {
		if l.Flagged {
			assert.Contains(t, []string{"weak", "moderate", "strong"}, l.Severity)
		} else {
			assert.Empty(t, l.Severity, "an unflagged label has no severity")
		}
		if l.Label != "sara" {
			continue
		}
		saw = true
		assert.Contains(t, l.Targets, "agama")
		require.NotEmpty(t, l.Evidence)
		ev := l.Evidence[0]
		assert.Equal(t, "dasar k4f1r", ev.Text)
		assert.Equal(t, "dasar kafir", ev.Term)
		assert.Equal(t, "phrase", ev.Match)
		assert.Equal(t, []string{"leet"}, ev.Via)
		assert.Equal(t, 0, ev.Start)
		assert.Equal(t, 11, ev.End)
	}
	assert.True(t, saw, "%s", b)
}

// ---- helpers ----------------------------------------------------------

// describeResult renders a result compactly for failure messages (without sources).
func describeResult(r classify.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "flagged=%v", r.Flagged)
	for _, lr := range r.Labels {
		fmt.Fprintf(&b, "\n  %s score=%.3f flagged=%v severity=%v targets=%v", lr.Label, lr.Score, lr.Flagged, lr.Severity, lr.Targets)
		for _, ev := range lr.Evidence {
			fmt.Fprintf(&b, "\n    term=%q text=%q [%d,%d) match=%s", ev.Term, ev.Text, ev.Start, ev.End, ev.Match)
			if len(ev.Via) > 0 {
				fmt.Fprintf(&b, " via=%v", ev.Via)
			}
			if ev.Rule != "" {
				fmt.Fprintf(&b, " rule=%s", ev.Rule)
			}
			if ev.Distance > 0 {
				fmt.Fprintf(&b, " distance=%d", ev.Distance)
			}
			fmt.Fprintf(&b, " weight=%.3f", ev.Weight)
			if len(ev.Context) > 0 {
				fmt.Fprintf(&b, " context=%q", ev.Context)
			}
		}
	}
	return b.String()
}

func countEvidenceMatch(r classify.Result, how classify.How) int {
	n := 0
	for _, lr := range r.Labels {
		for _, ev := range lr.Evidence {
			if ev.Match == how {
				n++
			}
		}
	}
	return n
}

func behaviourHasString(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}

func behaviourLabelIndex(ls []lexicon.Label, l lexicon.Label) int {
	for i, x := range ls {
		if x == l {
			return i
		}
	}
	return -1
}

func behaviourNilIfEmpty(ls []lexicon.Label) []lexicon.Label {
	if len(ls) == 0 {
		return nil
	}
	return ls
}
