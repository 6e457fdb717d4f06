#!/usr/bin/env bash
# Runs every test of ShopKernel: the core tests and the storage tests on SQLite and on a throwaway PostgreSQL
# that the tests start themselves (or the server named by SHOPKERNEL_TEST_POSTGRES). Prints how many tests ran on
# each provider and a closing "N passed, N failed" line; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# What a fresh machine lacks is installed first (as root with apt, otherwise through sudo): PostgreSQL's server
# binaries for the throwaway database and Debian's Chromium for the web sample's browser tests.
install_package() {
  echo "$2 is missing; installing Debian's $1 package."
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "$1"
  else
    sudo apt-get update && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y "$1"
  fi
}

if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  install_package postgresql "PostgreSQL's server (initdb)"
fi

if [ ! -x /usr/bin/chromium ]; then
  install_package chromium "Chromium (/usr/bin/chromium)"
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test ShopKernel.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -cE "^\s+$1 ShopKernel\.$2" "$log" || true; }
# The EF package's model tests (schema names, no database) are neither provider's.
model() { grep -E "^\s+$1 ShopKernel\.EntityFrameworkCore\.Tests\." "$log" | grep -cvE 'Sqlite|Postgres' || true; }
# The ASP.NET Core package's tests, but for those on PostgreSQL (counted there).
aspnet() { grep -E "^\s+$1 ShopKernel\.AspNetCore\.Tests\." "$log" | grep -cvE 'Postgres' || true; }
# The samples' tests on PostgreSQL (a class or test named for it) apart from the rest of the samples'.
samples() { grep -E "^\s+$1 ShopKernel\.Samples\.Web\.Tests\." "$log" | grep -c${2:-}E 'Postgres|PostgreSQL' || true; }
passed=$(grep -cE '^\s+Passed ShopKernel\.' "$log" || true)
failed=$(grep -cE '^\s+Failed ShopKernel\.' "$log" || true)

echo
echo "Tests by provider:"
printf '  %-20s %5s passed, %s failed\n' \
  "core" "$(count Passed 'Tests\.')" "$(count Failed 'Tests\.')" \
  "SQLite" "$(count Passed 'EntityFrameworkCore\.Tests\..*Sqlite')" "$(count Failed 'EntityFrameworkCore\.Tests\..*Sqlite')" \
  "PostgreSQL" "$(count Passed '(EntityFrameworkCore|AspNetCore)\.Tests\..*Postgres')" "$(count Failed '(EntityFrameworkCore|AspNetCore)\.Tests\..*Postgres')" \
  "EF model" "$(model Passed)" "$(model Failed)" \
  "ASP.NET Core" "$(aspnet Passed)" "$(aspnet Failed)" \
  "docs" "$(count Passed 'Docs\.Tests\.')" "$(count Failed 'Docs\.Tests\.')" \
  "samples" "$(samples Passed v)" "$(samples Failed v)" \
  "samples, PostgreSQL" "$(samples Passed)" "$(samples Failed)"
if [ "$failed" -ne 0 ]; then
  # Repeated last, so that the tail of a long log names what failed and why.
  echo
  echo "Failed tests:"
  grep -E -A14 '^\s+Failed ShopKernel\.' "$log" | grep -vE '^\s+(Passed|Skipped) ' | head -200
fi

echo
echo "$passed passed, $failed failed"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
