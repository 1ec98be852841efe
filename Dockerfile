# Build the service with the project's Maven Wrapper (the pinned Maven), run it on a JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY ledger/pom.xml ledger/
COPY projections/pom.xml projections/
COPY api/pom.xml api/
RUN ./mvnw -B -q dependency:go-offline -DexcludeArtifactIds=ledger,projections || true
COPY . .
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
# curl for the health check below, whether or not the base image still carries it
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 ledger \
    && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
WORKDIR /app
COPY --from=build /src/api/target/api-*.jar /app/agreement-ledger.jar
USER ledger
EXPOSE 8080
# healthy = ready for traffic: database reachable, processors running, read side not too far behind
HEALTHCHECK --interval=10s --timeout=3s --start-period=90s --retries=3 \
    CMD curl -fsS -o /dev/null "http://localhost:${PORT:-8080}/actuator/health/readiness" || exit 1
ENTRYPOINT ["java", "-jar", "/app/agreement-ledger.jar"]
