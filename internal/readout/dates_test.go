package readout

import "testing"

func TestParseDateForms(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"iso", "Posted 2019-11-05 at noon", "2019-11-05"},
		{"iso slashes", "ref 2019/11/05", "2019-11-05"},
		{"us slashes", "Filed 10/14/2021 by the desk", "2021-10-14"},
		{"day first when over 12", "Filed 14/10/2021 by the desk", "2021-10-14"},
		{"ambiguous slashes read as US", "03/04/2022", "2022-03-04"},
		{"us hyphens", "03-04-2022", "2022-03-04"},
		{"dotted day first", "Bonn, 23.10.2018", "2018-10-23"},
		{"dotted ambiguous is day first", "05.04.2022", "2022-04-05"},
		{"hyphenated month", "signed 13-January-2020", "2020-01-13"},
		{"abbreviated, dot, short year", "Issued 2 Dec. 20.", "2020-12-02"},
		{"abbreviated, no dot, short year", "Issued 2 Dec 20", "2020-12-02"},
		{"month first abbreviated", "Dec. 2, 2020", "2020-12-02"},
		{"day first abbreviated", "2 Dec 2020", "2020-12-02"},
		{"sept", "Sept. 9, 2019", "2019-09-09"},
		{"sept day first", "9 Sept 2019", "2019-09-09"},
		{"weekday prefix", "Tuesday, 14 October 2021", "2021-10-14"},
		{"weekday no comma", "Friday 3 May 2024", "2024-05-03"},
		{"ordinal", "the 14th October 2021 session", "2021-10-14"},
		{"ordinal of", "on the 1st of July 2022", "2022-07-01"},
		{"ordinal month first", "October 14th, 2021", "2021-10-14"},
		{"capitals", "NOVEMBER 3, 2022", "2022-11-03"},
		{"capitals day first", "3 NOV 2022", "2022-11-03"},
		{"long form", "on 4 March 2023 in Rome", "2023-03-04"},
		{"first of two", "on 6 May 2021 and 7 May 2021", "2021-05-06"},
		{"leap day", "29 February 2024", "2024-02-29"},
		{"no leap day", "29 February 2023", ""},
		{"impossible day", "31 February 2022", ""},
		{"impossible numeric", "31/02/2022", ""},
		{"impossible month", "2022-13-01", ""},
		{"impossible dotted month", "12.13.2022", ""},
		{"skips impossible for next", "31 April 2023, then 2 May 2023", "2023-05-02"},
		{"lower-case month is a verb", "they march 4 2023", ""},
		{"short year before a word", "on 2 Dec 20 delegates", ""},
		{"clock after short year", "on 4 March 20:00", ""},
		{"version number", "release 1.2.3", ""},
		{"range of years", "the 2014/2015 agreements", ""},
		{"no year", "on 4 March", ""},
		{"no date", "The ministers met.", ""},
		{"year only", "in 2023", ""},
		{"glued to a word", "A10/14/2021", ""},
		{"long number", "12345-10-14", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := ParseDate(c.in)
			if got != c.want || ok != (c.want != "") {
				t.Errorf("ParseDate(%q) = %q, %v; want %q", c.in, got, ok, c.want)
			}
		})
	}
}

func TestDateInForms(t *testing.T) {
	cases := []struct{ name, sentence, ref, want string }{
		{"dotted near", "The envoys spoke on 09.05.2022.", "2022-05-10", "2022-05-09"},
		{"us near", "The envoys spoke on 5/9/2022.", "2022-05-10", "2022-05-09"},
		{"short year near", "Talks held 9 May 22, Geneva.", "2022-05-10", "2022-05-09"},
		{"weekday and date", "They met on Monday, 9 May 2022.", "2022-05-10", "2022-05-09"},
		{"date far from ref", "They recalled the accord of 2 Dec. 1999.", "2022-05-10", ""},
		{"partial with ordinal", "The envoys spoke on May 9th.", "2022-05-10", "2022-05-09"},
		{"partial in capitals", "They spoke ON 9 MAY.", "2022-05-10", ""},
		{"partial needs on", "A deadline of 9 May was set.", "2022-05-10", ""},
		{"last weekday", "The pair spoke last Monday.", "2022-05-11", "2022-05-09"},
		{"this past weekday", "The pair spoke this past Monday.", "2022-05-11", "2022-05-09"},
		{"weekday any case", "The pair spoke ON MONDAY.", "2022-05-11", "2022-05-09"},
		{"weekday without cue", "Monday talks were cancelled.", "2022-05-11", ""},
		{"weekday after punctuation", "They spoke on, Monday.", "2022-05-11", ""},
		{"yesterday", "Yesterday the pair spoke.", "2022-05-11", "2022-05-10"},
		{"today possessive", "today's call", "2022-05-11", "2022-05-11"},
		{"today inside a word", "todays", "2022-05-11", ""},
		{"no ref, full date", "They met on 9 May 2022.", "", "2022-05-09"},
		{"no ref, partial", "They met on 9 May.", "", ""},
		{"impossible partial", "They met on 31 April.", "2022-05-10", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := DateIn(c.sentence, c.ref)
			if got != c.want || ok != (c.want != "") {
				t.Errorf("DateIn(%q, %q) = %q, %v; want %q", c.sentence, c.ref, got, ok, c.want)
			}
		})
	}
}

