#!/usr/bin/env bash
# The one test command. Installs hack/'s npm packages (the emulators and Azure's OpenAPI tools) and
# Prometheus (Debian's package, for the monitoring tests), validates swagger/ with the ARM linter and
# oav, builds the solution (warnings are errors), runs every test project while the functional tests
# record their HTTP traffic (the fuzz suite runs for RP_FUZZ_SECONDS, default 60, among them),
# validates that traffic against swagger/ with oav (of the fuzz suite's mutated requests, only the
# answers), tests the az openshift CLI extension (pytest, JUnit results), and ends with the line
# "N passed, N failed[, N skipped]": the test results summed from every results file (.trx and
# JUnit .xml), plus one check each for the validations and the extension's test set-up.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

results=$root/artifacts/test-results
traffic=$root/artifacts/traffic
logs=$root/artifacts/test-logs
rm -rf "$results" "$traffic" "$traffic-mutated" "$logs"
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
  # pytest's JUnit files (the az openshift extension's tests): passed = tests - failures - errors - skipped.
  local t e
  for f in "$results"/*.xml; do
    [ -e "$f" ] || continue
    t=0; x=0; e=0; s=0
    while read -r suite; do
      t=$((t + $(attr "$suite" tests))); x=$((x + $(attr "$suite" failures)))
      e=$((e + $(attr "$suite" errors))); s=$((s + $(attr "$suite" skipped)))
    done < <(grep -o '<testsuite [^>]*' "$f")
    passed=$((passed + t - x - e - s)); failed=$((failed + x + e)); skipped=$((skipped + s))
  done
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
}

# The value of attribute $2 in the XML start tag $1 (0 when absent).
attr() {
  local v
  v=$(grep -o " $2=\"[0-9]*\"" <<<"$1" | grep -o '[0-9]*')
  echo "${v:-0}"
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

# A real Prometheus server for the monitoring tests (Debian's package; nothing to do when installed).
if ! hack/prometheus.sh install; then
  echo "installing Prometheus failed"
  echo "0 passed, 1 failed"
  exit 1
fi

check "swagger validation (ARM linter, oav validate-spec, oav validate-example)" hack/validate-swagger.sh

if ! dotnet build Rp.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

# A failing end-to-end test leaves its processes' whole logs under $logs.
RP_TRAFFIC_DIR=$traffic RP_TEST_LOGS=$logs dotnet test Rp.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
rc=$?

check "traffic validation (oav validate-traffic of the functional tests' requests)" hack/validate-traffic.sh "$traffic"
check "traffic validation of the fuzz suite's mutated requests (the answers only)" hack/validate-traffic.sh --responses-only "$traffic-mutated"

# The az openshift CLI extension: installs Debian's azure-cli when missing, then its unit tests
# and the end-to-end run of the real Azure CLI against the rp built above; their JUnit results
# count in the summary, the check only says whether they could run.
check "az openshift extension tests ran (Azure CLI installed, wheel built)" hack/test-az-extension.sh "$results"

line=$(summary)
echo "$line"
if [ $rc -ne 0 ] || [[ "$line" != *" 0 failed"* ]]; then
  exit 1
fi
exit 0
