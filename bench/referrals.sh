#!/usr/bin/env bash
# Referral benchmarks (issue 3) on PostgreSQL, against the built jar over HTTP on 127.0.0.1:
#   1. importing a 100,000-row bulk referral file (target: at least 5,000 rows a second on 2 cores);
#   2. the triage queue's first page with 100,000 open referrals in the practitioner's queue
#      (target: under 200 ms server time);
#   3. public referral submissions from 50 concurrent clients (target: 200 a second, 99% under
#      250 ms, every acknowledged referral stored).
# Usage: bench/referrals.sh [rows] [clients] [referrals-per-client]     (defaults 100000 50 20)
# Needs: a JDK 17 (java), psql, curl, and PostgreSQL on 127.0.0.1:5432 that user postgres can use
# without a password. Creates (and drops first) the database DB (default workhealth_bench; never `test`).
# Environment: DB, PORT (default 18090), JAR (default target/workhealth-*.jar, built if missing),
# PGHOST/PGPORT/PGUSER as for psql (defaults 127.0.0.1, 5432, postgres), ANALYZE_EVERY (see below),
# DATABASE_OPTIONS appended to the service's JDBC URL (for example '?reWriteBatchedInserts=true').
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-100000}
clients=${2:-50}
each=${3:-20}
port=${PORT:-18090}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# The benchmarks sign the demo accounts in by password alone: no second factor on this throwaway database.
export MFA_REQUIRED=${MFA_REQUIRED:-nobody}
db=${DB:-workhealth_bench}
if [ "$db" = test ]; then
  echo "refusing the database test: CI and the PostgreSQL tests clean it" >&2
  exit 1
fi
base="http://127.0.0.1:$port"

jar=${JAR:-$(ls target/workhealth-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)}
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/workhealth-*.jar | grep -v plain | head -n 1)
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "port $port is in use; set PORT to a free port" >&2
  exit 1
fi

work=$(mktemp -d)
pid=
analyzer=
stop() {
  if [ -n "$analyzer" ]; then kill "$analyzer" 2>/dev/null || true; fi
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }
bench() { java -Xmx1g bench/ReferralBench.java "$@"; }

echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)"
echo "postgres: $(psql -X -At -d postgres -c 'SHOW server_version')  on $PGHOST:$PGPORT, database $db (dropped and created)"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

# The bulk file is made before the service starts, so making it takes no CPU from the service.
bench csv "$work/referrals.csv" "$rows"

(cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db${DATABASE_OPTIONS:-}" DATABASE_USER="$PGUSER" DEMO_DATA=true \
  WORKHEALTH_REFERRAL_PUBLIC_SUBMISSIONS_PER_HOUR=1000000 PORT=$port \
  exec java -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 1800); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 180 s"; exit 1; }
echo "service up on $base  (JDBC URL options: ${DATABASE_OPTIONS:-none})"

# Without table statistics PostgreSQL plans the import's "submission_key IN (...)" look-ups as
# sequential scans, and every chunk gets slower as the table grows. In production autovacuum keeps
# the statistics up to date; where it is off (as on some CI and build servers), stand in for its
# analyze every ANALYZE_EVERY seconds (default 10; 0 to measure without statistics).
analyze_every=${ANALYZE_EVERY:-10}
if [ "$(psql -X -At -d postgres -c 'SHOW autovacuum')" = off ] && [ "$analyze_every" != 0 ]; then
  echo "autovacuum is off on this server: running ANALYZE on the referral tables every $analyze_every s instead"
  (for _ in $(seq 1 1000); do sleep "$analyze_every"; sql -c "ANALYZE referral, referral_event, referral_submission_log" || true; done) &
  analyzer=$!
fi

echo
echo "== 1. Bulk import: $rows rows as the Bury provider manager =="
bench import "$base" "$work/referrals.csv" | tee "$work/import.txt"
stored=$(sql -c "SELECT COUNT(*) FROM referral WHERE source = 'BULK'")
events=$(sql -c "SELECT COUNT(*) FROM referral_event e JOIN referral r ON r.id = e.referral_id WHERE r.source = 'BULK' AND e.kind = 'RECEIVED'")
echo "stored: $stored bulk referrals, $events RECEIVED events"

