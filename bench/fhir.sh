#!/usr/bin/env bash
# FHIR referral benchmark (issue 18) on PostgreSQL, against the built jar over HTTP on 127.0.0.1: GP systems send
# referral Bundles to POST /fhir (validated against base R4, through the intake) at RATE a second for SECONDS.
# Target: 200 a second with p99 under 250 ms on the 2-core build machine, every acknowledged referral stored.
# Usage: bench/fhir.sh [seconds] [rate] [clients]     (defaults 30 200 32)
# Needs: a JDK 17 (java), psql, curl, sha256sum, and PostgreSQL on 127.0.0.1:5432 that user postgres can use without
# a password. Creates (and drops first) the database DB (default workhealth_fhir_bench; never `test`).
# Environment: DB, PORT (default 18093), JAR (default target/workhealth-*.jar, built if missing), WARMUP (seconds
# sent before measuring, default 20), PGHOST/PGPORT/PGUSER as for psql, JAVA_OPTS for the service (default -Xmx768m).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
rate=${2:-200}
clients=${3:-32}
warmup=${WARMUP:-20}
port=${PORT:-18093}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export MFA_REQUIRED=${MFA_REQUIRED:-nobody}
db=${DB:-workhealth_fhir_bench}
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
stop() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }

echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)"
echo "postgres: $(psql -X -At -d postgres -c 'SHOW server_version')  on $PGHOST:$PGPORT, database $db (dropped and created)"
psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"

# The API's per-client allowance a minute is lifted: the bench measures the FHIR path, not the limit.
(cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" DEMO_DATA=true \
  WORKHEALTH_API_CALLS_PER_MINUTE=100000000 WORKHEALTH_FHIR_VALIDATION_WARM_UP=true PORT=$port \
  exec java ${JAVA_OPTS:--Xmx768m} -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 1800); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 180 s"; exit 1; }
echo "service up on $base"

# One API client per bench client, for the demo GP practice, made as the service makes them: a key, and only the
# SHA-256 of the secret kept.
practice=$(sql -c "SELECT id FROM organisation WHERE ods_code = 'P83010'")
admin=$(sql -c "SELECT id FROM person WHERE email = 'admin@gm.workhealth.example'")
for i in $(seq 1 "$clients"); do
  key="whc_bench$(printf '%07d' "$i")"
  secret=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')
  hash=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
  sql -c "INSERT INTO api_client (client_key, name, organisation_id, scopes, secret_hash, expires_on, created_by, created_at)
          VALUES ('$key', 'Bench GP system $i', $practice, 'referrals.write', '$hash', CURRENT_DATE + 30, $admin, LOCALTIMESTAMP)"
  echo "$key.$secret" >> "$work/tokens.txt"
done
echo "$clients API clients for the practice with ODS code P83010"

echo
echo "== FHIR referral Bundles: $rate a second for $seconds s from $clients clients (after $warmup s warm-up) =="
java -Xmx512m bench/FhirBench.java "$base" "$work/tokens.txt" src/test/resources/fhir/referral-bundle.json \
  "$seconds" "$rate" "$clients" "$warmup" "$work/references.txt" | tee "$work/fhir.txt"
acknowledged=$(wc -l < "$work/references.txt" | tr -d ' ')
found=$(sql -c "CREATE TEMP TABLE ack (reference VARCHAR(12))" -c "\\copy ack FROM '$work/references.txt'" \
  -c "SELECT COUNT(*) FROM ack a JOIN referral r ON r.reference = a.reference AND r.source = 'FHIR'")
echo "acknowledged with 201 Created: $acknowledged, stored: $found"
if grep -q ' ERROR ' "$work/service.log"; then
  echo "the service logged errors:"; grep ' ERROR ' "$work/service.log" | head -5
fi

echo
echo "== Figures =="
grep -h '^FHIR' "$work/fhir.txt"
printf 'STORED fhir_acknowledged=%s fhir_stored=%s\n' "$acknowledged" "$found"
[ "$acknowledged" = "$found" ]
