package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/saring-id/saring/internal/regular"
)

//go:embed data/*.txt
var dataFS embed.FS

// DefaultDir is the file-name prefix of the embedded default lexicons in
// positions and messages ("lexicon/data/abusive.txt:12").
const DefaultDir = "lexicon/data"

// Set is an immutable, validated collection of lexicon entries, usually
// loaded from a directory of *.txt files. A Set is safe for concurrent use.
type Set struct {
	entries []Entry
	rules   []Rule
}

var defaultSet = sync.OnceValues(func() (*Set, error) {
	return load(dataFS, "data", func(name string) string { return path.Join(DefaultDir, name) })
})

// Default returns the embedded default lexicons (lexicon/data/*.txt). They
// are parsed once; every call returns the same Set.
func Default() (*Set, error) { return defaultSet() }

// Load reads every *.txt file directly inside dir of fsys, in name order,
// and validates them together. Each must be a regular file (or a link to
// one) of at most [MaxFileBytes]; a directory, named pipe or device named
// *.txt is an error rather than something to read or skip. Entry positions name files as
// path.Join(dir, name). It is an error for dir to hold no *.txt file, and
// for the same term (same normalised words) to appear as label entries with
// different label sets, in one file or across files.
//
// All problems of all files are returned joined (see [errors.Join]); each
// is a *[ParseError].
func Load(fsys fs.FS, dir string) (*Set, error) {
	return load(fsys, dir, func(name string) string { return path.Join(dir, name) })
}

// LoadDir is [Load] on the operating-system directory dir; positions name
// files as filepath.Join(dir, name), so messages point at the files the
// researcher edits ("mylex/abusive.txt:3").
func LoadDir(dir string) (*Set, error) {
	return load(regular.DirFS(dir), ".", func(name string) string { return filepath.Join(dir, name) })
}

