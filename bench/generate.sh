#!/usr/bin/env bash
# National-size test data for the casework and performance benchmarks (issues 4 and 5).
#
# Fills a PostgreSQL database that has the service's schema and demo data with a country's worth of
# cases and milestones, in the shapes the service itself writes, using set-based SQL only
# (INSERT ... SELECT FROM generate_series): 1,000,000 cases and 10,000,000 milestones take minutes.
#
# Usage: bench/generate.sh [--db NAME] [--cases N] [--milestones M] [--fresh]
#   --db NAME         database to fill (default workhealth_bench; never use `test`, CI cleans it)
#   --cases N         support cases, one accepted referral each (default 1000000)
#   --milestones M    milestones in all (default 10 x cases); see bench/README.md for how M is reached
#   --fresh           drop the database first and start again (otherwise a filled database is left alone)
# Environment: PGHOST/PGPORT/PGUSER as for psql (defaults 127.0.0.1, 5432, postgres; no password),
# JAR (default: the newest target/workhealth-*.jar or /tmp/build-*/workhealth-*.jar; built if none),
# PORT (default 18091) for the one start of the service that migrates the database and loads the demo.
#
# What it makes (details and proportions in bench/README.md and bench/generate.sql):
#   organisations  national -> 10 hubs -> 40 localities -> 150 providers, the demo ones among them
#                  (NHS Greater Manchester has 15 of the 150 providers, so a tenth of the data);
#   people         20 practitioners per provider per million cases (at least 2) and a manager each;
#   contracts      every provider holds a contract for its programme (WorkWell; Thrive into Work in
#                  the West Midlands) live from April 2023 to March 2027;
#   referrals      one per case with equality answers, plus accepted referrals that never became a case;
#   cases          about 5% open, the rest closed; appointments and notes on the open ones; action plans,
#                  reviews, outcomes and sustainment checks as the casework writes them;
#   milestones     REFERRAL_RECEIVED ... EXIT with the service's attributes, April 2023 to yesterday,
#                  about 1% superseded by a correction.
# The Bury practitioner (coach@bury.workhealth.example) holds 30 open cases with appointments,
# reviews and actions due, one of them a long case with many milestones and appointments.
set -euo pipefail
cd "$(dirname "$0")/.."
db=workhealth_bench
cases=1000000
milestones=
fresh=false
while [ $# -gt 0 ]; do
  case "$1" in
    --db) db=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --milestones) milestones=$2; shift 2 ;;
    --fresh) fresh=true; shift ;;
    -h|--help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "unknown argument $1 (try --help)" >&2; exit 2 ;;
  esac
done
milestones=${milestones:-$((cases * 10))}
if [ "$db" = test ]; then
  echo "refusing to fill the database 'test': CI and the tests clean it" >&2
  exit 2
fi
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
# The benchmarks sign the demo accounts in by password alone: no second factor on this throwaway database.
export MFA_REQUIRED=${MFA_REQUIRED:-nobody}
port=${PORT:-18091}
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }
started=$(date +%s)

if [ "$fresh" = true ]; then
  psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db"
fi
if [ -z "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
  createdb "$db"
  echo "created database $db"
fi

# The schema comes from the service itself: one start with the demo data migrates the database.
if [ -z "$(sql -c "SELECT 1 FROM information_schema.tables WHERE table_name = 'organisation'")" ] \
   || [ "$(sql -c "SELECT COUNT(*) FROM person WHERE email = 'coach@bury.workhealth.example'")" = 0 ]; then
  jar=${JAR:-$(ls -t target/workhealth-*.jar /tmp/build-*/workhealth-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)}
  if [ -z "$jar" ]; then
    ./mvnw -B -q -DskipTests package
    jar=$(ls target/workhealth-*.jar | grep -v plain | head -n 1)
  fi
  jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
  work=$(mktemp -d)
  echo "migrating $db and loading the demo data with $jar"
  (cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" DEMO_DATA=true PORT=$port \
    exec java -jar "$jar" >"$work/service.log" 2>&1) &
  pid=$!
  for _ in $(seq 1 1800); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break
    kill -0 "$pid" 2>/dev/null || { echo "service died; see its log:"; tail -30 "$work/service.log"; exit 1; }
    sleep 0.1
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$work"
  if [ "$(sql -c "SELECT COUNT(*) FROM person WHERE email = 'coach@bury.workhealth.example'")" = 0 ]; then
    echo "the database $db has data but not the demo data (it loads only into an empty database): use --fresh" >&2
    exit 1
  fi
fi

if [ -n "$(sql -c "SELECT 1 FROM organisation WHERE name = 'Bench hub 3'")" ]; then
  if [ -z "$(sql -c "SELECT 1 FROM information_schema.tables WHERE table_schema = 'bench' AND table_name = 'facts'")" ]; then
    echo "an earlier run into $db did not finish: use --fresh" >&2
    exit 1
  fi
  echo "database $db already holds generated data: $(sql -c "SELECT COUNT(*) FROM support_case") cases," \
       "$(sql -c "SELECT COUNT(*) FROM milestone") milestones (use --fresh to start again)"
  exit 0
fi

echo "generating $cases cases and $milestones milestones into $db on $PGHOST:$PGPORT" \
     "(PostgreSQL $(sql -c 'SHOW server_version'), $(nproc) cores)"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -v cases="$cases" -v milestones="$milestones" -f bench/generate.sql

echo
echo "rows:"
for t in organisation person contract referral support_case milestone appointment contact_note action_plan \
         plan_goal plan_action case_review case_outcome sustainment_check; do
  printf '  %-18s %12s\n' "$t" "$(sql -c "SELECT COUNT(*) FROM $t")"
done
printf '  %-18s %12s\n' "superseded" "$(sql -c "SELECT COUNT(*) FROM milestone WHERE supersedes_id IS NOT NULL")"
echo "open cases: $(sql -c "SELECT COUNT(*) FROM support_case WHERE status = 'OPEN'");" \
     "the Bury practitioner's open cases: $(sql -c "SELECT COUNT(*) FROM support_case sc JOIN person p ON p.id = sc.key_worker_id
       WHERE p.email = 'coach@bury.workhealth.example' AND sc.status = 'OPEN'");" \
     "NHS Greater Manchester's share of milestones: $(sql -c "SELECT ROUND(100.0 * COUNT(*) FILTER (WHERE c.commissioner_organisation_id =
       (SELECT id FROM organisation WHERE name = 'NHS Greater Manchester')) / COUNT(*), 1) FROM milestone m JOIN contract c ON c.id = m.contract_id")%"
echo "database size: $(sql -c "SELECT pg_size_pretty(pg_database_size('$db'))")"
echo "done in $(( $(date +%s) - started )) s"
