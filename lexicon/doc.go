// Package lexicon reads, validates, merges and lints saring's lexicon files.
//
// A lexicon is a set of plain UTF-8 text files, one entry per line, that a
// researcher can edit without touching Go code. Each entry is a term (a word
// or a multi-word phrase in standard lowercase spelling) with named fields:
// the labels it is evidence for and how strongly (weight), or the context list
// it belongs to (allow, group, person, political, action, counter, negator,
// mention, gloss, report) or grammar list (pronoun, call_word, ...), plus
// severity, SARA targets, kind, whether spelling-tolerant matching is
// allowed, and a free-text note. @rule lines ([Rule]) give the classifier's
// patterns over nearby words. The format is described in the package README
// and in [Parse].
//
// Terms are normalised with normalize.Default, the embedded-slang
// normalizer that the classifier's own normalizer extends (with the
// lexicon's words as vocabulary), so an entry's Words and Stems can be
// compared directly with token Norms and Stems.
//
// The default lexicons are embedded in the binary ([Default]); a user's
// files can extend or override them ([Load], [LoadDir], [Set.Extend]).
//
// # Lint
//
// Files that do not parse never reach the linter: [Parse], [Load] and
// [LoadDir] reject them with file:line errors. [Lint] then checks a parsed
// Set, and [LintExtension] checks only a user's entries on top of the
// defaults. Each [Problem] names its check:
//
//   - [CheckNormalized]: the normalizer rewrites the term (a slang form
//     mapped to a common word, a spelling change), so the entry matches the
//     rewritten word; a warning, and an error when the term becomes a single
//     letter, which would match chat noise;
//   - [CheckDuplicate]: the same normalised term with the same label set or
//     list twice (warning);
//   - [CheckDisabled]: weight 0 switches the entry off (warning);
//   - [CheckTarget]: a group noun without target= (warning);
//   - [CheckFuzzy]: a fuzzy term that [FuzzyMatch], the rule the classifier
//     uses, would match with an ordinary word of the dictionary given to
//     Lint (for example the hunspell Indonesian dictionary read by
//     [ReadHunspellDic]) that is neither a term of the Set nor allow-listed
//     (warning; skipped without a dictionary).
package lexicon
