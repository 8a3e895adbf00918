package io.scenery.events.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** Reads the current OpenTelemetry span, so events can carry the trace they belong to. */
public final class TraceContext {

    private TraceContext() {
    }

    /** Returns the current trace id, or null when no span is active. */
    public static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }

    /** Returns the current span as a W3C {@code traceparent} value, or null when no span is active. */
    public static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
