#!/usr/bin/env bash
# Set up sanctionwatch on a Debian/Ubuntu machine with Python 3.11+, then run something.
#
#   bash scripts/setup.sh demo     install everything, run the demo
#   bash scripts/setup.sh test     install everything, run the whole test suite
#   bash scripts/setup.sh install  install only
#
# System packages: installed with apt-get when run as root; otherwise checked, with the
# exact command to run printed when something is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-install}
shift || true

PY=${PYTHON:-python3}
SYSTEM_PACKAGES=(python3-venv python3-dev g++ pkg-config libicu-dev
                 libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
                 default-jre-headless poppler-utils)

need_python() {
  if ! command -v "$PY" >/dev/null 2>&1; then
    echo "error: python3 not found; install Python 3.11 or newer" >&2; exit 2
  fi
  if ! "$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
    echo "error: Python 3.11+ is needed, found $("$PY" --version 2>&1)" >&2; exit 2
  fi
}

missing_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  # A JRE from another package (e.g. openjdk-17-jre-headless) serves Spark as well.
  if command -v java >/dev/null 2>&1; then
    missing=("${missing[@]/default-jre-headless}")
  fi
  # python3-venv/python3-dev are only needed for the system python; pyenv etc. ship both.
  if "$PY" -c 'import venv, ensurepip, sysconfig, os; \
      os.stat(os.path.join(sysconfig.get_paths()["include"], "Python.h"))' 2>/dev/null; then
    missing=("${missing[@]/python3-venv}"); missing=("${missing[@]/python3-dev}")
  fi
  local out=()
  for p in "${missing[@]}"; do [ -n "$p" ] && out+=("$p"); done
  echo "${out[@]:-}"
}

system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { echo "note: not a Debian/Ubuntu system;" \
    "make sure these are installed: ${SYSTEM_PACKAGES[*]}" >&2; return 0; }
  local missing; missing=$(missing_system_packages)
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing system packages: $missing" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "error: missing system packages. Run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends $missing" >&2
    exit 2
  fi
}

python_packages() {
  local stamp=.venv/.sanctionwatch-installed
  local want; want=$(cat pyproject.toml | sha256sum | cut -c1-16)
  if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[dev]"
    echo "$want" > "$stamp"
  else
    # Same dependencies as last time: only (re)register the package itself.
    .venv/bin/python -m pip install -q --no-deps --no-build-isolation -e . >/dev/null 2>&1 \
      || .venv/bin/python -m pip install -q -e ".[dev]"
  fi
}

postgres_running() {
  # The server-mode tests use PostgreSQL on 127.0.0.1:5432; start the local cluster if it
  # is installed but stopped (they skip with a message when no server answers).
  if command -v pg_isready >/dev/null 2>&1 && ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if [ "$(id -u)" = 0 ] && command -v pg_ctlcluster >/dev/null 2>&1; then
      for v in /etc/postgresql/*; do
        [ -d "$v" ] && pg_ctlcluster --skip-systemctl-redirect "$(basename "$v")" main start \
          >/dev/null 2>&1 || true
      done
      for _ in 1 2 3 4 5 6 7 8 9 10; do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    fi
  fi
}

need_python
system_packages
python_packages
export HF_HUB_OFFLINE=1

case "$mode" in
  install) echo "installed: .venv/bin/sanctionwatch" ;;
  demo) exec .venv/bin/sanctionwatch demo "$@" ;;
  test)
    postgres_running
    set +e
    .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
    rc=$?
    set -e
    if [ "$rc" = 5 ]; then
      # Exit 5 = no test collected: fine for a filtered run, a failure for the full suite.
      echo "pytest collected no tests (exit 5)"
      if [ $# -gt 0 ]; then exit 0; else exit 1; fi
    fi
    exit "$rc"
    ;;
  *) echo "usage: bash scripts/setup.sh demo|test|install" >&2; exit 2 ;;
esac
