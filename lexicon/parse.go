package lexicon

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/saring-id/saring/normalize"
	"github.com/saring-id/saring/normalize/stem"
)

// Version is the lexicon file format version this package reads.
const Version = 1

// VersionLine is the line every lexicon file must start with.
const VersionLine = "#! saring-lexicon 1"

// MaxLineBytes is the longest line (without its line ending) Parse accepts.
const MaxLineBytes = 64 << 10

// MaxFileBytes is the most Parse reads of one file; a longer input is an
// error. The default lexicons together are a few hundred KiB, so the bound
// only stops inputs that are not lexicons (a link to /dev/zero, a log file).
const MaxFileBytes = 16 << 20

// maxErrors bounds the errors reported for one file, so that feeding a
// binary file gives a readable answer.
const maxErrors = 50

// Built-in defaults that apply before any @defaults line.
const (
	defaultWeight   = 0.5
	defaultSeverity = Moderate
)

// ParseError is an error in a lexicon file, located by file and line.
type ParseError struct {
	File string // file name as given to Parse
	Line int    // 1-based line number; 0 for errors about the whole file
	Msg  string // what is wrong, for example `unknown label "hat"`
}

// Error formats the error as "file:line: msg".
func (e *ParseError) Error() string {
	return Position{File: e.File, Line: e.Line}.String() + ": " + e.Msg
}

// field identifies a key of an entry line or an @defaults line.
type field uint16

const (
	fLabel field = 1 << iota
	fList
	fWeight
	fSeverity
	fTarget
	fKind
	fFuzzy
	fNote
	fShort
)

var fieldNames = map[string]field{
	"label":    fLabel,
	"list":     fList,
	"weight":   fWeight,
	"severity": fSeverity,
	"target":   fTarget,
	"kind":     fKind,
	"fuzzy":    fFuzzy,
	"note":     fNote,
	"short":    fShort,
}

// fields holds the key=value pairs of one line; has records which were given.
type fields struct {
	has      field // keys given with a valid value
	tried    field // keys given, valid or not
	labels   []Label
	list     List
	weight   float64
	severity Severity
	targets  []Target
	kind     Kind
	fuzzy    bool
	note     string
	short    bool
}

// parser holds the state of one Parse call.
type parser struct {
	file     string
	errs     []error
	entries  []Entry
	rules    []Rule
	defaults fields
	norm     *normalize.Normalizer
	full     bool // error budget exhausted
}

