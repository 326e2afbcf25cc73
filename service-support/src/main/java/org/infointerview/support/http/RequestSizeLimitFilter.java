package org.infointerview.support.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.infointerview.support.problem.ServletProblems;
import org.infointerview.support.security.SecurityHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413: at once when {@code Content-Length} says so, and
 * while reading when the body is chunked and keeps coming. A gateway's own check reads only {@code
 * Content-Length}, so every deployable runs this itself.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  static final long BUFFER_LIMIT_BYTES = 4L * 1024 * 1024;

  private final DataSize defaultLimit;
  private final List<HttpLimitsProperties.UploadLimit> uploads;

  public RequestSizeLimitFilter(DataSize limit) {
    this(limit, List.of());
  }

  public RequestSizeLimitFilter(DataSize limit, List<HttpLimitsProperties.UploadLimit> uploads) {
    this.defaultLimit = limit;
    this.uploads = List.copyOf(uploads);
  }

  /** The limit for a path: an upload path's own, else the default. */
  DataSize limitFor(String path) {
    for (HttpLimitsProperties.UploadLimit upload : uploads) {
      String prefix = upload.path();
      if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return upload.maxSize();
      }
    }
    return defaultLimit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    DataSize limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
    long declared = request.getContentLengthLong();
    boolean chunked =
        declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (chunked && limit.toBytes() <= BUFFER_LIMIT_BYTES) {
      byte[] body = request.getInputStream().readNBytes((int) limit.toBytes() + 1);
      if (body.length > limit.toBytes()) {
        refuse(request, response, limit);
        return;
      }
      chain.doFilter(new Buffered(request, body), response);
      return;
    }
    if (declared > limit.toBytes()) {
      refuse(request, response, limit);
      return;
    }
    chain.doFilter(declared >= 0 ? request : new Counted(request, limit), response);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
    response.setHeader("Connection", "close");
    SecurityHeaders.writeApiHeaders(response);
    ServletProblems.write(
        response,
        HttpStatus.PAYLOAD_TOO_LARGE,
        "Payload Too Large",
        new RequestTooLargeException(limit).getMessage(),
        request.getRequestURI());
  }

  /** A chunked request read in full (under the limit), now with a known length. */
  private static final class Buffered extends HttpServletRequestWrapper {

    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("blocking reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public @Nullable String getHeader(String name) {
      if ("Transfer-Encoding".equalsIgnoreCase(name)) {
        return null;
      }
      if ("Content-Length".equalsIgnoreCase(name)) {
        return String.valueOf(body.length);
      }
      return super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      String value = getHeader(name);
      if ("Transfer-Encoding".equalsIgnoreCase(name) || "Content-Length".equalsIgnoreCase(name)) {
        return value == null
            ? Collections.emptyEnumeration()
            : Collections.enumeration(List.of(value));
      }
      return super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
      names.removeIf(
          n -> n.equalsIgnoreCase("Transfer-Encoding") || n.equalsIgnoreCase("Content-Length"));
      names.add("Content-Length");
      return Collections.enumeration(names);
    }
  }

  /** A request whose body stream refuses to go past the limit. */
  private static final class Counted extends HttpServletRequestWrapper {

    private final DataSize limit;
    private ServletInputStream stream;

    Counted(HttpServletRequest request, DataSize limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }
  }

  private static final class CountingStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final DataSize limit;
    private long read;

    CountingStream(ServletInputStream delegate, DataSize limit) {
      this.delegate = delegate;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = delegate.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = delegate.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) {
      read += n;
      if (read > limit.toBytes()) {
        throw new RequestTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
