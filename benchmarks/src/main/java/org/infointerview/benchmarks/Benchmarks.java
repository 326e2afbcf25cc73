package org.infointerview.benchmarks;

import java.util.Arrays;

/**
 * The benchmarks, by name: {@code java -jar benchmarks/target/benchmarks.jar
 * gateway|import|restart|search|dashboard|analytics|mail|event-mail|reminders [arguments]}. Each
 * starts the local run on ports of its own and prints ratios.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    String name = args.length > 0 ? args[0] : "gateway";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (name) {
      case "gateway" -> GatewayOverheadBenchmark.main(rest);
      case "import" -> ImportBenchmark.main(rest);
      case "search" -> SearchBenchmark.main(rest);
      case "restart" -> RestartBenchmark.main(rest);
      case "dashboard" -> DashboardBenchmark.main(rest);
      case "analytics" -> AnalyticsBenchmark.main(rest);
      case "mail" -> MailBenchmark.main(rest);
      case "event-mail" -> EventMailBenchmark.main(rest);
      case "reminders" -> ReminderBenchmark.main(rest);
      default ->
          throw new IllegalArgumentException(
              "Unknown benchmark "
                  + name
                  + "; use gateway, import, restart, search, dashboard, analytics, mail, event-mail or reminders");
    }
  }
}
