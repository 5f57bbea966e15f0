package readout

import "testing"

func TestPlaceIn(t *testing.T) {
	cases := []struct{ name, body, want string }{
		{"met in", "Title\n\nThe two envoys met in Lisbon to review the fisheries accord.", "Lisbon"},
		{"held in", "Title\n\nThe consultations were held in Geneva under the chair's rules.", "Geneva"},
		{"in place on date", "Title\n\nThe delegations gathered in Bratislava on 3 May and compared notes.", "Bratislava"},
		{"in place on weekday", "Title\n\nThe delegations gathered in Bratislava on Monday and compared notes.", "Bratislava"},
		{"talks in", "Title\n\nThe deputies opened two days of talks in Nairobi with a closed session.", "Nairobi"},
		{"visit to", "Title\n\nThe minister began an official visit to Wellington with a wreath-laying.", "Wellington"},
		{"travelled to", "Title\n\nThe envoy travelled to Ulaanbaatar for a round of consultations.", "Ulaanbaatar"},
		{"visiting a country", "Title\n\nThe minister received her counterpart, who was visiting Chile that week.", "Chile"},
		{"sidelines", "Title\n\nThe leaders spoke on the sidelines of the East Asia Summit in Kuala Lumpur after lunch.", "Kuala Lumpur"},
		{"place and country", "Title\n\nThe two ministers met in Aqaba, Jordan, to discuss water sharing.", "Aqaba, Jordan"},
		{"two-part region", "Title\n\nThe chiefs met at a base in Darwin, Northern Territory, Australia.", "Darwin, Northern Territory, Australia"},
		{"venue then city", "Title\n\nThe minister hosted her guest at the Palais in Vienna for a working lunch.", "Vienna"},
		{"date then in", "Title\n\nThe minister met her counterpart on 2 May 2022 in Tallinn for a working lunch.", "Tallinn"},
		{"place then today", "Title\n\nThe ministers spoke at length with each other in Riga today about energy.", "Riga"},
		{"formal state name", "Title\n\nThe chair ended a working visit to the Republic of Cabo Verde with a press conference.", "Republic of Cabo Verde"},
		{"list of states is no place", "Title\n\nThe ministers met in Chile, Peru, Bolivia, Ecuador and other places over the year.", "Chile"},
		{"month is no place", "Title\n\nThe ministers met in January to prepare the summit and agreed a plan.", ""},
		{"topic is no place", "Title\n\nThe call focused on the conflict in Western Sahara and its humanitarian cost.", ""},
		{"forum is no place", "Title\n\nThe minister spoke at length in the General Assembly about maritime law.", ""},
		{"one word after the", "Title\n\nThe ministers met to discuss progress in the Minsk format and next steps.", ""},
		{"future is passed over", "Title\n\nThe ministers will meet in Oslo next month for a further round of talks.", ""},
		{"call", "Title\n\nThe two foreign ministers spoke by telephone about the harvest and grain prices.", ""},
		{"opening place", "Title\n\nIn Montevideo, the two ministers met for the second time this year.", "Montevideo"},
		{"opening topic", "Title\n\nIn Gaza, the humanitarian situation worsened, the ministers said.", ""},
		{"abbreviated saint", "Title\n\nThe ministers held talks in St. Petersburg on the second day.", "St. Petersburg"},
		{"possessive ends the name", "Title\n\nThe ministers met in Lagos’s old town hall for the signing.", "Lagos"},
		{"a person after visited", "Title\n\nThe delegation visited Mr. Tanaka at his office to hand over a letter.", ""},
		{"no title line", "The two envoys met in Lisbon to review the fisheries accord.", "Lisbon"},
		{"particle", "Title\n\nThe ministers met in Dar es Salaam to sign the accord.", "Dar es Salaam"},
		{"particle then no name", "Title\n\nThe ministers met in Lima de facto as a group of five.", "Lima"},
		{"title when the text is silent", "Minister's visit to Dakar\n\nThe ministers agreed on a joint work plan for the coming year.", "Dakar"},
		{"later paragraphs are not read", "Title\n\nThe ministers spoke by telephone about the harvest and grain prices.\n\nThey agreed to keep in touch about the fair and its stands.\n\nThey had last met in Quito in the spring of that year.", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := PlaceIn(c.body); got != c.want {
				t.Errorf("PlaceIn(%q) = %q, want %q", c.body, got, c.want)
			}
		})
	}
}

func TestPlaceName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"WASHINGTON", "Washington"},
		{"NEW DELHI", "New Delhi"},
		{"WASHINGTON, DC", "Washington, DC"},
		{"Kuala Lumpur", "Kuala Lumpur"},
	}
	for _, c := range cases {
		if got := placeName(c.in); got != c.want {
			t.Errorf("placeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
