package lexicon

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Rule is one pattern over nearby tokens, from an @rule line of a lexicon
// file: when a match of a trigger entry (On, And, Unless) has context of
// the lists Near within Window tokens on its Side, and the named checks If
// hold, the classifier gives the labels Give with the weight Weight (see the
// package README for the researcher's guide and every value).
//
// A Rule from this package has been validated: its names are known, its
// numbers in range.
type Rule struct {
	Name string // the rule's name, reported in evidence ("group+insult"); unique in a Set
	// Off switches the rule off (an override of a default rule by name).
	Off bool
	// On, And and Unless test the trigger match's entry: it must pass one
	// test of On, every test of And and none of Unless. A test is a label,
	// a kind, a kind class (insult_like, personal, smear_like) or a list
	// (action). For side=text, On names labels the text must have evidence
	// for.
	On, And, Unless []string
	// Near lists the context lists searched for the rule's context, in
	// order: the first found is the context. Without lists lists that must
	// not be found. Both look within Window tokens, on Side.
	Near, Without []List
	Window        int
	// Side says where context is looked for (see RuleSides).
	Side string
	// Find names the Go finder of a side=text rule (see RuleFinders).
	Find string
	// If lists named checks (see RulePredicates) that must hold; a name
	// with a leading "!" must not hold.
	If []string
	// Give lists the labels given, each with an optional test the trigger's
	// entry must also pass ("hate_speech:personal").
	Give []Give
	// Boost is weight=boost: the trigger entry's weight plus 0.35, at most
	// 0.95, scaled by its context. Otherwise Weight, scaled by the
	// trigger's context.
	Boost  bool
	Weight float64
	// NearTargets is targets=near: sara evidence takes the SARA targets of
	// the context match.
	NearTargets bool
	// Severity is the least severity of the rule's evidence (default moderate).
	Severity Severity
	Note     string
	Source   Position
}

// Give is one label a rule gives, with an optional entry test (see
// [Rule].On) the trigger must pass for this label.
type Give struct {
	Label Label
	When  string
}

// RuleSides are the values of side=: where a rule looks for its context.
// lexicon/README.md ("Rules", Sides) says what each one does.
func RuleSides() []string { return slices.Clone(ruleSides[:]) }

var ruleSides = [...]string{"any", "before", "after", "object", "addressee", "text"}

// RuleFinders are the values of find=: what a side=text rule looks for in
// the whole text. lexicon/README.md ("Rules", Sides) says what each finds.
func RuleFinders() []string { return slices.Clone(ruleFinders[:]) }

var ruleFinders = [...]string{"shouting", "exclamations", "chain_claim"}

// RulePredicates are the named checks if= may list. lexicon/README.md
// ("Rules", Checks) says when each holds.
func RulePredicates() []string { return slices.Clone(rulePredicates[:]) }

var rulePredicates = [...]string{
	"aimed", "mild", "exclaimed", "reason", "imperative", "command",
	"in_provocation", "group_target", "one_person", "personal_threat", "generalised",
	"spoken_to", "negated", "self",
}

// KindClasses are the kind classes an entry test may name: insult_like,
// personal and smear_like (see [KindClass]).
func KindClasses() []string { return slices.Clone(kindClasses[:]) }

var kindClasses = [...]string{"insult_like", "personal", "smear_like"}

// maxRuleWindow bounds window=.
const maxRuleWindow = 12

// validTest reports whether s names a label, a kind, a kind class or a list.
func validTest(s string) bool {
	return Label(s).Valid() || Kind(s).Valid() || slices.Contains(kindClasses[:], s) || List(s).Valid()
}

