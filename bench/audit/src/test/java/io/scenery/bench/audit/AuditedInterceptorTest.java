package io.scenery.bench.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.AuditEvent;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@QuarkusTestResource(value = RestartableKafkaResource.class, restrictToAnnotatedClass = false)
class AuditedInterceptorTest {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    AuditedOperations operations;

    @Inject
    Tracer tracer;

    @Inject
    ObjectMapper json;

    @Test
    void plainSuccessRecorded() {
        assertRecorded("bench.plain", "success", target -> operations.plain(target, false));
    }

    @Test
    void plainFailureRecorded() {
        assertRecorded("bench.plain", "failed:IllegalStateException", target ->
                assertThatThrownBy(() -> operations.plain(target, true)).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void uniSuccessRecorded() {
        assertRecorded("bench.uni", "success", target ->
                operations.uni(target, false).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void uniFailureRecorded() {
        assertRecorded("bench.uni", "failed:IllegalArgumentException", target ->
                assertThatThrownBy(() -> operations.uni(target, true).await().atMost(Duration.ofSeconds(5)))
                        .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void stageSuccessRecorded() {
        assertRecorded("bench.stage", "success", target ->
                assertThat(operations.stage(target, false).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .isEqualTo(target));
    }

    @Test
    void stageFailureRecorded() {
        assertRecorded("bench.stage", "failed:UnsupportedOperationException", target ->
                assertThatThrownBy(() -> operations.stage(target, true).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(UnsupportedOperationException.class));
    }

    /** Calls the operation inside a span and checks the one audit event it published. */
    private void assertRecorded(String action, String outcome, ThrowingConsumer call) {
        String target = UUID.randomUUID().toString();
        Span span = tracer.spanBuilder("audited-call").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            call.accept(target);
        } catch (Exception e) {
            throw new AssertionError("audited call failed unexpectedly", e);
        } finally {
            span.end();
        }

        List<AuditEvent> events = AuditTopicReader.eventsOf(target, 1, READ_TIMEOUT, json);
        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.outcome()).isEqualTo(outcome);
        assertThat(event.target()).isEqualTo(target);
        assertThat(event.actor()).isEqualTo(AuditEvent.SYSTEM_ACTOR);
        assertThat(event.service()).isEqualTo("audit-bench");
        assertThat(event.traceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(event.durationMicros()).isGreaterThanOrEqualTo(AuditedOperations.WORK.toNanos() / 1000);
        assertThat(event.durationMicros()).isLessThan(Duration.ofSeconds(5).toNanos() / 1000);
        assertThat(event.eventId()).isNotNull();
        assertThat(event.timestamp()).isNotNull();
    }

    @FunctionalInterface
    private interface ThrowingConsumer {
        void accept(String target) throws Exception;
    }
}
