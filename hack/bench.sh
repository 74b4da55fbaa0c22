#!/usr/bin/env bash
# Benchmarks the frontend on this machine, in one run:
#   1. bare Kestrel serving a static ~600-byte JSON body (the ceiling),
#   2. GET of one cluster through the RP's whole pipeline (SQLite, embedded default),
#   3. PUT of new clusters (document + async operation written per request; backend disabled
#      by running only the frontend role, so the numbers are the frontend's own).
# Usage: hack/bench.sh [seconds=10] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release -nologo -v q cmd/rp >/dev/null
dotnet build -c Release -nologo -v q hack/bench/baseline >/dev/null

wait_http() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done; echo "no answer from $1" >&2; exit 1; }
rss() { awk '/VmHWM/ {print $2/1024 " MiB"}' "/proc/$1/status"; }

dotnet hack/bench/baseline/bin/Release/net10.0/Baseline.dll --urls http://127.0.0.1:18081 >/dev/null 2>&1 &
pids+=($!); baseline=$!
wait_http http://127.0.0.1:18081/
echo "== bare Kestrel, static JSON (ceiling)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency http://127.0.0.1:18081/ | grep -E "Requests/sec|Latency  |99%"
echo "   peak RSS $(rss $baseline)"
kill $baseline

sub=11111111-2222-3333-4444-555555555555
path="/subscriptions/$sub/resourceGroups/bench/providers/RedHat.OpenShift/OpenShiftClusters/bench?api-version=2019-12-31-preview"
Logging__LogLevel__Default=Warning Management__Urls= dotnet cmd/rp/bin/Release/net10.0/rp.dll --data-dir "$work/all" --urls http://127.0.0.1:18080 >/dev/null 2>&1 &
pids+=($!); rp=$!
wait_http "http://127.0.0.1:18080/providers/RedHat.OpenShift/operations?api-version=2020-04-30"
curl -s -o /dev/null -X PUT "http://127.0.0.1:18080$path" -H 'Content-Type: application/json' -d '{"location":"eastus","properties":{"pullSecret":"eyJhdXRocyI6e319"}}'
for _ in $(seq 1 100); do curl -s "http://127.0.0.1:18080$path" | grep -q Succeeded && break; sleep 0.2; done
echo "== RP GET of one cluster (SQLite)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:18080$path" | grep -E "Requests/sec|Latency  |99%|Non-2xx"
echo "   peak RSS $(rss $rp)"
kill $rp

# Thousands of clusters in one subscription: no quota would let them in, so the quotas are off.
Logging__LogLevel__Default=Warning Management__Urls= Quota__MaxClustersPerSubscription=0 Quota__MaxVCpusPerRegion=0 \
  dotnet cmd/rp/bin/Release/net10.0/rp.dll frontend --data-dir "$work/put" --urls http://127.0.0.1:18082 >/dev/null 2>&1 &
pids+=($!); fe=$!
wait_http "http://127.0.0.1:18082/providers/RedHat.OpenShift/operations?api-version=2020-04-30"
echo "== RP PUT of new clusters (frontend role, SQLite)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s hack/bench/put.lua http://127.0.0.1:18082 | grep -E "Requests/sec|Latency  |99%|Non-2xx"
echo "   peak RSS $(rss $fe)"
