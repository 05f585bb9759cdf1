package lexicon

import (
	"fmt"
	"slices"
)

// MaxRules bounds the active rules of a Set: a classifier records, for each
// entry, the rules it can trigger in one 64-bit word. [Lint] reports the
// first rule over the limit; a classifier refuses such a Set.
const MaxRules = 64

// CheckRule names the checks of @rule lines in [Problem].Check: a rule over
// [MaxRules] (an error), or a rule that can never fire or never give a
// label (a warning).
const CheckRule = "rule"

// KindClass returns the test of the kind class name (insult_like, personal,
// smear_like; see [KindClasses]), or false when name is none.
func KindClass(name string) (func(Kind) bool, bool) {
	switch name {
	case "insult_like":
		return Kind.InsultLike, true
	case "personal":
		return Kind.Personal, true
	case "smear_like":
		return Kind.Smear, true
	}
	return nil, false
}

// lintRules checks the active rules of s that own holds (by position and
// name, as a Set laid over base may reuse base's file names): the
// first rule over MaxRules, rules triggered by words that are never
// matches, and give=sara where no SARA target can come from.
func lintRules(s *Set, own []Rule) []Problem {
	type id struct {
		pos  Position
		name string
	}
	mine := make(map[id]bool, len(own))
	for _, r := range own {
		mine[id{r.Source, r.Name}] = true
	}
	var probs []Problem
	add := func(r *Rule, severity, format string, args ...any) {
		probs = append(probs, Problem{Pos: r.Source, Severity: severity, Check: CheckRule, Msg: fmt.Sprintf(format, args...)})
	}
	overLimit := false
	for i, r := range s.Rules() {
		if !mine[id{r.Source, r.Name}] {
			continue
		}
		if i >= MaxRules && !overLimit {
			overLimit = true
			add(&r, LintError, "rule %q is rule %d of the lexicons; a classifier takes at most %d (switch rules off with off=yes)", r.Name, i+1, MaxRules)
		}
		for j, g := range r.Give {
			if slices.Contains(r.Give[:j], g) {
				add(&r, LintWarning, "rule %q gives %s twice: its evidence would count twice", r.Name, giveString(g))
			}
		}
		if r.Side == "text" {
			if len(r.On) > 1 && r.Find != "shouting" {
				add(&r, LintWarning, "rule %q: find=%s reads the evidence of the first on= label (%s) only", r.Name, r.Find, r.On[0])
			}
			if gives(&r, SARA) {
				add(&r, LintWarning, "rule %q looks at the whole text, which names no SARA target: give=sara gives nothing", r.Name)
			}
			continue
		}
		for _, t := range r.On {
			if l := List(t); l.Valid() && (l.Grammar() || l == Allow) {
				add(&r, LintWarning, "rule %q can never fire on %q: %s", r.Name, t, neverMatched(l))
			}
		}
		if gives(&r, SARA) && !r.NearTargets && !anyTargets(s, r.On) {
			add(&r, LintWarning, "rule %q gives sara, but no entry of on= has a target and targets=near is not set: it gives no sara", r.Name)
		}
	}
	return probs
}

func neverMatched(l List) string {
	if l == Allow {
		return "allow-listed matches are dropped"
	}
	return "the words of a grammar list are never matched as terms; rules read them around a trigger"
}

func giveString(g Give) string {
	if g.When == "" {
		return string(g.Label)
	}
	return string(g.Label) + ":" + g.When
}

// gives reports whether r gives label l.
func gives(r *Rule, l Label) bool {
	for _, g := range r.Give {
		if g.Label == l {
			return true
		}
	}
	return false
}

// anyTargets reports whether an active entry of s that passes one of the
// tests on has SARA targets.
func anyTargets(s *Set, on []string) bool {
	for i := range s.entries {
		e := &s.entries[i]
		if len(e.Targets) == 0 || e.Disabled() {
			continue
		}
		for _, t := range on {
			if passes(e, t) {
				return true
			}
		}
	}
	return false
}

// passes reports whether e passes the entry test t: a label, a kind, a
// kind class or a list (see [Rule].On).
func passes(e *Entry, t string) bool {
	if class, ok := KindClass(t); ok {
		return class(e.Kind)
	}
	return e.HasLabel(Label(t)) || e.Kind == Kind(t) || e.List == List(t)
}
