#!/usr/bin/env bash
# Cold start of the packaged app (docs/performance.md): the time from `java -jar target/delphi-panel.jar`
# to /actuator/health answering UP, on a fresh database each run, in three cases:
#   h2       a new H2 file database, demo off   (DELPHI_DEMO=false)
#   h2-demo  a new H2 file database, demo seeded at start-up (DELPHI_DEMO=true)
#   postgres a new PostgreSQL schema (dropped first), demo off
# Usage: scripts/cold-start.sh [runs per case, default 5] [cases, default "h2 h2-demo postgres"]
# Needs target/delphi-panel.jar (./mvnw package), curl, and for postgres psql and a server on
# 127.0.0.1:5432 (PG_DB, PG_USER, PG_SCHEMA choose the database, user and schema). Prints each run and
# the median per case. Loopback only; every app it starts is stopped before the next run.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=target/delphi-panel.jar
RUNS="${1:-5}"
CASES="${2:-h2 h2-demo postgres}"
PORT="${PORT:-18190}"
PG_DB="${PG_DB:-test}"; PG_USER="${PG_USER:-postgres}"; PG_SCHEMA="${PG_SCHEMA:-delphi_load_coldstart}"
WORK="$PWD/target/cold-start"
mkdir -p "$WORK"
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw package first" >&2; exit 1; }

one_run() { # case run -> prints milliseconds to UP
    local kind="$1" run="$2" dir="$WORK/$1-$2-$$"
    local args=(--server.port="$PORT")
    rm -rf "$dir"; mkdir -p "$dir"
    case "$kind" in
        h2) export DELPHI_DEMO=false ;;
        h2-demo) export DELPHI_DEMO=true ;;
        postgres)
            export DELPHI_DEMO=false
            PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -c "drop schema if exists $PG_SCHEMA cascade" >/dev/null
            args+=(--spring.profiles.active=postgres
                   "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$PG_DB?currentSchema=$PG_SCHEMA"
                   --spring.datasource.username="$PG_USER" --spring.datasource.password=
                   --spring.flyway.schemas="$PG_SCHEMA") ;;
        *) echo "unknown case $kind" >&2; exit 2 ;;
    esac
    local start end pid
    start=$(date +%s%N)
    DELPHI_DATA_DIR="$dir" "$JAVA" -jar "$JAR" "${args[@]}" > "$dir/app.log" 2>&1 &
    pid=$!
    until curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; do
        if ! kill -0 "$pid" 2>/dev/null; then echo "the app exited; see $dir/app.log" >&2; exit 1; fi
        if (( ($(date +%s%N) - start) / 1000000 > 180000 )); then kill "$pid"; echo "no UP within 180 s" >&2; exit 1; fi
        sleep 0.05
    done
    end=$(date +%s%N)
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( (end - start) / 1000000 ))
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "# cold start, $RUNS runs per case, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)Z"
for kind in $CASES; do
    times=()
    for run in $(seq 1 "$RUNS"); do
        ms=$(one_run "$kind" "$run")
        echo "$kind run $run: $ms ms"
        times+=("$ms")
    done
    echo "$kind median: $(printf '%s\n' "${times[@]}" | median) ms (min $(printf '%s\n' "${times[@]}" | sort -n | head -1), max $(printf '%s\n' "${times[@]}" | sort -n | tail -1))"
done
echo "# load average $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)Z"
