# Sourced by bench/casework.sh and bench/dashboard.sh: finds the jar, starts the service on $port
# against a database (no demo data: the database already has it) and stops it on exit.
# Sets: jar, work (a temporary directory), pid; defines bench (runs bench/PageBench.java) and start_service.
# The benchmarks sign the demo accounts in by password alone: no second factor on this throwaway database.
export MFA_REQUIRED=${MFA_REQUIRED:-nobody}
jar=${JAR:-$(ls -t target/workhealth-*.jar /tmp/build-*/workhealth-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)}
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
stop_service() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop_service EXIT
# The JDBC driver for the hand-written SQL, from the local Maven repository the build fills.
pgjar=$(ls -t ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | head -n 1 || true)
bench() { java -Xmx512m ${pgjar:+-cp "$pgjar"} bench/PageBench.java "$@"; }

start_service() {
  echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)"
  echo "postgres: $(psql -X -At -d postgres -c 'SHOW server_version') on $PGHOST:$PGPORT, database $1"
  local started=$SECONDS
  (cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$1" DATABASE_USER="$PGUSER" DEMO_DATA=false PORT=$port \
    exec java -jar "$jar" >"$work/service.log" 2>&1) &
  pid=$!
  # Up to 15 minutes: a new migration may have to index or project ten million milestones first.
  for _ in $(seq 1 9000); do
    curl -sf "$base/actuator/health" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
    sleep 0.1
  done
  curl -sf "$base/actuator/health" >/dev/null || { echo "service not healthy after 900 s"; exit 1; }
  echo "service up on $base after $((SECONDS - started)) s (migrations included)"
}
