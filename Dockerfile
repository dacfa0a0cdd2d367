# One Dockerfile for the five services. docker compose builds it once per service with
# SERVICE=<name>; the build stage does not depend on SERVICE, so all five images share one Maven
# build of all modules (BuildKit runs an identical stage once and reuses it).

FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /workspace
COPY . .
# The image's Maven (3.9) builds; the wrapper pins the same line for local builds. The cache mount
# keeps downloaded dependencies between builds without putting them in an image.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -q -ntp -DskipTests package \
 && for service in order-service inventory-service payment-service kitchen-service delivery-service; do \
      java -Djarmode=tools -jar "$service/target/$service.jar" extract --layers --application-filename app.jar \
           --destination "/layers/$service"; \
    done

# Run on a JRE, as an unprivileged user. The layers go in from the least to the most often
# changed, so that a code change rebuilds only the last, small layer.
FROM eclipse-temurin:25-jre
ARG SERVICE
# A fixed id (10001, outside the system range), so that Kubernetes can check runAsNonRoot against it.
RUN groupadd --gid 10001 food && useradd --uid 10001 --gid food --no-create-home --shell /usr/sbin/nologin food
WORKDIR /app
COPY config/jvm.options /app/jvm.options
COPY --from=build /layers/${SERVICE}/dependencies/ ./
COPY --from=build /layers/${SERVICE}/snapshot-dependencies/ ./
COPY --from=build /layers/${SERVICE}/application/ ./
# The JVM's AOT cache (docs/performance-findings.md, "Start-up"): a training run builds the context and exits
# before anything connects (the profile aot-training needs no database), and the JVM writes what it
# loaded and linked to /app/app.aot; every start maps it instead of loading those classes again.
# It is only valid for this JVM, these options and this class path, as the ENTRYPOINT uses them.
RUN java @/app/jvm.options -XX:AOTCacheOutput=/app/app.aot -Dspring.context.exit=onRefresh \
      -jar /app/app.jar --spring.profiles.active=aot-training > /tmp/aot-training.log 2>&1 \
 || { tail -n 40 /tmp/aot-training.log; exit 1; }; \
    test -f /app/app.aot && rm /tmp/aot-training.log
USER food
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:AOTCache=/app/app.aot", "-jar", "/app/app.jar"]
