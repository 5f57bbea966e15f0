package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"strings"

	"github.com/diplograph/diplograph/internal/graph"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Neo4j status codes the store translates into the graph package's sentinels.
const (
	codeAccessMode       = "Neo.ClientError.Statement.AccessMode"
	codeReadOnlyDatabase = "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase"
	codeUnauthorized     = "Neo.ClientError.Security.Unauthorized"
	codeDatabaseNotFound = "Neo.ClientError.Database.DatabaseNotFound"
	codeDatabaseDown     = "Neo.TransientError.General.DatabaseUnavailable"
)

// translate maps a driver failure onto the graph package's sentinels,
// keeping the server's message. Anything it does not recognise (a Cypher
// syntax error, say) is returned as it is.
func (s *Store) translate(err error) error {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || translated(err) {
		return err
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		// The driver gave up retrying: what counts is why the last try failed.
		if last := s.translate(limit.Errors[len(limit.Errors)-1]); translated(last) || errors.Is(last, context.Canceled) ||
			errors.Is(last, context.DeadlineExceeded) {
			return last
		}
		return s.redacted(err)
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) {
		switch ne.Code {
		case codeAccessMode, codeReadOnlyDatabase:
			return fmt.Errorf("%w: %s", graph.ErrReadOnly, ne.Msg)
		case codeUnauthorized:
			return fmt.Errorf("%w: neo4j at %s: authentication failed for user %q", graph.ErrUnavailable, s.where, s.opts.User)
		case codeDatabaseNotFound:
			return fmt.Errorf("%w: neo4j at %s: database %q does not exist", graph.ErrUnavailable, s.where, s.opts.Database)
		case codeDatabaseDown:
			return fmt.Errorf("%w: neo4j at %s: %s", graph.ErrUnavailable, s.where, ne.Msg)
		}
		return s.redacted(err)
	}
	if cause, ok := connectivity(err); ok {
		return fmt.Errorf("%w: neo4j at %s: unreachable: %s", graph.ErrUnavailable, s.where, redact(cause, s.opts.Password))
	}
	return s.redacted(err)
}

// redacted returns err, or its text without the password if it echoes it.
func (s *Store) redacted(err error) error {
	if s.opts.Password != "" && strings.Contains(err.Error(), s.opts.Password) {
		return errors.New(redact(err.Error(), s.opts.Password))
	}
	return err
}

// translated reports whether err already carries one of the sentinels.
func translated(err error) bool {
	return errors.Is(err, graph.ErrUnavailable) || errors.Is(err, graph.ErrReadOnly) || errors.Is(err, graph.ErrRefused) ||
		errors.Is(err, graph.ErrNotFound) || errors.Is(err, graph.ErrNoGraph)
}

// openError is translate for Open, where every failure means the store
// cannot be used, so even an unrecognised one is graph.ErrUnavailable.
func (s *Store) openError(err error) error {
	err = s.translate(err)
	if errors.Is(err, graph.ErrUnavailable) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("%w: neo4j at %s: %v", graph.ErrUnavailable, s.where, err)
}

// connectivity reports whether err means the server could not be reached or
// the connection was lost, and the cause in a few words.
func connectivity(err error) (string, bool) {
	var ce *neo4j.ConnectivityError
	if errors.As(err, &ce) {
		if ce.Inner != nil {
			return ce.Inner.Error(), true
		}
		return ce.Error(), true
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return err.Error(), true
	}
	var ue *neo4j.UsageError
	if errors.As(err, &ue) && strings.Contains(ue.Message, "closed") {
		return ue.Message, true
	}
	return "", false
}

// target is a parsed server URI.
type target struct {
	uri            string // without credentials: for the driver and for messages
	user, password string // credentials found in the URI
}

var schemes = map[string]bool{
	"bolt": true, "bolt+s": true, "bolt+ssc": true,
	"neo4j": true, "neo4j+s": true, "neo4j+ssc": true,
}

// parseURI checks the scheme and moves any user:password@ out of the URI.
// The credentials are split off by hand, before url.Parse sees the URI: a
// password holding '/', '?' or '#' after a digits-only prefix
// (bolt://user:12345/Secret@host) parses as a host and port followed by a
// path, and the whole URI, password included, would reach the messages.
// Everything up to the last '@' after the scheme is the user information.
func parseURI(raw string) (target, error) {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok {
		return target{}, fmt.Errorf("%w: neo4j URI is not a URI like bolt://host:7687", graph.ErrUnavailable)
	}
	var t target
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		user, password, _ := strings.Cut(rest[:at], ":")
		t.user, t.password = unescape(user), unescape(password)
		rest = rest[at+1:]
	}
	u, err := url.Parse(scheme + "://" + rest)
	if err != nil || u.Host == "" || u.User != nil {
		// url.Error repeats the input: say less.
		return target{}, fmt.Errorf("%w: neo4j URI is not a URI like bolt://host:7687", graph.ErrUnavailable)
	}
	if !schemes[u.Scheme] {
		return target{}, fmt.Errorf("%w: neo4j URI scheme %q: use bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc", graph.ErrUnavailable, oneLine(u.Scheme))
	}
	t.uri = u.String()
	return t, nil
}

// unescape decodes a percent-encoded user or password, leaving one that is
// not validly encoded as it was written.
func unescape(s string) string {
	if d, err := url.PathUnescape(s); err == nil {
		return d
	}
	return s
}

// oneLine keeps text from the outside on one line of a message.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// redact removes a password from text that might echo it.
func redact(text, password string) string {
	if password == "" {
		return text
	}
	return strings.ReplaceAll(text, password, "******")
}
