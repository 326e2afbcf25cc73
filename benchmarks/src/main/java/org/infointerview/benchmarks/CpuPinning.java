package org.infointerview.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Places the gateway as a deployment would, on CPU of its own: the gateway and the benchmark's
 * client on the last CPU, every other process of the stack on the others. Whole processes, every
 * thread, through util-linux's {@code taskset}; {@link #unpin()} lets every process run anywhere
 * again.
 */
final class CpuPinning {

  private static final Path TASKSET = Path.of("/usr/bin/taskset");

  private final List<ProcessHandle> stack;
  private final ProcessHandle gateway;
  private final ProcessHandle client;
  private final int cpus = Runtime.getRuntime().availableProcessors();

  private CpuPinning(List<ProcessHandle> stack, ProcessHandle gateway, ProcessHandle client) {
    this.stack = stack;
    this.gateway = gateway;
    this.client = client;
  }

  static CpuPinning of(LocalStack stack, ProcessHandle client) {
    return new CpuPinning(stack.processes(), stack.service("gateway"), client);
  }

  boolean possible() {
    return cpus >= 2 && Files.isExecutable(TASKSET);
  }

  String why() {
    return cpus < 2 ? "one CPU" : TASKSET + " is missing (Debian: apt-get install util-linux)";
  }

  void pin() {
    String last = String.valueOf(cpus - 1);
    String others = cpus == 2 ? "0" : "0-" + (cpus - 2);
    for (ProcessHandle process : stack) {
      taskset(process, process.pid() == gateway.pid() ? last : others);
    }
    taskset(client, last);
    System.out.printf(
        "gateway and client on CPU %s; service, store, broker and the rest on CPU %s%n",
        last, others);
  }

  void unpin() {
    String all = "0-" + (cpus - 1);
    stack.forEach(process -> taskset(process, all));
    taskset(client, all);
  }

  private static void taskset(ProcessHandle process, String cpus) {
    try {
      Process taskset =
          new ProcessBuilder(
                  TASKSET.toString(),
                  "--all-tasks",
                  "--pid",
                  "--cpu-list",
                  cpus,
                  String.valueOf(process.pid()))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (taskset.waitFor() != 0 && process.isAlive()) {
        throw new IllegalStateException("taskset failed for process " + process.pid());
      }
    } catch (IOException e) {
      throw new IllegalStateException("Could not run taskset", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while pinning", e);
    }
  }
}
