#!/usr/bin/env bash
# Casework benchmark (issue 4) on national-size data: the practitioner's home (GET /cases) and a long
# case's page (GET /cases/{id}) for the Bury practitioner, coach@bury.workhealth.example, who holds 30
# open cases among 1,000,000 cases and 10,000,000 milestones. Target: under 200 ms server time.
# Usage: bench/casework.sh [runs] [warm-ups]     (defaults 200 20)
# Needs: the data from bench/generate.sh in DB (default workhealth_bench; made with the defaults if the
# database is missing), a JDK 17 (java), psql, curl, and PostgreSQL on 127.0.0.1:5432 that user postgres
# can use without a password. The database is not changed, except for the audit log the pages write.
# Environment: DB, PORT (default 18092), JAR (default: the newest built jar, built if none),
# PGHOST/PGPORT/PGUSER as for psql.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
warmups=${2:-20}
db=${DB:-workhealth_bench}
port=${PORT:-18092}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
base="http://127.0.0.1:$port"
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }

if [ -z "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ] \
   || [ -z "$(sql -c "SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'facts'")" ]; then
  bench/generate.sh --db "$db"
fi
. bench/service.sh

echo "data: $(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM support_case") cases," \
     "$(sql -c "SELECT to_char(COUNT(*), 'FM9,999,999,999') FROM milestone") milestones in $db"
coach=$(sql -c "SELECT id FROM person WHERE email = 'coach@bury.workhealth.example'")
bury=$(sql -c "SELECT organisation_id FROM person WHERE id = $coach")
# The coach's open case with the most milestones and appointments (the generator makes one long case).
read -r case_id reference case_milestones case_appointments case_notes <<<"$(sql -F ' ' -c "
  SELECT id, reference, milestones, appointments, notes FROM (
    SELECT sc.id, sc.reference,
           (SELECT COUNT(*) FROM milestone m WHERE m.case_id = sc.id) AS milestones,
           (SELECT COUNT(*) FROM appointment a WHERE a.case_id = sc.id) AS appointments,
           (SELECT COUNT(*) FROM contact_note n WHERE n.case_id = sc.id) AS notes
    FROM support_case sc WHERE sc.key_worker_id = $coach AND sc.status = 'OPEN') c
  ORDER BY milestones + appointments DESC, id LIMIT 1")"
echo "the Bury practitioner: $(sql -c "SELECT COUNT(*) FROM support_case WHERE key_worker_id = $coach AND status = 'OPEN'") open cases," \
     "$(sql -c "SELECT COUNT(*) FROM support_case WHERE key_worker_id = $coach") in all;" \
     "case $case_id ($reference): $case_milestones milestones, $case_appointments appointments, $case_notes notes"
start_service "$db"

echo
echo "== GET /cases (practitioner home), $runs requests after $warmups warm-ups =="
bench page "$base" coach@bury.workhealth.example "$warmups" "$runs" /cases "Open cases" | tee "$work/home.txt"
echo
echo "== GET /cases/$case_id (case page), $runs requests after $warmups warm-ups =="
bench page "$base" coach@bury.workhealth.example "$warmups" "$runs" "/cases/$case_id" "$reference" | tee "$work/case.txt"

# Where the database time goes: the home page's queries as PractitionerHome sends them for this person.
today=$(sql -c "SELECT CURRENT_DATE")
explain() {
  echo "-- $1"
  sql -c "EXPLAIN (ANALYZE, BUFFERS) $2" | grep -E 'Execution Time|Planning Time' | tr '\n' ' ' | sed 's/^/   /'
  echo
}
echo
echo "== Database time of the home page's queries (EXPLAIN ANALYZE) =="
explain "open cases" "SELECT sc.id, sc.reference, r.first_name, r.last_name, p.name, sc.opened_on FROM support_case sc
  JOIN referral r ON r.id = sc.referral_id JOIN programme p ON p.id = sc.programme_id
  WHERE sc.key_worker_id = $coach AND sc.status = 'OPEN' AND sc.organisation_id IN ($bury) ORDER BY sc.opened_on, sc.reference"
explain "appointments" "SELECT a.case_id, sc.reference, r.first_name, r.last_name, a.starts_at, a.channel, a.place
  FROM appointment a JOIN support_case sc ON sc.id = a.case_id JOIN referral r ON r.id = sc.referral_id
  WHERE sc.key_worker_id = $coach AND sc.status = 'OPEN' AND sc.organisation_id IN ($bury)
    AND a.status = 'PLANNED' AND a.starts_at >= DATE '$today' AND a.starts_at < DATE '$today' + 29 ORDER BY a.starts_at, sc.reference"
explain "overdue reviews" "SELECT sc.id, sc.reference, r.first_name, r.last_name, COALESCE(rv.next_due, ap.next_due) AS due_on
  FROM support_case sc JOIN referral r ON r.id = sc.referral_id
  LEFT JOIN (SELECT case_id, MAX(next_review_on) AS next_due FROM case_review
             WHERE case_id IN (SELECT id FROM support_case WHERE key_worker_id = $coach AND status = 'OPEN')
             GROUP BY case_id) rv ON rv.case_id = sc.id
  LEFT JOIN (SELECT case_id, MIN(review_due_on) AS next_due FROM action_plan
             WHERE status = 'AGREED' AND case_id IN (SELECT id FROM support_case WHERE key_worker_id = $coach AND status = 'OPEN')
             GROUP BY case_id) ap ON ap.case_id = sc.id
  WHERE sc.key_worker_id = $coach AND sc.status = 'OPEN' AND sc.organisation_id IN ($bury)
    AND COALESCE(rv.next_due, ap.next_due) < DATE '$today' ORDER BY due_on, sc.reference"
explain "overdue actions" "SELECT sc.id, sc.reference, r.first_name, r.last_name, pa.due_on, pa.description
  FROM support_case sc JOIN referral r ON r.id = sc.referral_id JOIN action_plan ap ON ap.case_id = sc.id
  JOIN plan_action pa ON pa.plan_id = ap.id
  WHERE sc.key_worker_id = $coach AND sc.status = 'OPEN' AND sc.organisation_id IN ($bury)
    AND ap.version = (SELECT MAX(latest.version) FROM action_plan latest WHERE latest.case_id = sc.id)
    AND pa.status <> 'DONE' AND pa.due_on < DATE '$today' ORDER BY pa.due_on, sc.reference, pa.position"
explain "sustainment checks due" "SELECT sc.id, sc.reference, r.first_name, r.last_name, s.due_on, s.weeks
  FROM sustainment_check s JOIN support_case sc ON sc.id = s.case_id JOIN referral r ON r.id = sc.referral_id
  WHERE sc.key_worker_id = $coach AND sc.organisation_id IN ($bury) AND s.checked_on IS NULL AND s.due_on <= DATE '$today' + 28
  ORDER BY s.due_on, sc.reference"
explain "case milestones" "SELECT m.* FROM milestone m WHERE NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
  AND m.case_id = $case_id ORDER BY m.occurred_on, m.id"

echo
echo "== Figures (client wall-clock on 127.0.0.1; server_mean_ms is the service's own mean) =="
grep -h '^PAGE' "$work/home.txt" "$work/case.txt"
