package embedded

import (
	"database/sql/driver"
	"sync"

	"golang.org/x/text/cases"
	"modernc.org/sqlite"
)

// foldFunction is the SQL function FindNodes compares names through.
// SQLite's own lower() folds ASCII letters only, so "élisabeth" would not
// find "Élisabeth Borne"; Unicode case folding does, and also folds the
// Greek final sigma, as Neo4j's toLower does at the end of a word.
const foldFunction = "diplograph_fold"

// folders holds Unicode case folders: a cases.Caser keeps state between
// calls, so each call takes its own.
var folders = sync.Pool{New: func() any { c := cases.Fold(); return &c }}

func fold(s string) string {
	c := folders.Get().(*cases.Caser)
	defer folders.Put(c)
	return c.String(s)
}

func init() {
	sqlite.MustRegisterDeterministicScalarFunction(foldFunction, 1,
		func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
			switch v := args[0].(type) {
			case string:
				return fold(v), nil
			case []byte:
				return fold(string(v)), nil
			}
			return args[0], nil // NULL and numbers as they are
		})
}
