package io.scenery.events.audit.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.scenery.events.AuditEvent;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
        assertRecorded("trail.plain", "success", target -> operations.plain(target, false));
    }

    @Test
    void plainFailureRecorded() {
        assertRecorded("trail.plain", "failed:IllegalStateException", target ->
                assertThatThrownBy(() -> operations.plain(target, true)).isInstanceOf(IllegalStateException.class));
    }

    @Test
    void uniSuccessRecorded() {
        assertRecorded("trail.uni", "success", target ->
                operations.uni(target, false).await().atMost(Duration.ofSeconds(5)));
    }

    @Test
    void uniFailureRecorded() {
        assertRecorded("trail.uni", "failed:IllegalArgumentException", target ->
                assertThatThrownBy(() -> operations.uni(target, true).await().atMost(Duration.ofSeconds(5)))
                        .isInstanceOf(IllegalArgumentException.class));
    }

    @Test
    void stageSuccessRecorded() {
        assertRecorded("trail.stage", "success", target ->
                assertThat(operations.stage(target, false).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .isEqualTo(target));
    }

    @Test
    void stageFailureRecorded() {
        assertRecorded("trail.stage", "failed:UnsupportedOperationException", target ->
                assertThatThrownBy(() -> operations.stage(target, true).toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .hasCauseInstanceOf(UnsupportedOperationException.class));
    }

    @Test
    void workerThreadCallRecorded() {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            assertRecorded("trail.plain", "success", target -> worker.submit(
                    Context.current().wrap(() -> operations.plain(target, false))).get(5, TimeUnit.SECONDS));
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    @TestSecurity(user = "alice")
    void authenticatedActorRecorded() {
        String target = UUID.randomUUID().toString();

        operations.plain(target, false);

        AuditEvent event = singleEvent(target);
        assertThat(event.actor()).isEqualTo("alice");
        assertThat(event.outcome()).isEqualTo(AuditEvent.SUCCESS);
    }

    @Test
    void targetCreatedInsideCallRecorded() {
        String target = operations.create("report");

        AuditEvent event = singleEvent(target);
        assertThat(event.action()).isEqualTo("trail.create");
        assertThat(event.outcome()).isEqualTo(AuditEvent.SUCCESS);
        assertThat(event.attributes()).containsExactly(Map.entry("name", "report"));
    }

    @Test
    void handledFailureOutcomeRecorded() {
        String target = UUID.randomUUID().toString();

        operations.handleRejected(target);

        AuditEvent event = singleEvent(target);
        assertThat(event.action()).isEqualTo("trail.handle");
        assertThat(event.outcome()).isEqualTo("failed:Rejected");
        assertThat(event.attributes()).containsEntry("reason", "rejected " + target);
    }

    @Test
    void consumerSuccessRecordedWithRecordTrace() {
        String target = UUID.randomUUID().toString();

        String traceId = send(target);

        AuditEvent event = singleEvent(target);
        assertThat(event.action()).isEqualTo("trail.consume");
        assertThat(event.outcome()).isEqualTo(AuditEvent.SUCCESS);
        assertThat(event.actor()).isEqualTo(AuditEvent.SYSTEM_ACTOR);
        assertThat(event.traceId()).isEqualTo(traceId);
        assertThat(event.durationMicros()).isGreaterThanOrEqualTo(AuditedOperations.WORK.toNanos() / 1000);
    }

    @Test
    void consumerFailureRecorded() {
        String target = AuditedOperations.FAIL_PREFIX + UUID.randomUUID();

        String traceId = send(target);

        AuditEvent event = singleEvent(target);
        assertThat(event.action()).isEqualTo("trail.consume");
        assertThat(event.outcome()).isEqualTo("failed:IllegalArgumentException");
        assertThat(event.actor()).isEqualTo(AuditEvent.SYSTEM_ACTOR);
        assertThat(event.traceId()).isEqualTo(traceId);
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

        AuditEvent event = singleEvent(target);
        assertThat(event.action()).isEqualTo(action);
        assertThat(event.outcome()).isEqualTo(outcome);
        assertThat(event.target()).isEqualTo(target);
        assertThat(event.actor()).isEqualTo(AuditEvent.SYSTEM_ACTOR);
        assertThat(event.service()).isEqualTo("audit-trail-tests");
        assertThat(event.traceId()).isEqualTo(span.getSpanContext().getTraceId());
        assertThat(event.durationMicros()).isGreaterThanOrEqualTo(AuditedOperations.WORK.toNanos() / 1000);
        assertThat(event.durationMicros()).isLessThan(Duration.ofSeconds(5).toNanos() / 1000);
        assertThat(event.eventId()).isNotNull();
        assertThat(event.timestamp()).isNotNull();
    }

    private AuditEvent singleEvent(String target) {
        List<AuditEvent> events = AuditTopicReader.eventsOf(target, 1, READ_TIMEOUT, json);
        assertThat(events).as("audit events of %s", target).hasSize(1);
        return events.get(0);
    }

    /** Sends the value to the audited consumer with a traceparent header and returns the header's trace id. */
    private static String send(String value) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RestartableKafkaResource.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>("analysis-requests", value, value);
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not send " + value + " to the audited consumer", e);
        }
        return traceId;
    }

    @FunctionalInterface
    private interface ThrowingConsumer {
        void accept(String target) throws Exception;
    }
}
