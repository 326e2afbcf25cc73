package org.infointerview.support.http;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize the largest request body accepted, declared or streamed (chunked)
 * @param uploads larger limits for the paths that take files (streamed, never buffered)
 */
@ConfigurationProperties("infointerview.http")
public record HttpLimitsProperties(
    @DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue List<UploadLimit> uploads) {

  /**
   * @param path a path and everything below it, such as {@code /imports}
   * @param maxSize the largest body accepted there
   */
  public record UploadLimit(String path, DataSize maxSize) {}
}