func (p *parser) errorf(line int, format string, args ...any) {
	if p.full {
		return
	}
	if len(p.errs) >= maxErrors {
		p.errs = append(p.errs, &ParseError{File: p.file, Line: line, Msg: "too many errors; giving up on this file"})
		p.full = true
		return
	}
	p.errs = append(p.errs, &ParseError{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Parse reads one lexicon file in format version 1 and returns its entries
// in file order. file names the input in errors and in each Entry's Source.
//
// The format, line by line:
//
//	#! saring-lexicon 1                      (required first non-blank line)
//	# comment                                (ignored, as are blank lines)
//	@defaults label=abusive weight=0.6       (defaults for the lines that follow)
//	term words | key=value | key=value       (an entry)
//
// Keys are label, list, weight, severity, target, kind, fuzzy, short and
// note (short only on entry lines); see
// the package README for their meaning. Fields written on an entry line are
// checked strictly; values inherited from @defaults that do not fit an entry
// (kind or target on a context list that does not take them, fuzzy=yes on a
// context list entry, a short word or a phrase) are dropped for that entry
// instead of rejected.
//
// Parse reads at most [MaxFileBytes] of r: a longer input is an error, so
// an endless one ends. It never panics. It reports every problem it finds,
// each as a *[ParseError] (a read error as itself), joined with
// [errors.Join] (at most about 50 per file); when the returned error is not
// nil the entries are nil.
//
// Parse returns the entries only; [ParseFile] also returns the file's rules
// (@rule lines), which [Load] keeps in the Set.
func Parse(r io.Reader, file string) ([]Entry, error) {
	f, err := ParseFile(r, file)
	if err != nil {
		return nil, err
	}
	return f.Entries, nil
}

// File is one parsed lexicon file: its entries and its rules, in file order.
type File struct {
	Entries []Entry
	Rules   []Rule
}

// ParseFile is [Parse] returning the file's rules too.
func ParseFile(r io.Reader, file string) (*File, error) {
	p := &parser{file: file, norm: normalize.Default()}
	br := bufio.NewReaderSize(&boundedReader{r: r, left: MaxFileBytes}, MaxLineBytes+2)
	versionSeen := false
	versionBad := false
	for lineNo := 1; !p.full; lineNo++ {
		b, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			p.errorf(lineNo, "line too long (more than %d bytes)", MaxLineBytes)
			if !versionSeen {
				versionSeen, versionBad = true, true
				p.errorf(lineNo, "missing version line %q", VersionLine)
			}
			if err != nil {
				if !errors.Is(err, io.EOF) {
					p.errs = append(p.errs, fmt.Errorf("%s: reading: %w", file, err))
				}
				break
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			p.errs = append(p.errs, fmt.Errorf("%s: reading: %w", file, err))
			break
		}
		eof := err != nil
		if eof && len(b) == 0 {
			break
		}
		b = bytes.TrimSuffix(b, []byte{'\n'})
		b = bytes.TrimSuffix(b, []byte{'\r'})
		if lineNo == 1 {
			b = bytes.TrimPrefix(b, []byte("\ufeff"))
		}
		if msg := checkLineBytes(b); msg != "" {
			p.errorf(lineNo, "%s", msg)
			if !versionSeen {
				versionSeen, versionBad = true, true
				p.errorf(lineNo, "missing version line %q", VersionLine)
			}
		} else {
			line := strings.TrimSpace(string(b))
			switch {
			case line == "":
			case !versionSeen:
				versionSeen = true
				switch ok, stop := p.checkVersion(lineNo, line); {
				case stop:
					return nil, errors.Join(p.errs...)
				case !ok:
					versionBad = true
					p.line(lineNo, line)
				}
			default:
				p.line(lineNo, line)
			}
		}
		if eof {
			break
		}
	}
	if !versionSeen && !versionBad {
		p.errorf(0, "empty file: missing version line %q", VersionLine)
	}
	if len(p.errs) > 0 {
		return nil, errors.Join(p.errs...)
	}
	return &File{Entries: p.entries, Rules: p.rules}, nil
}

// errTooLarge is the read error of a file longer than MaxFileBytes.
var errTooLarge = fmt.Errorf("file larger than %d MiB: a lexicon file is plain text, much smaller", MaxFileBytes>>20)

// boundedReader reads r up to left bytes and fails with errTooLarge when r
// holds more, so that an endless input (a link to /dev/zero) ends.
type boundedReader struct {
	r    io.Reader
	left int64
}

func (b *boundedReader) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1] // one byte more than allowed tells a longer input
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if b.left < 0 {
		return n - 1, errTooLarge
	}
	return n, err
}

// checkLineBytes rejects lines that are too long or are not clean UTF-8
// text. It returns "" for a good line.
func checkLineBytes(b []byte) string {
	if len(b) > MaxLineBytes {
		return fmt.Sprintf("line too long (more than %d bytes)", MaxLineBytes)
	}
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return fmt.Sprintf("NUL byte at column %d", i+1)
	}
	if !utf8.Valid(b) {
		return "invalid UTF-8"
	}
	if i := bytes.Index(b, []byte("\ufeff")); i >= 0 {
		return fmt.Sprintf("byte-order mark (U+FEFF) at column %d: it may only open the file (were files joined?)", i+1)
	}
	for i, c := range b {
		if c < 0x20 && c != '\t' || c == 0x7f {
			return fmt.Sprintf("control character %U at column %d", rune(c), i+1)
		}
	}
	return ""
}

