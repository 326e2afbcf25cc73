package org.infointerview.benchmarks;

/**
 * What a service's JVM had spent on itself so far, read from its metrics endpoint: JIT compiling
 * and garbage-collection pauses. The difference of two readings says whether a measurement met a
 * warmed-up service or one still compiling its code.
 *
 * @param compilingSeconds the JIT compilers' time so far ({@code jvm.compilation.time})
 * @param gcPauseSeconds the collections' pauses so far ({@code jvm.gc.pause})
 */
record JvmTimes(double compilingSeconds, double gcPauseSeconds) {

  static JvmTimes of(int servicePort) {
    return new JvmTimes(
        ServiceMetrics.read(servicePort, "jvm.compilation.time", "COUNT") / 1000.0,
        ServiceMetrics.read(servicePort, "jvm.gc.pause", "TOTAL_TIME"));
  }

  JvmTimes since(JvmTimes before) {
    return new JvmTimes(
        compilingSeconds - before.compilingSeconds, gcPauseSeconds - before.gcPauseSeconds);
  }
}
