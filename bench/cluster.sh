#!/usr/bin/env bash
# Two nodes behind a real load balancer (issue 19): PostgreSQL, two nodes of the built jar on two ports and HAProxy
# in front (Debian's package, round robin, no stickiness, health checks on /actuator/health/readiness), then:
#   1. load: CLIENTS people (public referral form, triage, practitioner home) for LOAD seconds through one node,
#      then for LOAD seconds through both; figures per node and in total, no errors, every shown reference stored;
#   2. failure: kill -9 node1 half way through FAIL seconds of load: no failures beyond the requests in flight on
#      it, signed-in people stay signed in, every shown reference stored, the scheduler's notify-send task runs on;
#   3. rolling restart under load: SIGTERM node1, start it again, wait for it, then node2: no failed request
#      beyond those in flight;
#   4. soak: SOAK seconds of steady load (each client pauses SOAK_PAGE_THINK_MS before every request, so the load
#      stays below what the two cores can take; phases 1 to 3 send as fast as the service answers): no errors, heap
#      after a forced full GC at the end within 10% of the start, no request waited for a database connection, p99
#      of the last sixth of the soak within 1.5x that of the first sixth. SOAK_WARM_UP seconds of the same load come
#      first, counted apart: phase 3 leaves both nodes just restarted, and they take minutes to warm up.
# Usage: bench/cluster.sh [clients] [load-s] [fail-s] [soak-s]     (defaults 50 300 120 1800: about an hour)
#        bench/cluster.sh 10 20 20 30                              (a tiny run of a few minutes; not in bench/smoke.sh)
# Needs: a JDK 17 (java, javac, jcmd), psql, createdb, dropdb, curl, PostgreSQL as bench/README.md says, and
# /usr/sbin/haproxy (installed with apt-get when missing, which needs root). Makes its own database DB (default
# workhealth_cluster; dropped and made again, never `test`). Exits non-zero when any check fails.
# Environment: DB; PHASES (default "1 2 3 4"); ONE_NODE_SECONDS (phase 1's one-node run, default LOAD); THINK_MS
# (pause between a client's journeys, default 0: as fast as the service answers); SOAK_PAGE_THINK_MS (the soak's
# pause before every request, default 500; 0 soaks at saturation, as fast as the service answers); SOAK_WARM_UP
# (seconds of the soak's load before it, counted apart; default 300, a third of a soak under 600 s; 0 for none);
# START_TOGETHER=1 (start both nodes at once, to see Flyway's lock let one migrate; default: node1 first with the
# demo data, then node2);
# ROLLING=sigterm (default: phase 3 sends SIGTERM and leaves HAProxy's readiness checks to take the node out) or
# ROLLING=drain (HAProxy is told to drain the node first, as docs/operations.md describes); NODE_JAVA_OPTS (default
# -Xmx1g); LB_PORT, NODE1_PORT, NODE2_PORT, API_PORT (HAProxy's runtime API),
# STATS_PORT (HAProxy's stats page), NOTIFY_PORT (where the nodes look for Notify: nothing answers there)
# (defaults 18400, 18401, 18402, 18408, 18409, 18407); JAR; PGHOST/PGPORT/PGUSER; KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/.."
clients=${1:-50}
load_s=${2:-300}
fail_s=${3:-120}
soak_s=${4:-1800}
one_s=${ONE_NODE_SECONDS:-$load_s}
think=${THINK_MS:-0}
soak_page_think=${SOAK_PAGE_THINK_MS:-500}
soak_warm_s=${SOAK_WARM_UP:-$(( soak_s >= 600 ? 300 : soak_s / 3 ))}
rolling=${ROLLING:-sigterm}
phases=" ${PHASES:-1 2 3 4} "
db=${DB:-workhealth_cluster}
lb_port=${LB_PORT:-18400}
ports=("${NODE1_PORT:-18401}" "${NODE2_PORT:-18402}")
api_port=${API_PORT:-18408}
stats_port=${STATS_PORT:-18409}
notify_port=${NOTIFY_PORT:-18407}
node_java_opts=${NODE_JAVA_OPTS:--Xmx1g}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
lb="http://127.0.0.1:$lb_port"
if [ "$db" = test ]; then
  echo "refusing the database test: CI and the PostgreSQL tests clean it" >&2
  exit 1
fi

if [ ! -x /usr/sbin/haproxy ]; then
  echo "installing HAProxy from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq haproxy >/dev/null
