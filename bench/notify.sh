#!/usr/bin/env bash
# GOV.UK Notify sending benchmark (issue 18): queues [messages] messages (default 10,000) and lets the service's
# sending worker drain them against a WireMock stand-in for Notify at [per-minute] sends a minute (default 3,000,
# Notify's limit for a service). Prints the time taken, the rate, the most sends in any 60 s, and checks from the
# stand-in's own request log that every message reached it exactly once (none lost, none sent twice).
# Usage: bench/notify.sh [messages] [per-minute]     (defaults 10000 3000: about 3 minutes 20 s of sending)
# A quick run: bench/notify.sh 300 30000 (what bench/smoke.sh runs).
# Makes its own database DB (default workhealth_notify_bench; dropped and made again, never `test`); no demo data.
# Needs: a JDK 17, psql, createdb, dropdb, curl, jq and PostgreSQL as bench/README.md says; the WireMock standalone
# jar from the local Maven repository (the build's test dependency; fetched with ./mvnw if missing).
# Environment: DB, PORT (service, default 18095), STANDIN_PORT (default 18096), NOTIFY_SENDERS, JAR, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-10000}
per_minute=${2:-3000}
db=${DB:-workhealth_notify_bench}
port=${PORT:-18095}
standin_port=${STANDIN_PORT:-18096}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
base="http://127.0.0.1:$port"
standin="http://127.0.0.1:$standin_port"
if [ "$db" = test ]; then
  echo "refusing the database test: CI and the PostgreSQL tests clean it" >&2
  exit 1
fi
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }
. bench/service.sh
wiremock=$(ls ~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar 2>/dev/null || true)
if [ -z "$wiremock" ]; then
  ./mvnw -B -q dependency:get -Dartifact=org.wiremock:wiremock-standalone:3.13.2
  wiremock=~/.m2/repository/org/wiremock/wiremock-standalone/3.13.2/wiremock-standalone-3.13.2.jar
fi
standin_pid=
stop_all() {
  if [ -n "$standin_pid" ] && kill -0 "$standin_pid" 2>/dev/null; then
    kill "$standin_pid"; wait "$standin_pid" 2>/dev/null || true
  fi
  stop_service
}
trap stop_all EXIT

# The stand-in: 201 in Notify's shape for every email, a new id each time, the reference sent back.
java -Xmx512m -jar "$wiremock" --port "$standin_port" --bind-address 127.0.0.1 --global-response-templating \
  --disable-banner --container-threads 20 >"$work/standin.log" 2>&1 &
standin_pid=$!
for _ in $(seq 1 300); do curl -sf "$standin/__admin/health" >/dev/null && break; sleep 0.1; done
curl -sf -o /dev/null -X POST "$standin/__admin/mappings" -H 'Content-Type: application/json' -d @- <<'JSON'
{"request": {"method": "POST", "urlPath": "/v2/notifications/email"},
 "response": {"status": 201, "headers": {"Content-Type": "application/json"},
  "body": "{\"id\": \"{{randomValue type='UUID'}}\", \"reference\": \"{{jsonPath request.body '$.reference'}}\", \"content\": {\"body\": \"Body\", \"subject\": \"Subject\", \"from_email\": \"service@notifications.example\"}, \"uri\": \"https://api.notifications.service.gov.uk/v2/notifications/1\", \"template\": {\"id\": \"{{jsonPath request.body '$.template_id'}}\", \"version\": 1, \"uri\": \"https://api.notifications.service.gov.uk/v2/templates/1\"}}"}}
JSON
echo "stand-in for Notify up on $standin"

dropdb --if-exists "$db"
createdb "$db"
echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)"
echo "postgres: $(psql -X -At -d postgres -c 'SHOW server_version') on $PGHOST:$PGPORT, database $db"
(cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" DEMO_DATA=false PORT=$port \
  NOTIFY_API_KEY=bench-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0 \
  NOTIFY_BASE_URL="$standin" NOTIFY_EMAIL_TEMPLATE=f33517ff-2a88-4f6e-b855-c550268ce08a \
  NOTIFY_PER_MINUTE="$per_minute" exec java -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 3000); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 300 s"; exit 1; }
