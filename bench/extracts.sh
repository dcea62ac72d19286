#!/usr/bin/env bash
# Evaluation extract benchmark (issue 16): a pseudonymised participant-level extract of [people] participants
# (default 1,000,000) streamed through the HTTP download, with the service's heap capped (-Xmx256m by default) to
# show that memory stays bounded. Target: under 60 s for 1,000,000.
# Usage: bench/extracts.sh [people] [runs]     (defaults 1000000 1)
# Makes its own database DB (default workhealth_extracts_bench; dropped and made again, never `test`): starts the built
# jar with the demo data, adds [people] Thrive into Work referrals (bench/extracts.sql), then signs in as West
# Midlands' commissioner to record a data sharing agreement with the university's evaluation team, and as the
# evaluator to download the extract [runs] times. Prints rows, seconds, bytes and the peak heap in use during the
# download: the larger of the highest "before" figure of the collections logged while it ran (-Xlog:gc, the heap at
# its fullest, just before each collection) and the highest `jcmd <pid> GC.heap_info` sample taken every 0.2 s.
# Needs: a JDK 17 (java, jcmd), psql, createdb, dropdb, curl, bc and PostgreSQL as bench/README.md says.
# Environment: DB, PORT (default 18094), HEAP (default 256m), JAR, PGHOST/PGPORT/PGUSER.
set -euo pipefail
cd "$(dirname "$0")/.."
people=${1:-1000000}
runs=${2:-1}
db=${DB:-workhealth_extracts_bench}
port=${PORT:-18094}
heap=${HEAP:-256m}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
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
echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)  heap cap: $heap"
(cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" DEMO_DATA=true \
  DEMO_CASES=false PORT=$port exec java -Xmx"$heap" -Xlog:gc:file="$work/gc.log" -jar "$jar" >"$work/service.log" 2>&1) &
pid=$!
for _ in $(seq 1 3000); do
  curl -sf "$base/actuator/health" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
  sleep 0.1
done
curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 300 s"; exit 1; }
# The JVM itself (the subshell exec'd java, so $pid is it)
echo "service up on $base (pid $pid)"

start=$(date +%s.%N)
sql -v people="$people" -f bench/extracts.sql
echo "data: $people referrals in $(echo "$(date +%s.%N) - $start" | bc) s; $(sql -c "SELECT COUNT(*) FROM milestone") milestones"

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
sign_in() {
  local cookies=$1 email=$2 token
  token=$(curl -sf -c "$cookies" -b "$cookies" "$base/sign-in" | csrf)
  curl -sf -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "email=$email" \
    --data-urlencode "password=demo-password-2026" --data-urlencode "_csrf=$token" "$base/sign-in"
}
commissioner="$work/commissioner"
sign_in "$commissioner" commissioner@wmca.workhealth.example
university=$(sql -c "SELECT organisation_id FROM person WHERE email = 'evaluator@workhealth.example'")
tiw=$(sql -c "SELECT id FROM programme WHERE code = 'TIW'")
token=$(curl -sf -c "$commissioner" -b "$commissioner" "$base/evaluation/agreements/new" | csrf)
year=$(date +%Y)
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$commissioner" -b "$commissioner" \
  --data-urlencode "_csrf=$token" --data-urlencode "evaluator=$university" --data-urlencode "title=Bench evaluation" \
  --data-urlencode "purpose=Benchmark" --data-urlencode "legalBasis=PUBLIC_TASK" --data-urlencode "programme=$tiw" \
  --data-urlencode "trial=" --data-urlencode "fields=AGE_BAND" --data-urlencode "fields=SEX" \
  --data-urlencode "fields=ETHNIC_GROUP" --data-urlencode "fields=DISABILITY" --data-urlencode "fields=REFERRAL_DATE" \
  --data-urlencode "fields=SOURCE" --data-urlencode "fields=EMPLOYMENT_STATUS" --data-urlencode "fields=ENGAGED_DATE" \
  --data-urlencode "fields=JOB_START_DATE" --data-urlencode "dataFromDay=1" --data-urlencode "dataFromMonth=1" \
  --data-urlencode "dataFromYear=2025" --data-urlencode "dataToDay=31" --data-urlencode "dataToMonth=12" \
  --data-urlencode "dataToYear=2026" --data-urlencode "startsOnDay=1" --data-urlencode "startsOnMonth=1" \
  --data-urlencode "startsOnYear=2025" --data-urlencode "endsOnDay=31" --data-urlencode "endsOnMonth=12" \
  --data-urlencode "endsOnYear=$((year + 1))" --data-urlencode "dateHandling=SHIFTED" --data-urlencode "shiftDays=14" \
  --data-urlencode "threshold=5" "$base/evaluation/agreements/new/confirm")
agreement=${location##*/}
[[ "$agreement" =~ ^[0-9]+$ ]] || { echo "no agreement made (redirect: $location)"; tail -30 "$work/service.log"; exit 1; }
echo "agreement $agreement recorded"

evaluator="$work/evaluator"
sign_in "$evaluator" evaluator@workhealth.example
page="$base/evaluation/agreements/$agreement"
# Heap in use in KB from jcmd's first line ("... total 262144K, used 123456K ..."); empty if jcmd could not attach.
heap_used() { jcmd "$pid" GC.heap_info 2>/dev/null | grep -m 1 -o 'used [0-9]*K' | grep -o '[0-9]*'; }
for run in $(seq 1 "$runs"); do
  token=$(curl -sf -c "$evaluator" -b "$evaluator" "$page" | csrf)
  logged=$(wc -l <"$work/gc.log")
  ( max=0
    while :; do
      used=$(heap_used)
      [ -n "$used" ] && [ "$used" -gt "$max" ] && max=$used && echo "$max" >"$work/heap.$run"
      sleep 0.2
    done ) &
  sampler=$!
  timing=$(curl -s -o "$work/extract.csv" -w '%{http_code} %{time_total} %{size_download}' -c "$evaluator" \
    -b "$evaluator" --data-urlencode "_csrf=$token" "$page/extract")
  kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
  read -r code took bytes <<<"$timing"
  [ "$code" = 200 ] || { echo "extract answered $code"; tail -30 "$work/service.log"; exit 1; }
  rows=$(($(wc -l <"$work/extract.csv") - 1))
  sampled=$(cat "$work/heap.$run" 2>/dev/null || echo 0)
  # G1 and Serial both log "Pause ... 180M->40M(256M)": the first figure is the heap in use before the collection.
  before=$(tail -n +"$((logged + 1))" "$work/gc.log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' | sed 's/M->.*//' \
    | sort -n | tail -n 1 || true)
  # The second figure is what survived it: the live set, which a streamed extract keeps flat.
  after=$(tail -n +"$((logged + 1))" "$work/gc.log" | grep -o '[0-9]*M->[0-9]*M([0-9]*M)' | sed 's/.*M->//; s/M(.*//' \
    | sort -n | tail -n 1 || true)
  collections=$(tail -n +"$((logged + 1))" "$work/gc.log" | grep -c 'Pause' || true)
  peak=$(( ${before:-0} * 1024 > sampled ? ${before:-0} * 1024 : sampled ))
  echo "run $run: $rows rows in $took s, $bytes bytes, peak heap used $(echo "scale=1; $peak / 1024" | bc) MB" \
    "(gc log: max ${before:-0} MB before and ${after:-0} MB after a collection, $collections pauses; jcmd max sample" \
    "$(echo "scale=1; $sampled / 1024" | bc) MB; cap $heap)"
done
head -n 3 "$work/extract.csv"
if grep -q -E 'Person[0-9]|@example.com|WV1|07700' "$work/extract.csv"; then
  echo "the extract holds a direct identifier" >&2
  exit 1
fi
sql -F ' | ' -c "SELECT id, row_count, sha256 FROM evaluation_extract ORDER BY id"