fi
jar=${JAR:-$(ls -t target/workhealth-*.jar /tmp/build-*/workhealth-*.jar 2>/dev/null | grep -v plain | head -n 1 || true)}
if [ -z "$jar" ]; then
  ./mvnw -B -q -DskipTests package
  jar=$(ls target/workhealth-*.jar | grep -v plain | head -n 1)
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
for p in "$lb_port" "${ports[@]}" "$api_port" "$stats_port" "$notify_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p is in use; see the ports in this script's header" >&2
    exit 1
  fi
done

work=$(mktemp -d)
pids=("" "")
haproxy_pid=
failed_checks=0
stop_all() {
  for i in 0 1; do
    if [ -n "${pids[$i]}" ] && kill -0 "${pids[$i]}" 2>/dev/null; then kill "${pids[$i]}" 2>/dev/null || true; fi
  done
  for i in 0 1; do
    if [ -n "${pids[$i]}" ]; then wait "${pids[$i]}" 2>/dev/null || true; fi
  done
  if [ -n "$haproxy_pid" ] && kill -0 "$haproxy_pid" 2>/dev/null; then
    kill "$haproxy_pid"; wait "$haproxy_pid" 2>/dev/null || true
  fi
  if [ "${KEEP:-}" = 1 ] || [ "$failed_checks" != 0 ]; then
    echo "logs kept in $work"
  else
    rm -rf "$work"
  fi
}
trap stop_all EXIT
sql() { psql -X -q -v ON_ERROR_STOP=1 -d "$db" -At "$@"; }
now_ms() { date +%s%3N; }

# ---------------------------------------------------------------- the nodes

# A node as an operator would run it: same settings on both but its own port and scheduler name. Only node1 loads
# the demo data, into the empty database. No Notify key would mean no notify-send task at all, so the nodes get a
# key and an address where nothing answers: the task runs every 5 s with nothing to send (the bench's referrals give
# a phone number, so none queues a message).
start_node() {
  local i=$1 name=node$(($1 + 1))
  (cd "$work" && DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" DATABASE_USER="$PGUSER" PORT=${ports[$i]} \
    DEMO_DATA=$([ "$i" = 0 ] && echo true || echo false) MFA_REQUIRED=nobody FORWARD_HEADERS_STRATEGY=native \
    WORKHEALTH_REFERRAL_PUBLIC_SUBMISSIONS_PER_HOUR=1000000 WORKHEALTH_FHIR_VALIDATION_WARM_UP=false \
    NOTIFY_API_KEY=bench-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0 \
    NOTIFY_BASE_URL="http://127.0.0.1:$notify_port" NOTIFY_EMAIL_TEMPLATE=f33517ff-2a88-4f6e-b855-c550268ce08a \
    exec java $node_java_opts -Ddb-scheduler.scheduler-name="$name" -jar "$jar" >>"$work/$name.log" 2>&1) &
  pids[$i]=$!
}

wait_ready() {
  local i=$1 started
  started=$(now_ms)
  for _ in $(seq 1 3000); do
    curl -sf "http://127.0.0.1:${ports[$i]}/actuator/health/readiness" >/dev/null && break
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "node$((i + 1)) died; its log:"; tail -30 "$work/node$((i + 1)).log"; exit 1
    fi
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:${ports[$i]}/actuator/health/readiness" >/dev/null \
    || { echo "node$((i + 1)) not ready after 300 s"; exit 1; }
  echo "node$((i + 1)) ready on port ${ports[$i]} (pid ${pids[$i]}) after $(( ($(now_ms) - started) / 1000 )) s"
}

# ---------------------------------------------------------------- HAProxy

# Its runtime API: one command per connection.
hap() {
  exec 3<>"/dev/tcp/127.0.0.1/$api_port"
  printf '%s\n' "$*" >&3
  cat <&3
  exec 3<&-
}
# One field of one row of HAProxy's statistics (CSV): proxy, server, field name.
hastat() {
  hap "show stat" | awk -F, -v px="$1" -v sv="$2" -v field="$3" \
    'NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) col[$i] = i; next } $1 == px && $2 == sv { print $col[field] }'
}
wait_up() {
  local name=$1
  for _ in $(seq 1 300); do
    [ "$(hastat app "$name" status)" = UP ] && return 0
    sleep 0.1
  done
  echo "HAProxy does not see $name UP after 30 s"; exit 1
}
haproxy_table() {
  printf '  HAProxy: %-8s %-6s %8s %6s %6s %6s %6s %6s %6s %6s %6s %8s\n' server status chosen 2xx 3xx 4xx 5xx \
    conn_err resp_err retries redisp checks_down
  hap "show stat" | awk -F, 'NR == 1 { sub(/^# /, ""); for (i = 1; i <= NF; i++) c[$i] = i; next }
    $1 == "app" { printf "  HAProxy: %-8s %-6s %8s %6s %6s %6s %6s %6s %6s %6s %6s %8s\n", $2, $c["status"],
      $c["lbtot"], $c["hrsp_2xx"], $c["hrsp_3xx"], $c["hrsp_4xx"], $c["hrsp_5xx"], $c["econ"], $c["eresp"],
      $c["wretr"], $c["wredis"], $c["chkdown"] }'
}

