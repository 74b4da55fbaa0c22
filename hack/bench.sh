#!/usr/bin/env bash
# Benchmarks the RP on this machine in one run and prints one report (hack/bench/driver report):
#   bare Kestrel   a static ~600-byte JSON GET: the ceiling every ratio is taken against
#   get            GET of one cluster (wrk, 32 connections), every role in one process
#   latency        create -> Succeeded, one at a time, zero-duration installer (same process)
#   burst          300 creates sent at once by 16 clients -> all Succeeded (same process)
#   put            PUT of new clusters (wrk, 32 connections), frontend role only
#   seed + list    --clusters clusters seeded through the API (frontend role): the first tenth,
#                  then the rest; after each, the subscription's list walked by nextLink, 100 a page
#   ready + drain  every role restarted on that set: time to ready, then the backlog of
#                  unprocessed creates drained, with the process's RSS sampled throughout
# and the peak RSS of every process. Each figure is printed with its ratio to bare Kestrel where
# one applies, and the issue's target. Everything is built in Release; every process is started
# here on free loopback ports and stopped at the end (also on failure or Ctrl-C).
#
# Usage: hack/bench.sh [--clusters N=100000] [--seconds S=10] [--warmup S=3] [--connections C=32]
#                      [--distributed] [--distributed-clusters N=10000]
#                      [--only get,latency,burst,put,seed,drain] [--before DIR] [--out DIR]
#   --distributed   also run every probe on Cosmos DB + Azure Storage Queues (hack/emulators.sh)
#   --warmup S      an unrecorded wrk run of S seconds before each measured one (0: none)
#   --before DIR    an earlier run's --out: its latencies are drawn dashed in the chart
#   --out DIR       where results, logs and the chart go (default artifacts/bench/<time>)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
command_line="hack/bench.sh $*"

clusters=100000
seconds=10
warmup=3
connections=32
distributed=false
distributed_clusters=10000
only="get,latency,burst,put,seed,drain"
before=""
out="$root/artifacts/bench/$(date +%Y%m%dT%H%M%S)"
while [ $# -gt 0 ]; do
  case "$1" in
    --clusters) clusters=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --distributed) distributed=true; shift ;;
    --distributed-clusters) distributed_clusters=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --before) before=$(cd "$2" && pwd); shift 2 ;;
    --out) mkdir -p "$2"; out=$(cd "$2" && pwd); shift 2 ;;
    *) echo "unknown option $1 (see the usage at the top of $0)" >&2; exit 2 ;;
  esac
done
mkdir -p "$out"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

echo "== building (Release)"
dotnet build -c Release -nologo -v q cmd/rp >/dev/null
dotnet build -c Release -nologo -v q hack/bench/baseline >/dev/null
dotnet build -c Release -nologo -v q hack/bench/driver >/dev/null
rp_dll=$root/cmd/rp/bin/Release/net10.0/rp.dll
baseline_dll=$root/hack/bench/baseline/bin/Release/net10.0/Baseline.dll
driver() { dotnet "$root/hack/bench/driver/bin/Release/net10.0/Rp.Bench.Driver.dll" "$@"; }

