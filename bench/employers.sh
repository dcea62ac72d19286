#!/usr/bin/env bash
# Thrive at Work benchmark (issue 15): 10,000 employers, 200,000 evidence items and 50,000 engagements on
# PostgreSQL. Targets: the advisor's list, an employer's task list and the engagements list under 200 ms server
# time; the Thrive at Work dashboard under 1 s.
# Usage: bench/employers.sh [employers] [engagements] [runs] [evidence]
#        (defaults 10000 50000 50, and 20 evidence items per employer: 200,000 for 10,000)
# Makes its own database DB (default workhealth_employers_bench; dropped and made again, never `test`): starts the
# built jar once with the demo data, adds the data with bench/employers.sql (set-based), restarts the service
# without demo data, then times with bench/PageBench.java: the advisor's employers (GET /employers, as
# advisor@wmca.workhealth.example, who holds a fifth of them), the engagements list (GET
# /thrive-at-work/engagements), an employer's task lists (as its advisor: the accreditation overview GET
# /thrive-at-work/employers/{id}/accreditation and the criteria of its first level, GET .../levels/{code}, with
# each criterion's status and evidence count, for the advisor's employer with the most evidence) and the
# dashboard (GET /thrive-at-work, as the West Midlands commissioner).
# Needs: a JDK 17, psql, createdb, dropdb, curl, and PostgreSQL on 127.0.0.1:5432 that user postgres can use
# without a password. Environment: DB, PORT (default 18095), JAR, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
employers=${1:-10000}
engagements=${2:-50000}
runs=${3:-50}
evidence=${4:-$(( employers * 20 ))}
db=${DB:-workhealth_employers_bench}
port=${PORT:-18095}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
base="http://127.0.0.1:$port"
if [ "$db" = test ]; then
  echo "refusing the database test: CI and the PostgreSQL tests clean it" >&2
  exit 1
fi
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }
. bench/service.sh

dropdb --if-exists "$db"
createdb "$db"
# First start: migrations and the demo data (organisations, people, programmes, the demo employers).
(cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" DEMO_DATA=true \
  DEMO_CASES=false PORT=$port exec java -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 3000); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
kill "$pid"; wait "$pid" 2>/dev/null || true
pid=

start=$(date +%s.%N)
sql -v employers="$employers" -v engagements="$engagements" -v evidence="$evidence" -f bench/employers.sql
echo "data: $(sql -c "SELECT COUNT(*) FROM employer") employers, $(sql -c "SELECT COUNT(*) FROM employer_engagement")" \
     "engagements, $(sql -c "SELECT COUNT(*) FROM criterion_evidence") evidence items" \
     "($(sql -c "SELECT COUNT(*) FROM criterion_evidence WHERE content IS NOT NULL") with a file)," \
     "$(sql -c "SELECT COUNT(*) FROM milestone WHERE type LIKE 'EMPLOYER_%'") employer milestones in" \
     "$(echo "$(date +%s.%N) - $start" | bc) s"
# The employer whose task lists are timed: the advisor's bench employer with the most evidence, and the first
# level of its framework that has criteria.
read -r employer items < <(sql -F ' ' -c "SELECT e.id, COUNT(v.id) FROM employer e
  JOIN criterion_evidence v ON v.employer_id = e.id
  WHERE e.name LIKE 'Bench employer %' AND e.advisor_id = (SELECT id FROM person WHERE email = 'advisor@wmca.workhealth.example')
  GROUP BY e.id ORDER BY COUNT(v.id) DESC, e.id LIMIT 1")
level=$(sql -c "SELECT c.level_code FROM framework_criterion c JOIN framework_level l ON l.code = c.level_code
  WHERE c.version_id = (SELECT v.id FROM framework_version v JOIN employer e ON e.hub_organisation_id = v.hub_organisation_id
                        WHERE e.id = $employer AND v.status = 'PUBLISHED' ORDER BY v.published_at DESC, v.id DESC LIMIT 1)
  ORDER BY l.position LIMIT 1")
criteria=$(sql -c "SELECT COUNT(*) FROM framework_criterion c JOIN framework_level l ON l.code = c.level_code
  WHERE l.code = '$level' AND c.version_id = (SELECT v.id FROM framework_version v JOIN employer e
    ON e.hub_organisation_id = v.hub_organisation_id WHERE e.id = $employer AND v.status = 'PUBLISHED'
    ORDER BY v.published_at DESC, v.id DESC LIMIT 1)")
echo "task lists of employer $employer ($items evidence items); level $level has $criteria criteria"

start_service "$db"
warmups=$(( runs < 5 ? 1 : 5 ))
echo
echo "== Advisor's employers: GET /employers (target < 200 ms) =="
bench page "$base" advisor@wmca.workhealth.example "$warmups" "$runs" /employers
echo
echo "== Employer's task list of levels: GET /thrive-at-work/employers/$employer/accreditation (target < 200 ms) =="
URI_TAG="/thrive-at-work/employers/{employerId}/accreditation" \
  bench page "$base" advisor@wmca.workhealth.example "$warmups" "$runs" "/thrive-at-work/employers/$employer/accreditation"
echo
echo "== Employer's task list of criteria: GET /thrive-at-work/employers/$employer/accreditation/levels/$level (target < 200 ms) =="
URI_TAG="/thrive-at-work/employers/{employerId}/accreditation/levels/{levelCode}" \
  bench page "$base" advisor@wmca.workhealth.example "$warmups" "$runs" \
  "/thrive-at-work/employers/$employer/accreditation/levels/$level"
echo
echo "== Engagements: GET /thrive-at-work/engagements (target < 200 ms) =="
bench page "$base" advisor@wmca.workhealth.example "$warmups" "$runs" /thrive-at-work/engagements "Engagements"
echo
echo "== Thrive at Work dashboard: GET /thrive-at-work (target < 1 s) =="
bench page "$base" commissioner@wmca.workhealth.example "$warmups" "$runs" /thrive-at-work "Employees in signed-up employers"