# Round robin, no cookie or stickiness: any request of a person may go to either node. A node is taken out after
# 2 failed readiness checks a second apart and put back after 2 good ones. `retries 2` with `option redispatch 1`:
# a request whose connection to a node is refused (a node killed or stopped, before the checks notice) is tried
# again on the other node. HAProxy retries only when the connection could not be made (retry-on's default,
# conn-failure), so a request a node had received is never sent twice; without it every request sent to a dead
# node in the second or two before its checks fail would be answered 503. `option http-server-close`: each request
# gets its own connection to a node, so a stopping node refuses new requests at connect time (and HAProxy redispatches
# them) rather than closing a kept-open idle connection just as HAProxy sends a request on it, which reaches the
# client as a connection closed without an answer. X-Node tells the client which node answered (HAProxy's own
# 502/503s too), for figures per node.
cat >"$work/haproxy.cfg" <<CFG
global
    maxconn 2000
    stats socket ipv4@127.0.0.1:$api_port level admin
    log stdout format raw local0

defaults
    mode http
    log global
    option httplog
    option dontlog-normal
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 30s
    timeout check 2s
    retries 2
    option redispatch 1
    option http-server-close

frontend web
    bind 127.0.0.1:$lb_port
    option forwardfor
    http-after-response set-header X-Node %s
    default_backend app

backend app
    balance roundrobin
    option httpchk
    http-check send meth GET uri /actuator/health/readiness
    http-check expect status 200
    default-server check inter 1s fall 2 rise 2
    server node1 127.0.0.1:${ports[0]}
    server node2 127.0.0.1:${ports[1]}

listen stats
    bind 127.0.0.1:$stats_port
    stats enable
    stats uri /
    stats refresh 5s
CFG

# ---------------------------------------------------------------- load and checks

javac -d "$work/classes" bench/ClusterLoad.java
# The client closes idle connections before HAProxy's 30 s keep-alive timeout would, so no request is sent on a
# connection HAProxy is closing.
load() {
  local phase=$1 seconds=$2
  shift 2
  java -Xmx1g -Djdk.httpclient.keepalive.timeout=20 -cp "$work/classes" ClusterLoad load --base "$lb" \
    --clients "$clients" --seconds "$seconds" --out "$work" --phase "$phase" --think "$think" "$@" \
    | tee "$work/$phase.out"
}
field() { # phase, line prefix, key: a figure from the client's summary lines
  grep "^$2 phase=$1 " "$work/$1.out" | grep -o " $3=[^ ]*" | head -n 1 | cut -d= -f2
}
check() { # name, 0 for passed, what was measured
  if [ "$2" = 0 ]; then
    printf 'PASS  %-52s %s\n' "$1" "$3" >>"$work/checks"
  else
    printf 'FAIL  %-52s %s\n' "$1" "$3" >>"$work/checks"
    failed_checks=$((failed_checks + 1))
  fi
}
is() { if [ "$@" ]; then echo 0; else echo 1; fi; }
stored() { # phase: every reference shown to a client in the phase is in the database
  local refs="$work/$1.refs" shown missing
  shown=$(wc -l <"$refs" | tr -d ' ')
  missing=$(sql -c "CREATE TEMP TABLE shown (reference VARCHAR(20))" -c "\\copy shown FROM '$refs'" \
    -c "SELECT COUNT(*) FROM shown s WHERE NOT EXISTS (SELECT 1 FROM referral r WHERE r.reference = s.reference)")
  echo "references shown: $shown; not in the database: $missing"
  check "$2 every shown reference stored" "$(is "$missing" = 0 -a "$shown" -gt 0)" "$shown shown, $missing missing"
}
errors_check() { # phase, label
  local total beyond
  total=$(field "$1" ERRORS total)
  beyond=$(field "$1" ERRORS beyond_in_flight)
  check "$2 no failed request beyond those in flight" "$(is "$beyond" = 0)" \
    "$beyond beyond, $(field "$1" ERRORS in_flight) in flight; $(grep "^ERRORS phase=$1 " "$work/$1.out" | cut -d' ' -f6-)"
}
heap() { # prints each node's live heap after a forced full GC: "node1 bytes node2 bytes"
  local i
  for i in 0 1; do
    jcmd "${pids[$i]}" GC.run >/dev/null
  done
  sleep 1
  for i in 0 1; do
    printf 'node%d %s ' $((i + 1)) "$(java -cp "$work/classes" ClusterLoad metrics "http://127.0.0.1:${ports[$i]}" \
      | grep -o 'gc_live_data_bytes=[0-9]*' | cut -d= -f2)"
  done
  echo
}

