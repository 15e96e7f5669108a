#!/usr/bin/env bash
# Set up vnreport_extract on a fresh Debian machine: system components (Tesseract,
# LibreOffice, Poppler, fonts), a virtual environment in .venv and the package.
#   scripts/setup.sh         the library and its command line
#   scripts/setup.sh --dev   plus everything the tests, benchmarks and notebook need
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
PY=${PYTHON:-python3}
if ! command -v "$PY" >/dev/null 2>&1 || ! "$PY" -c 'import venv, ensurepip' >/dev/null 2>&1; then
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends python3 python3-venv python3-pip
  PY=python3
fi
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'

bash scripts/setup-system.sh

[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
