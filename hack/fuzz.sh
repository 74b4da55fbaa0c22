#!/usr/bin/env bash
# The fuzz suite (test/Frontend/Fuzz) for longer than hack/test.sh runs it (one minute): every
# operation of both api-versions in swagger/, valid and mutated requests, for MINUTES (default 10)
# from SEED (default: a new one; the run prints it, and the same seed sends the same requests), then
# `oav validate-traffic` of what it recorded (the first thousand valid and mutated requests, then a
# thinning sample of the rest). A failure prints the smallest failing request found and how to replay it:
#
#   hack/fuzz.sh [MINUTES] [SEED]
#   RP_FUZZ_REPLAY='OperationId api-version CASE_SEED' hack/fuzz.sh
#
# The report (seed, cases, requests, statuses, per operation) is in artifacts/fuzz/report.txt.
set -uo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-10}"
if [[ ! "$minutes" =~ ^[0-9]+$ ]] || [[ "$minutes" -lt 1 ]]; then
  echo "usage: $0 [MINUTES] [SEED]" >&2
  exit 2
fi
seed="${2:-$(od -An -N8 -tx8 /dev/urandom | tr -d ' \n')}"
out=artifacts/fuzz
traffic=$out/traffic
rm -rf "$out"
mkdir -p "$out"

hack/emulators.sh install || { echo "fuzz: installing hack/'s npm packages failed"; exit 1; }
dotnet build test/Frontend/Rp.Frontend.Tests.csproj -c Release -nologo -v q || { echo "fuzz: build failed"; exit 1; }

echo "fuzz: $minutes minute(s), seed $seed"
RP_FUZZ_SECONDS=$((minutes * 60)) RP_FUZZ_SEED="$seed" RP_FUZZ_REPORT="$(pwd)/$out/report.txt" \
  RP_TRAFFIC_DIR="$(pwd)/$traffic" \
  dotnet test test/Frontend/Rp.Frontend.Tests.csproj -c Release --no-build -nologo \
    --filter "FullyQualifiedName~Rp.Frontend.Tests.Fuzz.FuzzTests" --logger "console;verbosity=normal" \
    --results-directory "$out/results" -- RunConfiguration.TreatNoTestsAsError=true
rc=$?
[[ -f "$out/report.txt" ]] && cat "$out/report.txt"
if [[ -n "${RP_FUZZ_REPLAY:-}" ]]; then
  exit $rc
fi

for dir in "$traffic" "$traffic-mutated"; do
  [[ -d "$dir" ]] || continue
  mode=()
  [[ "$dir" == *-mutated ]] && mode=(--responses-only)
  echo "fuzz: oav validate-traffic ${mode[*]} $dir ($(find "$dir" -name '*.json' | wc -l) exchanges)"
  hack/validate-traffic.sh "${mode[@]}" "$dir" || rc=1
done
if [[ $rc -eq 0 ]]; then
  echo "fuzz: no failures (seed $seed)"
else
  echo "fuzz: FAILED (seed $seed)"
fi
exit $rc
