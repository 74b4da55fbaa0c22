#!/usr/bin/env bash
# Installs what the `az openshift` extension is built and tested with, from Debian's packages
# (PyPI is not reachable): the Azure CLI 2.45 with its Python libraries (azure-core,
# azure-mgmt-core, knack, requests, cryptography, yaml), pytest, pip/setuptools/wheel to build
# the wheel, and iproute2 for the end-to-end tests' loopback-only network. Does nothing when they
# are all there already.
set -euo pipefail

installed() {
  command -v az >/dev/null && command -v ip >/dev/null &&
    /usr/bin/python3 -c 'import importlib.util as u, sys; sys.exit(any(u.find_spec(m) is None for m in sys.argv[1:]))' \
      azure.cli.core azure.mgmt.core pytest pip setuptools wheel yaml cryptography 2>/dev/null
}

if installed; then
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends \
  azure-cli python3-pytest python3-pip python3-setuptools python3-wheel iproute2 >/dev/null
installed
