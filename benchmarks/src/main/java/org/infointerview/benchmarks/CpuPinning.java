package org.infointerview.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Places processes as a deployment would, each part on CPU of its own, through util-linux's {@code
 * taskset} (whole processes, every thread): {@link #gatewayApart} for the gateway's cost, {@link
 * #storeApart} for what a service costs beside its store. {@link #unpin()} lets every process run
 * anywhere again.
 */
final class CpuPinning {

  private static final Path TASKSET = Path.of("/usr/bin/taskset");

  private final int cpus = Runtime.getRuntime().availableProcessors();
  private final List<ProcessHandle> apart;
  private final List<ProcessHandle> rest;
  private final String placement;

  private CpuPinning(List<ProcessHandle> apart, List<ProcessHandle> rest, String placement) {
    this.apart = apart;
    this.rest = rest;
    this.placement = placement;
  }

  /**
   * The gateway and the benchmark's client on the last CPU, the rest of the stack on the others.
   */
  static CpuPinning gatewayApart(LocalStack stack, ProcessHandle client) {
    ProcessHandle gateway = stack.service("gateway");
    List<ProcessHandle> rest =
        stack.processes().stream().filter(p -> p.pid() != gateway.pid()).toList();
    return new CpuPinning(
        List.of(gateway, client),
        rest,
        "gateway and client on CPU %s; service, store, broker and the rest on CPU %s");
  }

  /**
   * The store on the last CPU, as on a host of its own; the services, the broker and the
   * benchmark's client on the others. A raw write measured this way gets that one CPU for the
   * store, and so does the import beside it: the same store, not two CPUs for one and what the
   * service leaves for the other. The broker's work is the import's own (its events), so it is
   * charged to the import's side, not to the store's.
   */
  static CpuPinning storeApart(LocalStack stack, ProcessHandle store, ProcessHandle client) {
    List<ProcessHandle> rest = new ArrayList<>(List.of(client));
    stack.processes().stream().filter(p -> p.pid() != store.pid()).forEach(rest::add);
    return new CpuPinning(
        List.of(store), rest, "store on CPU %s; services, broker and client on CPU %s");
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
    apart.forEach(process -> taskset(process, last));
    rest.forEach(process -> taskset(process, others));
    System.out.printf(placement + "%n", last, others);
  }

  void unpin() {
    String all = "0-" + (cpus - 1);
    apart.forEach(process -> taskset(process, all));
    rest.forEach(process -> taskset(process, all));
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
