#!/usr/bin/env bash
# Starts and stops the local servers that the distributed database and queue implementations are
# tested against: Azurite's queue service and a Cosmos DB REST server (both from npm, no Docker).
#
#   hack/emulators.sh start DIR   install the npm packages if needed, start both servers on free
#                                 loopback ports, wait until they accept connections and write
#                                 DIR/emulators.env (shell syntax: `set -a; . DIR/emulators.env`):
#                                   RP_TEST_COSMOS_ENDPOINT             https://127.0.0.1:PORT/
#                                   RP_TEST_COSMOS_KEY                  the emulator's well-known key
#                                   RP_TEST_STORAGE_CONNECTION_STRING   devstoreaccount1 on Azurite
#                                   RP_TEST_COSMOS_PID, RP_TEST_AZURITE_PID
#                                 Server logs: DIR/cosmos.log, DIR/azurite.log.
#   hack/emulators.sh stop DIR    stop the servers that `start DIR` started.
#   hack/emulators.sh install     only install the npm packages (hack/package-lock.json) if needed.
#
# The ports are chosen by the servers themselves (port 0) and read back from their logs, so two
# runs at the same time cannot pick the same port.
set -euo pipefail

hack_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly hack_dir
readonly start_timeout_seconds=60

# Both are the emulators' published development keys, not secrets: the Cosmos DB server accepts
# any key, Azurite checks SharedKey signatures against this one.
readonly cosmos_key='C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='
readonly storage_account='devstoreaccount1'
readonly storage_key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='

usage() {
  echo "usage: $0 install | start DIR | stop DIR" >&2
  exit 2
}

die() {
  echo "emulators.sh: $*" >&2
  exit 1
}

# npm ci runs only when node_modules was not installed from the current package-lock.json. The
# lock keeps concurrent starts (two test projects at once) from installing over each other.
ensure_packages() {
  command -v node >/dev/null || die "node is not installed (Node.js 20 or later is needed)"
  local stamp="$hack_dir/node_modules/.package-lock.sha256"
  local want
  want="$(sha256sum "$hack_dir/package-lock.json" | cut -d' ' -f1)"
  exec 9<"$hack_dir/package-lock.json"
  flock 9
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
    command -v npm >/dev/null || die "npm is not installed and $hack_dir/node_modules is missing or out of date"
    echo "emulators.sh: npm ci in $hack_dir" >&2
    (cd "$hack_dir" && npm ci --no-audit --no-fund --loglevel=error >&2) || die "npm ci failed in $hack_dir"
    echo "$want" >"$stamp"
  fi
  flock -u 9
  exec 9<&-
}

# Prints the port that the server behind PID reports in LOG once it listens.
wait_for_port() {
  local name="$1" pid="$2" log="$3" pattern="$4" deadline=$((SECONDS + start_timeout_seconds)) port
  while ((SECONDS < deadline)); do
    kill -0 "$pid" 2>/dev/null || die "$name exited while starting; its log ($log):"$'\n'"$(cat "$log")"
    port="$(sed -n "s/$pattern/\\1/p" "$log" | head -n1)"
    if [[ -n "$port" ]] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
    sleep 0.1
  done
  die "$name did not accept connections within ${start_timeout_seconds}s; its log ($log):"$'\n'"$(cat "$log")"
}

start() {
  local dir="$1"
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  [[ ! -f "$dir/emulators.env" ]] || die "$dir/emulators.env exists: stop those servers first ($0 stop $dir)"
  ensure_packages

  # Started with node itself (not npx) so that their PIDs are the servers', and with their output
  # in files so that they hold none of the caller's pipes open.
  mkdir -p "$dir/azurite"
  node "$hack_dir/node_modules/azurite/dist/src/queue/main.js" \
    --queueHost 127.0.0.1 --queuePort 0 --location "$dir/azurite" \
    --skipApiVersionCheck --disableTelemetry --loose \
    </dev/null >"$dir/azurite.log" 2>&1 &
  local azurite_pid=$!
  node "$hack_dir/cosmosdb-server.js" --host 127.0.0.1 --port 0 \
    </dev/null >"$dir/cosmos.log" 2>&1 &
  local cosmos_pid=$!
  # Written first, so that `stop` finds the servers even if waiting for them fails.
  printf 'RP_TEST_COSMOS_PID=%s\nRP_TEST_AZURITE_PID=%s\n' "$cosmos_pid" "$azurite_pid" >"$dir/emulators.pids"

  local azurite_port cosmos_port
  azurite_port="$(wait_for_port azurite "$azurite_pid" "$dir/azurite.log" '.*successfully listens on http:\/\/127\.0\.0\.1:\([0-9][0-9]*\).*')" || { stop "$dir"; exit 1; }
  cosmos_port="$(wait_for_port cosmosdb-server "$cosmos_pid" "$dir/cosmos.log" '.*connections at 127\.0\.0\.1:\([0-9][0-9]*\).*')" || { stop "$dir"; exit 1; }

  local connection_string="DefaultEndpointsProtocol=http;AccountName=$storage_account;AccountKey=$storage_key;QueueEndpoint=http://127.0.0.1:$azurite_port/$storage_account;"
  {
    echo "RP_TEST_COSMOS_ENDPOINT='https://127.0.0.1:$cosmos_port/'"
    echo "RP_TEST_COSMOS_KEY='$cosmos_key'"
    echo "RP_TEST_STORAGE_CONNECTION_STRING='$connection_string'"
    echo "RP_TEST_COSMOS_PID='$cosmos_pid'"
    echo "RP_TEST_AZURITE_PID='$azurite_pid'"
  } >"$dir/emulators.env.tmp"
  mv "$dir/emulators.env.tmp" "$dir/emulators.env"
  rm -f "$dir/emulators.pids"
  echo "emulators.sh: Cosmos DB at https://127.0.0.1:$cosmos_port/, storage queues at http://127.0.0.1:$azurite_port/$storage_account (env: $dir/emulators.env)" >&2
}

# Stops PID if it is still one of our node servers (a recycled PID is left alone).
stop_pid() {
  local pid="$1"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -Eq 'azurite|cosmosdb-server' || return 0
  kill "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + 10))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      kill -9 "$pid" 2>/dev/null || true
      return 0
    fi
    sleep 0.1
  done
}

stop() {
  local dir="$1" file pid
  for file in "$dir/emulators.env" "$dir/emulators.pids"; do
    [[ -f "$file" ]] || continue
    for pid in $(sed -n "s/^RP_TEST_[A-Z]*_PID='\{0,1\}\([0-9]*\)'\{0,1\}$/\1/p" "$file"); do
      stop_pid "$pid"
    done
    rm -f "$file"
  done
}

case "${1:-}" in
  install) [[ $# -eq 1 ]] || usage; ensure_packages ;;
  start) [[ $# -eq 2 ]] || usage; start "$2" ;;
  stop) [[ $# -eq 2 ]] || usage; stop "$2" ;;
  *) usage ;;
esac
