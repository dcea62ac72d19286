#!/usr/bin/env bash
# Returns benchmark (issue 7): compiling a locality's quarterly data return with 10,000 participants on
# PostgreSQL. Target: under 5 seconds.
# Usage: bench/returns.sh [cases] [noise] [runs]     (defaults 10420 40000 3: 10,420 Bury cases of which 10,009
# have a milestone by the end of the quarter, so are the return's participants)
# Makes its own database DB (default workhealth_returns_bench; dropped and made again, never `test`): starts the
# built jar once with the demo data (migrations, organisations, people, programmes, this year's contracts and the
# demo's 30 or so example cases), then
# bench/returns.sql adds [cases] cases with milestones in Q1 and Q2 2026/27 on Bury's WorkWell contract and
# [noise] more on Oldham's, which Bury's return must leave out. Signs in as manager@bury.workhealth.example and
# times POST /returns/WW/2026/2/compile (the one action: KPI figures, pseudonyms, extract rows and validation),
# [runs] times: the first makes every participant's pseudonym, later ones replace the draft.
# Needs: a JDK 17 (java), psql, createdb, dropdb, curl, and PostgreSQL on 127.0.0.1:5432 that user postgres can use
# without a password. Environment: DB, PORT (default 18093), JAR (default: the newest built jar, built if none),
# PGHOST/PGPORT/PGUSER as for psql.
set -euo pipefail
cd "$(dirname "$0")/.."
participants=${1:-10420}
noise=${2:-40000}
runs=${3:-3}
db=${DB:-workhealth_returns_bench}
port=${PORT:-18093}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# The benchmarks sign the demo accounts in by password alone: no second factor on this throwaway database.
export MFA_REQUIRED=${MFA_REQUIRED:-nobody}
base="http://127.0.0.1:$port"
if [ "$db" = test ]; then
  echo "refusing the database test: CI and the PostgreSQL tests clean it" >&2
  exit 1
fi
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }
. bench/service.sh

dropdb --if-exists "$db"
createdb "$db"
echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)"
echo "postgres: $(psql -X -At -d postgres -c 'SHOW server_version') on $PGHOST:$PGPORT, database $db"
(cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" DEMO_DATA=true \
  DEMO_CASES=true PORT=$port exec java -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 3000); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 300 s"; exit 1; }
echo "service up on $base"

start=$(date +%s.%N)
sql -v cases="$participants" -v noise="$noise" -f bench/returns.sql
if [ "$(sql -c "SELECT COUNT(*) FROM support_case WHERE reference LIKE 'CB%'")" -ne $((participants + noise)) ]; then
  echo "bench/returns.sql made no cases: are the contracts WW-BURY-2026 and WW-OLDHAM-2026 there?" >&2
  exit 1
fi
echo "data: $participants Bury and $noise Oldham cases in $(echo "$(date +%s.%N) - $start" | bc) s;" \
     "$(sql -c "SELECT COUNT(*) FROM milestone") milestones, $(sql -c "SELECT COUNT(*) FROM milestone_first") first-per-case rows"

jar_cookies="$work/cookies"
csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
token=$(curl -sf -c "$jar_cookies" -b "$jar_cookies" "$base/sign-in" | csrf)
curl -sf -o /dev/null -c "$jar_cookies" -b "$jar_cookies" --data-urlencode "email=manager@bury.workhealth.example" \
  --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$token" "$base/sign-in"
page="$base/returns/WW/2026/2"
echo
echo "== POST /returns/WW/2026/2/compile, $runs times =="
for run in $(seq 1 "$runs"); do
  token=$(curl -sf -c "$jar_cookies" -b "$jar_cookies" "$page" | csrf)
  seconds=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -c "$jar_cookies" -b "$jar_cookies" \
    --data-urlencode "_csrf=$token" "$page/compile")
  read -r code took <<<"$seconds"
  [ "$code" = 302 ] || { echo "compile answered $code"; tail -30 "$work/service.log"; exit 1; }
  echo "run $run: $took s  ($(sql -c "SELECT row_count FROM data_return d JOIN programme p ON p.id = d.programme_id
    WHERE p.code = 'WW' AND d.financial_year = 2026 AND d.quarter = 2") rows in the extract)"
done
echo
echo "== The compiled return =="
sql -F ' | ' -c "SELECT f.kpi_code, f.figure FROM data_return_figure f JOIN data_return d ON d.id = f.return_id
  JOIN programme p ON p.id = d.programme_id WHERE p.code = 'WW' AND d.financial_year = 2026 AND d.quarter = 2
  ORDER BY f.position"
sql -F ' | ' -c "SELECT i.severity, i.message FROM data_return_issue i JOIN data_return d ON d.id = i.return_id
  JOIN programme p ON p.id = d.programme_id WHERE p.code = 'WW' AND d.financial_year = 2026 AND d.quarter = 2
  ORDER BY i.position"
echo "pseudonyms: $(sql -c "SELECT COUNT(*) FROM return_participant")"
echo "page: $(curl -s -o /dev/null -w '%{http_code} %{time_total} s' -b "$jar_cookies" "$page")," \
     "CSV: $(curl -s -o "$work/extract.csv" -w '%{http_code} %{time_total} s' -b "$jar_cookies" "$page/extract.csv")" \
     "$(wc -l <"$work/extract.csv") lines"
