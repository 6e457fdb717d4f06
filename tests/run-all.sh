#!/usr/bin/env bash
# Runs every test of ShopKernel: the core tests and the storage tests on SQLite and on a throwaway PostgreSQL
# that the tests start themselves (or the server named by SHOPKERNEL_TEST_POSTGRES). Prints how many tests ran on
# each provider and a closing "N passed, N failed" line; exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."

log="$(mktemp)"
trap 'rm -f "$log"' EXIT

dotnet test ShopKernel.sln -c Release --logger "console;verbosity=normal" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { grep -cE "^\s+$1 ShopKernel\.$2" "$log" || true; }
passed=$(grep -cE '^\s+Passed ShopKernel\.' "$log" || true)
failed=$(grep -cE '^\s+Failed ShopKernel\.' "$log" || true)

echo
echo "Tests by provider:"
printf '  %-12s %5s passed, %s failed\n' \
  "core" "$(count Passed 'Tests\.')" "$(count Failed 'Tests\.')" \
  "SQLite" "$(count Passed 'EntityFrameworkCore\.Tests\..*Sqlite')" "$(count Failed 'EntityFrameworkCore\.Tests\..*Sqlite')" \
  "PostgreSQL" "$(count Passed 'EntityFrameworkCore\.Tests\..*Postgres')" "$(count Failed 'EntityFrameworkCore\.Tests\..*Postgres')" \
  "samples" "$(count Passed 'Samples\.Web\.Tests\.')" "$(count Failed 'Samples\.Web\.Tests\.')"
echo
echo "$passed passed, $failed failed"

if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
