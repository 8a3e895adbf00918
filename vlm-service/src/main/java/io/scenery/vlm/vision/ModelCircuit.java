package io.scenery.vlm.vision;

import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A circuit breaker over vision-model calls. After the configured number of consecutive failed calls it opens and
 * rejects calls for the open duration. Then it lets calls through again: the next failure opens it at once, and
 * the next success closes it. It counts whole calls, after their retries, not single attempts.
 */
@ApplicationScoped
public class ModelCircuit {

    private final int threshold;
    private final long openNanos;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final AtomicLong openUntilNanos = new AtomicLong(Long.MIN_VALUE);

    @Inject
    public ModelCircuit(VlmConfig config) {
        this(config.model().circuitFailureThreshold(), config.model().circuitOpenDuration());
    }

    ModelCircuit(int threshold, Duration openDuration) {
        this.threshold = threshold;
        this.openNanos = openDuration.toNanos();
    }

    /** Returns whether a call may go out now. */
    public boolean allows() {
        long until = openUntilNanos.get();
        return until == Long.MIN_VALUE || System.nanoTime() - until >= 0;
    }

    public void recordSuccess() {
        consecutiveFailures.set(0);
        openUntilNanos.set(Long.MIN_VALUE);
    }

    public void recordFailure() {
        if (consecutiveFailures.incrementAndGet() >= threshold) {
            openUntilNanos.set(System.nanoTime() + openNanos);
        }
    }

    /** Closes the circuit and clears the count of past failures. */
    public void reset() {
        recordSuccess();
    }
}
