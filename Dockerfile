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
      java -Djarmode=tools -jar "$service/target/$service.jar" extract --layers --launcher \
           --destination "/layers/$service"; \
    done

# Run on a JRE, as an unprivileged user. The layers go in from the least to the most often
# changed, so that a code change rebuilds only the last, small layer.
FROM eclipse-temurin:25-jre
ARG SERVICE
RUN groupadd --system food && useradd --system --gid food --no-create-home food
WORKDIR /app
COPY config/jvm.options /app/jvm.options
COPY --from=build /layers/${SERVICE}/dependencies/ ./
COPY --from=build /layers/${SERVICE}/spring-boot-loader/ ./
COPY --from=build /layers/${SERVICE}/snapshot-dependencies/ ./
COPY --from=build /layers/${SERVICE}/application/ ./
USER food
ENTRYPOINT ["java", "@/app/jvm.options", "-cp", "/app", "org.springframework.boot.loader.launch.JarLauncher"]
