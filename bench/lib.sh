# Helpers the bench/ scripts share; sourced, not run. A script sets
# $script (the name its messages carry) before sourcing this file.

# bench_start moves to the repository root, whatever the caller's working
# directory, and makes $tmp, removed on exit. Any command that fails
# outside step prints the line and command that failed.
bench_start() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/$script.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  trap 'echo "$script: failed at line $LINENO: $BASH_COMMAND" >&2' ERR
}

# fail prints one line and exits.
fail() {
  echo "$script: $*" >&2
  exit 1
}

# need_count fails unless the variable named $1 holds a whole number above 0.
need_count() {
  case ${!1} in
  '' | *[!0-9]* | 0) fail "$1=${!1}: want a whole number above 0" ;;
  esac
}

# step NAME OUT CMD... runs CMD with its output in OUT and its errors in
# $tmp/step.err, and sets STEP_SECONDS to its wall-clock time. When CMD
# fails it prints one line, the step and CMD's last error line, and exits.
step() {
  local name=$1 out=$2 start end
  shift 2
  start=$(date +%s%N)
  if ! "$@" >"$out" 2>"$tmp/step.err"; then
    fail "$name failed: $(tail -n 1 "$tmp/step.err")"
  fi
  end=$(date +%s%N)
  STEP_SECONDS=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}

# field KEY FILE prints the value after KEY in a "key value key value"
# line, as bench/extractrate, spacy_rate.py and plain_writer.py print.
field() {
  awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }' "$2"
}

# joined prints its arguments separated by commas.
joined() {
  local IFS=,
  echo "$*"
}

# machine prints what the figures were measured on.
machine() {
  local cpu dirty=""
  cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  # --no-optional-locks: a status must not write the index someone else uses.
  if [ -n "$(git --no-optional-locks status --porcelain --untracked-files=no)" ]; then
    dirty=" with uncommitted changes"
  fi
  echo "machine: $(nproc) cores, ${cpu:-CPU model unknown}"
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ); commit $(git rev-parse --short HEAD)$dirty; $(go env GOVERSION)"
}
