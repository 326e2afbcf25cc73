package org.infointerview.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart in {@code deploy/helm/infointerview}, rendered and linted by helm itself (through
 * helm-java's native library), its manifests parsed with the Kubernetes model in strict mode (a
 * field the model does not know fails, so a misspelt {@code readinesProbe} cannot pass), and
 * checked: probes, resources and a locked-down security context on every container, one Deployment,
 * Service and disruption budget per service, only the gateway behind the Ingress, credentials only
 * from the named Secret, only settings the services read.
 */
class HelmChartTest {

  private static final Path CHART = Path.of("..", "deploy", "helm", "infointerview");
  private static final List<String> OUR_SERVICES = DeployFiles.OUR_SERVICES;

  private final KubernetesSerialization kubernetes = new KubernetesSerialization();

  @Test
  void helmLintsTheChartStrictly() {
    LintResult lint = new Helm(CHART).lint().strict().call();

    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void everyContainerHasProbesResourcesAndALockedDownSecurityContext() {
    List<HasMetadata> manifests = render(t -> t);
    List<Deployment> deployments = only(manifests, Deployment.class);

    assertThat(deployments)
        .extracting(d -> d.getMetadata().getLabels().get("app.kubernetes.io/name"))
        .containsExactlyInAnyOrderElementsOf(OUR_SERVICES);
    for (Deployment deployment : deployments) {
      String name = deployment.getMetadata().getName();
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .as(name)
          .isEqualTo("RuntimeDefault");
      assertThat(pod.getAutomountServiceAccountToken()).as(name).isFalse();
      assertThat(pod.getTerminationGracePeriodSeconds())
          .as("%s: longer than Spring's 30 s shutdown phase", name)
          .isGreaterThan(30);
      assertThat(pod.getContainers()).as(name).isNotEmpty();
      for (Container container : pod.getContainers()) {
        String what = name + "/" + container.getName();
        assertThat(container.getLivenessProbe().getHttpGet().getPath())
            .as(what)
            .isEqualTo("/livez");
        assertThat(container.getReadinessProbe().getHttpGet().getPath())
            .as(what)
            .isEqualTo("/readyz");
        assertThat(container.getStartupProbe()).as(what).isNotNull();
        assertThat(container.getResources().getRequests()).as(what).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).as(what).containsKey("memory");
        var security = container.getSecurityContext();
        assertThat(security.getReadOnlyRootFilesystem()).as(what).isTrue();
        assertThat(security.getAllowPrivilegeEscalation()).as(what).isFalse();
        assertThat(security.getCapabilities().getDrop()).as(what).containsExactly("ALL");
        assertThat(container.getVolumeMounts())
            .as("%s: a writable /tmp beside the read-only root", what)
            .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        assertThat(container.getImage()).as(what).endsWith("/" + container.getName() + ":0.1.0");
      }
    }
    assertThat(
            deployment(manifests, "contacts-service")
                .getSpec()
                .getTemplate()
                .getSpec()
                .getVolumes())
        .as("room for the search index, rebuilt at each start")
        .anySatisfy(v -> assertThat(v.getEmptyDir().getSizeLimit().toString()).isEqualTo("2Gi"));
    assertThat(only(manifests, Service.class)).hasSize(OUR_SERVICES.size());
    assertThat(only(manifests, PodDisruptionBudget.class))
        .hasSize(OUR_SERVICES.size())
        .allSatisfy(pdb -> assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1));
  }

  @Test
  void onlyTheGatewayIsBehindTheIngressAtThePublicUrlsHost() {
    List<HasMetadata> manifests =
        render(
            t ->
                t.set("publicUrl", "https://careers.uni.example")
                    .set("ingress.tlsSecretName", "tls"));

    Ingress ingress = only(manifests, Ingress.class).get(0);
    assertThat(ingress.getSpec().getRules()).hasSize(1);
    assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("careers.uni.example");
    assertThat(ingress.getSpec().getRules().get(0).getHttp().getPaths())
        .extracting(p -> p.getBackend().getService().getName())
        .containsExactly("infointerview-gateway");
    assertThat(ingress.getSpec().getTls().get(0).getHosts()).containsExactly("careers.uni.example");
    Deployment gateway = deployment(manifests, "gateway");
    assertThat(env(gateway).get("GATEWAY_PUBLIC_URL").getValue())
        .isEqualTo("https://careers.uni.example");
    assertThat(env(gateway).get("SESSION_COOKIE_SECURE").getValue()).isEqualTo("true");
  }

  @Test
  void credentialsComeOnlyFromTheNamedSecretAndNothingElseIsSetThatTheServicesDoNotRead()
      throws IOException {
    List<HasMetadata> manifests = render(t -> t.set("existingSecret", "campus-vault"));

    assertThat(manifests).noneMatch(m -> m.getKind().equals("Secret"));
    for (String name : OUR_SERVICES) {
      Set<String> read = DeployFiles.variablesReadBy(name);
      Map<String, EnvVar> env = env(deployment(manifests, name));
      assertThat(read).as(name + " reads what the chart sets").containsAll(env.keySet());
      env.forEach(
          (variable, value) -> {
            if (variable.contains("SECRET")
                || variable.contains("PASSWORD")
                || variable.endsWith("_KEY")
                || variable.equals("MONGODB_URI")
                || variable.equals("GATEWAY_REDIS_URI")) {
              assertThat(value.getValue()).as(name + " " + variable).isNull();
              assertThat(value.getValueFrom().getSecretKeyRef().getName())
                  .as(name + " " + variable)
                  .isEqualTo("campus-vault");
            }
          });
    }
    assertThat(env(deployment(manifests, "contacts-service")).get("MONGODB_URI"))
        .satisfies(
            e ->
                assertThat(e.getValueFrom().getSecretKeyRef().getKey())
                    .isEqualTo("contacts-mongodb-uri"));
    assertThat(env(deployment(manifests, "web-ui")))
        .doesNotContainKeys("MONGODB_URI", "OIDC_ISSUER_URI");
  }

  /** Sessions and rate limits live in each gateway's memory unless Redis shares them. */
  @Test
  void moreThanOneGatewayNeedsSharedSessions() {
    assertThatThrownBy(() -> render(t -> t.set("services.gateway.replicas", 2)))
        .hasMessageContaining("gateway.sharedSessions");
    assertThatThrownBy(() -> render(t -> t.set("services.gateway.autoscaling.enabled", true)))
        .hasMessageContaining("gateway.sharedSessions");

    List<HasMetadata> shared =
        render(t -> t.set("services.gateway.replicas", 3).set("gateway.sharedSessions", true));
    Deployment gateway = deployment(shared, "gateway");
    assertThat(gateway.getSpec().getReplicas()).isEqualTo(3);
    assertThat(env(gateway).get("GATEWAY_REDIS_URI").getValueFrom().getSecretKeyRef().getKey())
        .isEqualTo("gateway-redis-uri");
  }

  @Test
  void autoscalersAndServiceMonitorsWhenAskedFor() {
    List<HasMetadata> manifests =
        render(
            t ->
                t.set("services.interviews-service.autoscaling.enabled", true)
                    .set("metrics.serviceMonitor.enabled", true)
                    .set("tracing.otlpEndpoint", "http://collector:4318/v1/traces"));

    HorizontalPodAutoscaler autoscaler = only(manifests, HorizontalPodAutoscaler.class).get(0);
    assertThat(autoscaler.getSpec().getScaleTargetRef().getName())
        .isEqualTo("infointerview-interviews-service");
    assertThat(deployment(manifests, "interviews-service").getSpec().getReplicas())
        .as("the autoscaler owns the replica count")
        .isNull();
    List<GenericKubernetesResource> monitors = only(manifests, GenericKubernetesResource.class);
    assertThat(monitors).hasSize(OUR_SERVICES.size());
    assertThat(monitors)
        .allSatisfy(
            monitor -> {
              assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
              assertThat(monitor.get("spec", "endpoints", 0, "port").toString())
                  .isEqualTo("management");
              assertThat(monitor.get("spec", "endpoints", 0, "path").toString())
                  .isEqualTo("/actuator/prometheus");
            });
    assertThat(only(manifests, Service.class))
        .filteredOn(s -> s.getMetadata().getName().endsWith("-metrics"))
        .hasSize(OUR_SERVICES.size())
        .allSatisfy(
            s -> assertThat(s.getSpec().getPorts().get(0).getName()).isEqualTo("management"));
    assertThat(
            env(deployment(manifests, "notifications-service"))
                .get("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")
                .getValue())
        .isEqualTo("http://collector:4318/v1/traces");
  }

  private List<HasMetadata> render(UnaryOperator<TemplateCommand> values) {
    String yaml = values.apply(new Helm(CHART).template().withName("infointerview")).call();
    List<HasMetadata> manifests = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\s*$")) {
      if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
        continue;
      }
      Object parsed = kubernetes.unmarshal(document);
      assertThat(parsed).as(document).isInstanceOf(HasMetadata.class);
      HasMetadata manifest = (HasMetadata) parsed;
      if (!(manifest instanceof GenericKubernetesResource)) {
        assertStrict(manifest, manifest.getKind() + " " + manifest.getMetadata().getName());
      }
      manifests.add(manifest);
    }
    return manifests;
  }

  /**
   * Strict mode: the model keeps fields it does not know in {@code additionalProperties}; anywhere
   * in a manifest, that means a misspelt or misplaced field.
   */
  private static void assertStrict(Object model, String where) {
    assertStrict(model, where, new IdentityHashMap<>());
  }

  private static void assertStrict(Object model, String where, Map<Object, Boolean> seen) {
    if (model == null || seen.put(model, true) != null) {
      return;
    }
    if (model instanceof Collection<?> items) {
      items.forEach(item -> assertStrict(item, where, seen));
      return;
    }
    if (model instanceof Map<?, ?> map) {
      map.values().forEach(value -> assertStrict(value, where, seen));
      return;
    }
    if (!(model instanceof KubernetesResource)) {
      return;
    }
    for (Method getter : model.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object value;
      try {
        value = getter.invoke(model);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        assertThat((Map<?, ?>) value)
            .as(
                "%s: fields the Kubernetes model does not know in %s",
                where, model.getClass().getSimpleName())
            .isNullOrEmpty();
      } else {
        assertStrict(value, where, seen);
      }
    }
  }

  private static <T> List<T> only(List<HasMetadata> manifests, Class<T> kind) {
    return manifests.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  private static Deployment deployment(List<HasMetadata> manifests, String service) {
    return only(manifests, Deployment.class).stream()
        .filter(d -> d.getMetadata().getName().equals("infointerview-" + service))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, EnvVar> env(Deployment deployment) {
    Map<String, EnvVar> env = new java.util.LinkedHashMap<>();
    for (EnvVar variable :
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      assertThat(env.put(variable.getName(), variable))
          .as("%s sets %s once", deployment.getMetadata().getName(), variable.getName())
          .isNull();
    }
    return env;
  }
}
