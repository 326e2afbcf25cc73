# One builder stage for every deployable, one target per deployable:
#   docker build --target contacts-service -t infointerview/contacts-service .
# The builder copies the whole repository (every module the root POM lists must be there, or Maven
# refuses the reactor; .dockerignore leaves out build output and local data) and builds the four
# services and the web UI once, so parallel builds of several targets share this stage instead of each building
# the shared modules again into one Maven cache. Each target runs its service as a non-root user on
# a JRE with container-aware memory settings.
FROM eclipse-temurin:17.0.17_10-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true \
      -pl contacts-service,interviews-service,notifications-service,gateway,web-ui -am \
 && for service in contacts-service interviews-service notifications-service gateway web-ui; do \
      java -Djarmode=tools -jar "$service"/target/"$service"-*.jar \
        extract --layers --launcher --destination /extracted/"$service"; \
    done

FROM eclipse-temurin:17.0.17_10-jre AS runtime
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home /app app
WORKDIR /app
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

FROM runtime AS contacts-service
COPY --from=build --chown=app:app /extracted/contacts-service/dependencies/ ./
COPY --from=build --chown=app:app /extracted/contacts-service/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/contacts-service/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/contacts-service/application/ ./

FROM runtime AS interviews-service
COPY --from=build --chown=app:app /extracted/interviews-service/dependencies/ ./
COPY --from=build --chown=app:app /extracted/interviews-service/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/interviews-service/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/interviews-service/application/ ./

FROM runtime AS notifications-service
COPY --from=build --chown=app:app /extracted/notifications-service/dependencies/ ./
COPY --from=build --chown=app:app /extracted/notifications-service/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/notifications-service/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/notifications-service/application/ ./

FROM runtime AS gateway
COPY --from=build --chown=app:app /extracted/gateway/dependencies/ ./
COPY --from=build --chown=app:app /extracted/gateway/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/gateway/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/gateway/application/ ./

FROM runtime AS web-ui
COPY --from=build --chown=app:app /extracted/web-ui/dependencies/ ./
COPY --from=build --chown=app:app /extracted/web-ui/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/web-ui/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/web-ui/application/ ./
