// Package lexicon reads, validates, merges and lints saring's lexicon files.
//
// A lexicon is a set of plain UTF-8 text files, one entry per line, that a
// researcher can edit without touching Go code. Each entry is a term (a word
// or a multi-word phrase in standard lowercase spelling) with named fields:
// the labels it is evidence for and how strongly (weight), or the context list
// it belongs to (allow, group, person, political, action, counter, negator,
// mention), plus severity, SARA targets, kind, whether spelling-tolerant
// matching is allowed, and a free-text note. The format is described in the
// package README and in [Parse].
//
// Terms are normalised with the same normalizer that is applied to the text
// being classified (normalize.Default), so an entry's Words and Stems can be
// compared directly with token Norms and Stems.
//
// The default lexicons are embedded in the binary ([Default]); a user's
// files can extend or override them ([Load], [LoadDir], [Set.Extend]).
// [Lint] checks a Set for duplicates, disabled entries and fuzzy terms that
// sit too close to ordinary dictionary words.
package lexicon
