package org.infointerview.gateway;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.common.Shortcut;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayServerResponse;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.RequestPath;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindException;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * The route filter {@code ServicePrefix=/api/contacts}: a service serves its API at its own root
 * ({@code /contacts/42}) while the gateway publishes it under the service's prefix ({@code
 * /api/contacts/contacts/42}). The filter removes the prefix from the path the service is asked
 * for, like Spring Cloud Gateway's {@code StripPrefix}, and puts it back in front of a path the
 * service names in its {@code Location} header, so a client that follows the {@code Location} of a
 * {@code 201 Created} reaches the new resource through the gateway, and in the {@code instance} of
 * a problem the service answers with. A {@code Location} or {@code instance} that is a full URL
 * (another host) is left as it is.
 *
 * <p>The stripped request is a view of the original with another path, not a copy: {@code
 * StripPrefix} copies every header, cookie, attribute and parameter of the request into a new one,
 * about 5 % of the gateway's work per proxied request.
 */
public final class ServicePrefixFilters {

  /** The largest problem body whose {@code instance} is restored, in bytes. */
  static final int LARGEST_PROBLEM = 64 * 1024;

  /** Reads problems as written: decimals kept exactly, not as the nearest double. */
  private static final JsonMapper PROBLEMS =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private ServicePrefixFilters() {}

  @Shortcut
  public static HandlerFilterFunction<ServerResponse, ServerResponse> servicePrefix(String prefix) {
    if (!prefix.startsWith("/") || prefix.endsWith("/")) {
      throw new IllegalArgumentException(
          "ServicePrefix must start with / and not end with one: " + prefix);
    }
    return (request, next) -> {
      ServerResponse response = next.handle(new Stripped(request, prefix));
      // The service's answer as the proxy passes it on; an answer of the gateway's own (a
      // fallback) names no service path.
      if (response instanceof GatewayServerResponse) {
        restoreLocation(response.headers(), prefix);
        restoreProblemInstance(request, response.headers(), prefix);
      }
      return response;
    };
  }

  private static void restoreLocation(HttpHeaders headers, String prefix) {
    String location = headers.getFirst(HttpHeaders.LOCATION);
    if (location != null && location.startsWith("/") && !location.startsWith("//")) {
      headers.set(HttpHeaders.LOCATION, prefix + location);
    }
  }

  /**
   * A problem the service answers with ({@code application/problem+json}, RFC 9457) names the
   * service's path as its {@code instance}; the client asked for the gateway's. The body, read
   * before it is passed on, gets the prefix back in front of a root-relative {@code instance}, and
   * the answer's {@code Content-Length} follows. A problem that is not a JSON object, has no such
   * {@code instance}, is compressed or is larger than {@link #LARGEST_PROBLEM} passes as the
   * service wrote it.
   */
  private static void restoreProblemInstance(
      ServerRequest request, HttpHeaders headers, String prefix) throws IOException {
    MediaType type = headers.getContentType();
    if (type == null
        || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(type)
        || headers.containsHeader(HttpHeaders.CONTENT_ENCODING)) {
      return;
    }
    InputStream body = MvcUtils.getAttribute(request, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
    if (body == null) {
      return;
    }
    byte[] read = body.readNBytes(LARGEST_PROBLEM + 1);
    InputStream passedOn;
    if (read.length > LARGEST_PROBLEM) {
      passedOn = new SequenceInputStream(new ByteArrayInputStream(read), body);
    } else {
      byte[] restored = withInstancePrefixed(read, prefix);
      if (restored != read) {
        headers.setContentLength(restored.length);
      }
      passedOn = new ByteArrayInputStream(restored);
    }
    MvcUtils.putAttribute(request, MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR, passedOn);
  }

  /** The problem with the prefix in front of its {@code instance}, or the same bytes if none. */
  static byte[] withInstancePrefixed(byte[] problem, String prefix) {
    JsonNode tree;
    try {
      tree = PROBLEMS.readTree(problem);
    } catch (JacksonException notJson) {
      return problem;
    }
    if (tree instanceof ObjectNode fields
        && fields.get("instance") instanceof StringNode instance
        && instance.stringValue().startsWith("/")
        && !instance.stringValue().startsWith("//")) {
      fields.put("instance", prefix + instance.stringValue());
      return PROBLEMS.writeValueAsBytes(fields);
    }
    return problem;
  }

  /** The path after the prefix, {@code /} when nothing follows it. */
  static String strip(String rawPath, String prefix) {
    if (!rawPath.startsWith(prefix)) {
      return rawPath;
    }
    if (rawPath.length() == prefix.length()) {
      return "/";
    }
    if (rawPath.charAt(prefix.length()) != '/') {
      return rawPath;
    }
    return rawPath.substring(prefix.length());
  }

  /** The request as the service should see it: the same in everything but its path. */
  private static final class Stripped implements ServerRequest {

    private final ServerRequest request;
    private final URI uri;

    Stripped(ServerRequest request, String prefix) {
      this.request = request;
      URI original = request.uri();
      String query = original.getRawQuery();
      this.uri =
          URI.create(
              original.getScheme()
                  + "://"
                  + original.getRawAuthority()
                  + strip(original.getRawPath(), prefix)
                  + (query == null ? "" : "?" + query));
    }

    @Override
    public URI uri() {
      return uri;
    }

    @Override
    public String path() {
      return uri.getRawPath();
    }

    @Override
    public RequestPath requestPath() {
      return RequestPath.parse(uri.getRawPath(), null);
    }

    @Override
    public UriBuilder uriBuilder() {
      return UriComponentsBuilder.fromUri(uri);
    }

    @Override
    public HttpMethod method() {
      return request.method();
    }

    @Override
    public Headers headers() {
      return request.headers();
    }

    @Override
    public MultiValueMap<String, Cookie> cookies() {
      return request.cookies();
    }

    @Override
    public Optional<InetSocketAddress> remoteAddress() {
      return request.remoteAddress();
    }

    @Override
    public List<HttpMessageConverter<?>> messageConverters() {
      return request.messageConverters();
    }

    @Override
    public ApiVersionStrategy apiVersionStrategy() {
      return request.apiVersionStrategy();
    }

    @Override
    public <T> T body(Class<T> bodyType) throws ServletException, IOException {
      return request.body(bodyType);
    }

    @Override
    public <T> T body(ParameterizedTypeReference<T> bodyType) throws ServletException, IOException {
      return request.body(bodyType);
    }

    @Override
    public <T> T bind(Class<T> bindType, Consumer<WebDataBinder> dataBinderCustomizer)
        throws BindException {
      return request.bind(bindType, dataBinderCustomizer);
    }

    @Override
    public Optional<Object> attribute(String name) {
      return request.attribute(name);
    }

    @Override
    public Map<String, Object> attributes() {
      return request.attributes();
    }

    @Override
    public Optional<String> param(String name) {
      return request.param(name);
    }

    @Override
    public MultiValueMap<String, String> params() {
      return request.params();
    }

    @Override
    public MultiValueMap<String, Part> multipartData() throws IOException, ServletException {
      return request.multipartData();
    }

    @Override
    public Map<String, String> pathVariables() {
      return request.pathVariables();
    }

    @Override
    public HttpSession session() {
      return request.session();
    }

    @Override
    public Optional<Principal> principal() {
      return request.principal();
    }

    @Override
    public HttpServletRequest servletRequest() {
      return request.servletRequest();
    }
  }
}
