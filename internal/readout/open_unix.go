//go:build unix

package readout

import (
	"os"
	"syscall"
)

// openFlags open a file without waiting for a writer when it is a FIFO;
// on a regular file O_NONBLOCK changes nothing.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK
