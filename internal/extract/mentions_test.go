package extract

import (
	"reflect"
	"strings"
	"testing"

	"github.com/diplograph/diplograph/internal/lexicon"
	"github.com/diplograph/diplograph/internal/text"
)

// describeMentions writes mentions as "kind:what=words", one per mention,
// so that a table test reads as the sentence does.
func describeMentions(lx *lexicon.Lexicon, toks []text.Token, ms []mention) []string {
	var out []string
	for _, m := range ms {
		words := joinName(toks[m.start:m.end])
		switch m.kind {
		case mState:
			out = append(out, "state:"+m.id+"="+words)
		case mForum:
			out = append(out, "forum:"+m.id+"="+words)
		case mTitle:
			out = append(out, "title:"+lx.Titles[m.title].Office+"="+words)
		case mOfficial:
			var names []string
			for _, p := range m.people {
				names = append(names, lx.Officials[p].Name)
			}
			out = append(out, "person:"+strings.Join(names, "|")+"="+words)
		case mGroup:
			out = append(out, "group="+words)
		case mSelf:
			out = append(out, "self="+words)
		default:
			out = append(out, "?="+words)
		}
	}
	return out
}

func TestFindMentions(t *testing.T) {
	lx := lexicon.MustDefault()
	cases := []struct {
		sentence string
		mentions []string
		topics   []string
	}{
		{
			"Both sides agreed that Japan and Canada would deepen cooperation on climate change.",
			[]string{"group=Both sides", "state:JP=Japan", "state:CA=Canada"},
			[]string{"climate-change"},
		},
		{
			"The Foreign Minister of Ghana met the NATO Secretary General in Brussels.",
			[]string{"title:foreign-minister=Foreign Minister", "state:GH=Ghana", "forum:NATO=NATO", "title:secretary-general=Secretary General"},
			nil,
		},
		{
			"I spoke with Penny Wong about the Security Council.",
			[]string{"self=I", "person:Penny Wong=Penny Wong", "forum:UNSC=Security Council"},
			nil,
		},
		{
			// "us" is a pronoun, not the United States: acronyms match as written.
			"They told us that the US would host the G20.",
			[]string{"group=They", "state:US=US", "forum:G20=G20"},
			nil,
		},
		{
			"Both countries value maritime security.",
			nil,
			[]string{"maritime-security"},
		},
	}
	for _, c := range cases {
		t.Run(c.sentence, func(t *testing.T) {
			toks := text.Tokenize(c.sentence)
			ms, topics := findMentions(lx, toks)
			if got := describeMentions(lx, toks, ms); !reflect.DeepEqual(got, c.mentions) {
				t.Errorf("mentions\n got %q\nwant %q", got, c.mentions)
			}
			var ids []string
			for _, tp := range topics {
				ids = append(ids, tp.id)
			}
			if !reflect.DeepEqual(ids, c.topics) {
				t.Errorf("topics: got %q, want %q", ids, c.topics)
			}
		})
	}
}
