package org.infointerview.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.IdleConnectionEvictor;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.RoutingSupport;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jetty.JettyServerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.FilterSupplier;
import org.springframework.cloud.gateway.server.mvc.filter.SimpleFilterSupplier;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchangeHandlerFunction;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class GatewayConfiguration {

  @Bean
  FilterRegistrationBean<ClientHeaderStrippingFilter> clientHeaderStripping(
      GatewayProperties properties) {
    FilterRegistrationBean<ClientHeaderStrippingFilter> registration =
        new FilterRegistrationBean<>(new ClientHeaderStrippingFilter(properties.trustedProxies()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }

  /**
   * The routes' circuit breakers as Resilience4j's defaults set them, except that a failure the
   * client caused (a body over the limit, an address or body the container could not read) is no
   * failure of the service: it neither counts towards opening the breaker nor makes the service
   * look down; the fallback answers it in the client's own terms ({@link FallbackController}).
   */
  @Bean
  Customizer<Resilience4JCircuitBreakerFactory> clientFaultsAreNoServiceFailures() {
    return factory ->
        factory.configureDefault(
            id ->
                new Resilience4JConfigBuilder(id)
                    .circuitBreakerConfig(
                        CircuitBreakerConfig.custom()
                            .ignoreException(ClientFaults::isClientFault)
                            .build())
                    .timeLimiterConfig(TimeLimiterConfig.ofDefaults())
                    .build());
  }

  /** Jetty's own refusals (headers past the limit, a malformed request) as problems. */
  @Bean
  JettyServerCustomizer problemErrors() {
    return server -> server.setErrorHandler(new ProblemErrorHandler());
  }

  /** Right after the forged headers are gone: the public address, whatever Host said. */
  @Bean
  FilterRegistrationBean<PublicAddressFilter> publicAddress(GatewayProperties properties) {
    FilterRegistrationBean<PublicAddressFilter> registration =
        new FilterRegistrationBean<>(new PublicAddressFilter(properties.publicUrl()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ServiceInternalsFilter> serviceInternals() {
    FilterRegistrationBean<ServiceInternalsFilter> registration =
        new FilterRegistrationBean<>(new ServiceInternalsFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Makes the routes' {@code ServicePrefix} filter known to the route configuration. */
  @Bean
  static FilterSupplier servicePrefixFilter() {
    return new SimpleFilterSupplier(ServicePrefixFilters.class);
  }

  /**
   * The client the routes proxy through: Apache HttpClient's blocking, pooled connections, so a
   * request is sent and answered on its own servlet thread with no hand-over to another thread.
   * Waiting for an answer longer than the route timeout fails the call, and the route's circuit
   * breaker answers with its 503 problem. The proxy passes bodies, redirects and cookies through
   * untouched: HttpClient's minimal client, which has no decompression, redirects, cookie store,
   * authentication or retries of its own (the routes' Retry filter decides), sends the request as
   * it is given, and skips the chain of steps that the full client runs per call only to find them
   * switched off.
   */
  @Bean
  ClientHttpRequestFactory proxyClient(
      PoolingHttpClientConnectionManager serviceConnections, GatewayProperties properties) {
    var factory = new HttpComponentsClientHttpRequestFactory(new MinimalClient(serviceConnections));
    factory.setReadTimeout(properties.routeTimeout());
    // Every connection to a service busy: waiting for one counts against the same timeout.
    factory.setConnectionRequestTimeout(properties.routeTimeout());
    return factory;
  }

  /**
   * Keep-alive connections to the services, checked before reuse when idle for 2 s (a restarted
   * service closed them), and closed after 30 s idle by a background thread.
   */
  @Bean(destroyMethod = "close")
  PoolingHttpClientConnectionManager serviceConnections(GatewayProperties properties) {
    return PoolingHttpClientConnectionManagerBuilder.create()
        .setMaxConnPerRoute(properties.connectionsPerService())
        .setMaxConnTotal(properties.connectionsPerService() * 4)
        .setDefaultConnectionConfig(
            ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                .build())
        .build();
  }

  @Bean(initMethod = "start", destroyMethod = "shutdown")
  IdleConnectionEvictor idleServiceConnections(PoolingHttpClientConnectionManager connections) {
    return new IdleConnectionEvictor(connections, TimeValue.ofSeconds(30));
  }

  /**
   * Routes are looked up first, before the actuator's endpoints and the controllers (the fallback
   * and documentation pages), so a proxied request, nearly every request here, is matched by the
   * first handler mapping asked. No route serves an actuator, fallback or documentation path, so
   * the answer for those stays the same; a route added for {@code /**} (a web UI) must leave them
   * out.
   */
  @Bean
  static BeanPostProcessor routesFirst() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof RouterFunctionMapping routes) {
          routes.setOrder(Ordered.HIGHEST_PRECEDENCE);
        }
        return bean;
      }
    };
  }

  /**
   * The routes' proxy: the client above without an observation of its own per call. Each proxied
   * call is already observed as the incoming request ({@code http.server.requests}) and timed by
   * its route's circuit breaker ({@code resilience4j.circuitbreaker.calls}, per service); a third
   * timer per request cost about 3 % of the gateway's CPU.
   */
  @Bean
  RestClientProxyExchange proxyExchange(
      ClientHttpRequestFactory proxyClient, GatewayMvcProperties properties) {
    return new ServiceProxyExchange(
        RestClient.builder()
            .requestFactory(proxyClient)
            .observationRegistry(ObservationRegistry.NOOP)
            .build(),
        properties);
  }

  /**
   * The route handler, with the gateway's own header filters ({@link ProxiedHeaders}); a proxied
   * request carries the {@code traceparent} of the gateway's span for it, so a service's spans, log
   * lines and the events it stores join the trace.
   */
  @Bean
  ProxyExchangeHandlerFunction proxyExchangeHandlerFunction(
      ProxyExchange proxyExchange,
      ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> writer) {
    return new ProxyExchangeHandlerFunction(
        proxyExchange,
        ProxiedHeaders.requestFilters(
            traceparent(tracer.getIfAvailable(), writer.getIfAvailable())),
        ProxiedHeaders.responseFilters());
  }

  private static Supplier<@Nullable String> traceparent(
      @Nullable Tracer tracer, @Nullable Propagator writer) {
    if (tracer == null || writer == null) {
      return () -> null;
    }
    return () -> {
      Span span = tracer.currentSpan();
      if (span == null) {
        return null;
      }
      Map<String, String> headers = new HashMap<>(4);
      writer.inject(span.context(), headers, Map::put);
      return headers.get(ProxiedHeaders.TRACEPARENT);
    };
  }

  /**
   * HttpClient's minimal client, given the host from the request's own URI: Spring's request
   * factory leaves the host for the client to find, which the minimal client does not do.
   */
  private static final class MinimalClient extends CloseableHttpClient {

    private final CloseableHttpClient client;

    MinimalClient(PoolingHttpClientConnectionManager connections) {
      this.client = HttpClients.createMinimal(connections);
    }

    @Override
    protected CloseableHttpResponse doExecute(
        @Nullable HttpHost target, ClassicHttpRequest request, @Nullable HttpContext context)
        throws IOException {
      try {
        return client.execute(
            target != null ? target : RoutingSupport.determineHost(request), request, context);
      } catch (HttpException e) {
        throw new ClientProtocolException(e);
      }
    }

    @Override
    public void close(CloseMode mode) {
      client.close(mode);
    }

    @Override
    public void close() throws IOException {
      client.close();
    }
  }
}
