// Package classify classifies Indonesian social-media text into six labels:
// hate_speech (ujaran kebencian), sara (hate aimed at a suku, agama, ras or
// antargolongan identity; always hate_speech too), black_campaign (kampanye
// hitam, electoral smear), provocation (hasutan, adu domba), hoax (markers of
// hoax messages) and abusive (kata kasar). Every verdict comes with the
// evidence behind it: the lexicon term, the original text and its byte span,
// and how an evasion (k4f1r, k a f i r, 𝐛𝐚𝐛𝐢, k*fir) was undone.
//
// It matches whole tokens and token sequences, never substrings (bangsa is
// not bangsat, pantai holds no tai), weighs each match in its context
// (negation, counter-speech, quotation: a mention is not a use), and applies
// rules over nearby words (group + insult is sara, person + insult is
// hate_speech). The knowledge — terms, context and grammar lists, and the
// rules — is lexicon data, described in the researcher's guide,
// lexicon/README.md; this package compiles it once in [New].
//
// # Pipeline
//
// Classify runs one phase a file:
//
//  1. normalize: the [normalize.Normalizer] cuts the text into tokens with
//     byte spans in the original, undoing evasions (k4f1r, k a f i r, 𝐛𝐚𝐛𝐢,
//     slang) and stemming;
//  2. match (match.go): lexicon terms and phrases on the tokens' normalised
//     forms, safe stems, masked letters and, last, spelling tolerance;
//  3. context (context.go): allow and mention words drop overlapping
//     matches; negation, counter-speech and quotation scale weights;
//  4. rules (rules.go): the compiled rule table adds evidence over nearby
//     tokens and over the whole text;
//  5. score (score.go): per label, evidence standing on one match counts
//     once at its highest weight, independent evidence combines by noisy-OR,
//     1 - Π(1 - weight), and the score is compared with the label's threshold;
//  6. result (result.go): every piece of evidence, built there, and the
//     [Result].
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
