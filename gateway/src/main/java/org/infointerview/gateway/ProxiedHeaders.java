package org.infointerview.gateway;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.RequestHttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Which headers pass the gateway, decided in one pass over the headers each way.
 *
 * <p>Left out of a request on its way to a service: the hop-by-hop headers (RFC 9110 section 7.6.1:
 * {@code Connection} and every header it names, {@code Keep-Alive}, {@code TE}, {@code Trailer},
 * {@code Transfer-Encoding}, {@code Upgrade}, {@code Proxy-Authorization}, {@code
 * Proxy-Authenticate}); {@code Content-Length} and {@code Host}, which the proxy client sets for
 * its own connection; {@code Forwarded} and {@code X-Forwarded-*}, claims about the client that the
 * services have no use for (they learn who calls from the token); and Spring's {@code
 * X-Application-Context}. Left out of an answer on its way to the client: the hop-by-hop headers,
 * {@code X-Application-Context} and HTTP/2's {@code :status}. Everything else passes with all its
 * values.
 *
 * <p>These are the rules of Spring Cloud Gateway's own header filters (plus the headers that {@code
 * Connection} names, which they let through). Those run one after another, each copying every
 * header into a new set after indexing the names case-insensitively, and the answer's headers were
 * copied once more into the gateway's answer: about 15 % of the gateway's CPU time for a proxied
 * GET. The route handler ({@code GatewayConfiguration#proxyExchangeHandlerFunction}) uses these two
 * filters only; Spring Cloud Gateway's header filter beans are left unused.
 */
final class ProxiedHeaders {

  /** RFC 9110 section 7.6.1, the headers that describe one connection, not the message. */
  private static final Set<String> HOP_BY_HOP =
      caseInsensitive(
          "Connection",
          "Keep-Alive",
          "TE",
          "Trailer",
          "Transfer-Encoding",
          "Upgrade",
          "Proxy-Authorization",
          "Proxy-Authenticate");

  private static final Set<String> NOT_FOR_SERVICES =
      caseInsensitive("Content-Length", "Host", "Forwarded", "X-Application-Context");

  private static final Set<String> NOT_FOR_CLIENTS =
      caseInsensitive("X-Application-Context", ":status");

  private static final String FORWARDED_PREFIX = "x-forwarded-";

  /** The W3C trace context header. */
  static final String TRACEPARENT = "traceparent";

  private ProxiedHeaders() {}

  private static Set<String> caseInsensitive(String... names) {
    Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    set.addAll(List.of(names));
    return Collections.unmodifiableSet(set);
  }

  /** A caller's trace context, which the gateway's own span replaces on the way to a service. */
  private static final Set<String> TRACE_CONTEXT = caseInsensitive(TRACEPARENT, "tracestate");

  /**
   * The filters of the route handler: one for requests, one for answers. A request goes on with the
   * trace context of the gateway's span for it (which continues the caller's, if it sent one).
   */
  static ObjectProvider<RequestHttpHeadersFilter> requestFilters(
      Supplier<@Nullable String> traces) {
    return only(new ToService(traces));
  }

  static ObjectProvider<ResponseHttpHeadersFilter> responseFilters() {
    return only(new ToClient());
  }

  private static <T> ObjectProvider<T> only(T filter) {
    return new ObjectProvider<>() {
      @Override
      public T getObject() {
        return filter;
      }

      @Override
      public Stream<T> stream() {
        return Stream.of(filter);
      }

      @Override
      public Stream<T> orderedStream() {
        return Stream.of(filter);
      }
    };
  }

  /** A request's headers as the service receives them. */
  static final class ToService implements RequestHttpHeadersFilter {

    private final Supplier<@Nullable String> traces;

    /** With the {@code traceparent} of the current span, if there is one. */
    ToService(Supplier<@Nullable String> traces) {
      this.traces = traces;
    }

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerRequest request) {
      HttpHeaders passed = new HttpHeaders();
      passOn(input, ToService::leftOut, passed);
      String traceparent = traces.get();
      if (traceparent != null) {
        passed.set(TRACEPARENT, traceparent);
      }
      return passed;
    }

    private static boolean leftOut(String name) {
      return NOT_FOR_SERVICES.contains(name)
          || TRACE_CONTEXT.contains(name)
          || name.regionMatches(true, 0, FORWARDED_PREFIX, 0, FORWARDED_PREFIX.length());
    }
  }

  /**
   * A service's answer's headers as the client receives them. They are added to the gateway's
   * answer here and none are returned for the route handler to add: its {@code putAll} would index
   * and copy them all once more.
   */
  static final class ToClient implements ResponseHttpHeadersFilter {

    @Override
    public HttpHeaders apply(HttpHeaders input, ServerResponse answer) {
      passOn(input, NOT_FOR_CLIENTS::contains, answer.headers());
      return HttpHeaders.EMPTY;
    }
  }

  /**
   * Adds to {@code passed} every header of {@code input}, with all its values, that is neither
   * hop-by-hop, nor named by {@code Connection}, nor {@code leftOut}.
   */
  private static void passOn(HttpHeaders input, Predicate<String> leftOut, HttpHeaders passed) {
    Set<String> namedByConnection = namedByConnection(input);
    input.forEach(
        (name, values) -> {
          if (!HOP_BY_HOP.contains(name)
              && !namedByConnection.contains(name)
              && !leftOut.test(name)) {
            passed.addAll(name, values);
          }
        });
  }

  /** The header names listed in {@code Connection} (RFC 9110 section 7.6.1). */
  private static Set<String> namedByConnection(HttpHeaders headers) {
    @Nullable List<String> connection = headers.get(HttpHeaders.CONNECTION);
    if (connection == null || connection.isEmpty()) {
      return Set.of();
    }
    Set<String> named = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String value : connection) {
      for (String option : value.split(",")) {
        if (!option.isBlank()) {
          named.add(option.strip());
        }
      }
    }
    return named;
  }
}