// rule parses an @rule line (rest is what follows "@rule").
func (p *parser) rule(lineNo int, rest string) {
	parts := strings.Split(rest, "|")
	r := Rule{
		Name:     strings.Join(strings.Fields(parts[0]), " "),
		Side:     "any",
		Severity: Moderate,
		Source:   Position{File: p.file, Line: lineNo},
	}
	nerr := len(p.errs)
	if r.Name == "" || strings.ContainsAny(r.Name, "=") {
		p.errorf(lineNo, "@rule needs a name before its first '|' (@rule group+insult | on=insult_like | ...)")
		return
	}
	seen := map[string]bool{}
	hasWeight := false
	for _, part := range parts[1:] {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		switch {
		case !ok:
			p.errorf(lineNo, "rule field %q is not key=value", strings.TrimSpace(part))
			continue
		case seen[k]:
			p.errorf(lineNo, "duplicate rule field %q", k)
			continue
		case v == "":
			p.errorf(lineNo, "empty value for rule field %q", k)
			continue
		}
		seen[k] = true
		items := splitItems(v)
		switch k {
		case "off":
			if v != "yes" {
				p.errorf(lineNo, "invalid off %q (want yes)", v)
			}
			r.Off = true
		case "on", "and", "unless":
			for _, it := range items {
				if !validTest(it) {
					p.errorf(lineNo, "%s: unknown test %q (want a label, a kind, a kind class %s, or a list)", k, it, strings.Join(kindClasses[:], ", "))
				}
			}
			switch k {
			case "on":
				r.On = items
			case "and":
				r.And = items
			default:
				r.Unless = items
			}
		case "near", "without":
			var ls []List
			for _, it := range items {
				l, err := ParseList(it)
				switch {
				case err != nil:
					p.errorf(lineNo, "%s: %v", k, err)
				case l.Grammar():
					p.errorf(lineNo, "%s: %q is a grammar list; rules look for context lists (group, person, political, ...)", k, it)
				}
				ls = append(ls, l)
			}
			if k == "near" {
				r.Near = ls
			} else {
				r.Without = ls
			}
		case "window":
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 || n > maxRuleWindow {
				p.errorf(lineNo, "invalid window %q (want a whole number of tokens from 0 to %d)", v, maxRuleWindow)
			}
			r.Window = n
		case "side":
			if !slices.Contains(ruleSides[:], v) {
				p.errorf(lineNo, "unknown side %q (want %s)", v, strings.Join(ruleSides[:], ", "))
			}
			r.Side = v
		case "find":
			if !slices.Contains(ruleFinders[:], v) {
				p.errorf(lineNo, "unknown finder %q (want %s)", v, strings.Join(ruleFinders[:], ", "))
			}
			r.Find = v
		case "if":
			for _, it := range items {
				if !slices.Contains(rulePredicates[:], strings.TrimPrefix(it, "!")) {
					p.errorf(lineNo, "if: unknown check %q (want %s, each optionally with a leading !)", it, strings.Join(rulePredicates[:], ", "))
				}
			}
			r.If = items
		case "give":
			for _, it := range items {
				l, when, _ := strings.Cut(it, ":")
				lab, err := ParseLabel(l)
				if err != nil {
					p.errorf(lineNo, "give: %v", err)
				}
				if when != "" && !validTest(when) {
					p.errorf(lineNo, "give: unknown test %q after %q", when, l)
				}
				r.Give = append(r.Give, Give{Label: lab, When: when})
			}
		case "weight":
			hasWeight = true
			if v == "boost" {
				r.Boost = true
				break
			}
			w, err := parseWeight(v)
			if err != nil || w == 0 {
				p.errorf(lineNo, "invalid rule weight %q (want boost or a decimal in (0,1]; off=yes switches a rule off)", v)
			}
			r.Weight = w
		case "targets":
			if v != "near" {
				p.errorf(lineNo, "invalid targets %q (want near)", v)
			}
			r.NearTargets = true
		case "severity":
			s, err := ParseSeverity(v)
			if err != nil {
				p.errorf(lineNo, "%v", err)
			}
			r.Severity = s
		case "note":
			r.Note = v
		default:
			p.errorf(lineNo, "unknown rule field %q", k)
		}
	}
	if !r.Off {
		p.checkRule(lineNo, &r, hasWeight)
	}
	if len(p.errs) == nerr {
		p.rules = append(p.rules, r)
	}
}

// checkRule reports what a rule that is not off lacks or combines wrongly.
func (p *parser) checkRule(lineNo int, r *Rule, hasWeight bool) {
	if len(r.On) == 0 {
		p.errorf(lineNo, "rule %q has no on= (what triggers it)", r.Name)
	}
	if len(r.Give) == 0 {
		p.errorf(lineNo, "rule %q has no give= (the labels it gives)", r.Name)
	}
	if !hasWeight {
		p.errorf(lineNo, "rule %q has no weight= (boost or a decimal)", r.Name)
	}
	if r.Side == "text" {
		if r.Find == "" {
			p.errorf(lineNo, "side=text needs find= (%s)", strings.Join(ruleFinders[:], ", "))
		}
		for _, t := range r.On {
			if !Label(t).Valid() {
				p.errorf(lineNo, "side=text: on= names labels the text has evidence for, not %q", t)
			}
		}
		if len(r.Near)+len(r.Without)+len(r.And)+len(r.Unless)+len(r.If) > 0 || r.Boost || r.NearTargets {
			p.errorf(lineNo, "side=text takes only on, find, give, weight (a decimal), severity and note")
		}
		return
	}
	if r.Find != "" {
		p.errorf(lineNo, "find= is only for side=text")
	}
	if len(r.Near) == 0 && (r.Side != "any" || r.NearTargets) && len(r.Without) == 0 {
		p.errorf(lineNo, "side= and targets= need near= (the context lists)")
	}
	if r.Side == "addressee" && len(r.Without) > 0 {
		p.errorf(lineNo, "side=addressee does not take without=")
	}
}

// splitItems splits a comma list into trimmed items.
func splitItems(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ruleConflicts reports rule names given twice in one set of files.
func ruleConflicts(rules []Rule) []error {
	first := make(map[string]Position, len(rules))
	var errs []error
	for _, r := range rules {
		if at, ok := first[r.Name]; ok {
			errs = append(errs, &ParseError{File: r.Source.File, Line: r.Source.Line,
				Msg: fmt.Sprintf("rule %q is already defined at %s (one line a rule; a file of your own may override it)", r.Name, at)})
			continue
		}
		first[r.Name] = r.Source
	}
	return errs
}

// Rules returns the rules of the set in order, those switched off (off=yes)
// left out. A rule of an extension replaces the base rule of the same name
// in its place; new rules come after the base's. The slices inside each
// Rule are shared and must not be modified.
func (s *Set) Rules() []Rule {
	if s == nil {
		return nil
	}
	out := make([]Rule, 0, len(s.rules))
	for _, r := range s.rules {
		if !r.Off {
			out = append(out, r)
		}
	}
	return out
}

// extendRules lays over's rules on base's (see [Set.Rules]).
func extendRules(base, over []Rule) []Rule {
	if len(over) == 0 {
		return base
	}
	byName := make(map[string]int, len(over))
	for i, r := range over {
		byName[r.Name] = i
	}
	out := make([]Rule, 0, len(base)+len(over))
	used := make([]bool, len(over))
	for _, r := range base {
		if i, ok := byName[r.Name]; ok {
			r, used[i] = over[i], true
		}
		out = append(out, r)
	}
	for i, r := range over {
		if !used[i] {
			out = append(out, r)
		}
	}
	return out
}
