#!/usr/bin/env bash
# The load benchmark (docs/performance.md): many experts rating at once through RatingService (as the
# rating view does) or the REST API, on a fresh H2 file database or PostgreSQL schema. Loopback only,
# bounded by --saves per expert and --time-limit-s. Options are RatingLoadBenchmark's (--help lists them), e.g.
#   scripts/load.sh --db=h2 --experts=200 --saves=12 --think-min-ms=5000 --think-max-ms=15000
#   scripts/load.sh --db=postgres --pg-schema=delphi_load_bench
# The benchmark JVM gets BENCH_JVM_ARGS (default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
exec ./mvnw -B -q ${MVN_OFFLINE--o} -Pbench test-compile exec:exec \
    -Dbench.main=org.delphipanel.bench.load.RatingLoadBenchmark \
    -Dbench.jvm.args="${BENCH_JVM_ARGS:--Xmx1g} --sun-misc-unsafe-memory-access=allow" \
    -Dbench.args="$*"
