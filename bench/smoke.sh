#!/usr/bin/env bash
# Every benchmark at a tiny size, so that a change that breaks one is caught by CI in seconds rather than
# found months later at national size. The figures it prints mean nothing; what counts is that each script
# runs to the end and exits 0. Each script gets its own database (workhealth_smoke_*, dropped first), so a
# developer's national-size data in workhealth_bench is never touched.
# Usage: bench/smoke.sh        Needs what the benchmarks need (bench/README.md) and a built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
passed=0
failed=0
run() {
  local name=$1; shift
  local started=$(date +%s)
  if "$@" >"$log/$name.log" 2>&1; then
    passed=$((passed + 1))
    printf 'ok    %-10s %4d s\n' "$name" "$(( $(date +%s) - started ))"
  else
    failed=$((failed + 1))
    printf 'FAIL  %-10s %4d s — its last lines:\n' "$name" "$(( $(date +%s) - started ))"
    tail -25 "$log/$name.log" | sed 's/^/      /'
  fi
}
for db in workhealth_smoke_national workhealth_smoke_referrals workhealth_smoke_returns workhealth_smoke_employers workhealth_smoke_extracts workhealth_smoke_notify; do
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"
done
run startup bench/startup.sh 1
run referrals env DB=workhealth_smoke_referrals ANALYZE_EVERY=0 bench/referrals.sh 500 4 3
run generate bench/generate.sh --db workhealth_smoke_national --cases 2000
run casework env DB=workhealth_smoke_national bench/casework.sh 5 1
run dashboard env DB=workhealth_smoke_national bench/dashboard.sh 2025 5 1
run national env DB=workhealth_smoke_national SCOPE=national bench/dashboard.sh 2025 5 1
run returns env DB=workhealth_smoke_returns bench/returns.sh 300 300 1
run employers env DB=workhealth_smoke_employers bench/employers.sh 200 500 1
run extracts env DB=workhealth_smoke_extracts bench/extracts.sh 2000 1
run notify env DB=workhealth_smoke_notify bench/notify.sh 300 30000
for db in workhealth_smoke_national workhealth_smoke_referrals workhealth_smoke_returns workhealth_smoke_employers workhealth_smoke_extracts workhealth_smoke_notify; do
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"
done
echo "bench smoke: $passed benchmark scripts ran to the end, $failed did not"
[ "$failed" = 0 ]
