package eval

import (
	"fmt"
	"io"
	"strings"
)

// WriteTable prints one row per category and the core micro-F1.
func (r Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%-13s %5s %5s %5s %5s %5s %5s %7s\n", "category", "P", "R", "F1", "tp", "fp", "fn", "soft-R")
	for _, c := range Categories {
		s := r.Scores[c]
		fmt.Fprintf(&b, "%-13s %5.2f %5.2f %5.2f %5d %5d %5d", c, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
		if s.SoftItems > 0 || s.Phrase || c == "member_of" {
			fmt.Fprintf(&b, " %7.2f", s.SoftRecall())
		}
		b.WriteByte('\n')
	}
	m := r.CoreScore()
	fmt.Fprintf(&b, "micro-F1 core=%.3f  (tp=%d fp=%d fn=%d over %s)\n", m.F1(), m.TP, m.FP, m.FN, strings.Join(Core, ", "))
	fmt.Fprintf(&b, "%d annotated readouts; for discussed and committed_to, tp and fp count distinct predicted items, fn gold phrases no prediction matches\n", r.Files)
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "FAILED %s: %v\n", f.File, f.Err)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteScorePy prints the figures line for line as score.py does, so
// that the two can be compared with diff.
func (r Report) WriteScorePy(w io.Writer) error {
	var b strings.Builder
	for _, c := range Core {
		s := r.Scores[c]
		fmt.Fprintf(&b, "%-12s P=%.2f R=%.2f F1=%.2f  (tp=%d fp=%d fn=%d)\n", c, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	rest := Categories[len(Core):]
	for _, c := range rest {
		s := r.Scores[c]
		fmt.Fprintf(&b, "%-12s soft-recall=%.2f  (%d/%d)\n", c, s.SoftRecall(), s.SoftHits, s.SoftItems)
	}
	for _, c := range rest {
		s := r.Scores[c]
		fmt.Fprintf(&b, "%-12s tight P=%.2f R=%.2f F1=%.2f  (pred ok=%d pred wrong=%d gold missed=%d)\n", c, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "FAILED %s: %v\n", f.File, f.Err)
	}
	fmt.Fprintf(&b, "micro-F1 core=%.3f\n", r.CoreScore().F1())
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMisses prints one tab-separated line per disagreement: file,
// category, missed or spurious, the item, then for phrases and edges the
// evidence sentence and the nearest phrase on the other side, when known.
// Lines stay in file order, so a file's errors read together, and cut,
// sort and uniq -c on a column show which classes of error are common.
func (r Report) WriteMisses(w io.Writer) error {
	var b strings.Builder
	b.WriteString("file\tcategory\tkind\titem\tevidence\tnear\n")
	for _, m := range r.Misses {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", m.File, m.Category, m.Kind, oneLine(m.Item), oneLine(m.Evidence), oneLine(m.Near))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine keeps a field on its line and in its column.
func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
}
