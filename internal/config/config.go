// Package config loads Diplograph's configuration: config.yaml, then
// DIPLOGRAPH_* environment variables, then command-line flags, each
// overriding the one before. It is the only package that touches viper; it
// hands the commands a typed, validated Config of plain values.
package config

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Store kinds.
const (
	StoreAuto     = "auto" // neo4j when neo4j.uri is set, else embedded
	StoreEmbedded = "embedded"
	StoreNeo4j    = "neo4j"
)

// Config is every setting, with its config.yaml key in the tag.
type Config struct {
	Store  string       `mapstructure:"store"` // auto, embedded or neo4j
	DB     string       `mapstructure:"db"`    // the embedded store's file
	Neo4j  Neo4jConfig  `mapstructure:"neo4j"`
	Ingest IngestConfig `mapstructure:"ingest"`
	Query  QueryConfig  `mapstructure:"query"`
}

// Neo4jConfig says how to reach a Neo4j server.
type Neo4jConfig struct {
	URI          string `mapstructure:"uri"` // bolt://, neo4j://, neo4j+s://, bolt+s:// (+ssc is insecure)
	User         string `mapstructure:"user"`
	Password     string `mapstructure:"password"`      // only from the environment or a file: never committed
	PasswordFile string `mapstructure:"password_file"` // a file holding the password
	Database     string `mapstructure:"database"`
	BatchSize    int    `mapstructure:"batch_size"` // rows per UNWIND statement
	// Timeout bounds connecting: opening a socket, the Bolt handshake and
	// waiting for a pooled connection. A server that accepts and never
	// answers fails after this long instead of hanging.
	Timeout time.Duration `mapstructure:"timeout"`
	// TxTimeout bounds one transaction, retries included, on the client
	// and (as the transaction's own timeout) on the server.
	TxTimeout time.Duration `mapstructure:"tx_timeout"`
}

// IngestConfig tunes ingest.
type IngestConfig struct {
	Workers      int   `mapstructure:"workers"`        // extraction goroutines; 0 means one per CPU
	MaxFileBytes int64 `mapstructure:"max_file_bytes"` // largest single readout file
	MaxLineBytes int   `mapstructure:"max_line_bytes"` // longest JSON Lines record
	MaxRecords   int   `mapstructure:"max_records"`    // most readouts in one JSON Lines file
}

// QueryConfig tunes query.
type QueryConfig struct {
	MaxHops int    `mapstructure:"max_hops"` // longest path query answers
	Format  string `mapstructure:"format"`   // table, json, csv, mermaid or dot
}

// Default returns the settings used when nothing overrides them.
func Default() Config {
	return Config{
		Store: StoreAuto,
		DB:    "diplograph.db",
		Neo4j: Neo4jConfig{URI: "", User: "neo4j", Database: "neo4j", BatchSize: 5000,
			Timeout: 5 * time.Second, TxTimeout: 2 * time.Minute},
		Ingest: IngestConfig{
			Workers:      0,
			MaxFileBytes: 4 << 20,
			MaxLineBytes: 4 << 20,
			MaxRecords:   10_000_000,
		},
		Query: QueryConfig{MaxHops: 6, Format: "table"},
	}
}

// ErrInvalid marks a configuration that cannot work.
var ErrInvalid = errors.New("invalid configuration")

// Validate checks that the settings make sense together.
func (c *Config) Validate() error {
	var problems []string
	switch c.Store {
	case StoreEmbedded:
		if c.DB == "" {
			problems = append(problems, "db: the embedded store needs a file")
		}
	case StoreNeo4j:
		if c.Neo4j.URI == "" {
			problems = append(problems, "neo4j.uri: the neo4j store needs a URI (DIPLOGRAPH_NEO4J_URI)")
		}
	default:
		problems = append(problems, fmt.Sprintf("store: %q is neither embedded nor neo4j", c.Store))
	}
	problems = append(problems, inRange("neo4j.batch_size", int64(c.Neo4j.BatchSize), 1, MaxBatchSize)...)
	if c.Neo4j.Timeout < 100*time.Millisecond || c.Neo4j.Timeout > 10*time.Minute {
		problems = append(problems, fmt.Sprintf("neo4j.timeout: %s is not between 100ms and 10m", c.Neo4j.Timeout))
	}
	if c.Neo4j.TxTimeout < time.Second || c.Neo4j.TxTimeout > 24*time.Hour {
		problems = append(problems, fmt.Sprintf("neo4j.tx_timeout: %s is not between 1s and 24h", c.Neo4j.TxTimeout))
	}
	problems = append(problems, inRange("ingest.workers", int64(c.Ingest.Workers), 0, MaxWorkers)...)
	problems = append(problems, inRange("ingest.max_file_bytes", c.Ingest.MaxFileBytes, 1, MaxInputBytes)...)
	problems = append(problems, inRange("ingest.max_line_bytes", int64(c.Ingest.MaxLineBytes), 1, MaxInputBytes)...)
	problems = append(problems, inRange("ingest.max_records", int64(c.Ingest.MaxRecords), 1, MaxRecords)...)
	if c.Query.MaxHops < 1 || c.Query.MaxHops > 20 {
		problems = append(problems, "query.max_hops: must be between 1 and 20")
	}
	switch c.Query.Format {
	case "table", "json", "csv", "mermaid", "dot", "html":
	default:
		problems = append(problems, fmt.Sprintf("query.format: %q is not table, json, csv, mermaid, dot or html", c.Query.Format))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrInvalid, strings.Join(problems, "; "))
	}
	return nil
}

