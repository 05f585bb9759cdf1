package lexicon

import (
	"fmt"
	"slices"
	"strconv"
)

// Label is one of the six classification labels. Its string value is the
// stable JSON name used in results and in lexicon files.
type Label string

// The six labels, in their stable order (see [Labels]).
const (
	HateSpeech    Label = "hate_speech"    // ujaran kebencian
	SARA          Label = "sara"           // hate aimed at suku, agama, ras or antargolongan
	BlackCampaign Label = "black_campaign" // kampanye hitam: electoral smear
	Provocation   Label = "provocation"    // provokasi, hasutan, adu domba
	Hoax          Label = "hoax"           // hoax-message markers
	Abusive       Label = "abusive"        // kata kasar: profanity, vulgarity
)

var allLabels = [...]Label{HateSpeech, SARA, BlackCampaign, Provocation, Hoax, Abusive}

// Labels returns all six labels in their stable order: hate_speech, sara,
// black_campaign, provocation, hoax, abusive. The slice is a fresh copy.
func Labels() []Label { return slices.Clone(allLabels[:]) }

// Valid reports whether l is one of the six labels.
func (l Label) Valid() bool { return slices.Contains(allLabels[:], l) }

// String returns the label's name.
func (l Label) String() string { return string(l) }

// ParseLabel returns the label named s (for example "hate_speech").
func ParseLabel(s string) (Label, error) {
	l := Label(s)
	if !l.Valid() {
		return "", fmt.Errorf("unknown label %q", s)
	}
	return l, nil
}

// Target is a SARA target: the kind of identity a group noun or a SARA term
// refers to.
type Target string

// The four SARA targets.
const (
	Suku          Target = "suku"          // ethnicity
	Agama         Target = "agama"         // religion
	Ras           Target = "ras"           // race
	Antargolongan Target = "antargolongan" // inter-group (class, political or social group)
)

var allTargets = [...]Target{Suku, Agama, Ras, Antargolongan}

// Targets returns the four targets in their stable order: suku, agama, ras,
// antargolongan. The slice is a fresh copy.
func Targets() []Target { return slices.Clone(allTargets[:]) }

// Valid reports whether t is one of the four targets.
func (t Target) Valid() bool { return slices.Contains(allTargets[:], t) }

// String returns the target's name.
func (t Target) String() string { return string(t) }

// ParseTarget returns the target named s (for example "agama").
func ParseTarget(s string) (Target, error) {
	t := Target(s)
	if !t.Valid() {
		return "", fmt.Errorf("unknown target %q", s)
	}
	return t, nil
}

// List names a context list. An entry belongs either to one context list or
// carries labels, never both.
type List string

// The context lists. See the package README for what the classifier's rules
// do with each of them.
const (
	Allow     List = "allow"     // never flagged (anjing peliharaan, sate babi)
	Group     List = "group"     // identity group nouns, with targets (tionghoa, batak, kristen)
	Person    List = "person"    // words that aim an insult at a person (lo, kamu, dasar)
	Political List = "political" // political targets (capres, paslon, partai)
	Action    List = "action"    // hostile action verbs (serbu, bakar, usir)
	Counter   List = "counter"   // counter-speech cues (jangan, tangkal, klarifikasi)
	Negator   List = "negator"   // negation (bukan, tidak, belum)
	Mention   List = "mention"   // words that only name a category (hoaks, ujaran kebencian)
	Gloss     List = "gloss"     // words that talk about words (artinya, dalam bahasa, sapaan)
	Report    List = "report"    // reporting verbs (menyebut, mengatai)
	Sport     List = "sport"     // words of play (gawang, bek, kiper): their owner is a player, no target
)