func TestDatelineForms(t *testing.T) {
	cases := []struct{ name, body, loc, date string }{
		{"capitals place", "CANBERRA, Sept. 9, 2019 — The ministers met", "Canberra", "2019-09-09"},
		{"capitals two words", "NEW DELHI, 9 Sep 2019: The ministers met", "New Delhi", "2019-09-09"},
		{"capitals with abbreviation", "WASHINGTON, DC, 9 Sep 2019 - They met", "Washington, DC", "2019-09-09"},
		{"no terminator", "Title\n\nKuala Lumpur, 9 September 2019\n\nThey met.", "Kuala Lumpur", "2019-09-09"},
		{"weekday", "Oslo, Monday, 9 September 2019 (NTB): They met", "Oslo", "2019-09-09"},
		{"dotted date line", "Title\n\n09.09.2019 - Press release\n\nThey met.", "", "2019-09-09"},
		{"date then place", "Title\n\nSeptember 9, 2019 - Halifax, Nova Scotia - The Ministry\n\nThey met.", "Halifax, Nova Scotia", "2019-09-09"},
		{"place and agency only", "Lima (Andina) – The ministers met on 9 September 2019.", "Lima", "2019-09-09"},
		{"posting stamp", "Title\n\n2019-09-10 08:30\n\nOn 9 September 2019, the ministers met.", "", "2019-09-09"},
		{"posting stamp, older event", "Title\n\n2019-09-10 08:30\n\nOn 1 August 2019, the ministers met.", "", "2019-09-10"},
		{"future date passed over", "Title\n\nThe leaders will meet on 9 December 2019. They met on 2 December 2019.", "", "2019-12-02"},
		{"title is no dateline", "Talks in Rome, 9 September 2019\n\nThey met.", "", "2019-09-09"},
		{"particle in dateline", "Rio de Janeiro, 9 September 2019\n\nThey met.", "Rio de Janeiro", "2019-09-09"},
		{"only a future date", "Title\n\nA summit is due to be held on 9 December 2019.", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			loc, date := FindDateline(c.body)
			if loc != c.loc || date != c.date {
				t.Errorf("FindDateline(%q) = %q %q, want %q %q", c.body, loc, date, c.loc, c.date)
			}
		})
	}
}

// dateBenchSentences are typical readout sentences, most with no date,
// as DateIn sees them during extraction.
var dateBenchSentences = []string{
	"The two ministers reaffirmed the strong and longstanding ties between their countries.",
	"They discussed cooperation on trade, energy security and climate change, and agreed to stay in close touch.",
	"The Foreign Minister welcomed the Prime Minister's visit, the first in about four and a half years.",
	"Both sides underlined the importance of the 2015 agreement and of UN Security Council Resolution 2254.",
	"The Secretary met the Minister on Tuesday in Jakarta.",
	"On 4 March 2023, the ministers spoke by telephone.",
	"They agreed to meet again on May 9 in Geneva.",
	"Today the leaders issued a joint statement on maritime security.",
}

// BenchmarkDateIn measures DateIn over sentences that mostly hold no date.
func BenchmarkDateIn(b *testing.B) {
	bytes := 0
	for _, s := range dateBenchSentences {
		bytes += len(s)
	}
	b.SetBytes(int64(bytes))
	for b.Loop() {
		for _, s := range dateBenchSentences {
			DateIn(s, "2023-03-10")
		}
	}
}
