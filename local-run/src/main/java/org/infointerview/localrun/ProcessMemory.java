package org.infointerview.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of a process of the run, as Linux reports it ({@code /proc}); 0 elsewhere.
 */
public final class ProcessMemory {

  private ProcessMemory() {}

  /** Kilobytes resident ({@code VmRSS}), 0 when the process is gone or the system has no /proc. */
  public static long rssKb(ProcessHandle process) {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
