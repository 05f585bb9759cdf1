// Package classify classifies Indonesian social-media text into six labels:
// hate_speech (ujaran kebencian), sara (hate aimed at a suku, agama, ras or
// antargolongan identity; always hate_speech too), black_campaign (kampanye
// hitam, electoral smear), provocation (hasutan, adu domba), hoax (markers of
// hoax messages) and abusive (kata kasar). Every verdict comes with the
// evidence behind it: the lexicon term, the original text and its byte span,
// and how an evasion (k4f1r, k a f i r, 𝐛𝐚𝐛𝐢, k*fir) was undone.
//
// It matches whole tokens and token sequences, never substrings, so bangsa is
// not bangsat, cinta is not cina, pantai and santai hold no tai, asuransi
// holds no asu, and kafe is not kafir. Texts that only talk about the
// categories (news about hoaxes, appeals against ujaran kebencian,
// counter-speech) are meant to come back clean: a mention is not a use.
//
// # Pipeline
//
// Normalize. The text is cut into tokens by the classifier's
// [normalize.Normalizer] (see [Classifier.Normalizer]): Unicode
// compatibility forms, styled and look-alike letters and invisible
// characters are folded; leetspeak inside words, elongation, split and
// dotted letters, masked letters, reduplication (anak2) and slang (gk, bgst,
// cino) are undone; each token gets a stem (Indonesian, or English for common
// English words). Every token keeps its byte span in the original text. The
// normalizer knows the lexicon's words, so it resolves elongations such as
// kafiiir against them.
//
// Match. Each word or hashtag token is looked up in the lexicons (the
// embedded defaults of package lexicon, extended or replaced by options). A
// term's words match tokens as written, that is by their normalised form,
// also with a clitic attached (-nya, -ku, -mu, -lah, -kah, -pun: bangsatnya,
// kafirlah) or reduplicated (anak-anak); multi-word phrases match only so,
// word by word, in one sentence. A phrase that opens with a wish (semoga,
// mudah-mudahan) may have its subject after that word, set off by spaces
// only: a pronoun, with semua or sekeluarga after it (semoga lo kecelakaan
// matches semoga kecelakaan), and that subject is the wish's target.
// Stems are compared only where stemming is safe: for
// single-word terms whose stem has at least four letters, of label entries
// that are not insult-like and of the action, group, political and counter
// lists. There a root matches its verb forms but not -an nouns (sarapan is
// not sarap), a derived term matches only forms with the same suffix
// (diviralkan -> viralkan, menyerbu -> serbu), and counter cues match by
// stem only as roots. Insult-like terms (kinds profanity, vulgar, insult,
// slur, dehumanize, stereotype, threat, curse) never match by stem, so
// dikafirkan is not kafir and menghina reports an insult rather than making
// one; nor do the allow, person, negator and mention lists. A token with
// masked letters that matched nothing else is resolved against single-word
// label terms of the same length when at least half of its letters are
// visible (k*fir). Last, only when nothing else matched and the token is not
// a known word (a lexicon or slang-dictionary word), a token of 5 to 32
// ASCII letters may match a single-word ASCII label term that allows it
// (fuzzy=yes) within [lexicon.FuzzyDistance] edits and with the same first
// letter (asshle, motherfukcer; kafe stays away from kafir). A match is
// reported as exact, slang, leet, elongation, split, unicode, reduplication,
// mask, stem (also for a clitic or reduplicated form), fuzzy or phrase (see
// [How]).
//
// Context. Matches overlapping an allow-listed phrase (anjing peliharaan,
// sate babi) are dropped, and so is every match but a counter cue that
// overlaps a mention word (hoaks, kampanye hitam). Also dropped are label
// matches inside a longer label match that shares one of their labels, a
// second spelling of a term at the same place, group and political words
// inside a smear (asing in antek asing), counter cues inside longer label
// evidence (jangan pilih) and label evidence inside a counter cue (jangan
// sebarkan). Evidence that is purely abusive stays as it is: a swear word is
// one whether negated, quoted or countered. Other evidence right after a
// negator in its sentence (bukan kafir) keeps a tenth of its weight and
// takes part in no rule, and keeps three tenths of its weight when it is
// talked about rather than said: in the sentence of a counter-speech cue
// (tangkal, cek fakta, dibantah), anywhere in a text that both names a
// category and carries a counter cue, as news does, or inside quotation
// marks on its line (kata 'kafir' sering dipakai). An action verb right
// after a negator (jangan bakar, tidak usir) makes no call. Rule evidence
// built on a match is scaled by the same context. Evidence says what changed
// its weight in [Evidence.Context].
//
// Rules. Patterns over nearby tokens of one sentence add evidence, reported
// with match "rule" and the rule's name ("within n tokens" below means at
// most n tokens between the two). An insult-like match (not itself a sara
// term) within four tokens of an identity group noun is sara, with the
// group's targets (group+insult). One aimed at a person is hate_speech
// (person+insult): aimed by a person word or political target up to three
// tokens before it (dasar goblok), or after it when that is a pronoun
// (anjing lo) or follows a particle (tolol bgt nih admin); by a person word
// inside the insult that speaks to "you" (mukamu kayak babi); or by an
// @mention among the three tokens on either side. Vulgar and stereotype
// kinds are not personal insults and do not take part. An abusive insult so
// aimed, or inside a sara or hate_speech term, counts as the insult, not the
// animal (aimed insult: babi, anjing); an ambiguous one that stands alone as
// an exclamation counts too (exclamation). A black_campaign term, or a
// smear, slur or conspiracy, within six tokens of a political target is
// black_campaign (political+smear), and hate_speech too when it is a
// personal insult (capres itu planga plongo). A hostile action verb with a
// group, person or political target within four tokens is provocation
// (action+target, weight 0.65); the target must follow the verb (polisi
// tangkap pelaku is a report) unless a call word (ayo, mari, kita, harus,
// wajib, segera) precedes it. Against a group the call is sara too, with the
// group's targets (action+group); against a person it is hate_speech
// (threat), and only that when it is said to "you" without a call word.
// Without a target, a verb used as a command — opening its sentence, after a
// call word, or before aja/saja (bunuh aja) — is provocation of weight 0.4
// (imperative). Prefixed verb forms (dibakar, membakar) are reports and
// count only after a call word (harus dibubarkan). In a text that already
// has hoax evidence, shouting in capitals and a run of "!!" add 0.2 each,
// and a chain imperative (sebarkan, viralkan) of weight 0.3 or more together
// with another hoax marker or with either of those adds 0.5 (chain+claim);
// weaker chain cues, as genuine requests use (tolong share), pair with
// nothing.
//
// Score. Evidence standing on one match counts once per label, at its
// highest weight: a rule that upgrades a match's evidence for a label it
// already counts for (aimed insult over abusive babi, person+insult over a
// hate_speech insult) replaces it rather than adding to it. A rule built on
// a lexicon match weighs that match's weight plus 0.35, at most 0.95, scaled
// by its context. Independent evidence (different matches, and rule evidence
// of its own such as shouting or chain+claim) combines by noisy-OR, 1 - Π(1
// - weight), rounded to three decimals; sara evidence also counts for
// hate_speech. A label is flagged when its score reaches its threshold
// ([LabelThreshold] unless [WithThreshold] says otherwise). A flagged
// label's severity is the strongest severity among its evidence of weight
// 0.1 or more (negated evidence does not count), at least weak; a label
// below its threshold has none.
//
// # Concurrency
//
// A [Classifier] is immutable after [New] and safe for concurrent use by any
// number of goroutines; build it once and share it. Classify reuses pooled
// scratch space, so a call allocates little beyond its Result.
// [Classifier.ClassifyBatch] classifies many texts on all cores and keeps
// their order. A [Live] holds a Classifier that can be replaced while in use,
// for servers that reload their lexicons.
//
// # Result
//
// A [Result] lists the flagged labels and, in the stable order of
// [lexicon.Labels], every label with a non-zero score. Its JSON form is
// stable API; this is the result for "dasar k4f1r lo", shortened:
//
//	{
//	  "flagged": ["hate_speech", "sara"],
//	  "labels": [
//	    {"label": "hate_speech", "score": 0.85, "flagged": true, "severity": "moderate",
//	     "evidence": [...]},
//	    {"label": "sara", "score": 0.85, "flagged": true, "severity": "moderate",
//	     "targets": ["agama"],
//	     "evidence": [{"term": "dasar kafir", "text": "dasar k4f1r", "start": 0, "end": 11,
//	                   "match": "phrase", "via": ["leet"], "kind": "insult", "weight": 0.85,
//	                   "source": "lexicon/data/sara.txt:182"}]}
//	  ]
//	}
//
// A text with no evidence, such as the empty string, gives
// {"flagged":[],"labels":[]}. For lexicon evidence, text is always
// input[start:end]; rule evidence also names its rule, and a
// counter-speech or negated piece of evidence lists why in "context".
//
// # Usage
//
//	c, err := classify.New(classify.WithThreshold(lexicon.Hoax, 0.6))
//	if err != nil {
//		return err
//	}
//	r := c.Classify("dasar k4f1r lo")
//	if r.Has(lexicon.SARA) {
//		lr, _ := r.Label(lexicon.SARA)
//		fmt.Println(lr.Targets, lr.Evidence[0].Text) // [agama] dasar k4f1r
//	}
package classify
