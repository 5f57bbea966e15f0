#!/usr/bin/env bash
# Local Neo4j 5 LTS test server (community edition, embedded DBMS + Bolt),
# built from Maven Central artifacts only -- no Docker, no neo4j.com download.
#
#   scripts/neo4j/neo4j.sh start    build if needed, start in the background,
#                                   return once bolt://127.0.0.1:$NEO4J_BOLT_PORT answers
#   scripts/neo4j/neo4j.sh stop     SIGTERM (clean shutdown), SIGKILL after a grace period
#   scripts/neo4j/neo4j.sh status   exit 0 if running, 3 if not
#   scripts/neo4j/neo4j.sh cert     print the path of the server's TLS certificate
#
# Authentication is off: connect with neo4j.NoAuth(). No APOC. Bolt takes
# plain and TLS connections alike: bolt:// and neo4j:// work, and so do
# bolt+ssc:// and neo4j+ssc://, or bolt+s:// and neo4j+s:// for a client that
# trusts the self-signed certificate (made at first start, for 127.0.0.1).
#
# Environment (all optional):
#   NEO4J_BOLT_PORT      Bolt port on 127.0.0.1 (default 7687)
#   NEO4J_HOME_DIR       where run files live (default scripts/neo4j/target); per port it holds
#                        bolt-$PORT/neo4j.pid, bolt-$PORT/neo4j.log (stdout/stderr) and
#                        bolt-$PORT/home/{data,logs} (Neo4j store and debug.log)
#   NEO4J_DATA_DIR       Neo4j home (store) directory instead of bolt-$PORT/home
#   NEO4J_WIPE=1         delete the store before starting (default: data persists across restarts)
#   NEO4J_OWN=1          fail, rather than leave it be, when something this script did not
#                        start answers on the port (the test command sets it: tests wipe
#                        the database they are given, and that one may hold someone's graph)
#   NEO4J_HEAP           JVM heap, -Xms and -Xmx (default 2g: batched ingest allocates
#                        fast, and a 1g heap spent a tenth of its time in young GC)
#   NEO4J_PAGECACHE      page cache in MiB (default 1024: the benchmarks' repeated wipes
#                        grow the relationship indexes past 256 MiB, and look-ups in them
#                        then stalled whole ingests for seconds)
#   NEO4J_TLS_DIR        the TLS key and certificate (default bolt-$PORT/tls)
#   NEO4J_JAVA_OPTS      extra JVM options
#   NEO4J_START_TIMEOUT  seconds to wait for Bolt (default 180)
#   NEO4J_STOP_GRACE     seconds between SIGTERM and SIGKILL (default 30)
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_DIR="$SCRIPT_DIR/target"
JAR="$BUILD_DIR/neo4j-server.jar"

HOST=127.0.0.1
PORT="${NEO4J_BOLT_PORT:-7687}"
HOME_DIR="${NEO4J_HOME_DIR:-$BUILD_DIR}"
RUN_DIR="$HOME_DIR/bolt-$PORT"
DATA_DIR="${NEO4J_DATA_DIR:-$RUN_DIR/home}"
TLS_DIR="${NEO4J_TLS_DIR:-$RUN_DIR/tls}"
PID_FILE="$RUN_DIR/neo4j.pid"
LOG_FILE="$RUN_DIR/neo4j.log"
BUILD_LOG="$BUILD_DIR/build.log"
URI="bolt://$HOST:$PORT"

die() { echo "neo4j: $*" >&2; exit 1; }

# kill -0 alone is fooled by zombies (PID 1 in a container may never reap them).
alive() {
  local state
  state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" || return 1
  [[ -n "$state" && "$state" != Z ]]
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; }

# Prints the pid from the pid file if that process is alive and is our server.
running_pid() {
  local pid
  [[ -f "$PID_FILE" ]] || return 1
  pid="$(cat "$PID_FILE" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'neo4j-server.jar' || return 1
  echo "$pid"
}

log_tail() {
  echo "---- tail of $LOG_FILE ----" >&2
  tail -n 40 "$LOG_FILE" >&2 2>/dev/null || true
  if [[ -f "$DATA_DIR/logs/debug.log" ]]; then
    echo "---- tail of $DATA_DIR/logs/debug.log ----" >&2
    tail -n 20 "$DATA_DIR/logs/debug.log" >&2 || true
  fi
}

