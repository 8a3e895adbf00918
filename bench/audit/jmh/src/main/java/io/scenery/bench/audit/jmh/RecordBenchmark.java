package io.scenery.bench.audit.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.scenery.events.AuditEvent;
import io.scenery.events.audit.AuditTrail;
import io.scenery.testing.KafkaBrokerProcess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Time of one {@link AuditTrail#record} call on the calling thread, with a real Kafka broker receiving the events.
 * The call runs inside a span, as in a service, so the trace id is read too. Before each call the thread waits, outside
 * the measured time, while more than {@link #MAX_BACKLOG} events are unacknowledged: the callers then run at the
 * broker's pace with a steady backlog, instead of filling the heap faster than any broker drains it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(4)
@State(Scope.Benchmark)
public class RecordBenchmark {

    static final long MAX_BACKLOG = 20_000;

    private KafkaBrokerProcess broker;
    private AuditTrail trail;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Path dataDir = Files.createTempDirectory("audit-jmh-kafka");
        broker = KafkaBrokerProcess.start(KafkaBrokerProcess.freePort(), KafkaBrokerProcess.freePort(), dataDir,
                List.of("-Xmx1g"));
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        trail = new AuditTrail(BenchTrailConfig.defaults(), Map.of("bootstrap.servers", broker.bootstrapServers()),
                json, "audit-jmh", OpenTelemetry.noop());
        // The first event waits for the topic's metadata; later ones find it cached, as in a running service.
        trail.record("jmh.warm-up", "jmh", UUID.randomUUID().toString(), AuditEvent.SUCCESS, Duration.ZERO, Map.of())
                .get(60, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        long failed = trail.failedDeliveries();
        trail.close();
        broker.close();
        if (failed > 0) {
            throw new IllegalStateException(failed + " audit events were not delivered during the benchmark");
        }
    }

    /** A caller thread's span and arguments. */
    @State(Scope.Thread)
    public static class Caller {

        final String target = UUID.randomUUID().toString();
        final Map<String, String> attributes = Map.of("videoId", UUID.randomUUID().toString(), "sizeBytes", "1048576");
        private io.opentelemetry.context.Scope scope;

        @Setup(Level.Trial)
        public void enterSpan() {
            String traceId = UUID.randomUUID().toString().replace("-", "");
            SpanContext context = SpanContext.create(traceId, traceId.substring(0, 16), TraceFlags.getSampled(),
                    TraceState.getDefault());
            scope = Span.wrap(context).makeCurrent();
        }

        @TearDown(Level.Trial)
        public void leaveSpan() {
            scope.close();
        }
    }

    @Setup(Level.Invocation)
    public void keepBacklogBounded() {
        while (trail.pendingDeliveries() > MAX_BACKLOG) {
            LockSupport.parkNanos(50_000);
        }
    }

    @Benchmark
    public CompletableFuture<Void> record(Caller caller) {
        return trail.record("upload.accepted", "anonymous", caller.target, AuditEvent.SUCCESS,
                Duration.ofMillis(12), caller.attributes);
    }
}
