#!/usr/bin/env bash
# Heap per Vaadin UI session of the packaged app (docs/performance.md): starts target/delphi-panel.jar on a
# new H2 file database with the demo, opens N sessions with headless Chromium (each signs in as a demo
# expert and opens the rating overview), and compares the live heap (jcmd GC.class_histogram) before and
# after. Usage: scripts/ui-memory.sh [sessions, default 20]. Needs the jar (./mvnw package), /usr/bin/chromium
# and /usr/bin/chromedriver. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
exec ./mvnw -B -q ${MVN_OFFLINE--o} -Pbench test-compile exec:exec \
    -Dbench.main=org.delphipanel.bench.load.UiSessionMemory \
    -Dbench.jvm.args="--sun-misc-unsafe-memory-access=allow" \
    -Dbench.args="${1:-20} target/delphi-panel.jar"
