package org.infointerview.support.problem;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * A problem (RFC 9457) written straight to the servlet response, for the filters and entry points
 * that answer before Spring MVC could ({@link ProblemHandling} answers the rest): the same fields
 * in the same order, as JSON escaped by Jackson.
 */
public final class ServletProblems {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ServletProblems() {}

  /**
   * Sets the status and writes the problem; headers the answer needs beside it ({@code
   * Retry-After}, {@code WWW-Authenticate}) are the caller's to set first.
   *
   * @param instance the address asked for, or {@code null} to leave it out
   */
  public static void write(
      HttpServletResponse response,
      HttpStatus status,
      String title,
      String detail,
      @Nullable String instance)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", title);
    problem.put("status", status.value());
    problem.put("detail", detail);
    if (instance != null) {
      problem.put("instance", instance);
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(JSON.writeValueAsBytes(problem));
  }

  /**
   * The problem a servlet container writes itself when it refuses a request before the application
   * sees it (headers or an address past its limits, a malformed request), as JSON bytes.
   */
  public static byte[] containerRefusal(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", known == null ? "Error" : known.getReasonPhrase());
    problem.put("status", status);
    problem.put(
        "detail",
        status < 500
            ? "The request could not be read as sent; check its address, headers and size."
            : "Something went wrong on our side; please try again shortly.");
    return JSON.writeValueAsBytes(problem);
  }
}
