package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPasswordNeverShown points the tools at Neo4j servers that are not
// there, with a password in the environment, in a password file and in the
// URI, and checks that no output, verbose or not, shows it.
func TestPasswordNeverShown(t *testing.T) {
	const secret = "s3cret-Pa55word"
	pwFile := filepath.Join(t.TempDir(), "pw")
	os.WriteFile(pwFile, []byte(secret+"\n"), 0o600)
	cases := []struct {
		name string
		env  []string
		args []string
	}{
		{"env", []string{"DIPLOGRAPH_NEO4J_URI=bolt://127.0.0.1:1", "DIPLOGRAPH_NEO4J_PASSWORD=" + secret}, []string{"-v", "--store", "neo4j", "../fixtures/readouts"}},
		{"file", []string{"DIPLOGRAPH_NEO4J_URI=neo4j://127.0.0.1:1", "DIPLOGRAPH_NEO4J_PASSWORD_FILE=" + pwFile}, []string{"--store", "neo4j", "../fixtures/readouts"}},
		{"uri", []string{"DIPLOGRAPH_NEO4J_URI=bolt://neo4j:" + secret + "@127.0.0.1:1"}, []string{"--store", "neo4j", "../fixtures/readouts"}},
		{"tls", []string{"DIPLOGRAPH_NEO4J_URI=neo4j+s://127.0.0.1:1", "DIPLOGRAPH_NEO4J_PASSWORD=" + secret}, []string{"--store", "neo4j", "../fixtures/readouts"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, tool := range []string{"ingest", "query"} {
				args := c.args
				if tool == "query" {
					args = []string{"--store", "neo4j", "path", "US", "Japan"}
				}
				cmd := exec.Command(filepath.Join(bin, tool), args...)
				cmd.Env = append(cleanEnv(), c.env...)
				out, _ := cmd.CombinedOutput()
				if cmd.ProcessState.ExitCode() != 2 {
					t.Errorf("%s: exit %d, want 2 (store unavailable)\n%s", tool, cmd.ProcessState.ExitCode(), out)
				}
				if strings.Contains(string(out), secret) {
					t.Errorf("%s printed the password:\n%s", tool, out)
				}
				if len(strings.TrimSpace(string(out))) == 0 {
					t.Errorf("%s failed silently", tool)
				}
			}
		})
	}
}