// checkVersion checks the first non-blank line. ok reports a valid version
// line; stop reports a version line for a version this package cannot read.
func (p *parser) checkVersion(lineNo int, line string) (ok, stop bool) {
	if line == VersionLine {
		return true, false
	}
	if rest, found := strings.CutPrefix(line, "#!"); found {
		f := strings.Fields(rest)
		if len(f) >= 1 && f[0] == "saring-lexicon" {
			if len(f) == 2 && f[1] == strconv.Itoa(Version) {
				return true, false
			}
			if len(f) == 2 {
				p.errorf(lineNo, "unsupported lexicon version %q (this build reads version %d)", f[1], Version)
			} else {
				p.errorf(lineNo, "malformed version line %q (want %q)", line, VersionLine)
			}
			return false, true
		}
	}
	p.errorf(lineNo, "missing version line %q (it must be the first non-blank line)", VersionLine)
	return false, false
}

// line handles one trimmed, non-blank line after the version line.
func (p *parser) line(lineNo int, line string) {
	switch {
	case line[0] == '#':
		return
	case line[0] == '@':
		p.directive(lineNo, line)
	default:
		p.entry(lineNo, line)
	}
}

func (p *parser) directive(lineNo int, line string) {
	name, rest := line, ""
	if i := strings.IndexFunc(line, unicode.IsSpace); i >= 0 {
		name, rest = line[:i], line[i:]
	}
	if name == "@rule" {
		p.rule(lineNo, rest)
		return
	}
	if name != "@defaults" {
		p.errorf(lineNo, "unknown directive %q (want @defaults or @rule)", name)
		return
	}
	var d fields
	parts := strings.FieldsFunc(rest, func(r rune) bool { return r == '|' || unicode.IsSpace(r) })
	for _, part := range parts {
		p.field(lineNo, part, &d)
	}
	if d.tried&fLabel != 0 && d.tried&fList != 0 {
		p.errorf(lineNo, "@defaults has both label and list")
		d.has &^= fList
		d.list = ""
	}
	if d.has&fTarget != 0 && d.has&fList != 0 && d.list != Group {
		p.errorf(lineNo, "target is only for label entries and list=group, not list=%s", d.list)
	}
	if d.has&fKind != 0 && d.has&fList != 0 {
		p.errorf(lineNo, "kind is only for label entries, not list=%s", d.list)
	}
	if d.has&fFuzzy != 0 && d.fuzzy && d.has&fList != 0 {
		p.errorf(lineNo, "fuzzy applies to label entries only, not list=%s", d.list)
	}
	if d.tried&fShort != 0 {
		p.errorf(lineNo, "short= marks one term as meant: write it on the entry's line, not in @defaults")
	}
	p.defaults = d
}

// field parses one "key=value" part into f, reporting errors.
func (p *parser) field(lineNo int, part string, f *fields) {
	part = strings.TrimSpace(part)
	if part == "" {
		p.errorf(lineNo, "empty field (stray '|'?)")
		return
	}
	k, v, ok := strings.Cut(part, "=")
	if !ok {
		p.errorf(lineNo, "field %q is not key=value", part)
		return
	}
	k, v = strings.TrimSpace(k), strings.TrimSpace(v)
	key, known := fieldNames[k]
	if !known {
		p.errorf(lineNo, "unknown field %q", k)
		return
	}
	if f.tried&key != 0 {
		p.errorf(lineNo, "duplicate field %q", k)
		return
	}
	f.tried |= key
	if key != fNote { // a note is free text and may hold '='
		if g := fieldGroups(part); len(g) > 1 {
			p.errorf(lineNo, "missing %q between fields: write %q", " | ", strings.Join(g, " | "))
			return
		}
	}
	if v == "" {
		p.errorf(lineNo, "empty value for field %q", k)
		return
	}
	var err error
	switch key {
	case fLabel:
		f.labels, err = parseSet(v, "label", allLabels[:], ParseLabel)
	case fList:
		f.list, err = ParseList(v)
	case fWeight:
		f.weight, err = parseWeight(v)
	case fSeverity:
		f.severity, err = ParseSeverity(v)
	case fTarget:
		f.targets, err = parseSet(v, "target", allTargets[:], ParseTarget)
	case fKind:
		f.kind, err = ParseKind(v)
	case fFuzzy:
		f.fuzzy, err = parseYesNo(k, v)
	case fShort:
		f.short, err = parseYesNo(k, v)
	case fNote:
		f.note = v
	}
	if err != nil {
		p.errorf(lineNo, "%v", err)
		return
	}
	f.has |= key
}

