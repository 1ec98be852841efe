# Build the service with Maven, run it on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY ledger/pom.xml ledger/
COPY projections/pom.xml projections/
COPY api/pom.xml api/
RUN mvn -B -q dependency:go-offline -DexcludeArtifactIds=ledger,projections || true
COPY . .
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 ledger \
    && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
WORKDIR /app
COPY --from=build /src/api/target/api-*.jar /app/agreement-ledger.jar
USER ledger
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/agreement-ledger.jar"]
