package org.infointerview.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * The routes' proxy. A service's answer of a known kind (JSON, a problem, a file) is copied into
 * the servlet's response buffer without the flush that Spring Cloud Gateway adds after every copy:
 * the container then sends it when the request ends, in one write with a {@code Content-Length}
 * when it fits the buffer, instead of a chunked body and a separate terminating chunk. Streaming
 * media types ({@code spring.cloud.gateway.server.webmvc.streaming-media-types}, server-sent events
 * by default) are still flushed as each piece arrives.
 */
final class ServiceProxyExchange extends RestClientProxyExchange {

  private final GatewayMvcProperties properties;

  ServiceProxyExchange(RestClient client, GatewayMvcProperties properties) {
    super(client, properties);
    this.properties = properties;
  }

  @Override
  protected int copyResponseBody(
      ClientHttpResponse response, InputStream body, OutputStream servletOutput)
      throws IOException {
    if (streaming(response.getHeaders().getContentType())) {
      return super.copyResponseBody(response, body, servletOutput);
    }
    return (int) Math.min(body.transferTo(servletOutput), Integer.MAX_VALUE);
  }

  private boolean streaming(@Nullable MediaType type) {
    if (type == null) {
      return false;
    }
    for (MediaType streamingType : properties.getStreamingMediaTypes()) {
      if (streamingType.equalsTypeAndSubtype(type)) {
        return true;
      }
    }
    return false;
  }
}
