#!/usr/bin/env bash
# National collation benchmark (issue 19): forty localities' approved WorkWell returns for one quarter, four under
# each of ten hubs, collated and sent by every hub, then read by the national department. Target: the national
# collation of the forty returns under 10 s.
#
# What "national collation" is here: the returns module has no return above the hubs'. Each hub collates its own
# localities' approved returns into the hub's return and marks it sent; national users read the ten sent returns
# (page, participants CSV, figures CSV). So the national collation of forty localities is the ten hubs' collations
# of four each; the bench times every one of them (POST .../collate, one after another) and reports their sum as
# the figure against the target, with the sending and the national user's reading of the ten returns beside it.
#
# Usage: bench/collation.sh [cases] [runs]    (defaults 5000 participants a locality, so 200,000 in all; 3 runs)
# Makes its own database DB (default workhealth_national_returns; dropped and made again, never `test`): starts the
# built jar once with the demo data, then bench/collation.sql adds the hubs, localities, contracts, people, cases
# and milestones in Q1 and Q2 2026/27. Then, through the service as a person would: each locality's manager
# compiles and submits Q2 2026/27, each hub's commissioner approves its four returns (not timed), and the timed
# part. A run after the first collates again (replacing the unsent collation) before sending.
# Needs: what bench/returns.sh needs. Environment: DB, PORT (default 18095), JAR, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
cases=${1:-5000}
runs=${2:-3}
db=${DB:-workhealth_national_returns}
port=${PORT:-18095}
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
  PORT=$port exec java -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 3000); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 300 s"; exit 1; }
echo "service up on $base"

start=$(date +%s.%N)
sql -v cases="$cases" -f bench/collation.sql
echo "data: 10 hubs, 40 localities, $(sql -c "SELECT COUNT(*) FROM support_case WHERE reference LIKE 'CC%'") cases" \
     "in $(echo "$(date +%s.%N) - $start" | bc) s; $(sql -c "SELECT COUNT(*) FROM milestone") milestones"

