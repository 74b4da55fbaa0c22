#!/usr/bin/env bash
# Validates the committed swagger/ with Azure's own tools, offline: the ARM linter (Spectral with
# the ARM ruleset of @microsoft.azure/openapi-validator-rulesets, plus that package's native
# rules) and oav's validate-spec and validate-example, on every spec. Findings listed in
# swagger/suppressions.json are reported as suppressed, with their reasons. Prints each finding
# and a summary; exits non-zero on any error (warnings are reported, not fatal).
set -uo pipefail
cd "$(dirname "$0")/.."

hack/emulators.sh install || { echo "validate-swagger: installing hack/'s npm packages failed"; exit 1; }

mapfile -t specs < <(find swagger/specification -path '*/resource-manager/*' -name redhatopenshift.json | sort)
if [[ ${#specs[@]} -eq 0 ]]; then
  echo "validate-swagger: no spec under swagger/specification: run hack/generate-swagger.sh"
  exit 1
fi

logs=artifacts/swagger
mkdir -p "$logs"
start=$SECONDS
failed=0
echo "ARM linter on ${#specs[@]} specs"
node hack/swagger/arm-lint.js swagger/suppressions.json "${specs[@]}" || failed=1
echo "oav validate-spec and validate-example on ${#specs[@]} specs"
node hack/swagger/oav-validate.js swagger/suppressions.json "$logs" "${specs[@]}" || failed=1

if [[ $failed -eq 0 ]]; then
  echo "validate-swagger: ${#specs[@]} specs valid ($((SECONDS - start)) s)"
else
  echo "validate-swagger: FAILED ($((SECONDS - start)) s)"
fi
exit $failed
