#!/usr/bin/env bash
# Performance dashboard benchmark (issue 5) on national-size data: the NHS Greater Manchester
# commissioner's WorkWell KPI dashboard for one financial year across all the hub's contracts
# (GET /performance/WW/{year}), and a hand-written SQL query that computes the same counts per KPI and
# quarter (bench/dashboard.sql), timed the same way. Target: the dashboard under 1 s.
# Usage: bench/dashboard.sh [year] [runs] [warm-ups]     (defaults 2025 200 10; 2025 = 2025/26)
# Needs: what bench/casework.sh needs (the data from bench/generate.sh in DB, default workhealth_bench).
# Environment: DB, PORT (default 18093), JAR, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
year=${1:-2025}
runs=${2:-200}
warmups=${3:-10}
db=${DB:-workhealth_bench}
port=${PORT:-18093}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
base="http://127.0.0.1:$port"
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }

if [ -z "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ] \
   || [ -z "$(sql -c "SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'facts'")" ]; then
  bench/generate.sh --db "$db"
fi
. bench/service.sh

hub=$(sql -c "SELECT id FROM organisation WHERE name = 'NHS Greater Manchester'")
from="$year-04-01"
to=$(sql -c "SELECT LEAST(CURRENT_DATE, DATE '$((year + 1))-03-31')")
sed -e "s/HUB/$hub/; s/'FROM'/'$from'/; s/'TO'/'$to'/" bench/dashboard.sql > "$work/hand.sql"
echo "data: $(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM milestone") milestones in $db;" \
     "NHS Greater Manchester's WorkWell contracts: $(sql -c "SELECT COUNT(*) FROM contract c JOIN programme p ON p.id = c.programme_id
        WHERE p.code = 'WW' AND c.commissioner_organisation_id = $hub"), with" \
     "$(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM milestone m JOIN contract c ON c.id = m.contract_id
        WHERE c.commissioner_organisation_id = $hub") milestones, $(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999')
        FROM milestone m JOIN contract c ON c.id = m.contract_id WHERE c.commissioner_organisation_id = $hub
        AND m.occurred_on BETWEEN DATE '$from' AND DATE '$to'") of them from $from to $to"
start_service "$db"
# Index-only scans need the visibility map that VACUUM keeps. Where autovacuum is off (as on this build
# server) and the service has just made or filled a table in a migration, stand in for autovacuum once.
if [ "$(sql -c 'SHOW autovacuum')" = off ]; then
  echo "autovacuum is off on this server: VACUUM (ANALYZE) of the milestone tables first, as autovacuum would"
  sql -c "VACUUM (ANALYZE) milestone"
  if [ -n "$(sql -c "SELECT to_regclass('public.milestone_first')")" ]; then sql -c "VACUUM (ANALYZE) milestone_first"; fi
fi

echo
echo "== GET /performance/WW/$year as commissioner@gm.workhealth.example, $runs requests after $warmups warm-ups =="
PAGE_OUT="$work/dashboard.html" URI_TAG="/performance/{code}/{yearStart}" bench page "$base" commissioner@gm.workhealth.example "$warmups" "$runs" \
  "/performance/WW/$year" "WorkWell" | tee "$work/dashboard.txt"
echo "the page's KPI table (tags removed):"
sed -n '/<table/,/<\/table>/p' "$work/dashboard.html" | sed -e 's/<[^>]*>/ /g' -e 's/&nbsp;/ /g' | tr -s ' \n' | grep -v '^ *$' \
  | tr '\n' ' ' | sed 's/  */ /g' | fold -w 120 -s | sed 's/^/   /'
echo

echo
echo "== The same counts by hand-written SQL (bench/dashboard.sql over JDBC), $runs runs after $warmups warm-ups =="
bench sql "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$PGUSER" "$warmups" "$runs" "$work/hand.sql" | tee "$work/sql.txt"
echo
echo "-- EXPLAIN (ANALYZE, BUFFERS) of the hand-written query:"
sql -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "$work/hand.sql" | grep -v '^--')" | grep -E 'Execution Time|Planning Time' | sed 's/^/   /'

echo
echo "== Figures (client wall-clock on 127.0.0.1; server_mean_ms is the service's own mean) =="
grep -h '^PAGE' "$work/dashboard.txt"
grep -h '^SQL' "$work/sql.txt"
page_median=$(grep -h '^PAGE' "$work/dashboard.txt" | sed 's/.*median_ms=\([0-9.]*\).*/\1/')
sql_median=$(grep -h '^SQL' "$work/sql.txt" | sed 's/.*median_ms=\([0-9.]*\).*/\1/')
echo "RATIO dashboard_median/hand_sql_median=$(echo "scale=1; $page_median / $sql_median" | bc -l)"
