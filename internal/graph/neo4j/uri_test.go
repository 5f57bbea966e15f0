package neo4j

import (
	"context"
	"strings"
	"testing"
	"time"
)

// TestURICredentialsNeverShown opens stores on odd URIs carrying
// credentials, none of which can connect: whatever the URI looks like, the
// error names no part of the password.
func TestURICredentialsNeverShown(t *testing.T) {
	for _, c := range []struct {
		uri    string
		secret []string // substrings that must not appear
	}{
		{"bolt://user:12345/Secret@127.0.0.1:1", []string{"12345", "Secret"}},
		{"bolt://user:12345?Secret@127.0.0.1:1", []string{"12345", "Secret"}},
		{"bolt://user:12345#Secret@127.0.0.1:1", []string{"12345", "Secret"}},
		{"neo4j://user:99/a?b#c@127.0.0.1:1", []string{"99/a", "a?b", "b#c"}},
		{"bolt://user:p@ss@word@127.0.0.1:1", []string{"p@ss", "ss@word"}},
		{"bolt://user:S3cr%2Ft@127.0.0.1:1", []string{"S3cr"}},
		{"bolt://user:S3cr%zzt@127.0.0.1:1", []string{"S3cr"}},
		{"bolt://:OnlyAPassword@127.0.0.1:1", []string{"OnlyAPassword"}},
		{"bolt://user:Secret@", []string{"Secret"}},
		{"bolt://user:Secret@:1", []string{"Secret"}},
		{"bolt://user:Sec ret@127.0.0.1:1", []string{"Sec ret", "Sec"}},
		{"bolt://user:Secret\n@127.0.0.1:1", []string{"Secret"}},
		{"mongodb://user:Secret@127.0.0.1:1", []string{"Secret"}},
		{"user:Secret@127.0.0.1:1", []string{"Secret"}},
		{"bolt://user:12345/Secret@127.0.0.1:1/x?y=z#w", []string{"12345", "Secret"}},
	} {
		t.Run(c.uri, func(t *testing.T) {
			_, err := Open(context.Background(), Options{URI: c.uri, ConnectTimeout: 300 * time.Millisecond})
			if err == nil {
				t.Fatal("connected")
			}
			for _, s := range c.secret {
				if strings.Contains(err.Error(), s) {
					t.Errorf("the error shows %q: %v", s, err)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("the error is more than one line: %q", err)
			}
		})
	}
}
