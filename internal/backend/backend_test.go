package backend

import (
	"testing"

	"github.com/diplograph/diplograph/internal/config"
	"github.com/diplograph/diplograph/internal/graph/neo4j"
)

// TestConfigDefaultsMatchTheStore keeps the configuration's default rows
// per Neo4j statement the one the store chose by measurement: the config
// package does not import the store, so the number is written twice.
func TestConfigDefaultsMatchTheStore(t *testing.T) {
	if got := config.Default().Neo4j.BatchSize; got != neo4j.DefaultBatchSize {
		t.Errorf("config default batch size %d, store default %d", got, neo4j.DefaultBatchSize)
	}
}