echo
echo "== 2. Triage queue: first page, default sort, as the Bury practitioner =="
bury=$(sql -c "SELECT id FROM organisation WHERE name = 'Bury Council Live Well service'")
open_bury=$(sql -c "SELECT COUNT(*) FROM referral WHERE routed_organisation_id = $bury AND status IN ('RECEIVED', 'IN_TRIAGE')")
# The import routes rows by postcode district across five areas; top Bury's queue up to 100,000 open
# referrals with plain inserts (spread over the last 23 days so due times differ, a tenth in triage).
sql -c "
INSERT INTO referral (reference, status, source, received_at, response_due_at, routed_organisation_id, referring_for,
    first_name, last_name, date_of_birth, postcode, contact_preference, employment_status, consent_to_contact, match_key)
SELECT 'Q' || LPAD(g::text, 9, '0'), CASE WHEN g % 10 = 0 THEN 'IN_TRIAGE' ELSE 'RECEIVED' END, 'BULK',
       LOCALTIMESTAMP - g * INTERVAL '20 seconds', LOCALTIMESTAMP - g * INTERVAL '20 seconds' + INTERVAL '2 days', $bury,
       'SELF', (ARRAY['Ada','Ben','Chloe','Dev','Ella','Femi','Grace'])[1 + g % 7],
       (ARRAY['Smith','Jones','Patel','Khan','Walker'])[1 + g % 5], DATE '1970-01-01' + (g % 12000),
       'BL9 0EJ', 'PHONE', 'EMPLOYED', TRUE, 'bench|' || g
FROM generate_series(1, GREATEST(0, 100000 - $open_bury)) AS g"
sql -c "ANALYZE referral"
open_bury=$(sql -c "SELECT COUNT(*) FROM referral WHERE routed_organisation_id = $bury AND status IN ('RECEIVED', 'IN_TRIAGE')")
open_all=$(sql -c "SELECT COUNT(*) FROM referral WHERE status IN ('RECEIVED', 'IN_TRIAGE')")
echo "open referrals: $open_bury in the practitioner's queue (Bury Council Live Well service), $open_all in all"
bench triage "$base" 5 50 | tee "$work/triage.txt"
# Where the database time goes: the queue's two queries as TriageQueue sends them for this person.
for q in "SELECT COUNT(*) FROM referral r WHERE r.routed_organisation_id IN ($bury) AND r.status IN ('RECEIVED', 'IN_TRIAGE')" \
         "SELECT r.id, r.reference, r.first_name, r.last_name, r.received_at, r.response_due_at, r.status, o.name
          FROM referral r JOIN organisation o ON o.id = r.routed_organisation_id
          WHERE r.routed_organisation_id IN ($bury) AND r.status IN ('RECEIVED', 'IN_TRIAGE')
          ORDER BY r.response_due_at, r.id LIMIT 50 OFFSET 0"; do
  echo "-- EXPLAIN (ANALYZE, BUFFERS) $(echo "$q" | tr -s ' \n' ' ')"
  sql -c "EXPLAIN (ANALYZE, BUFFERS) $q" | sed 's/^/   /'
done

echo
echo "== 3. Public referral form: $clients concurrent clients, $each referrals each =="
bench submit "$base" "$clients" "$each" "$work/references.txt" | tee "$work/submit.txt"
acknowledged=$(wc -l < "$work/references.txt" | tr -d ' ')
found=$(sql -c "CREATE TEMP TABLE ack (reference VARCHAR(12))" -c "\\copy ack FROM '$work/references.txt'" \
  -c "SELECT COUNT(*) FROM ack a JOIN referral r ON r.reference = a.reference AND r.source = 'PUBLIC'")
echo "acknowledged: $acknowledged, stored: $found"

echo
echo "== Figures =="
grep -h '^IMPORT\|^TRIAGE\|^FORM\|^SUBMIT' "$work"/import.txt "$work"/triage.txt "$work"/submit.txt
printf 'STORED bulk=%s public_acknowledged=%s public_stored=%s queue_open=%s\n' "$stored" "$acknowledged" "$found" "$open_bury"