func parseYesNo(key, v string) (bool, error) {
	switch v {
	case "yes":
		return true, nil
	case "no":
		return false, nil
	}
	return false, fmt.Errorf("invalid %s %q (want yes or no)", key, v)
}

// fieldGroups splits s into words and joins each word that does not start
// a known field ("kind=…") to the one before it: "anjing label=abusive
// kind=insult" gives "anjing", "label=abusive", "kind=insult". More than
// one group in a term or a field means a " | " is missing.
func fieldGroups(s string) []string {
	var groups []string
	for _, w := range strings.Fields(s) {
		k, _, ok := strings.Cut(w, "=")
		if _, known := fieldNames[k]; ok && known || len(groups) == 0 {
			groups = append(groups, w)
		} else {
			groups[len(groups)-1] += " " + w
		}
	}
	return groups
}

// parseSet parses v, a comma-separated list of what names (label, target),
// each read by parse, into the set of them in the stable order of all. An
// empty item or a name given twice is an error.
func parseSet[T comparable](v, what string, all []T, parse func(string) (T, error)) ([]T, error) {
	seen := make([]bool, len(all))
	for _, s := range strings.Split(v, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, fmt.Errorf("empty item in %s list %q", what, v)
		}
		x, err := parse(s)
		if err != nil {
			return nil, err
		}
		i := slices.Index(all, x)
		if seen[i] {
			return nil, fmt.Errorf("duplicate %s %q", what, s)
		}
		seen[i] = true
	}
	out := make([]T, 0, len(all))
	for i, ok := range seen {
		if ok {
			out = append(out, all[i])
		}
	}
	return out, nil
}

// parseWeight reads a weight written as a plain decimal (digits, optionally
// a point and more digits: 0, 0.45, 1.0) in [0,1]. Signs, exponents, hex
// floats, NaN and Inf are errors, so that what the file says is what the
// classifier uses (1e-400 would silently be 0, a disabled entry).
func parseWeight(v string) (float64, error) {
	intPart, frac, hasPoint := strings.Cut(v, ".")
	if intPart == "" || !isDigits(intPart) || hasPoint && (frac == "" || !isDigits(frac)) {
		return 0, fmt.Errorf("invalid weight %q (want a decimal in [0,1])", v)
	}
	units := strings.TrimLeft(intPart, "0")
	nonZero := strings.Trim(units+frac, "0") != ""
	if len(units) > 1 || units > "1" || units == "1" && strings.Trim(frac, "0") != "" {
		return 0, fmt.Errorf("weight %q out of range [0,1]", v)
	}
	w, err := strconv.ParseFloat(v, 64)
	if err != nil || w == 0 && nonZero {
		return 0, fmt.Errorf("weight %q is too small to tell from 0 (write 0 to switch the entry off)", v)
	}
	return w, nil
}