needs_build() {
  [[ -f "$JAR" && -d "$BUILD_DIR/lib" ]] || return 0
  [[ -n "$(find "$SCRIPT_DIR/pom.xml" "$SCRIPT_DIR/src" -newer "$JAR" -print -quit)" ]]
}

build() {
  command -v mvn >/dev/null || die "mvn not found (needs Maven 3 and a JDK 17+)"
  mkdir -p "$BUILD_DIR"
  if ! (cd "$SCRIPT_DIR" && mvn -q -B -Dstyle.color=never package) >"$BUILD_LOG" 2>&1; then
    tail -n 40 "$BUILD_LOG" >&2
    die "build failed, full output in $BUILD_LOG"
  fi
}

lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$RUN_DIR/.lock"
  flock 9
}

start() {
  lock
  local pid
  if pid="$(running_pid)"; then
    if ! wait_ready "$pid"; then
      die "server pid $pid is running but $URI does not answer"
    fi
    echo "neo4j already running (pid $pid) on $URI"
    return 0
  fi
  rm -f "$PID_FILE"
  if port_open; then
    if [[ "${NEO4J_OWN:-0}" == 1 ]]; then
      die "something already answers on $URI (not started by this script); refusing to use it"
    fi
    echo "neo4j: something already answers on $URI (not started by this script); leaving it alone"
    return 0
  fi

  if needs_build; then build; fi

  if [[ "${NEO4J_WIPE:-0}" == 1 ]]; then rm -rf "$DATA_DIR"; fi
  mkdir -p "$DATA_DIR"

  local heap="${NEO4J_HEAP:-2g}" java="java"
  [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"
  local -a opts=(
    "-Xms$heap" "-Xmx$heap"
    -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError
    --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
    -Dio.netty.tryReflectionSetAccessible=true
    -Djdk.nio.maxCachedBufferSize=1024
    -Dlog4j2.disable.jmx=true
  )
  # shellcheck disable=SC2206 # word splitting of user-supplied options is intended
  [[ -n "${NEO4J_JAVA_OPTS:-}" ]] && opts+=(${NEO4J_JAVA_OPTS})

  local t0=$SECONDS
  # fd 9 (the lock) must not leak into the server, or it would hold the lock forever.
  NEO4J_BOLT_HOST="$HOST" NEO4J_BOLT_PORT="$PORT" NEO4J_TLS_DIR="$TLS_DIR" \
    NEO4J_PAGECACHE="${NEO4J_PAGECACHE:-1024}" \
    nohup "$java" "${opts[@]}" -jar "$JAR" "$DATA_DIR" </dev/null >"$LOG_FILE" 2>&1 9>&- &
  pid=$!
  echo "$pid" >"$PID_FILE"

  if ! wait_ready "$pid"; then
    log_tail
    if alive "$pid"; then
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      die "Bolt did not answer on $URI within ${NEO4J_START_TIMEOUT:-180}s (killed pid $pid)"
    fi
    rm -f "$PID_FILE"
    die "server exited during startup"
  fi
  echo "neo4j started (pid $pid) on $URI in $((SECONDS - t0))s; log $LOG_FILE"
}

# Waits until the server logged its ready line and Bolt answers; fails if it dies or times out.
wait_ready() {
  local pid="$1" deadline=$((SECONDS + ${NEO4J_START_TIMEOUT:-180}))
  while ((SECONDS < deadline)); do
    alive "$pid" || return 1
    if grep -q '^neo4j ready on ' "$LOG_FILE" 2>/dev/null && port_open; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

stop() {
  lock
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "neo4j not running"
    return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  local deadline=$((SECONDS + ${NEO4J_STOP_GRACE:-30}))
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  if alive "$pid"; then
    kill -KILL "$pid" 2>/dev/null || true
    while alive "$pid"; do sleep 0.1; done
    echo "neo4j killed (pid $pid) after ${NEO4J_STOP_GRACE:-30}s grace"
  else
    echo "neo4j stopped (pid $pid)"
  fi
  rm -f "$PID_FILE"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open; then
      echo "neo4j running (pid $pid) on $URI"
    else
      echo "neo4j starting (pid $pid), $URI not answering yet"
    fi
    return 0
  fi
  if port_open; then
    echo "neo4j not running from this script, but something answers on $URI"
  else
    echo "neo4j not running"
  fi
  return 3
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  cert) echo "$TLS_DIR/public.crt" ;;
  *) echo "usage: $0 start|stop|status|cert" >&2; exit 2 ;;
esac
