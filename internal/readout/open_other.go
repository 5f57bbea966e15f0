//go:build !unix

package readout

import "os"

// openFlags: without O_NONBLOCK the regular-file check before opening is
// what keeps special files out.
const openFlags = os.O_RDONLY
