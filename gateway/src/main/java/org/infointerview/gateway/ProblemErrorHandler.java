package org.infointerview.gateway;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.SecurityHeaders;

/**
 * Jetty's own error answer (a request it refuses before the application sees it: headers or an
 * address past the size limits, a malformed request) as a problem with the API's security headers,
 * instead of its HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback)
      throws IOException {
    byte[] body = ServletProblems.containerRefusal(code);
    SecurityHeaders.API_HEADERS.forEach((name, value) -> response.getHeaders().put(name, value));
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
