#!/usr/bin/env bash
# Validates recorded request/response traffic (oav's traffic format: one JSON file per exchange,
# {liveRequest, liveResponse}, as the functional tests write into $RP_TRAFFIC_DIR) against each
# api-version's spec with `oav validate-traffic DIR SPEC --report "" --jsonReport REPORT`, offline.
# Reports go to artifacts/swagger/traffic-VERSION.json. Fails on any error; see
# hack/swagger/oav-traffic.js for what is not an error (suppressions, requests the RP refused).
#
# With --responses-only (the fuzz suite's mutated requests), only the RP's answers are judged.
#
#   hack/validate-traffic.sh [--responses-only] DIR
set -uo pipefail
mode=()
if [[ "${1:-}" == "--responses-only" ]]; then
  mode=(--responses-only)
  shift
fi
if [[ $# -ne 1 ]]; then
  echo "usage: $0 [--responses-only] TRAFFIC_DIR" >&2
  exit 2
fi
traffic="$(cd "$1" 2>/dev/null && pwd)" || { echo "validate-traffic: no directory $1"; exit 1; }
cd "$(dirname "$0")/.."

if [[ -z "$(find "$traffic" -name '*.json' -print -quit)" ]]; then
  echo "validate-traffic: no traffic (*.json) under $traffic"
  exit 1
fi

hack/emulators.sh install || { echo "validate-traffic: installing hack/'s npm packages failed"; exit 1; }

logs=artifacts/swagger
mkdir -p "$logs"
failed=0
while IFS= read -r spec; do
  version="$(basename "$(dirname "$spec")")"
  node hack/swagger/oav-traffic.js "${mode[@]}" swagger/suppressions.json "$traffic" "$spec" "$logs/traffic-$version${mode:+-responses}.json" "$logs" || failed=1
done < <(find swagger/specification -path '*/resource-manager/*' -name redhatopenshift.json | sort)

if [[ $failed -eq 0 ]]; then
  echo "validate-traffic: no errors"
else
  echo "validate-traffic: FAILED"
fi
exit $failed
