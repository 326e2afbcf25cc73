package org.infointerview.support.container;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.SecurityHeaders;

/**
 * Tomcat's error report as a problem (RFC 9457) with the API's security headers, instead of its
 * HTML page: what a client gets for a request Tomcat refuses before the application sees it (a
 * header past the size limit, a malformed request line).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      SecurityHeaders.writeApiHeaders(response);
      response.setContentType("application/problem+json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(new String(ServletProblems.containerRefusal(status), StandardCharsets.UTF_8));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was committed meanwhile
    }
  }
}
