#!/usr/bin/env bash
# Intake load benchmark (README, "Performance"). For each jar given: a fresh database on the
# PostgreSQL server at $PGHOST, the jar started on it (profile "bench", which adds the floor
# endpoint when the jar has it), an agency, an officer and the officer's token created over the
# API, then closed-loop load at each of $CONNECTIONS connections on
#   GET  /actuator/health           (the bare stack)
#   POST /bench/intake-floor        (the same body read as JSON, one plain INSERT; new jars only)
#   POST /api/v1/requests           (a submission with the officer's token)
# printing req/s, p50 and p99 and the ratios to health and to the floor. During the load at the
# most connections, pg_stat_activity is sampled every 100 ms: the share of active backends waiting
# on a lock, and the top wait events. Also: database transactions committed per submission.
#
#   bench/intake-load.sh [--old OLD.jar] [NEW.jar]      (default NEW: target/custodian-*-SNAPSHOT.jar)
#
# Settings (environment): PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD,
# CONNECTIONS ("4 16"), WARMUP (10 s), DURATION (20 s), ROUNDS (1; old and new alternate),
# PORT (18080), KEEP_DB (unset: drop the databases at the end).
set -euo pipefail
cd "$(dirname "$0")/.."

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
CONNECTIONS=${CONNECTIONS:-"4 16"}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-20}
ROUNDS=${ROUNDS:-1}
PORT=${PORT:-18080}
MAX_CONNECTIONS=$(echo $CONNECTIONS | tr ' ' '\n' | sort -n | tail -1)

OLD=""
if [[ "${1:-}" == "--old" ]]; then OLD=$2; shift 2; fi
NEW=${1:-$(ls target/custodian-*-SNAPSHOT.jar | grep -v verifier | head -1)}

