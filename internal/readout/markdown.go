package readout

import (
	"regexp"
	"strings"
)

var (
	mdLink     = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdEmphasis = regexp.MustCompile(`(\*\*|__|\*|_)([^*_\n]+?)(\*\*|__|\*|_)`)
	mdHeading  = regexp.MustCompile(`(?m)^\s{0,3}#{1,6}\s+`)
	mdBullet   = regexp.MustCompile(`(?m)^\s*(?:[-*+]|\d+[.)])\s+`)
	mdQuote    = regexp.MustCompile(`(?m)^\s*>\s?`)
)

// cleanMarkdown removes the Markdown markup that would otherwise end up in
// names and evidence sentences, keeping the words. Plain text passes
// through unchanged apart from list markers, which carry no meaning either.
// Each pattern runs only where the character it needs is present: almost
// every readout has digits and hyphens, and running all five over every
// body was a tenth of the CPU of ingesting a corpus.
func cleanMarkdown(s string) string {
	if strings.Contains(s, "](") {
		s = mdLink.ReplaceAllString(s, "$1")
	}
	if strings.ContainsAny(s, "*_") {
		s = mdEmphasis.ReplaceAllString(s, "$2")
	}
	if strings.Contains(s, "#") {
		s = mdHeading.ReplaceAllString(s, "")
	}
	if hasListMarker(s) {
		s = mdBullet.ReplaceAllString(s, "")
	}
	if strings.Contains(s, ">") {
		s = mdQuote.ReplaceAllString(s, "")
	}
	return s
}

// hasListMarker reports whether a line of s may open with a list marker
// ("- ", "* ", "+ ", "1. ", "2) "), for mdBullet to remove.
func hasListMarker(s string) bool {
	for line := range strings.Lines(s) {
		line = strings.TrimLeft(line, " \t\v\f\r")
		digits := len(line) - len(strings.TrimLeft(line, "0123456789"))
		switch {
		case digits == 0 && line != "" && strings.IndexByte("-*+", line[0]) >= 0:
			return true
		case digits > 0 && digits < len(line) && (line[digits] == '.' || line[digits] == ')'):
			return true
		}
	}
	return false
}
