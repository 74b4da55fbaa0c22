#!/usr/bin/env bash
# Makes sure a Prometheus server is installed: Debian's `prometheus` package (2.42), which the
# monitoring tests start to scrape the RP's management listeners. Idempotent: does nothing when
# the binary is already there.
#
#   hack/prometheus.sh install   install the package if `prometheus` is not on PATH
#   hack/prometheus.sh path      print the binary's path (after installing it if needed)
set -euo pipefail

die() {
  echo "prometheus.sh: $*" >&2
  exit 1
}

install() {
  if command -v prometheus >/dev/null; then
    return
  fi

  command -v apt-get >/dev/null || die "prometheus is not installed and apt-get is not available: install Prometheus 2.x"
  local sudo=""
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || die "prometheus is not installed and installing it needs root"
    sudo="sudo"
  fi

  # One install at a time: two test projects may ask at once.
  exec 9>/tmp/rp-prometheus-install.lock
  flock 9
  if ! command -v prometheus >/dev/null; then
    echo "prometheus.sh: apt-get install prometheus" >&2
    $sudo apt-get install -y --no-install-recommends prometheus >&2 \
      || { $sudo apt-get update >&2 && $sudo apt-get install -y --no-install-recommends prometheus >&2; } \
      || die "apt-get install prometheus failed"
  fi
  flock -u 9
  # The package also starts a system-wide server on :9090; the tests start their own.
  if command -v systemctl >/dev/null && systemctl is-active --quiet prometheus 2>/dev/null; then
    $sudo systemctl stop prometheus >&2 || true
  fi
}

case "${1:-}" in
  install) install ;;
  path) install; command -v prometheus ;;
  *) echo "usage: $0 install | path" >&2; exit 2 ;;
esac