# tail, not head: it reads to the end, so grep is never cut off (SIGPIPE) under pipefail.
csrf() { grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//; s/"$//' | tail -n 1; }
# sign_in EMAIL: a cookie jar signed in as EMAIL, printed as its path.
sign_in() {
  local cookies="$work/cookies.$1"
  local t
  # A fresh jar: a session already signed in is sent on from the sign-in page, which then has no form to read.
  rm -f "$cookies"
  t=$(curl -sf -c "$cookies" -b "$cookies" "$base/sign-in" | csrf)
  curl -sf -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=$1" \
    --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$t" "$base/sign-in"
  echo "$cookies"
}
# post COOKIES PAGE ACTION [data...]: POST to PAGE/ACTION with a CSRF token read from PAGE; prints "code seconds".
post() {
  local cookies=$1 page=$2 action=$3; shift 3
  local t
  t=$(curl -sf -b "$cookies" "$base$page" | csrf)
  curl -s -o "$work/last.html" -w '%{http_code} %{time_total}' -b "$cookies" --data-urlencode "_csrf=$t" "$@" \
    "$base$page/$action"
}
expect() { [ "${1%% *}" = "$2" ] || { echo "$3 answered ${1%% *}"; tail -30 "$work/service.log"; exit 1; }; }
quarter_sql="p.code = 'WW' AND d.financial_year = 2026 AND d.quarter = 2"

echo
echo "== Preparing: 40 localities compile and submit Q2 2026/27, their hubs approve (not timed) =="
prepared=$(date +%s.%N)
for h in $(seq 0 9); do
  for k in $(seq 0 3); do
    who="manager.$h.$k@collation.workhealth.example"
    cookies=$(sign_in "$who")
    expect "$(post "$cookies" /returns/WW/2026/2 compile)" 302 "compile for locality $h.$k"
    id=$(sql -c "SELECT d.id FROM data_return d JOIN programme p ON p.id = d.programme_id JOIN person e
      ON e.organisation_id = d.organisation_id WHERE e.email = '$who' AND $quarter_sql AND d.collated = FALSE")
    expect "$(post "$cookies" /returns/WW/2026/2 submit --data-urlencode "return=$id")" 302 "submit for locality $h.$k"
  done
  cookies=$(sign_in "commissioner.$h@collation.workhealth.example")
  for id in $(sql -c "SELECT d.id FROM data_return d JOIN programme p ON p.id = d.programme_id JOIN organisation o
      ON o.id = d.organisation_id JOIN organisation hub ON hub.id = o.parent_id
      WHERE hub.name = 'Collation hub $h' AND $quarter_sql AND d.collated = FALSE"); do
    expect "$(post "$cookies" "/returns/review/$id" approve)" 302 "approve of return $id"
  done
done
echo "40 returns compiled, submitted and approved in $(echo "$(date +%s.%N) - $prepared" | bc) s:" \
     "$(sql -c "SELECT COUNT(*) || ' approved, ' || SUM(row_count) || ' participant rows' FROM data_return d
        JOIN programme p ON p.id = d.programme_id WHERE $quarter_sql AND d.collated = FALSE AND d.status = 'APPROVED'
        AND d.organisation_id IN (SELECT id FROM organisation WHERE name LIKE 'Collation locality %')")"

echo
echo "== The national collation: each of the ten hubs collates its four approved returns, $runs runs =="
# The commissioners are still signed in from approving.
for run in $(seq 1 "$runs"); do
  total=0
  line=""
  for h in $(seq 0 9); do
    cookies="$work/cookies.commissioner.$h@collation.workhealth.example"
    answer=$(post "$cookies" /returns/board/WW/2026/2 collate)
    expect "$answer" 302 "collate for hub $h"
    total=$(echo "$total + ${answer#* }" | bc)
    line="$line $(printf '%.2f' "${answer#* }")"
  done
  echo "run $run: ten collations in $(printf '%.2f' "$total") s (each:$line)"
  echo "COLLATION run=$run seconds=$(printf '%.3f' "$total")" >> "$work/collation.txt"
done
echo "the hubs' collated returns: $(sql -c "SELECT COUNT(*) || ' returns, ' || SUM(row_count) || ' participant rows, '
  || SUM((SELECT COUNT(*) FROM data_return_part x WHERE x.return_id = d.id)) || ' parts' FROM data_return d
  JOIN programme p ON p.id = d.programme_id WHERE $quarter_sql AND d.collated = TRUE AND d.status = 'DRAFT'")"

echo
echo "== Sending the ten collated returns, then the national user reads them =="
sent=0
for h in $(seq 0 9); do
  answer=$(post "$work/cookies.commissioner.$h@collation.workhealth.example" /returns/board/WW/2026/2 send)
  expect "$answer" 302 "send for hub $h"
  sent=$(echo "$sent + ${answer#* }" | bc)
done
echo "sent in $(printf '%.2f' "$sent") s"
national=$(sign_in national@workhealth.example)
read_total=0
for id in $(sql -c "SELECT d.id FROM data_return d JOIN programme p ON p.id = d.programme_id
    WHERE $quarter_sql AND d.collated = TRUE AND d.status = 'SENT' ORDER BY d.id"); do
  for path in "/returns/sent/$id" "/returns/sent/$id/participants.csv" "/returns/sent/$id/figures.csv"; do
    answer=$(curl -s -o "$work/read.out" -w '%{http_code} %{time_total}' -b "$national" "$base$path")
    expect "$answer" 200 "GET $path"
    read_total=$(echo "$read_total + ${answer#* }" | bc)
  done
done
echo "the national user read the ten sent returns (page, participants CSV, figures CSV) in $(printf '%.2f' "$read_total") s;" \
     "the last participants CSV had $(($(curl -s -b "$national" "$base/returns/sent/$id/participants.csv" | wc -l) - 1)) rows"
echo
echo "== Figures (load average $(cut -d ' ' -f 1-3 /proc/loadavg)) =="
cat "$work/collation.txt"
best=$(sort -t= -k3 -n "$work/collation.txt" | head -n 1 | sed 's/.*seconds=//')
worst=$(sort -t= -k3 -n "$work/collation.txt" | tail -n 1 | sed 's/.*seconds=//')
echo "TARGET national collation of 40 localities' returns < 10 s: best $best s, worst $worst s:" \
     "$(if [ "$(echo "$worst < 10" | bc -l)" = 1 ]; then echo met; else echo "NOT met"; fi)"
