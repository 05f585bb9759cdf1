// Package stem reduces Indonesian and English words to their stems.
//
// Indonesian follows the Snowball Indonesian algorithm (Tala's "Porter
// stemmer for Bahasa Indonesia" as specified by the Snowball project). The
// measure of a word is its number of vowels (a, e, i, o, u); every affix
// removes exactly one vowel, and an affix is only removed while the word
// still has more than two vowels. The steps are:
//
//  1. Remove a particle: -kah, -lah, -pun.
//  2. Remove a possessive pronoun: -ku, -mu, -nya.
//  3. Remove a first-order prefix, with its sound changes: meng-, men-,
//     me-, di-, ter- (kind "di"); peng-, pen-, ke- (kind "peng");
//     meny- and peny- before a vowel become s- (menyebar -> sebar); mem-
//     and pem- before a vowel become p- (memukul -> pukul), and are
//     removed before a consonant (membakar -> bakar).
//  4. If a first-order prefix was removed: remove a derivational suffix
//     (-kan, -an, -i) and, only if that succeeded, a second-order prefix.
//     Otherwise: remove a second-order prefix (ber-, be- before
//     consonant+"er", per-, pe-; belajar/pelajar -> ajar), then a
//     derivational suffix.
//
// A derivational suffix is only removed when it may combine with the
// prefix found: -kan not after ke-/peng-/per-, -an not after di-/meng-/ter-,
// -i only after no prefix, di-/meng-/ter- or per-, and not after "s".
//
// As in Snowball, the k of a root is not restored after meng-/peng-
// (mengirim -> irim, dikirim -> kirim) nor the t after men-/pen-
// (menulis -> ulis, ditulis -> tulis); only s (meny-) and p (mem-) are.
// This package deviates from Snowball in a few documented places, so that
// short and common words keep their shape:
//
//   - Words shorter than four letters, words with anything but the lowercase
//     letters a-z (digits, capitals, masks such as k*fir, accents), and
//     affix removals that would leave fewer than three letters are left
//     alone.
//   - The suffix -i is not removed after "a": words in -ai are nearly
//     always roots (pantai, santai, sampai, damai, bantai, bangkai), so
//     bantai, dibantai, membantai and pembantaian all stem to bantai
//     (Snowball gives banta for the first three).
//   - A short closed list of roots that begin with n, ny or m keeps its
//     nasal after me-/pe- instead of losing it (menistakan, penistaan ->
//     nista; menyatakan -> nyata; memaki -> maki, memarahi -> marah,
//     mematikan -> mati), where Snowball gives ista, sata, paki, parah, pati.
//   - A small table of special words, checked on the whole word and again
//     after the particle and the possessive are gone, keeps person, group
//     and political words and a few insults from turning into other common
//     words (mereka -> reka, kalian -> kali, menteri -> teri, teroris ->
//     oris, bajingan -> bajing, kampungan -> kampung), and fixes roots that
//     end like a particle or pronoun (sekolah -> seko, bertemu -> berte,
//     bertanya -> berta, menikah -> meni), as the english package's special
//     words do.
//   - Reduplicated words with one hyphen ("anak-anak", as the normalizer
//     writes anak2) stem to the stem of their halves when both halves stem
//     alike (anak-anak -> anak, berlari-lari -> lari, pukul-memukul ->
//     pukul); other hyphenated words are left alone.
//
// English words are stemmed with the Snowball English (Porter2) stemmer of
// github.com/kljensen/snowball. [Word] picks the stemmer with [IsEnglish],
// which looks the word up in a small embedded list of common English words
// seen in Indonesian code-mixed posts.
//
// [Indonesian] and [Word] return their input unchanged, without allocating,
// when no rule can apply, and return a substring of the input when the stem
// is one; [Word] looks up the stems of listed English words in a table made
// at start-up. No function of the package panics on any input.
package stem
