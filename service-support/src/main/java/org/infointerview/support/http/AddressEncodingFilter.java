package org.infointerview.support.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 problem, an address whose path or query is not UTF-8 text once its %-escapes
 * are decoded ({@code ?x=%FF}, {@code %C3%28}, a {@code %} without two hex digits). Such an address
 * is the client's mistake, said so at the edge before anything parses it: the servlet container
 * fails on it only when parameters are first read, deep inside a route, where the gateway took it
 * for a service that did not answer.
 */
public class AddressEncodingFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String part =
        !isUtf8(request.getRequestURI())
            ? "path"
            : !isUtf8(request.getQueryString()) ? "query" : null;
    if (part != null) {
      SecurityHeaders.writeApiHeaders(response);
      ServletProblems.write(
          response,
          HttpStatus.BAD_REQUEST,
          "Bad Request",
          "The address is not valid: its "
              + part
              + " holds a %-escape that is not UTF-8 text. Encode the address as UTF-8.",
          null);
      return;
    }
    chain.doFilter(request, response);
  }

  /** Whether this raw (still %-encoded) part of an address decodes to UTF-8 text. */
  static boolean isUtf8(@Nullable String raw) {
    if (raw == null || raw.indexOf('%') < 0) {
      return true;
    }
    byte[] text = raw.getBytes(StandardCharsets.UTF_8);
    ByteBuffer decoded = ByteBuffer.allocate(text.length);
    for (int i = 0; i < text.length; i++) {
      if (text[i] != '%') {
        decoded.put(text[i]);
        continue;
      }
      int high = i + 2 < text.length ? Character.digit(text[i + 1], 16) : -1;
      int low = high < 0 ? -1 : Character.digit(text[i + 2], 16);
      if (low < 0) {
        return false;
      }
      decoded.put((byte) (high * 16 + low));
      i += 2;
    }
    decoded.flip();
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(decoded);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
