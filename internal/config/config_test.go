package config

import (
	"errors"
	"os"
	"path/filepath"
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