work=$(mktemp -d)
pids=()
emulators=""
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null || true
  done
  if [ -n "$emulators" ]; then hack/emulators.sh stop "$emulators" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wants() { [[ ",$only," == *",$1,"* ]]; }
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_ready() {
  local url=$1 pid=$2 log=$3
  for _ in $(seq 1 600); do
    kill -0 "$pid" 2>/dev/null || { echo "process $pid exited; its log:" >&2; tail -n 30 "$log" >&2; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
    sleep 0.1
  done
  echo "$url not ready after 60 s" >&2; exit 1
}
peak_rss() { awk '/VmHWM/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

# Stops a process (SIGTERM, as an orchestrator would) after recording its peak RSS as rss-NAME.
stop() {
  local pid=$1 name=$2 dir=$3
  echo "{\"peakRssMiB\": $(peak_rss "$pid")}" >"$dir/rss-$name.json"
  kill -TERM "$pid"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# start_rp ROLE DATA_DIR LOG STORE: starts rp with the current config_env, its documents and queue
# named STORE (a data directory, or a Cosmos DB database and a storage queue); sets rp_pid,
# rp_url, rp_ready, rp_metrics. Thousands of clusters go into one subscription, which no quota
# would let in: the quotas are off.
start_rp() {
  local role=$1 data=$2 log=$3 store=$4 port mport
  port=$(free_port); mport=$(free_port)
  env "${config_env[@]}" Cosmos__DatabaseName="bench-$store" Queue__Name="bench-$store" Logging__LogLevel__Default=Warning \
    Quota__MaxClustersPerSubscription=0 Quota__MaxVCpusPerRegion=0 Frontend__HttpsPort=0 Drain__Delay=00:00:00 \
    Management__Urls="http://127.0.0.1:$mport" \
    dotnet "$rp_dll" "$role" --data-dir "$data" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
  rp_pid=$!
  pids+=("$rp_pid")
  rp_url="http://127.0.0.1:$port"
  rp_ready="http://127.0.0.1:$mport/healthz/ready"
  rp_metrics="http://127.0.0.1:$mport/metrics"
}

wrk_run() {
  local name=$1 url=$2 dir=$3
  shift 3
  # The same warm-up for every server (JIT tiering, pools, caches), unrecorded: the figures are
  # the steady state's.
  if [ "$warmup" -gt 0 ]; then
    env "$@" BENCH_OUT=/dev/null BENCH_PREFIX=warmup wrk -t2 -c"$connections" -d"${warmup}s" -s hack/bench/wrk.lua "$url" >/dev/null
  fi
  env "$@" BENCH_OUT="$dir/$name.json" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s hack/bench/wrk.lua "$url" >"$dir/$name.wrk.txt"
  grep -E "Requests/sec|Latency  |99%|Non-2xx" "$dir/$name.wrk.txt" | sed 's/^/   /'
}

baseline() {
  local dir=$1 port pid
  port=$(free_port)
  dotnet "$baseline_dll" --urls "http://127.0.0.1:$port" >"$work/baseline.log" 2>&1 &
  pid=$!; pids+=("$pid")
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
  echo "== bare Kestrel, static JSON (the ceiling)"
  wrk_run baseline "http://127.0.0.1:$port/" "$dir"
  stop "$pid" baseline "$dir"
}

# Every probe against one configuration (config_env), its results in DIR, seeding SIZE clusters.
probes() {
  local dir=$1 size=$2 label=$3 sub=11111111-2222-3333-4444-555555555555 seed_sub=22222222-3333-4444-5555-666666666666
  local data=$work/$label small=$((size / 10))
  mkdir -p "$dir" "$data"

  if wants get || wants latency || wants burst; then
    start_rp all "$data/all" "$dir/rp-all.log" all
    wait_ready "$rp_ready" "$rp_pid" "$dir/rp-all.log"
    local path="/subscriptions/$sub/resourceGroups/bench/providers/RedHat.OpenShift/OpenShiftClusters/bench?api-version=2019-12-31-preview"
    curl -s -o /dev/null -X PUT "$rp_url$path" -H 'Content-Type: application/json' -d '{"location":"eastus","properties":{"pullSecret":"eyJhdXRocyI6e319"}}'
    for _ in $(seq 1 200); do curl -s "$rp_url$path" | grep -q '"Succeeded"' && break; sleep 0.1; done
    if wants get; then
      echo "== [$label] GET of one cluster, every role in one process"
      wrk_run get "$rp_url$path" "$dir"
    fi
    if wants latency; then
      echo "== [$label] create -> Succeeded, one at a time"
      driver latency --url "$rp_url" --subscription "$sub" --count 200 --warmup 10 --poll-ms 1 --out "$dir/latency.json" --samples "$dir/latency-samples.txt"
    fi
    if wants burst; then
      echo "== [$label] 300 creates at once, 16 clients -> all Succeeded"
      driver burst --url "$rp_url" --subscription "$sub" --count 300 --clients 16 --out "$dir/burst.json"
    fi
    stop "$rp_pid" get "$dir"
  fi

  if wants put; then
    start_rp frontend "$data/put" "$dir/rp-put.log" put
    wait_ready "$rp_ready" "$rp_pid" "$dir/rp-put.log"
    echo "== [$label] PUT of new clusters, frontend role"
    wrk_run put "$rp_url" "$dir" BENCH_PUT=1
    stop "$rp_pid" put "$dir"
  fi

  if wants seed; then
    start_rp frontend "$data/seed" "$dir/rp-seed.log" seed
    wait_ready "$rp_ready" "$rp_pid" "$dir/rp-seed.log"
    echo "== [$label] seeding $small clusters through the API (frontend role), then listing them"
    driver seed --url "$rp_url" --subscription "$seed_sub" --from 0 --count "$small" --concurrency 32 --out "$dir/seed-small.json"
    driver list --url "$rp_url" --subscription "$seed_sub" --top 100 --expect "$small" --out "$dir/list-small.json"
    echo "== [$label] seeding $((size - small)) more (to $size), then listing them"
    driver seed --url "$rp_url" --subscription "$seed_sub" --from "$small" --count "$((size - small))" --concurrency 32 --out "$dir/seed-large.json"
    driver list --url "$rp_url" --subscription "$seed_sub" --top 100 --expect "$size" --out "$dir/list-large.json"
    stop "$rp_pid" seed "$dir"
  fi

  if wants drain; then
    [ -d "$data/seed" ] || { echo "drain needs seed (--only ...,seed,drain)" >&2; exit 2; }
    echo "== [$label] every role restarted on the $size unprocessed creates: ready, then the backlog drained"
    local started
    started=$(date +%s%N)
    start_rp all "$data/seed" "$dir/rp-drain.log" seed
    driver ready --url "$rp_ready" --started-at-ns "$started" --out "$dir/ready.json"
    driver drain --metrics "$rp_metrics" --count "$size" --pid "$rp_pid" --started-at-ns "$started" --out "$dir/drain.json" --timeline "$dir/drain-timeline.csv"
    stop "$rp_pid" drain "$dir"
  fi
}

config_env=(Rp__Mode=Development)
mkdir -p "$out/embedded"
baseline "$out/embedded"
probes "$out/embedded" "$clusters" embedded

if $distributed; then
  emulators=$work/emulators
  hack/emulators.sh start "$emulators" >/dev/null
  # shellcheck disable=SC1091
  set -a; . "$emulators/emulators.env"; set +a
  config_env=(Rp__Mode=Development Database__Provider=Cosmos Cosmos__Endpoint="$RP_TEST_COSMOS_ENDPOINT" Cosmos__Key="$RP_TEST_COSMOS_KEY"
    Cosmos__CreateIfNotExists=true Cosmos__AcceptAnyServerCertificate=true
    Queue__Provider=StorageQueue StorageQueue__ConnectionString="$RP_TEST_STORAGE_CONNECTION_STRING")
  mkdir -p "$out/distributed"
  cp "$out/embedded/baseline.json" "$out/embedded/rss-baseline.json" "$out/distributed/"
  probes "$out/distributed" "$distributed_clusters" distributed
  echo "{\"peakRssMiB\": $(peak_rss "$RP_TEST_COSMOS_PID")}" >"$out/distributed/rss-cosmos-server.json"
  echo "{\"peakRssMiB\": $(peak_rss "$RP_TEST_AZURITE_PID")}" >"$out/distributed/rss-azurite.json"
fi

echo
echo "== report: $command_line ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
report=(--dir "$out/embedded" --markdown "$out/summary.md")
$distributed && report+=(--distributed "$out/distributed")
driver report "${report[@]}"
chart=(--after "$out/embedded" --out "$out/latency.svg")
[ -n "$before" ] && chart+=(--before "$before/embedded")
driver chart "${chart[@]}"
echo "results: $out"
