#!/usr/bin/env bash
# The one test command: installs hack/'s npm packages, validates the committed API description
# (hack/validate-swagger.sh: ARM linter and oav), builds the solution (warnings are errors), runs
# every test project, and ends with the line "N passed, N failed[, N skipped]" summed from the
# real test results.
set -uo pipefail
cd "$(dirname "$0")/.."

results=artifacts/test-results
rm -rf "$results"
mkdir -p "$results"

summary() {
  local passed=0 failed=0 skipped=0 f p x s
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

if [ -f hack/package.json ]; then
  hack/emulators.sh install || { echo "installing the emulators failed"; echo "0 passed, 1 failed"; exit 1; }
fi

if ! hack/validate-swagger.sh; then
  echo "swagger validation failed"
  echo "0 passed, 1 failed"
  exit 1
fi

if ! dotnet build Rp.sln -c Release -nologo -v q; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

dotnet test Rp.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
rc=$?

line=$(summary)
echo "$line"
if [ $rc -ne 0 ] || [[ "$line" != *" 0 failed"* ]]; then
  exit 1
fi
exit 0
