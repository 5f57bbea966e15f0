package main

import "github.com/spf13/cobra"

// cypherCommands are the canned and ad hoc Cypher queries.
func cypherCommands(g *globals) []*cobra.Command { return nil }
