package main

import "errors"

var (
	errTooManyHops = errors.New("--max-hops: at most 20")
	errDangling    = errors.New("integrity check failed: the store has dangling edges")
)
