package org.infointerview.messaging.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The trace context of the request that stored an event, kept beside the event until the relay
 * sends it: as the W3C {@code traceparent} header (and {@code tracestate} when there is one) on the
 * Kafka record, where a listener's observation restores it. So one student's request can be
 * followed through the outbox to the consumer's span and its log lines. Without Micrometer Tracing
 * (or outside any span) nothing is kept.
 */
public interface TraceContexts {

  /** The W3C header that carries the trace and parent span ids. */
  String TRACEPARENT = "traceparent";

  /** The W3C header with vendor-specific trace state. */
  String TRACESTATE = "tracestate";

  /** Keeps nothing. */
  TraceContexts NONE = () -> null;

  /** The current span's {@code traceparent}, or {@code null} outside any span. */
  @Nullable String current();

  /** The current span of a Micrometer {@link Tracer}, written by its {@link Propagator}. */
  static TraceContexts of(Tracer tracer, Propagator propagator) {
    return () -> {
      Span span = tracer.currentSpan();
      if (span == null) {
        return null;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      propagator.inject(span.context(), headers, Map::put);
      return headers.get(TRACEPARENT);
    };
  }
}