echo "service up on $base, sending at most $per_minute a minute"

# Queued as Messages.queue queues them with a key (PENDING, due now), in one statement. Times are the JVM's local
# time, as the service writes them.
sql -v n="$messages" <<'SQL'
INSERT INTO notification_message (event_key, template, channel, recipient, personalisation, organisation_id, status,
    created_at, status_at, next_attempt_at)
SELECT 'bench:' || g, 'REFERRAL_RECEIVED', 'EMAIL', 'bench' || g || '@example.com',
    '{"reference":"WH-' || g || '"}', 1, 'PENDING', LOCALTIMESTAMP, LOCALTIMESTAMP, LOCALTIMESTAMP
FROM generate_series(1, :n) g;
SQL
start=$(date +%s.%N)
echo "queued $messages messages"
limit=$(( messages * 60 * 2 / per_minute + 120 ))
poll=$(( messages >= 2000 ? 10 : 1 ))
while :; do
  waiting=$(sql -c "SELECT COUNT(*) FROM notification_message WHERE status IN ('PENDING', 'SENDING')")
  [ "$waiting" = 0 ] && break
  elapsed=$(echo "$(date +%s.%N) - $start" | bc)
  if (( $(echo "$elapsed > $limit" | bc) )); then
    echo "still $waiting waiting after $limit s"; exit 1
  fi
  printf '  %6.0f s: %d waiting\n' "$elapsed" "$waiting"
  sleep "$poll"
done
wall=$(echo "$(date +%s.%N) - $start" | bc)

read -r sent first last span <<<"$(sql -F ' ' -c "SELECT COUNT(*) FILTER (WHERE status = 'SENT'),
    TO_CHAR(MIN(sent_at), 'HH24:MI:SS'), TO_CHAR(MAX(sent_at), 'HH24:MI:SS'),
    EXTRACT(EPOCH FROM MAX(sent_at) - MIN(sent_at)) FROM notification_message")"
busiest=$(sql -c "SELECT MAX(n) FROM (SELECT COUNT(*) OVER (ORDER BY sent_at
    RANGE BETWEEN INTERVAL '59.999 seconds' PRECEDING AND CURRENT ROW) AS n FROM notification_message) w")
other=$(sql -c "SELECT COALESCE(STRING_AGG(status || ' ' || c, ', '), 'none') FROM (SELECT status, COUNT(*) c
    FROM notification_message WHERE status <> 'SENT' GROUP BY status) s")

# What the stand-in received, by reference.
curl -sf "$standin/__admin/requests?limit=$((messages * 2))" \
  | jq -r '.requests[].request.body | fromjson | .reference' | sort | uniq -c | awk '{print $1}' \
  | sort | uniq -c >"$work/per-reference"
received=$(curl -sf "$standin/__admin/requests/count" -X POST -d '{"method": "POST"}' | jq .count)
distinct=$(awk '{s += $1} END {print s + 0}' "$work/per-reference")
twice=$(awk '$2 > 1 {s += $1} END {print s + 0}' "$work/per-reference")
lost=$(( messages - distinct ))

echo
printf 'messages queued          %d\n' "$messages"
printf 'rate limit               %d a minute\n' "$per_minute"
printf 'wall time to drain       %.1f s (queued to none waiting, looked at every %d s)\n' "$wall" "$poll"
printf 'first to last send       %.1f s (%s to %s)\n' "$span" "$first" "$last"
printf 'rate                     %.0f a minute\n' "$(echo "$sent * 60 / ($span + 0.001)" | bc -l)"
printf 'most sends in any 60 s   %d (limit %d)\n' "$busiest" "$per_minute"
printf 'sent (database)          %d; other statuses: %s\n' "$sent" "$other"
printf 'stand-in received        %d requests for %d references\n' "$received" "$distinct"
printf 'lost                     %d\n' "$lost"
printf 'sent more than once      %d\n' "$twice"
[ "$lost" = 0 ] && [ "$twice" = 0 ] && [ "$sent" = "$messages" ] && [ "$busiest" -le "$((per_minute + 1))" ]
