#!/usr/bin/env bash
# The one test command. Installs hack/'s npm packages (the emulators and Azure's OpenAPI tools),
# validates swagger/ with the ARM linter and oav, builds the solution (warnings are errors), runs
# every test project while the functional tests record their HTTP traffic (the fuzz suite runs for
# RP_FUZZ_SECONDS, default 60, among them), validates that traffic against swagger/ with oav (of the
# fuzz suite's mutated requests, only the answers), and ends with the line "N passed, N failed[, N
# skipped]": the test results summed from every project's results file, plus one check for each
# validation.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

results=$root/artifacts/test-results
traffic=$root/artifacts/traffic
rm -rf "$results" "$traffic" "$traffic-mutated"
mkdir -p "$results" "$traffic"
checks_passed=0
checks_failed=0

summary() {
  local passed=$checks_passed failed=$checks_failed skipped=0 f p x s
  for f in "$results"/*.trx; do
    [ -e "$f" ] || continue
    p=$(grep -o '<Counters [^>]*' "$f" | grep -o ' passed="[0-9]*"' | grep -o '[0-9]*')
    x=$(grep -o '<Counters [^>]*' "$f" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
    s=$(grep -o '<Counters [^>]*' "$f" | grep -o ' notExecuted="[0-9]*"' | grep -o '[0-9]*')
    passed=$((passed + ${p:-0})); failed=$((failed + ${x:-0})); skipped=$((skipped + ${s:-0}))
  done
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
}

check() {
  local name=$1
  shift
  if "$@"; then
    checks_passed=$((checks_passed + 1))
  else
    echo "FAILED: $name"
    checks_failed=$((checks_failed + 1))
  fi
}

if ! hack/emulators.sh install; then
  echo "installing hack/'s npm packages failed"
  echo "0 passed, 1 failed"
  exit 1
fi

check "swagger validation (ARM linter, oav validate-spec, oav validate-example)" hack/validate-swagger.sh

if ! dotnet build Rp.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

RP_TRAFFIC_DIR=$traffic dotnet test Rp.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
rc=$?

check "traffic validation (oav validate-traffic of the functional tests' requests)" hack/validate-traffic.sh "$traffic"
check "traffic validation of the fuzz suite's mutated requests (the answers only)" hack/validate-traffic.sh --responses-only "$traffic-mutated"

line=$(summary)
echo "$line"
if [ $rc -ne 0 ] || [[ "$line" != *" 0 failed"* ]]; then
  exit 1
fi
exit 0
