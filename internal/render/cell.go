package render

// CSVCell is a cell as every CSV this project writes for people holds it:
// neutralised when a spreadsheet would run it as a formula.
func CSVCell(c string) string { return csvCell(c) }
