#!/usr/bin/env bash
# Start-up benchmark: time from `java -jar` of the built jar to a healthy service, and resident
# memory once it is up with the demo data, over several fresh starts (empty H2 database each time).
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
jar=$(ls target/workhealth-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/workhealth-*.jar | head -n 1)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)"
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  start=$(date +%s%N)
  (cd "$work" && PORT=$port exec java -jar "$OLDPWD/$jar" >"$work/run.log" 2>&1) &
  pid=$!
  until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "service died; see log:"; tail -20 "$work/run.log"; exit 1; }
    sleep 0.1
  done
  end=$(date +%s%N)
  sleep 3
  rss_kb=$(ps -o rss= -p "$pid" | tr -d ' ')
  printf 'run %d: healthy after %.2f s, resident memory %d MB\n' "$run" "$(echo "($end - $start) / 1000000000" | bc -l)" "$((rss_kb / 1024))"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
