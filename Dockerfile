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
RUN useradd --system --uid 10001 ledger \
    && mkdir -p /var/lib/ledger && chown ledger /var/lib/ledger
WORKDIR /app
COPY --from=build /src/api/target/api-*.jar /app/agreement-ledger.jar
USER ledger
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/agreement-ledger.jar"]
