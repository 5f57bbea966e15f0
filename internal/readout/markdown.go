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
func cleanMarkdown(s string) string {
	if !strings.ContainsAny(s, "#*_[>-+0123456789") {
		return s
	}
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdEmphasis.ReplaceAllString(s, "$2")
	s = mdHeading.ReplaceAllString(s, "")
	s = mdBullet.ReplaceAllString(s, "")
	s = mdQuote.ReplaceAllString(s, "")
	return s
}
