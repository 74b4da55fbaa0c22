#!/usr/bin/env bash
# Tests the `az openshift` Azure CLI extension (python/az/openshift): its pytest unit tests, then
# the end-to-end tests, which install the built wheel into a throwaway Azure CLI configuration and
# run every command against the rp binary built by `dotnet build Rp.sln -c Release`, over https.
# The end-to-end tests run in a network namespace with loopback only (when this user may make
# one: root, as CI is), so they cannot reach anything else.
#
# Usage: hack/test-az-extension.sh RESULTS_DIR
# Writes RESULTS_DIR/az-openshift-unit.xml and az-openshift-e2e.xml (JUnit), which count the
# tests' passes and failures. Exits non-zero only when the tests could not run.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results=${1:?usage: hack/test-az-extension.sh RESULTS_DIR}
mkdir -p "$results"

if ! hack/install-azure-cli.sh; then
  echo "installing the Azure CLI from Debian's packages failed"
  exit 1
fi
if ! wheel=$(hack/build-az-extension.sh); then
  echo "building the az openshift wheel failed"
  exit 1
fi

cd python/az/openshift
pytest=(/usr/bin/python3 -m pytest -p no:cacheprovider -q -rfE)

"${pytest[@]}" --junitxml="$results/az-openshift-unit.xml" tests/unit

export AZ_OPENSHIFT_WHEEL=$wheel RP_DLL=$root/cmd/rp/bin/Release/net10.0/rp.dll
if unshare --net true 2>/dev/null; then
  unshare --net sh -c 'ip link set lo up && exec "$@"' sh "${pytest[@]}" --junitxml="$results/az-openshift-e2e.xml" tests/e2e
else
  echo "note: no network namespace for this user; the end-to-end tests run on the host's network"
  "${pytest[@]}" --junitxml="$results/az-openshift-e2e.xml" tests/e2e
fi

for f in az-openshift-unit.xml az-openshift-e2e.xml; do
  if [ ! -s "$results/$f" ]; then
    echo "pytest wrote no $f"
    exit 1
  fi
done
exit 0
