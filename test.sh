#!/usr/bin/env bash
# Builds CellRadar, starts a PostgreSQL server for the store tests (scripts/postgres-for-tests.sh), runs
# every test project, then scores the extractor on ../shared/seeds and the
# HTML reader on ../shared/benchmarks/article-body when those folders exist (a score below the bar
# counts as a failed test). Prints "N passed, N failed" last.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "dotnet (the .NET 10 SDK) is needed: https://dot.net" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

mkdir -p artifacts
passed=0
failed=0
skipped=0

dotnet build CellRadar.slnx -c Release -nologo >artifacts/build.log 2>&1
build=$?
grep -E " error |Warn|Elapsed" artifacts/build.log | sort -u | head -20
if [ "$build" -ne 0 ]; then
  echo "build failed; see artifacts/build.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The store tests run on SQLite and on a real PostgreSQL server. A developer's own server is used when
# CELLRADAR_TEST_PG names one; otherwise a throw-away one is started (installed from Debian's packages when
# missing and we are root) and stopped at the end. Without one the PostgreSQL tests are skipped with the
# reason, except in CI (CI=true), where a server that does not start is a failure and the tests fail too.
if [ -z "${CELLRADAR_TEST_PG:-}" ]; then
  # shellcheck source=scripts/postgres-for-tests.sh
  . scripts/postgres-for-tests.sh
  if postgres_for_tests_start 2>artifacts/postgres.log; then
    trap postgres_for_tests_stop EXIT
    echo "$PGT_DESCRIPTION"
  elif [ "${CI:-}" = "true" ]; then
    echo "PostgreSQL for the tests did not start; see artifacts/postgres.log" >&2
    cat artifacts/postgres.log >&2
    failed=$((failed + 1))
  else
    echo "PostgreSQL not available ($(tail -1 artifacts/postgres.log)); its tests are skipped"
  fi
else
  echo "PostgreSQL for the tests: CELLRADAR_TEST_PG as set"
fi

for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" -c Release --no-build -nologo --logger "console;verbosity=normal" >"artifacts/$name.log" 2>&1
  # The console logger ends with "Total tests: N", "Passed: N" and, when any failed, "Failed: N".
  total=$(sed -nE 's/^ *Total tests: *([0-9]+).*/\1/p' "artifacts/$name.log" | tail -1)
  p=$(sed -nE 's/^ +Passed: *([0-9]+).*/\1/p' "artifacts/$name.log" | tail -1)
  f=$(sed -nE 's/^ +Failed: *([0-9]+).*/\1/p' "artifacts/$name.log" | tail -1)
  s=$(sed -nE 's/^ +Skipped: *([0-9]+).*/\1/p' "artifacts/$name.log" | tail -1)
  p=${p:-0}
  f=${f:-0}
  s=${s:-0}
  summary="$total tests, $p passed, $f failed"
  [ "$s" -gt 0 ] && summary="$summary, $s skipped"
  if [ -z "$total" ]; then
    echo "$name: no test summary; see artifacts/$name.log" >&2
    tail -20 "artifacts/$name.log" >&2
    failed=$((failed + 1))
    continue
  fi
  grep -E "^ +Failed [A-Za-z]|^ +Skipped [A-Za-z]" "artifacts/$name.log" || true
  echo "$name: $summary"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
done

seeds=../shared/seeds
if [ -d "$seeds/gold" ]; then
  echo "eval on $seeds:"
  if dotnet run --project src/CellRadar -c Release --no-build -- eval --gold "$seeds/gold" "$seeds" --min-f1 0.90 --min-date-accuracy 0.90 >artifacts/seeds-eval.txt 2>&1; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  tail -3 artifacts/seeds-eval.txt
  # The issue's own checks: the content-farm seed states no event, and the advertisement's date in
  # seed 000 (20 November 2025) is never an event date.
  dotnet run --project src/CellRadar -c Release --no-build -- extract "$seeds" >artifacts/seeds-extract.jsonl 2>artifacts/seeds-extract.err
  if grep -q '"item":"004_' artifacts/seeds-extract.jsonl; then
    echo "seed 004 (content farm) yielded events" >&2; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
  if grep -q '"date":"2025-11-20"' artifacts/seeds-extract.jsonl; then
    echo "an event is dated 2025-11-20 (an advertisement's date)" >&2; failed=$((failed + 1))
  else
    passed=$((passed + 1))
  fi
fi

# Main-content extraction from web pages, scored on the article-body benchmark (91 real pages): the
# bar is F1 0.95. In CI the benchmark must be there; on a laptop without it the step is skipped.
bench=../shared/benchmarks/article-body
if [ -f "$bench/ground-truth.json" ]; then
  if dotnet run --project src/CellRadar -c Release --no-build -- article-body "$bench" --min-f1 0.95 >artifacts/article-body.txt 2>&1; then
    passed=$((passed + 1))
  else
    echo "article-body F1 below 0.95 (or the command failed); see artifacts/article-body.txt" >&2
    failed=$((failed + 1))
  fi
  grep "^article-body:" artifacts/article-body.txt || tail -3 artifacts/article-body.txt
  # For information: the half the extractor was developed on (keys 0-7) and the half kept for checking.
  for half in 01234567 89abcdef; do
    echo "  keys [$half]: $(dotnet run --project src/CellRadar -c Release --no-build -- article-body "$bench" --key-prefixes "$half" 2>/dev/null | tail -1)"
  done
elif [ "${CI:-}" = "true" ]; then
  echo "article-body benchmark missing at $bench" >&2
  failed=$((failed + 1))
else
  echo "article-body benchmark not found at $bench; skipped"
fi

if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