// The grammar lists: the small closed word classes the classifier's rules
// read around the matches (see the package README). Their words are never
// evidence and never matched as terms; a rule asks whether a token is one.
const (
	Pronoun        List = "pronoun"         // after an insult, its target (anjing lo); a wish's subject
	SecondPerson   List = "second_person"   // pronouns that address the reader (kamu, anda)
	Singular       List = "singular"        // person words that point at one person (dia, beliau, si)
	CallWord       List = "call_word"       // make a verb a call to act (ayo, kita, harus)
	Reason         List = "reason"          // a reason between two words (karena, sebab)
	Particle       List = "particle"        // after an insult, before the noun it is said of (tolol sangat admin)
	ExclamationEnd List = "exclamation_end" // may close an exclamation (babi lah)
	CommandEnd     List = "command_end"     // after a verb, make it a command (bunuh saja)
	Quantifier     List = "quantifier"      // before a person noun, make it many (para dukun itu)
	SubjectEnd     List = "subject_end"     // after a wish's pronoun, part of its subject (kalian semua)
	Demonstrative  List = "demonstrative"   // after a noun, make it one (dukun itu)
	Wish           List = "wish"            // open a wish whose subject may follow (semoga)
	Generaliser    List = "generaliser"     // said of a whole group (semua, selalu, memang)
	FirstPerson    List = "first_person"    // the speaker (aku, saya, kami): a reporting verb after one is use
	Contrast       List = "contrast"        // open a clause that turns against the one before (padahal, tapi)
	Judgement      List = "judgement"       // open a clause that compares or judges, no property (lebih, paling, salah, berani)
	Collective     List = "collective"      // person nouns that name many (warga): warganya is not one person
	Invitation     List = "invitation"      // after the speaker's own act, ask others to join (ayo, ikut, harus)
)

var allLists = [...]List{
	Allow, Group, Person, Political, Action, Counter, Negator, Mention, Gloss,
	Report, Sport, Pronoun, SecondPerson, Singular, CallWord, Reason, Particle,
	ExclamationEnd, CommandEnd, Quantifier, SubjectEnd, Demonstrative, Wish,
	Generaliser, FirstPerson, Contrast, Judgement, Collective, Invitation,
}

// Lists returns the context and grammar lists in their stable order. The
// slice is a fresh copy.
func Lists() []List { return slices.Clone(allLists[:]) }

// Valid reports whether l is one of the context or grammar lists.
func (l List) Valid() bool { return slices.Contains(allLists[:], l) }

// Grammar reports whether l is a grammar list (pronoun, call_word, ...):
// its words are never matched as terms, only asked about by the rules.
func (l List) Grammar() bool {
	return slices.Index(allLists[:], l) >= slices.Index(allLists[:], Pronoun)
}

// String returns the list's name.
func (l List) String() string { return string(l) }

// ParseList returns the context list named s (for example "allow").
func ParseList(s string) (List, error) {
	l := List(s)
	if !l.Valid() {
		return "", fmt.Errorf("unknown list %q", s)
	}
	return l, nil
}

// Kind says what sort of evidence a label entry is. It is informative (for
// stats, evidence and rules); the empty Kind means "not given".
type Kind string

// The kinds of evidence.
const (
	KindProfanity  Kind = "profanity"  // swear word (anjing, bangsat)
	KindVulgar     Kind = "vulgar"     // sexual or scatological vulgarity
	KindInsult     Kind = "insult"     // insult of a person's mind, looks or worth (goblok)
	KindSlur       Kind = "slur"       // identity slur (aseng, kadrun)
	KindDehumanize Kind = "dehumanize" // calls people animals, vermin, disease
	KindStereotype Kind = "stereotype" // generalisation about a group (pelit semua)
	KindThreat     Kind = "threat"     // threat or wish of harm
	KindCurse      Kind = "curse"      // curse, damnation (laknat)
	KindSmear      Kind = "smear"      // political smear (antek asing, ijazah palsu)
	KindCall       Kind = "call"       // call to collective action
	KindAduDomba   Kind = "adu_domba"  // setting groups against each other
	KindBoycott    Kind = "boycott"    // call to shun someone's shops or goods (jangan belanja di)
	KindChain      Kind = "chain"      // chain-message imperative (sebarkan, viralkan)
	KindAuthority  Kind = "authority"  // unverifiable authority (kata orang dalam)
	KindUrgency    Kind = "urgency"    // panic and urgency (sebelum dihapus, darurat)
	KindCure       Kind = "cure"       // miracle cure
	KindScam       Kind = "scam"       // scam lure (hadiah, transfer)
	KindConspiracy Kind = "conspiracy" // conspiracy claim
	KindClaim      Kind = "claim"      // sensational factual claim
)