// entry parses an entry line and applies the current defaults.
func (p *parser) entry(lineNo int, line string) {
	parts := strings.Split(line, "|")
	term := strings.Join(strings.Fields(parts[0]), " ")
	nerr := len(p.errs)
	var f fields
	for _, part := range parts[1:] {
		p.field(lineNo, part, &f)
	}
	if term == "" {
		p.errorf(lineNo, "empty term")
		return
	}
	if strings.IndexByte(term, '=') >= 0 {
		if g := fieldGroups(term); len(g) > 1 && !strings.Contains(g[0], "=") {
			for _, part := range parts[1:] {
				g = append(g, strings.TrimSpace(part))
			}
			p.errorf(lineNo, "missing %q between the term and its fields: write %q", " | ", strings.Join(g, " | "))
			return
		}
		p.errorf(lineNo, "term %q contains '=' (is the term missing, or a '|' before a field?)", term)
		return
	}
	d := &p.defaults
	e := Entry{
		Term:     term,
		Weight:   defaultWeight,
		Severity: defaultSeverity,
		Source:   Position{File: p.file, Line: lineNo},
	}
	e.Words = strings.Fields(p.norm.Word(term))
	if len(e.Words) == 0 {
		p.errorf(lineNo, "empty term (%q normalises to nothing)", term)
		return
	}
	e.Stems = make([]string, len(e.Words))
	for i, w := range e.Words {
		e.Stems[i] = stem.Word(w)
	}

	switch {
	case f.tried&fLabel != 0 && f.tried&fList != 0:
		p.errorf(lineNo, "entry has both label and list (give exactly one)")
	case f.tried&(fLabel|fList) != f.has&(fLabel|fList):
		// an invalid label= or list= value, already reported
	case f.has&fLabel != 0:
		e.Labels = f.labels
	case f.has&fList != 0:
		e.List = f.list
	case d.has&fLabel != 0:
		e.Labels = d.labels
	case d.has&fList != 0:
		e.List = d.list
	default:
		p.errorf(lineNo, "entry has neither label nor list")
	}

	if f.has&fWeight != 0 {
		e.Weight = f.weight
	} else if d.has&fWeight != 0 {
		e.Weight = d.weight
	}
	if f.has&fSeverity != 0 {
		e.Severity = f.severity
	} else if d.has&fSeverity != 0 {
		e.Severity = d.severity
	}
	if f.has&fNote != 0 {
		e.Note = f.note
	} else if d.has&fNote != 0 {
		e.Note = d.note
	}

	// kind: label entries only.
	switch {
	case f.has&fKind != 0 && e.List != "":
		p.errorf(lineNo, "kind is only for label entries, not list=%s", e.List)
	case f.has&fKind != 0:
		e.Kind = f.kind
	case d.has&fKind != 0 && e.List == "":
		e.Kind = d.kind
	}

	// target: label entries and the group list only.
	targetOK := e.List == "" || e.List == Group
	switch {
	case f.has&fTarget != 0 && !targetOK:
		p.errorf(lineNo, "target is only for label entries and list=group, not list=%s", e.List)
	case f.has&fTarget != 0:
		e.Targets = f.targets
	case d.has&fTarget != 0 && targetOK:
		e.Targets = d.targets
	}

	// fuzzy: label entries with a single word of at least MinFuzzyRunes
	// runes only; the classifier never matches list entries fuzzily.
	fuzzyOK := e.List == "" && len(e.Words) == 1 && utf8.RuneCountInString(e.Words[0]) >= MinFuzzyRunes
	switch {
	case f.has&fFuzzy != 0 && f.fuzzy && e.List != "":
		p.errorf(lineNo, "fuzzy applies to label entries only, not list=%s", e.List)
	case f.has&fFuzzy != 0 && f.fuzzy && !fuzzyOK:
		if len(e.Words) > 1 {
			p.errorf(lineNo, "fuzzy=yes is not allowed on a phrase (%q)", e.Phrase())
		} else {
			p.errorf(lineNo, "fuzzy=yes needs a word of at least %d letters (%q)", MinFuzzyRunes, e.Phrase())
		}
	case f.has&fFuzzy != 0:
		e.Fuzzy = f.fuzzy
	case d.has&fFuzzy != 0:
		e.Fuzzy = d.fuzzy && fuzzyOK
	}

	// short: marks a single word of fewer than ShortRunes letters as meant.
	if f.has&fShort != 0 && f.short && !e.IsShort() {
		p.errorf(lineNo, "short=yes is only for a single word of fewer than %d letters, not %q", ShortRunes, e.Phrase())
	}
	e.Short = f.has&fShort != 0 && f.short
	if e.List.Grammar() && len(e.Words) != 1 {
		p.errorf(lineNo, "list=%s takes one word a line, not %q (rules ask about single tokens)", e.List, e.Phrase())
	}
	if len(p.errs) == nerr {
		p.entries = append(p.entries, e)
	}
}
