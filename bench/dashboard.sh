#!/usr/bin/env bash
# Performance dashboard benchmark (issues 5 and 19) on national-size data: a programme's WorkWell KPI dashboard
# for one financial year across every contract a person may see (GET /performance/WW/{year}), and a hand-written
# SQL query that computes the same counts per KPI and quarter (bench/dashboard.sql), timed the same way in the same
# run. It then checks that the page and the query give the same count for every KPI and quarter.
#   SCOPE=hub (default)   the NHS Greater Manchester commissioner: the hub's contracts (issue 5). Target < 1 s.
#   SCOPE=national        the national user (national@workhealth.example): every hub's contracts (issue 19).
#                         Targets: p95 < 1 s and no more than 1.5 times the hand-written query.
# Usage: [SCOPE=hub|national] bench/dashboard.sh [year] [runs] [warm-ups]     (defaults 2025 200 10; 2025 = 2025/26)
# Needs: what bench/casework.sh needs (the data from bench/generate.sh in DB, default workhealth_bench).
# Environment: SCOPE, DB, PORT (default 18093), JAR, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
year=${1:-2025}
runs=${2:-200}
warmups=${3:-10}
db=${DB:-workhealth_bench}
port=${PORT:-18093}
scope=${SCOPE:-hub}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
base="http://127.0.0.1:$port"
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }

if [ -z "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ] \
   || [ -z "$(sql -c "SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'facts'")" ]; then
  bench/generate.sh --db "$db"
fi
. bench/service.sh

case "$scope" in
  hub)
    who=commissioner@gm.workhealth.example
    org=$(sql -c "SELECT id FROM organisation WHERE name = 'NHS Greater Manchester'") ;;
  national)
    # The national organisation the generator hangs the ten hubs from, and its demo user.
    who=national@workhealth.example
    org=$(sql -c "SELECT parent_id FROM organisation WHERE name = 'NHS Greater Manchester'")
    if [ "$(sql -c "SELECT organisation_id FROM person WHERE email = '$who'")" != "$org" ]; then
      echo "$who is not in the organisation above the hubs" >&2
      exit 1
    fi ;;
  *) echo "SCOPE must be hub or national, not $scope" >&2; exit 2 ;;
esac
orgname=$(sql -c "SELECT name FROM organisation WHERE id = $org")
from="$year-04-01"
to=$(sql -c "SELECT LEAST(CURRENT_DATE, DATE '$((year + 1))-03-31')")
sed -e "s/HUB/$org/; s/'FROM'/'$from'/; s/'TO'/'$to'/" bench/dashboard.sql > "$work/hand.sql"
# The contracts the page sums: WorkWell contracts delivered or commissioned in the organisation's subtree.
contracts="WITH RECURSIVE scope AS (SELECT id FROM organisation WHERE id = $org
    UNION ALL SELECT o.id FROM organisation o JOIN scope s ON o.parent_id = s.id)
  SELECT c.id FROM contract c JOIN programme p ON p.id = c.programme_id AND p.code = 'WW'
  WHERE c.provider_organisation_id IN (SELECT id FROM scope) OR c.commissioner_organisation_id IN (SELECT id FROM scope)"
echo "data: $(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM milestone") milestones in $db;" \
     "$orgname's WorkWell contracts: $(sql -c "SELECT COUNT(*) FROM ($contracts) c"), under" \
     "$(sql -c "SELECT COUNT(DISTINCT c.commissioner_organisation_id) FROM contract c
        JOIN organisation o ON o.id = c.commissioner_organisation_id AND o.type_code = 'HUB'
        WHERE c.id IN ($contracts)") hub(s) commissioning them, with" \
     "$(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM milestone WHERE contract_id IN ($contracts)") milestones," \
     "$(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM milestone WHERE contract_id IN ($contracts)
        AND occurred_on BETWEEN DATE '$from' AND DATE '$to'") of them from $from to $to"
start_service "$db"
# Index-only scans need the visibility map that VACUUM keeps. Where autovacuum is off (as on this build
# server) and the service has just made or filled a table in a migration, stand in for autovacuum once.
if [ "$(sql -c 'SHOW autovacuum')" = off ]; then
  echo "autovacuum is off on this server: VACUUM (ANALYZE) of the milestone tables first, as autovacuum would"
  sql -c "VACUUM (ANALYZE) milestone"
  for t in milestone_first milestone_day_count; do
    if [ -n "$(sql -c "SELECT to_regclass('public.$t')")" ]; then sql -c "VACUUM (ANALYZE) $t"; fi
  done
fi

echo
echo "== GET /performance/WW/$year as $who ($orgname), $runs requests after $warmups warm-ups =="
PAGE_OUT="$work/dashboard.html" URI_TAG="/performance/{code}/{yearStart}" bench page "$base" "$who" "$warmups" "$runs" \
  "/performance/WW/$year" "WorkWell" | tee "$work/dashboard.txt"
echo "the page's KPI table (tags removed):"
sed -n '/<table/,/<\/table>/p' "$work/dashboard.html" | sed -e 's/<[^>]*>/ /g' -e 's/&nbsp;/ /g' | tr -s ' \n' | grep -v '^ *$' \
  | tr '\n' ' ' | sed 's/  */ /g' | fold -w 120 -s | sed 's/^/   /'
echo

echo
echo "== The same counts by hand-written SQL (bench/dashboard.sql over JDBC), $runs runs after $warmups warm-ups =="
SQL_OUT="$work/hand.tsv" bench sql "jdbc:postgresql://$PGHOST:$PGPORT/$db" "$PGUSER" "$warmups" "$runs" "$work/hand.sql" \
  | tee "$work/sql.txt"
echo
echo "-- EXPLAIN (ANALYZE, BUFFERS) of the hand-written query:"
sql -c "EXPLAIN (ANALYZE, BUFFERS) $(cat "$work/hand.sql" | grep -v '^--')" | grep -E 'Execution Time|Planning Time' | sed 's/^/   /'

echo
echo "== The page's figures against the hand-written query's =="
bench compare "$work/dashboard.html" "$work/hand.tsv" | tee "$work/compare.txt" || true

echo
echo "== Figures (client wall-clock on 127.0.0.1; server_mean_ms is the service's own mean; load average $(cut -d ' ' -f 1-3 /proc/loadavg)) =="
grep -h '^PAGE' "$work/dashboard.txt"
grep -h '^SQL' "$work/sql.txt"
figure() { grep -h "^$1" "$2" | sed "s/.* $3=\([0-9.]*\).*/\1/"; }
page_median=$(figure PAGE "$work/dashboard.txt" median_ms)
page_p95=$(figure PAGE "$work/dashboard.txt" p95_ms)
sql_median=$(figure SQL "$work/sql.txt" median_ms)
sql_p95=$(figure SQL "$work/sql.txt" p95_ms)
echo "RATIO dashboard/hand_sql median=$(echo "scale=3; $page_median / $sql_median" | bc -l)" \
     "p95=$(echo "scale=3; $page_p95 / $sql_p95" | bc -l)"
met() { if [ "$(echo "$1" | bc -l)" = 1 ]; then echo met; else echo "NOT met"; fi; }
echo "TARGET p95 < 1000 ms: $(met "$page_p95 < 1000");" \
     "within 1.5 x the hand-written query (p95): $(met "$page_p95 <= 1.5 * $sql_p95");" \
     "same figures: $(if grep -q '^MATCH' "$work/compare.txt"; then echo yes; else echo NO; fi)"
grep -q '^MATCH' "$work/compare.txt"
