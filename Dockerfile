# Touchpoint: build the Spring Boot fat jar with Maven, run it on a slim Temurin 17 JRE.
#
#   docker build -t touchpoint .
#   docker-compose up --build        (with PostgreSQL and Mailpit, see docker-compose.yml)

# ---- build stage -------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace

# Fetch dependencies in their own layer, so that a source change does not download them again.
# (Best effort: a plugin that go-offline cannot resolve is fetched by the package step below.)
COPY pom.xml ./
RUN mvn -B -ntp -q dependency:go-offline || true

# Sources, BPMN/DMN (processes/) and Camunda Forms (forms/); .dockerignore keeps target/, data/,
# node_modules/ and .git/ out.
COPY . .
RUN mvn -B -ntp -DskipTests package \
 && cp target/touchpoint-*.jar /workspace/app.jar

# ---- runtime stage -----------------------------------------------------------
# The Ubuntu-based Temurin JRE image (noble); it ships curl (and wget), used by the HEALTHCHECK.
FROM eclipse-temurin:17-jre-noble

RUN groupadd --system touchpoint \
 && useradd --system --gid touchpoint --home-dir /app --shell /usr/sbin/nologin touchpoint \
 && mkdir -p /app/data \
 && chown -R touchpoint:touchpoint /app
WORKDIR /app

COPY --from=build --chown=touchpoint:touchpoint /workspace/app.jar /app/app.jar

USER touchpoint

# Container-aware heap sizing; add more flags with -e JAVA_TOOL_OPTIONS=...
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0"

EXPOSE 8080

# Camunda needs a while to start (schema creation, process deployment): give it a start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