// InsultLike reports the kinds that, aimed at a group or a person, make
// hate speech: profanity, vulgar, insult, slur, dehumanize, stereotype,
// threat and curse.
func (k Kind) InsultLike() bool {
	switch k {
	case KindProfanity, KindVulgar, KindInsult, KindSlur, KindDehumanize, KindStereotype, KindCurse, KindThreat:
		return true
	}
	return false
}

// Personal reports the insult-like kinds that insult the one person they are
// aimed at. Vulgarity at someone (@x ngentot) is crude banter, abusive but
// not hate speech, and a stereotype (malas, pelit) said of one person is a
// description, of a group a generalisation; the other insult-like kinds are
// personal.
func (k Kind) Personal() bool {
	return k.InsultLike() && k != KindVulgar && k != KindStereotype
}

// Smear reports the kinds that smear whoever they are said of: near a
// political target they are a black campaign (cagub itu antek aseng). They
// are smear, slur and conspiracy.
func (k Kind) Smear() bool {
	return k == KindSmear || k == KindSlur || k == KindConspiracy
}

var allKinds = [...]Kind{
	KindProfanity, KindVulgar, KindInsult, KindSlur, KindDehumanize, KindStereotype,
	KindThreat, KindCurse, KindSmear, KindCall, KindAduDomba, KindBoycott, KindChain,
	KindAuthority, KindUrgency, KindCure, KindScam, KindConspiracy, KindClaim,
}

// Kinds returns every valid kind in a stable order. The slice is a fresh copy.
func Kinds() []Kind { return slices.Clone(allKinds[:]) }

// Valid reports whether k is one of the defined kinds. The empty Kind is not
// valid (it means "not given").
func (k Kind) Valid() bool { return slices.Contains(allKinds[:], k) }

// String returns the kind's name.
func (k Kind) String() string { return string(k) }

// ParseKind returns the kind named s (for example "slur").
func ParseKind(s string) (Kind, error) {
	k := Kind(s)
	if !k.Valid() {
		return "", fmt.Errorf("unknown kind %q", s)
	}
	return k, nil
}

// Severity grades how serious a piece of evidence is. Severities are
// ordered: Weak < Moderate < Strong. The zero value means "none".
type Severity uint8

// The severities. The zero Severity means "none" (for example, a label that
// was not flagged).
const (
	Weak     Severity = iota + 1 // mild, often context-dependent
	Moderate                     // clearly offensive or clearly evidence
	Strong                       // slurs, dehumanisation, threats
)

var severityNames = [...]string{"", "weak", "moderate", "strong"}

// String returns "weak", "moderate" or "strong"; the zero Severity gives ""
// and an out-of-range value gives "Severity(n)".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "Severity(" + strconv.Itoa(int(s)) + ")"
}

// ParseSeverity returns the severity named s ("weak", "moderate" or "strong").
func ParseSeverity(s string) (Severity, error) {
	for i := 1; i < len(severityNames); i++ {
		if severityNames[i] == s {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want weak, moderate or strong)", s)
}

// MarshalText implements [encoding.TextMarshaler]. The zero Severity
// marshals to the empty string; an out-of-range value is an error.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, fmt.Errorf("invalid severity %d", uint8(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler]. The empty string
// gives the zero Severity.
func (s *Severity) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*s = 0
		return nil
	}
	v, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Position locates an entry in a lexicon file.
type Position struct {
	File string // file name as given to Parse (for embedded defaults: "lexicon/data/x.txt")
	Line int    // 1-based line number; 0 when unknown
}

// String formats the position as "file:line" ("file" when Line is 0).
func (p Position) String() string {
	if p.Line <= 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}