WORK=$(mktemp -d)
SERVER=""
DATABASES=()
cleanup() {
  [[ -n "$SERVER" ]] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  if [[ -z "${KEEP_DB:-}" ]]; then
    for db in "${DATABASES[@]}"; do dropdb --if-exists "$db" || true; done
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

cat > "$WORK/request.json" <<'JSON'
{"type":"LEGAL_PROCESS","instrument":"COURT_ORDER","legalBasis":"18 U.S.C. § 2703(d)",
 "targets":[{"kind":"USERNAME","value":"suspect01"}],"categories":["BASIC_SUBSCRIBER","NON_CONTENT"],
 "from":"2020-01-01","to":"2020-06-30","offence":"Wire fraud"}
JSON

load() { # URL METHOD CONNECTIONS [TOKEN] [BODY]
  node bench/load.mjs "$1" "$2" "$3" "$WARMUP" "$DURATION" "${4:-}" "${5:-}"
}
field() { echo "$1" | jq -r ".$2"; }

# Samples pg_stat_activity of database $1 every 100 ms for $2 seconds, from one session.
sample_waits() {
  psql -X -q -d postgres -v ON_ERROR_STOP=1 -At -F ' ' <<SQL
CREATE TEMP TABLE sample (wait_event_type text, wait_event text, query text);
DO \$\$
DECLARE finish timestamptz := clock_timestamp() + interval '$2 seconds';
BEGIN
  WHILE clock_timestamp() < finish LOOP
    PERFORM pg_stat_clear_snapshot();
    INSERT INTO sample SELECT wait_event_type, wait_event, left(regexp_replace(query, '\s+', ' ', 'g'), 70) FROM pg_stat_activity
      WHERE datname = '$1' AND state = 'active' AND pid <> pg_backend_pid();
    PERFORM pg_sleep(0.1);
  END LOOP;
END
\$\$;
SELECT 'samples', count(*), 'lock', count(*) FILTER (WHERE wait_event_type = 'Lock'),
       'share', round(100.0 * count(*) FILTER (WHERE wait_event_type = 'Lock') / greatest(count(*), 1), 1) FROM sample;
SELECT 'top', coalesce(wait_event_type, 'CPU'), coalesce(wait_event, '-'), count(*) FROM sample
  GROUP BY 2, 3 ORDER BY 4 DESC LIMIT 4;
SELECT 'waiting', count(*), query FROM sample WHERE wait_event_type = 'Lock' GROUP BY 3 ORDER BY 2 DESC LIMIT 2;
SQL
}

commits() { psql -X -At -d postgres -c "SELECT pg_stat_clear_snapshot(); SELECT xact_commit FROM pg_stat_database WHERE datname = '$1'" | tail -1; }

run_jar() { # LABEL JAR
  local label=$1 jar=$2 db="custodian_bench_${1}_$$_$RANDOM"
  DATABASES+=("$db")
  createdb "$db"
  local admin_token; admin_token=$(openssl rand -hex 24)
  SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" SPRING_DATASOURCE_USERNAME="$PGUSER" \
  SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}" SPRING_PROFILES_ACTIVE=bench SERVER_PORT=$PORT \
  CUSTODIAN_MASTER_KEY=$(openssl rand -base64 32) CUSTODIAN_BOOTSTRAP_ADMIN_EMAIL=admin@bench.example \
  CUSTODIAN_BOOTSTRAP_ADMIN_PASSWORD='bench passphrase long enough' CUSTODIAN_BOOTSTRAP_ADMIN_TOKEN=$admin_token \
  CUSTODIAN_PRODUCTION_STORAGE="$WORK/productions" \
    java -jar "$jar" > "$WORK/$label.log" 2>&1 &
  SERVER=$!
  local base="http://127.0.0.1:$PORT"
  for _ in $(seq 1 300); do
    curl -sf "$base/actuator/health" > /dev/null 2>&1 && break
    kill -0 "$SERVER" 2>/dev/null || { echo "$label did not start:"; tail -30 "$WORK/$label.log"; exit 1; }
    sleep 1
  done
  local H="Authorization: Bearer $admin_token" J="Content-Type: application/json" agency officer token
  agency=$(curl -sf -H "$H" -H "$J" "$base/api/v1/agencies" -d '{"name":"Bench Police","jurisdiction":"US",
    "kind":"POLICE","emailDomains":["bench.gov"],"callbackPhone":"+1 202 555 0100"}' | jq -r .id)
  curl -sf -H "$H" -X POST "$base/api/v1/agencies/$agency/verification" > /dev/null
  officer=$(curl -sf -H "$H" -H "$J" "$base/api/v1/agencies/$agency/officers" \
    -d '{"email":"bench@cyber.bench.gov","name":"B. Ench","title":"Detective"}' | jq -r .id)
  token=$(curl -sf -H "$H" -X POST "$base/api/v1/officers/$officer/tokens" | jq -r .token)
  local floor_status
  floor_status=$(curl -s -o /dev/null -w '%{http_code}' -H "$J" "$base/bench/intake-floor" -d @"$WORK/request.json")

  echo "== $label: $jar (database $db; load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
  printf '%-5s %4s %10s %8s %8s %9s %9s %s\n' what conn 'req/s' p50_ms p99_ms '÷health' '÷floor' notes
  for c in $CONNECTIONS; do
    local health floor="" intake waits="" before after
    health=$(load "$base/actuator/health" GET "$c")
    if [[ "$floor_status" == 201 ]]; then floor=$(load "$base/bench/intake-floor" POST "$c" "" "$WORK/request.json"); fi
    before=$(commits "$db")
    if [[ "$c" == "$MAX_CONNECTIONS" ]]; then
      sample_waits "$db" $((WARMUP + DURATION)) > "$WORK/waits" &
      local sampler=$!
    fi
    intake=$(load "$base/api/v1/requests" POST "$c" "$token" "$WORK/request.json")
    after=$(commits "$db")
    [[ "$c" == "$MAX_CONNECTIONS" ]] && wait "$sampler" && waits=$(cat "$WORK/waits")
    local hr fr ir
    hr=$(field "$health" rps); ir=$(field "$intake" rps); fr=$( [[ -n "$floor" ]] && field "$floor" rps || echo "")
    printf '%-5s %4s %10s %8s %8s %9s %9s %s\n' health "$c" "$hr" "$(field "$health" p50)" "$(field "$health" p99)" 1 - ""
    [[ -n "$floor" ]] && printf '%-5s %4s %10s %8s %8s %9s %9s %s\n' floor "$c" "$fr" "$(field "$floor" p50)" \
      "$(field "$floor" p99)" "$(echo "scale=3; $fr / $hr" | bc)" 1 "failures $(field "$floor" failures)"
    local sent; sent=$(field "$intake" sent)
    printf '%-5s %4s %10s %8s %8s %9s %9s %s\n' intake "$c" "$ir" "$(field "$intake" p50)" "$(field "$intake" p99)" \
      "$(echo "scale=3; $ir / $hr" | bc)" "$( [[ -n "$fr" ]] && echo "scale=3; $ir / $fr" | bc || echo n/a)" \
      "failures $(field "$intake" failures); $(echo "scale=2; ($after - $before) / $sent" | bc) commits/submission"
    [[ -n "$waits" ]] && echo "$waits" | sed 's/^/       pg_stat_activity: /'
  done
  echo "   load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
}

for round in $(seq 1 "$ROUNDS"); do
  [[ -n "$OLD" ]] && run_jar old "$OLD"
  run_jar new "$NEW"
done
