// Package normalize turns Indonesian social-media text into normalised
// tokens and undoes the spellings people use to slip past word filters.
//
// The pipeline folds the text rune by rune into a buffer that remembers, for
// every folded byte, the offset of the original rune it came from:
// compatibility and styled letters are decomposed (NFKD, so 𝐛𝐚𝐛𝐢 and ｂａｂｉ
// become babi), combining marks and zero-width or other invisible
// characters are removed, Cyrillic, Greek and small-capital look-alikes are
// mapped to Latin letters, and everything is lower-cased. The folded buffer
// is then tokenized into URLs, e-mail addresses, @mentions, #hashtags (split
// on letter case and digits), numbers and words, and runs of single letters
// (k a f i r, b.a.b.i) are glued. Each word then goes through reduplication
// (anak2 -> anak-anak), leetspeak inside words (k4f1r -> kafir, never 2019),
// masks kept as one-letter wildcards (k*fir), elongation (kafiiiir -> kafir,
// using known words to keep real double letters such as maaf) and the
// slang dictionary (gk -> tidak), and is finally stemmed. Every Token keeps
// its byte span in the original text, valid for any input, and records in
// Via which evasions were undone.
package normalize
