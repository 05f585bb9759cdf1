// Package classify classifies Indonesian social-media text into six labels
// (hate_speech, sara, black_campaign, provocation, hoax, abusive), each with
// a score and the evidence behind it: the lexicon term or rule, the original
// text and its byte span, and how an evasion (k4f1r, k a f i r, 𝐛𝐚𝐛𝐢) was
// undone. The knowledge — terms, context and grammar lists, rules — is
// lexicon data, described in the researcher's guide lexicon/README.md; [New]
// compiles it once into a [Classifier], which is safe for concurrent use.
//
// # Outline
//
// Classify runs one phase a file (see run.go):
//
//  1. normalize: tokens with byte spans, evasions undone (package normalize);
//  2. match (match.go): whole terms and phrases, never substrings;
//  3. context (context.go): allow and mention words, negation, counter-speech,
//     quotation, talk about words and reports;
//  4. rules (rules.go): the compiled rule table, over nearby tokens and the
//     whole text;
//  5. score (score.go): per label, noisy-OR of independent evidence against
//     the label's threshold;
//  6. result (result.go): the evidence and the [Result].
package classify