# ---------------------------------------------------------------- start

echo "jar: $jar  cores: $(nproc)  java: $(java -version 2>&1 | head -n 1)  $(/usr/sbin/haproxy -v | head -n 1)"
echo "postgres: $(psql -X -At -d postgres -c 'SHOW server_version') on $PGHOST:$PGPORT, database $db (dropped and made again)"
echo "clients $clients; load $one_s s on one node then $load_s s on two; failure $fail_s s; soak $soak_s s; think $think ms"
dropdb --if-exists "$db"
createdb "$db"
if [ "${START_TOGETHER:-}" = 1 ]; then
  echo "starting both nodes at once: Flyway's advisory lock lets one migrate, the other waits and finds nothing to do"
  start_node 0; start_node 1; wait_ready 0; wait_ready 1
else
  echo "starting node1 (it migrates and loads the demo data), then node2"
  start_node 0; wait_ready 0; start_node 1; wait_ready 1
fi
migrations=$(sql -c "SELECT COUNT(*) || ' migrations, ' || COUNT(*) FILTER (WHERE NOT success) || ' failed, '
    || COUNT(*) - COUNT(DISTINCT version) || ' repeated' FROM flyway_schema_history WHERE version IS NOT NULL")
echo "flyway_schema_history: $migrations"
check "0 migrations ran once" "$(is "$(echo "$migrations" | grep -c ', 0 failed, 0 repeated')" = 1)" "$migrations"

/usr/sbin/haproxy -db -f "$work/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!
for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$api_port") 2>/dev/null && break; sleep 0.1; done
wait_up node1
wait_up node2
echo "HAProxy up on $lb (stats on http://127.0.0.1:$stats_port/), both nodes UP"

# ---------------------------------------------------------------- 1. load

if [[ $phases == *" 1 "* ]]; then
  echo; echo "== 1a. Load through one node: $clients clients for $one_s s (node2 in maintenance) =="
  hap "set server app/node2 state maint" >/dev/null
  hap "clear counters all" >/dev/null
  load one-node "$one_s"
  haproxy_table
  stored one-node "1a one node:"
  errors_check one-node "1a one node:"
  hap "set server app/node2 state ready" >/dev/null
  wait_up node2

  echo; echo "== 1b. Load through two nodes: $clients clients for $load_s s =="
  hap "clear counters all" >/dev/null
  load two-nodes "$load_s"
  haproxy_table
  stored two-nodes "1b two nodes:"
  errors_check two-nodes "1b two nodes:"
  echo
  printf '%-10s %10s %10s %10s %10s\n' run req/s p50_ms p99_ms errors
  for p in one-node two-nodes; do
    printf '%-10s %10s %10s %10s %10s\n' "$p" "$(grep "^NODE phase=$p node=total" "$work/$p.out" | grep -o 'req_s=[^ ]*' | cut -d= -f2)" \
      "$(grep "^NODE phase=$p node=total" "$work/$p.out" | grep -o 'p50_ms=[^ ]*' | cut -d= -f2)" \
      "$(grep "^NODE phase=$p node=total" "$work/$p.out" | grep -o 'p99_ms=[^ ]*' | cut -d= -f2)" \
      "$(field "$p" ERRORS total)"
  done
fi

# ---------------------------------------------------------------- 2. failure

if [[ $phases == *" 2 "* ]]; then
  echo; echo "== 2. Failure: kill -9 node1 after $((fail_s / 2)) s of $fail_s s of load =="
  : >"$work/failure.events"
  hap "clear counters all" >/dev/null
  load failure "$fail_s" --events "$work/failure.events" &
  loader=$!
  sleep $((fail_s / 2))
  echo "$(now_ms) kill node1" >>"$work/failure.events"
  killed_at=$(date +%s)
  kill -9 "${pids[0]}"
  wait "${pids[0]}" 2>/dev/null || true
  echo "$(now_ms) gone node1" >>"$work/failure.events"
  echo "  node1 killed (kill -9) at $(date -d "@$killed_at" +%T)"
  for _ in $(seq 1 100); do [[ $(hastat app node1 status) == DOWN* ]] && break; sleep 0.1; done
  echo "  HAProxy sees node1 $(hastat app node1 status) $(( $(date +%s) - killed_at )) s after the kill"
  wait "$loader"
  haproxy_table
  stored failure "2 failure:"
  errors_check failure "2 failure:"
  signed_out=$(field failure ERRORS sent_to_sign_in)
  check "2 failure: signed-in people stayed signed in" "$(is "$signed_out" = 0)" \
    "$signed_out sent to the sign-in page, $(field failure JOURNEYS sign_ins) sign-ins in all"
  # The scheduler's recurring task runs every 5 s on whichever node picks it; after the kill it must go on. If the
  # dead node held it, another takes it after 4 missed heartbeats (2 minutes).
  ran_after=
  for _ in $(seq 1 90); do
    last=$(sql -c "SELECT COALESCE(EXTRACT(EPOCH FROM last_success)::bigint, 0) FROM scheduled_tasks WHERE task_name = 'notify-send'")
    if [ -n "$last" ] && [ "$last" -gt "$killed_at" ]; then ran_after=$((last - killed_at)); break; fi
    sleep 2
  done
  echo "  notify-send: $(sql -F ' ' -c "SELECT 'last success', TO_CHAR(last_success, 'HH24:MI:SS'), 'heartbeat',
      COALESCE(TO_CHAR(last_heartbeat, 'HH24:MI:SS'), '-'), 'picked', picked, COALESCE(picked_by, '-')
      FROM scheduled_tasks WHERE task_name = 'notify-send'")"
  check "2 failure: scheduled task notify-send ran after the kill" "$(is -n "$ran_after")" \
    "${ran_after:-no} run succeeded ${ran_after:+$ran_after s after the kill}"
  echo "  starting node1 again"
  start_node 0; wait_ready 0; wait_up node1
fi

# ---------------------------------------------------------------- 3. rolling restart

if [[ $phases == *" 3 "* ]]; then
  echo; echo "== 3. Rolling restart under load ($rolling): SIGTERM node1, start it, wait for it; then node2 =="
  : >"$work/rolling.events"
  rm -f "$work/rolling.done"
  hap "clear counters all" >/dev/null
  load rolling 1800 --events "$work/rolling.events" --until "$work/rolling.done" &
  loader=$!
  settle=$(( load_s < 60 ? 5 : 15 ))
  sleep "$settle"
  for i in 0 1; do
    name=node$((i + 1))
    if [ "$rolling" = drain ]; then
      hap "set server app/$name state drain" >/dev/null
      for _ in $(seq 1 300); do [ "$(hastat app "$name" scur)" = 0 ] && break; sleep 0.1; done
      echo "  $name drained in HAProxy: $(hastat app "$name" scur) requests left on it"
    fi
    echo "$(now_ms) stop $name" >>"$work/rolling.events"
    t=$(now_ms)
    kill -TERM "${pids[$i]}"
    code=0; wait "${pids[$i]}" || code=$?
    echo "$(now_ms) gone $name" >>"$work/rolling.events"
    echo "  $name stopped (SIGTERM) in $(( ($(now_ms) - t) )) ms, exit code $code; HAProxy sees it $(hastat app "$name" status)"
    start_node "$i"; wait_ready "$i"
    if [ "$rolling" = drain ]; then hap "set server app/$name state ready" >/dev/null; fi
    wait_up "$name"
    echo "$(now_ms) up $name" >>"$work/rolling.events"
    sleep "$settle"
  done
  touch "$work/rolling.done"
  wait "$loader"
  haproxy_table
  stored rolling "3 rolling restart:"
  errors_check rolling "3 rolling restart:"
fi

# ---------------------------------------------------------------- 4. soak

if [[ $phases == *" 4 "* ]]; then
  window=$(( soak_s >= 600 ? 60 : (soak_s / 3 > 5 ? soak_s / 3 : 5) ))
  warm=$(( soak_s >= 600 ? 60 : soak_s / 6 ))
  tail_s=$(( soak_s >= 600 ? 30 : soak_s / 6 ))
  nodes="node1=http://127.0.0.1:${ports[0]},node2=http://127.0.0.1:${ports[1]}"
  if [ "$soak_warm_s" -gt 0 ]; then
    # Phase 3 left both nodes just restarted: the same load warms them (JIT, caches, pools) before the soak counts.
    echo; echo "== 4. Soak warm-up: the soak's load for $soak_warm_s s, counted apart =="
    load soak-warm-up "$soak_warm_s" --page-think "$soak_page_think" --window "$soak_warm_s" --nodes "$nodes"
    stored soak-warm-up "4 soak warm-up:"
    total=$(field soak-warm-up ERRORS total)
    check "4 soak warm-up: no errors" "$(is "$total" = 0)" "$total errors"
  fi
  echo; echo "== 4. Soak: $clients clients for $soak_s s, each pausing $soak_page_think ms before every request; p99 by window of $window s; heap after GC at $warm s and $((soak_s - tail_s)) s =="
  hap "clear counters all" >/dev/null
  load soak "$soak_s" --window "$window" --page-think "$soak_page_think" --nodes "$nodes" &
  loader=$!
  sleep "$warm"
  heap_start=$(heap)
  echo "  live heap after a full GC at $warm s: $heap_start"
  sleep $((soak_s - warm - tail_s))
  heap_end=$(heap)
  echo "  live heap after a full GC at $((soak_s - tail_s)) s: $heap_end"
  wait "$loader"
  haproxy_table
  stored soak "4 soak:"
  total=$(field soak ERRORS total)
  check "4 soak: no errors" "$(is "$total" = 0)" "$total errors"
  for n in node1 node2; do
    s=$(echo "$heap_start" | grep -o "$n [0-9]*" | cut -d' ' -f2)
    e=$(echo "$heap_end" | grep -o "$n [0-9]*" | cut -d' ' -f2)
    s=${s:-0}; e=${e:-0}
    check "4 soak: $n live heap after GC flat (end <= start +10%)" "$(is "$s" -gt 0 -a "$e" -gt 0 -a "$e" -le $((s + s / 10)))" \
      "start $((s / 1048576)) MB, end $((e / 1048576)) MB"
    pool=$(grep "^POOL phase=soak node=$n " "$work/soak.out" || true)
    pool_figure() { echo "$pool" | grep -o " $1=[0-9]*" | cut -d= -f2; }
    samples=$(pool_figure samples); pending=$(pool_figure max_pending); timeouts=$(pool_figure timeouts)
    waits=$(echo "$pool" | grep -o ' waits_at_s=[^ ]*' | cut -d= -f2)
    check "4 soak: $n pool never exhausted (none waiting, no timeout)" \
      "$(is "${samples:-0}" -gt 0 -a "${pending:-x}" = 0 -a "${timeouts:-x}" = 0)" \
      "most in use $(pool_figure max_active) of $(pool_figure pool_size), most waiting ${pending:-?}, timeouts ${timeouts:-?} ($samples samples, one every 2 s; second:waiting ${waits:--})"
  done
  ratio=$(field soak P99 ratio)
  if [ -z "$ratio" ]; then
    check "4 soak: p99 steady (last sixth <= 1.5x first)" 0 "one window only: nothing to compare"
  else
    check "4 soak: p99 steady (last sixth <= 1.5x first)" "$(is "$(echo "$ratio <= 1.5" | bc)" = 1)" \
      "first $(field soak P99 first_ms) ms, last $(field soak P99 last_ms) ms (p99 of $(field soak P99 compared) windows each), ratio $ratio"
  fi
fi

# ---------------------------------------------------------------- summary

echo; echo "== Figures (client's own timings, through HAProxy) =="
printf '%-10s %-6s %9s %8s %7s %8s %8s %8s\n' phase node requests req/s errors p50_ms p95_ms p99_ms
for f in "$work"/*.out; do
  grep '^NODE ' "$f" | grep -v 'node=- ' | sed 's/[a-z0-9_]*=//g' \
    | awk '{ printf "%-10s %-6s %9s %8s %7s %8s %8s %8s\n", $2, $3, $4, $5, $6, $7, $8, $9 }'
done
echo; echo "== Checks =="
cat "$work/checks"
echo "bench cluster: $(grep -c '^PASS' "$work/checks") checks passed, $failed_checks failed"
[ "$failed_checks" = 0 ]
