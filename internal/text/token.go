// Package text holds the low-level text processing every extraction stage
// shares: a word tokenizer that keeps byte offsets, the normal form phrases
// are compared in, and a phrase trie that finds the longest known phrase at
// each position of a token stream. It knows no vocabulary of its own.
package text

import (
	"hash/maphash"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Token is one word, number or punctuation mark of a sentence.
type Token struct {
	Text  string // as written
	Norm  string // lower case, no diacritics, straight apostrophe
	Start int    // byte offset in the tokenized string
	End   int
	hash  uint64 // of Norm, as hashWord makes it; 0 until Tokenize sets it
}

// hashSeed seeds the hashes of normal forms for the life of the process.
var hashSeed = maphash.MakeSeed()

// hashWord hashes a normal form for Trie's tables; never 0, which marks
// an empty slot there.
func hashWord(norm string) uint64 {
	return max(1, maphash.String(hashSeed, norm))
}

// wordHash is the hash of the token's normal form.
func (t Token) wordHash() uint64 {
	if t.hash != 0 {
		return t.hash
	}
	return hashWord(t.Norm)
}

// IsWord reports whether the token starts with a letter or digit.
func (t Token) IsWord() bool {
	if t.Text != "" && t.Text[0] < utf8.RuneSelf {
		return asciiWord[t.Text[0]]
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsCapitalized reports whether the token starts with an upper-case letter.
func (t Token) IsCapitalized() bool {
	if t.Text != "" && t.Text[0] < utf8.RuneSelf {
		return 'A' <= t.Text[0] && t.Text[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// IsUpper reports whether every letter of the token is upper case and it
// has at least two letters ("HAYASHI", "US").
func (t Token) IsUpper() bool {
	n := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// Tokenize splits s into tokens. Words keep internal apostrophes (O'Brien)
// and dotted abbreviations (U.S.); a possessive 's, a hyphen and every other
// punctuation mark is a token of its own.
//
// Readouts are mostly ASCII, so ASCII bytes are classified by table and
// the normal forms of ASCII tokens are cut from one lower-cased copy of s,
// made only when s has a capital: a string per capitalised word was a
// fifth of what tokenizing cost.
func Tokenize(s string) []Token {
	return AppendTokens(make([]Token, 0, len(s)/5+1), s)
}

// AppendTokens appends the tokens of s to toks, as Tokenize makes them,
// so that a caller tokenizing many strings can reuse one array.
func AppendTokens(toks []Token, s string) []Token {
	lower := asciiLower(s)
	for i := 0; i < len(s); {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isSpace(r):
			i += w
		case isWordRune(r):
			end := wordEnd(s, i)
			toks = append(toks, newToken(s, lower, i, end))
			i = end
		case isApostrophe(r) && possessiveAt(s, i+w):
			toks = append(toks, Token{Text: s[i : i+w+1], Norm: "'s", Start: i, End: i + w + 1, hash: possessiveHash})
			i += w + 1
		default:
			toks = append(toks, newToken(s, lower, i, i+w))
			i += w
		}
	}
	return toks
}

var possessiveHash = hashWord("'s")

// asciiWord and asciiSpace classify ASCII bytes as isWordRune and
// unicode.IsSpace do (TestASCIITables).
var asciiWord, asciiSpace = func() (word, space [utf8.RuneSelf]bool) {
	for c := range rune(utf8.RuneSelf) {
		word[c] = unicode.IsLetter(c) || unicode.IsDigit(c)
		space[c] = unicode.IsSpace(c)
	}
	return word, space
}()

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiSpace[r]
	}
	return unicode.IsSpace(r)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

// possessiveAt reports whether an "s" that ends a word starts at i.
func possessiveAt(s string, i int) bool {
	if i >= len(s) || (s[i] != 's' && s[i] != 'S') {
		return false
	}
	if i+1 == len(s) {
		return true
	}
	return !isWordRune(runeAt(s, i+1))
}

// wordEnd finds where the word starting at i ends.
func wordEnd(s string, i int) int {
	dotted := false
	for i < len(s) {
		r, w := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case isWordRune(r):
			i += w
		case r == '.' && i+1 < len(s) && isLetterAt(s, i+1) && !isLetterAt(s, i+2):
			dotted = true // U.S, D.P.R.K
			i++
		case r == '.' && dotted:
			return i + 1 // the closing dot of U.S.
		case isApostrophe(r) && i+w < len(s) && isLetterAt(s, i+w) && !possessiveAt(s, i+w):
			i += w // O'Brien, d'Ivoire
		default:
			return i
		}
	}
	return i
}

// runeAt decodes the rune at s[i], which must be in range.
func runeAt(s string, i int) rune {
	if s[i] < utf8.RuneSelf {
		return rune(s[i])
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r
}

func isLetterAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] < utf8.RuneSelf {
		c := s[i] | 0x20
		return 'a' <= c && c <= 'z'
	}
	return unicode.IsLetter(runeAt(s, i))
}

// newToken makes the token s[start:end]. An ASCII token's normal form is
// its lower case, cut from lower, the ASCII lower case of s.
func newToken(s, lower string, start, end int) Token {
	t := s[start:end]
	for i := 0; i < len(t); i++ {
		if t[i] >= utf8.RuneSelf {
			norm := Normalize(t)
			return Token{Text: t, Norm: norm, Start: start, End: end, hash: hashWord(norm)}
		}
	}
	norm := lower[start:end]
	return Token{Text: t, Norm: norm, Start: start, End: end, hash: hashWord(norm)}
}

// asciiLower is s with its ASCII capitals made small and every other
// byte as it was, so that offsets into s hold in it too; s itself when
// it has no ASCII capital.
func asciiLower(s string) string {
	first := -1
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			first = i
			break
		}
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for i := first; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			b.WriteString(s[last:i])
			b.WriteByte(c + 'a' - 'A')
			last = i + 1
		}
	}
	b.WriteString(s[last:])
	return b.String()
}

// stripMarks pools the diacritic-stripping transformers: a transformer
// keeps state while it runs, so goroutines must not share one.
var stripMarks = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

// Normalize is the form tokens and phrases are compared in: lower case,
// without diacritics, with typographic apostrophes and dashes made plain.
func Normalize(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	t := stripMarks.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	stripMarks.Put(t)
	if err != nil {
		out = s
	}
	out = plainMarks.Replace(out)
	return strings.ToLower(out)
}

// plainMarks makes typographic apostrophes and dashes plain. A Replacer
// is safe to share; one built for every word with a diacritic was 3% of
// the bytes extraction allocated.
var plainMarks = strings.NewReplacer("’", "'", "‘", "'", "–", "-", "—", "-", "‐", "-", "‑", "-")

// NormalizePhrase tokenizes a phrase and joins the normal forms of its
// tokens with single spaces: the key a phrase is looked up by.
func NormalizePhrase(s string) string {
	toks := Tokenize(s)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Norm
	}
	return strings.Join(parts, " ")
}