func load(fsys fs.FS, dir string, display func(string) string) (*Set, error) {
	des, err := fs.ReadDir(fsys, dir)
	if err != nil {
		// The message names the directory as the caller gave it; the
		// *fs.PathError would add the name inside fsys ("open .").
		return nil, fmt.Errorf("lexicon: reading directory %s: %w", display("."), unwrapPath(err))
	}
	var names []string
	for _, de := range des {
		if strings.HasSuffix(de.Name(), ".txt") {
			names = append(names, de.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		return nil, fmt.Errorf("lexicon: no lexicon files (*.txt) in %s", display("."))
	}
	var errs []error
	var entries []Entry
	var rules []Rule
	for _, name := range names {
		f, err := parseFile(fsys, path.Join(dir, name), display(name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		entries = append(entries, f.Entries...)
		rules = append(rules, f.Rules...)
	}
	errs = append(errs, conflicts(entries)...)
	errs = append(errs, ruleConflicts(rules)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return &Set{entries: entries, rules: rules}, nil
}

// parseFile parses one lexicon file. Only a regular file (or a link to
// one) of at most MaxFileBytes is read: it is checked before it is opened,
// since opening a named pipe blocks until something writes to it, and again
// after, in case it was replaced in between. LoadDir's file system
// (regular.DirFS) also opens without blocking, so a named pipe swapped in
// between cannot block the open.
func parseFile(fsys fs.FS, name, display string) (*File, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", display, unwrapPath(err))
	}
	if err := checkRegular(fi, display); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", display, unwrapPath(err))
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", display, unwrapPath(err))
	}
	if err := checkRegular(fi, display); err != nil {
		return nil, err
	}
	return ParseFile(f, display)
}

// checkRegular rejects what is not a regular file of at most MaxFileBytes.
func checkRegular(fi fs.FileInfo, display string) error {
	if m := fi.Mode(); !m.IsRegular() {
		return fmt.Errorf("lexicon: %s is %s: lexicon files (*.txt) must be regular files", display, regular.Kind(m))
	}
	if fi.Size() > MaxFileBytes {
		return fmt.Errorf("lexicon: %s: %w", display, errTooLarge)
	}
	return nil
}

// unwrapPath drops the *fs.PathError around err, whose path is the name
// inside fsys rather than the one the caller knows.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// conflicts reports label entries whose words repeat with a different label
// set. Each error is located at the later entry and names the earlier one.
func conflicts(entries []Entry) []error {
	first := make(map[string]int, len(entries))
	var errs []error
	for i := range entries {
		e := &entries[i]
		if e.List != "" {
			continue
		}
		k := e.phraseKey()
		j, ok := first[k]
		if !ok {
			first[k] = i
			continue
		}
		o := &entries[j]
		if o.classKey() != e.classKey() {
			errs = append(errs, &ParseError{
				File: e.Source.File,
				Line: e.Source.Line,
				Msg: fmt.Sprintf("term %q has label=%s here but label=%s at %s (give one entry with all its labels)",
					e.Phrase(), labelsString(e.Labels), labelsString(o.Labels), o.Source),
			})
		}
	}
	return errs
}

// Len returns the number of entries, disabled ones included.
func (s *Set) Len() int {
	if s == nil {
		return 0
	}
	return len(s.entries)
}

// Entries returns all entries in load order (files in name order, lines in
// file order), disabled entries (weight 0) included. The slice is a fresh
// copy; the slices inside each Entry are shared and must not be modified.
func (s *Set) Entries() []Entry {
	if s == nil {
		return nil
	}
	out := make([]Entry, len(s.entries))
	copy(out, s.entries)
	return out
}

// Active returns the entries a matcher should use: [Set.Entries] without
// the disabled ones. The same sharing rules apply.
func (s *Set) Active() []Entry {
	if s == nil {
		return nil
	}
	out := make([]Entry, 0, len(s.entries))
	for i := range s.entries {
		if !s.entries[i].Disabled() {
			out = append(out, s.entries[i])
		}
	}
	return out
}

// Extend returns a new Set: s with the entries of over laid on top. An
// entry of over replaces every entry of s with the same identity, and the
// other entries of over are added. The identity of a list entry is its
// normalised words plus its list; the identity of a label entry is its
// normalised words (a Set never holds one term under two label sets, so this
// is the same as words plus label set, and it lets an override change a
// term's labels). An override with weight=0 therefore disables a default
// entry. Rules are laid on by name (see [Set.Rules]). Neither s nor over is
// modified; a nil over returns s.
func (s *Set) Extend(over *Set) *Set {
	if over == nil || len(over.entries)+len(over.rules) == 0 {
		return s
	}
	if s == nil {
		return over
	}
	replaced := make(map[string]bool, len(over.entries))
	for i := range over.entries {
		replaced[over.entries[i].overrideKey()] = true
	}
	out := make([]Entry, 0, len(s.entries)+len(over.entries))
	for i := range s.entries {
		if !replaced[s.entries[i].overrideKey()] {
			out = append(out, s.entries[i])
		}
	}
	out = append(out, over.entries...)
	return &Set{entries: out, rules: extendRules(s.rules, over.rules)}
}

// Stats counts the entries of a Set.
type Stats struct {
	Entries  int              // all entries
	Disabled int              // entries with weight 0
	Fuzzy    int              // entries with fuzzy matching enabled
	Labels   map[Label]int    // label entries per label (an entry with two labels counts twice)
	Lists    map[List]int     // entries per context list
	Kinds    map[Kind]int     // label entries per kind; "" counts entries without a kind
	Files    map[string]int   // entries per file
	Targets  map[Target]int   // entries per SARA target
	Severity map[Severity]int // entries per severity
}

// Stats counts the entries of s per label, list, kind, file, target and
// severity. Disabled entries are counted everywhere, and also in Disabled.
func (s *Set) Stats() Stats {
	st := Stats{
		Labels:   make(map[Label]int),
		Lists:    make(map[List]int),
		Kinds:    make(map[Kind]int),
		Files:    make(map[string]int),
		Targets:  make(map[Target]int),
		Severity: make(map[Severity]int),
	}
	if s == nil {
		return st
	}
	for i := range s.entries {
		e := &s.entries[i]
		st.Entries++
		if e.Disabled() {
			st.Disabled++
		}
		if e.Fuzzy {
			st.Fuzzy++
		}
		for _, l := range e.Labels {
			st.Labels[l]++
		}
		if e.List != "" {
			st.Lists[e.List]++
		} else {
			st.Kinds[e.Kind]++
		}
		for _, t := range e.Targets {
			st.Targets[t]++
		}
		st.Severity[e.Severity]++
		st.Files[e.Source.File]++
	}
	return st
}