// Upper bounds of the numeric settings: far beyond any real use, and low
// enough that arithmetic on them (a limit plus one) cannot overflow.
const (
	MaxBatchSize  = 1_000_000
	MaxWorkers    = 1024
	MaxInputBytes = 1 << 30 // 1 GiB: a readout file or a corpus line
	MaxRecords    = 1_000_000_000
)

// inRange is the problem with a setting outside [lo, hi], if any.
func inRange(key string, v, lo, hi int64) []string {
	if v < lo || v > hi {
		return []string{fmt.Sprintf("%s: %d is not between %d and %d", key, v, lo, hi)}
	}
	return nil
}

// Workers is the number of extraction goroutines to run.
func (c *Config) Workers() int {
	if c.Ingest.Workers > 0 {
		return c.Ingest.Workers
	}
	return runtime.NumCPU()
}

// FlagKeys maps command-line flag names to config keys; a flag the user
// set overrides the file and the environment.
type FlagKeys map[string]string

// Load reads the configuration: file (the --config path, else ./config.yaml
// when present), then environment, then the flags named in keys.
func Load(file string, flags *pflag.FlagSet, keys FlagKeys) (Config, error) {
	v := viper.New()
	setDefaults(v, Default())
	v.SetEnvPrefix("DIPLOGRAPH")
	v.SetEnvKeyReplacer(strings.NewReplacer(".", "_"))
	v.AutomaticEnv()
	if file == "" {
		if _, err := os.Stat("config.yaml"); err == nil {
			file = "config.yaml"
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("%w: read %s: %s", ErrInvalid, file, oneLine(err.Error()))
		}
		// The password must not sit in a file that is easily committed or
		// shared; rather than send it silently, say where it belongs.
		if v.InConfig("neo4j.password") {
			return Config{}, fmt.Errorf("%w: neo4j.password in %s: use DIPLOGRAPH_NEO4J_PASSWORD or neo4j.password_file", ErrInvalid, file)
		}
	}
	if flags != nil {
		for flag, key := range keys {
			if f := flags.Lookup(flag); f != nil && f.Changed {
				if err := v.BindPFlag(key, f); err != nil {
					return Config{}, err
				}
			}
		}
	}
	var c Config
	if err := v.Unmarshal(&c); err != nil {
		return Config{}, fmt.Errorf("%w: %s", ErrInvalid, oneLine(err.Error()))
	}
	if err := c.resolvePassword(); err != nil {
		return Config{}, err
	}
	if c.Store == "" || c.Store == StoreAuto {
		c.Store = StoreEmbedded
		if c.Neo4j.URI != "" {
			c.Store = StoreNeo4j
		}
	}
	return c, c.Validate()
}

// setDefaults registers every key, so that environment variables reach
// keys config.yaml does not mention.
func setDefaults(v *viper.Viper, d Config) {
	v.SetDefault("store", d.Store)
	v.SetDefault("db", d.DB)
	v.SetDefault("neo4j.uri", d.Neo4j.URI)
	v.SetDefault("neo4j.user", d.Neo4j.User)
	v.SetDefault("neo4j.password", "")
	v.SetDefault("neo4j.password_file", "")
	v.SetDefault("neo4j.database", d.Neo4j.Database)
	v.SetDefault("neo4j.batch_size", d.Neo4j.BatchSize)
	v.SetDefault("neo4j.timeout", d.Neo4j.Timeout)
	v.SetDefault("neo4j.tx_timeout", d.Neo4j.TxTimeout)
	v.SetDefault("ingest.workers", d.Ingest.Workers)
	v.SetDefault("ingest.max_file_bytes", d.Ingest.MaxFileBytes)
	v.SetDefault("ingest.max_line_bytes", d.Ingest.MaxLineBytes)
	v.SetDefault("ingest.max_records", d.Ingest.MaxRecords)
	v.SetDefault("query.max_hops", d.Query.MaxHops)
	v.SetDefault("query.format", d.Query.Format)
}

// resolvePassword reads the password file when one is named and no password
// came from the environment.
func (c *Config) resolvePassword() error {
	if c.Neo4j.Password != "" || c.Neo4j.PasswordFile == "" {
		return nil
	}
	b, err := os.ReadFile(c.Neo4j.PasswordFile)
	if err != nil {
		return fmt.Errorf("%w: neo4j.password_file: %v", ErrInvalid, err)
	}
	c.Neo4j.Password = strings.TrimRight(string(b), "\r\n")
	return nil
}

// oneLine joins a multi-line message (mapstructure lists each field it
// could not decode on a line of its own) so that none of it is lost when
// the command prints one line.
func oneLine(s string) string {
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l), "* ")); l != "" {
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, " ")
}
