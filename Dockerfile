# One image per deployable: docker build --build-arg SERVICE=contacts-service -t infointerview/contacts-service .
# Stage 1 builds the service from this repository with the Maven wrapper; stage 2 runs it as a
# non-root user on a JRE with container-aware memory settings.
FROM eclipse-temurin:17.0.17_10-jdk AS build
ARG SERVICE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY event-contracts event-contracts
COPY messaging messaging
COPY service-support service-support
COPY test-infrastructure test-infrastructure
COPY contacts-service contacts-service
COPY interviews-service interviews-service
COPY notifications-service notifications-service
COPY gateway gateway
COPY local-run/pom.xml local-run/pom.xml
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -pl "${SERVICE}" -am \
 && cp "${SERVICE}"/target/"${SERVICE}"-*.jar /app.jar \
 && java -Djarmode=tools -jar /app.jar extract --layers --launcher --destination /extracted

FROM eclipse-temurin:17.0.17_10-jre
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home /app app
WORKDIR /app
COPY --from=build --chown=app:app /extracted/dependencies/ ./
COPY --from=build --chown=app:app /extracted/spring-boot-loader/ ./
COPY --from=build --chown=app:app /extracted/snapshot-dependencies/ ./
COPY --from=build --chown=app:app /extracted/application/ ./
USER 10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
