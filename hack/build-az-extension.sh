#!/usr/bin/env bash
# Builds the `openshift` Azure CLI extension's wheel (offline, with Debian's pip, setuptools and
# wheel) into python/az/openshift/dist/ and prints its path. Install it with
#   az extension add --source <that path> -y
set -euo pipefail
cd "$(dirname "$0")/../python/az/openshift"
rm -rf dist build ./*.egg-info
/usr/bin/python3 -m pip wheel --no-deps --no-build-isolation --no-index --quiet -w dist . >&2
rm -rf build ./*.egg-info
echo "$(pwd)/$(ls dist/openshift-*-py3-none-any.whl)"
