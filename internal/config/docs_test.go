package config

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"testing"

	"github.com/spf13/viper"
)

// moduleRoot is where go.mod, config.yaml and README.md live, from this
// package's directory, where go test runs its tests.
const moduleRoot = "../.."

// TestShippedConfigIsTheDefault checks that config.yaml, which the README
// says lists every key with its default, sets exactly the defaults.
func TestShippedConfigIsTheDefault(t *testing.T) {
	shippedFile, err := filepath.Abs(filepath.Join(moduleRoot, "config.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // no ./config.yaml for the defaults
	shipped, err := Load(shippedFile, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defaults, err := Load("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(shipped, defaults) {
		t.Errorf("config.yaml sets %+v, the defaults are %+v", shipped, defaults)
	}
}

// readmeRow is a row of the README's configuration table: the key, then a
// default whose first `code` span is the value.
var readmeRow = regexp.MustCompile("(?m)^\\| `([a-z0-9_.]+)` \\|[^|\\n]*\\|[^|\\n]*\\| ([^\\n]*) \\|$")

// TestReadmeListsTheDefaults checks the README's configuration table
// against the defaults: every key is listed, and every default it spells
// out is the one the code uses.
func TestReadmeListsTheDefaults(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(moduleRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	v := viper.New()
	setDefaults(v, Default())
	listed := map[string]bool{}
	for _, m := range readmeRow.FindAllStringSubmatch(string(readme), -1) {
		key, shown := m[1], m[2]
		listed[key] = true
		if !v.IsSet(key) {
			t.Errorf("README lists %s, which is not a key", key)
			continue
		}
		value := regexp.MustCompile("`([^`]*)`").FindStringSubmatch(shown)
		if value == nil {
			continue // "(none)": no value to compare
		}
		if want := fmt.Sprint(v.Get(key)); value[1] != want {
			t.Errorf("README gives %s a default of %s, the code %s", key, value[1], want)
		}
	}
	for _, key := range v.AllKeys() {
		if !listed[key] {
			t.Errorf("README's configuration table does not list %s", key)
		}
	}
}
