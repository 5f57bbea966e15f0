package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

func TestDefaultsAreValidAndAutoPicksEmbedded(t *testing.T) {
	t.Chdir(t.TempDir())
	c, err := Load("", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Store != StoreEmbedded || c.DB != "diplograph.db" || c.Neo4j.BatchSize != 5000 {
		t.Errorf("defaults: %+v", c)
	}
}

func TestOrderFileEnvFlag(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "c.yaml")
	os.WriteFile(file, []byte("db: file.db\nneo4j:\n  uri: bolt://file:7687\n  batch_size: 100\n"), 0o644)
	t.Setenv("DIPLOGRAPH_NEO4J_BATCH_SIZE", "200")
	t.Setenv("DIPLOGRAPH_DB", "env.db")
	flags := pflag.NewFlagSet("x", pflag.ContinueOnError)
	flags.String("db", "", "")
	flags.Parse([]string{"--db", "flag.db"})
	c, err := Load(file, flags, FlagKeys{"db": "db"})
	if err != nil {
		t.Fatal(err)
	}
	if c.DB != "flag.db" || c.Neo4j.BatchSize != 200 || c.Neo4j.URI != "bolt://file:7687" || c.Store != StoreNeo4j {
		t.Errorf("got %+v", c)
	}
}

func TestPasswordFromFileOnly(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("pw", []byte("hunter2\n"), 0o600)
	t.Setenv("DIPLOGRAPH_NEO4J_PASSWORD_FILE", "pw")
	c, err := Load("", nil, nil)
	if err != nil || c.Neo4j.Password != "hunter2" {
		t.Errorf("password %q, %v", c.Neo4j.Password, err)
	}
	t.Setenv("DIPLOGRAPH_NEO4J_PASSWORD_FILE", "missing")
	if _, err := Load("", nil, nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("missing password file: %v", err)
	}
}

func TestValidate(t *testing.T) {
	for name, mutate := range map[string]func(*Config){
		"store":   func(c *Config) { c.Store = "mongo" },
		"hops":    func(c *Config) { c.Query.MaxHops = 50 },
		"format":  func(c *Config) { c.Query.Format = "xml" },
		"neo4j":   func(c *Config) { c.Store = StoreNeo4j },
		"batch":   func(c *Config) { c.Neo4j.BatchSize = 0 },
		"workers": func(c *Config) { c.Ingest.Workers = -1 },
	} {
		c := Default()
		c.Store = StoreEmbedded
		mutate(&c)
		if err := c.Validate(); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// A password written into the config file is refused with the key named,
// rather than read and sent to the server.
func TestPasswordInTheFileIsAnError(t *testing.T) {
	t.Chdir(t.TempDir())
	os.WriteFile("c.yaml", []byte("neo4j:\n  uri: bolt://127.0.0.1:7687\n  password: hunter2\n"), 0o600)
	t.Setenv("DIPLOGRAPH_NEO4J_PASSWORD", "from-env")
	_, err := Load("c.yaml", nil, nil)
	want := "neo4j.password in c.yaml: use DIPLOGRAPH_NEO4J_PASSWORD or neo4j.password_file"
	if !errors.Is(err, ErrInvalid) || err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("got %v, want an error saying %q", err, want)
	}
	if strings.Contains(err.Error(), "hunter2") {
		t.Errorf("the error repeats the password: %v", err)
	}
}

func TestLoadRejects(t *testing.T) {
	for _, c := range []struct {
		name, yaml, want string
	}{
		{"file limit at int64 max", "ingest:\n  max_file_bytes: 9223372036854775807\n", "ingest.max_file_bytes: 9223372036854775807 is not between 1 and 1073741824"},
		{"line limit too large", "ingest:\n  max_line_bytes: 4294967296\n", "ingest.max_line_bytes"},
		{"records too many", "ingest:\n  max_records: 9223372036854775807\n", "ingest.max_records"},
		{"workers too many", "ingest:\n  workers: 100000\n", "ingest.workers"},
		{"batch too large", "neo4j:\n  batch_size: 9223372036854775807\n", "neo4j.batch_size"},
		{"timeout zero", "neo4j:\n  timeout: 0s\n", "neo4j.timeout"},
		{"tx timeout huge", "neo4j:\n  tx_timeout: 1000h\n", "neo4j.tx_timeout"},
		{"type error kept whole", "neo4j:\n  batch_size: lots\n", "cannot parse"},
		{"two type errors kept whole", "neo4j:\n  batch_size: lots\n  timeout: soon\n", "timeout"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			os.WriteFile("c.yaml", []byte(c.yaml), 0o600)
			_, err := Load("c.yaml", nil, nil)
			if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("got %q, want one line holding %q", err, c.want)
			}
		})
	}
}
