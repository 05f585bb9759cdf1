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
// embedded defaults of package lexicon, extended or replaced by options):
// by its normalised form, including multi-word phrases that start there; by
// its stem, for label entries and the action, group and political lists,
// when the stem has at least four letters (kampretlah, goblokmu); by its
// masked letters against single-word terms of the same length, when at
// least half the letters are visible (k*fir); and, only when nothing else
// matched and the token is not a known word, by a fuzzy match within one or
// two edits of a term that allows it (fuzzy=yes), keeping the first letter
// (asshle, motherfukcer). A match is reported as exact, slang, leet,
// elongation, split, unicode, reduplication, mask, stem, fuzzy or phrase
// (see [How]).
//
// Context. Matches overlapping an allow-listed phrase (anjing peliharaan,
// sate babi) are dropped, as are label matches overlapping a mention word
// (hoaks, kampanye hitam) and matches inside a longer label phrase. A match
// right after a negator (bukan kafir) keeps a tenth of its weight. Evidence
// that is not purely abusive keeps three tenths of its weight in the sentence
// of a counter-speech cue (tangkal, cek fakta, dibantah), or anywhere in a
// text that both names a category and carries a counter cue, as news does.
// Evidence says what changed its weight in [Evidence.Context].
//
// Rules. Patterns over nearby tokens of one sentence add evidence of their
// own, reported with match "rule" and the rule's name: an insult near an
// identity group noun is sara, with the group's targets (group+insult); an
// insult near a person word, a political target or an @mention is
// hate_speech (person+insult), and an ambiguous word so aimed (babi, anjing)
// counts as the insult, not the animal (aimed insult); black_campaign
// evidence near a political target strengthens black_campaign, and counts
// for hate_speech too when the smear is itself an insult (political+smear);
// a hostile action verb in its bare or called form (serbu, ayo bakar, harus
// dibubarkan) near a group, person or political target is provocation
// (action+target), and so is one used as a command (imperative); in a text
// that already has hoax markers, a chain imperative with another marker, a
// run of "!!" or shouting in capitals strengthen hoax (chain+claim,
// exclamations, shouting).
//
// Score. Each label's score is the noisy-OR of its evidence weights,
// 1 - Π(1 - weight), rounded to three decimals; sara evidence also counts
// for hate_speech. A label is flagged when its score reaches its threshold
// ([DefaultThreshold] unless [WithThreshold] says otherwise). Its severity is
// the strongest severity among the evidence that kept its weight.
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
//	                   "source": "lexicon/data/sara.txt:183"}]}
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
