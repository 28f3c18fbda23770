# Multi-stage build of Delphi Panel.
#   docker build -t delphi-panel .
#   docker run -p 8080:8080 -v delphi-data:/data delphi-panel                      (embedded H2 on the volume)
#   docker run -p 8080:8080 -e SPRING_PROFILES_ACTIVE=postgres \
#       -e DELPHI_DB_URL=jdbc:postgresql://db:5432/delphi -e DELPHI_DB_USER=delphi \
#       -e DELPHI_DB_PASSWORD=... -e DELPHI_ADMIN_EMAIL=you@example.org delphi-panel   (PostgreSQL)

FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
# dependencies first, so they are cached between source changes
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=vaadin-dev || true
COPY db db
# docs/statistics.md goes into the jar: the study report's methods section is read from it
COPY docs docs
COPY src src
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:25-jre
RUN groupadd --system delphi && useradd --system --gid delphi --home-dir /app delphi \
    && mkdir -p /app /data && chown delphi:delphi /data \
    && apt-get update -qq && apt-get install -y -qq --no-install-recommends curl fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /build/target/delphi-panel.jar /app/delphi-panel.jar
USER delphi
ENV DELPHI_DATA_DIR=/data \
    DELPHI_DEMO=false \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
VOLUME ["/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/delphi-panel.jar"]
