package io.scenery.events.audit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts of audit events handed to the trail, acknowledged by Kafka and failed, with the {@link System#nanoTime()}
 * of the last progress and the last failure. Safe for concurrent use.
 */
final class DeliveryCounters {

    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile long lastProgressNanos = System.nanoTime();
    private volatile long lastFailureNanos;
    private volatile boolean failedSinceLastAcknowledgement;

    /** Counts an event handed over; the first event after an idle spell restarts the stall clock. */
    void recorded() {
        if (pending.getAndIncrement() == 0) {
            lastProgressNanos = System.nanoTime();
        }
    }

    void acknowledged() {
        lastProgressNanos = System.nanoTime();
        failedSinceLastAcknowledgement = false;
        acknowledged.incrementAndGet();
        pending.decrementAndGet();
    }

    void failed() {
        long now = System.nanoTime();
        lastProgressNanos = now;
        lastFailureNanos = now;
        failedSinceLastAcknowledgement = true;
        failed.incrementAndGet();
        pending.decrementAndGet();
    }

    long pending() {
        return pending.get();
    }

    long acknowledgedCount() {
        return acknowledged.get();
    }

    long failedCount() {
        return failed.get();
    }

    /** Returns the nanoseconds since the last acknowledgement, failure, or start of pending events. */
    long nanosSinceProgress() {
        return System.nanoTime() - lastProgressNanos;
    }

    /** Returns the nanoseconds since the last failure when no event was acknowledged after it, else -1. */
    long nanosSinceUnrecoveredFailure() {
        return failedSinceLastAcknowledgement ? System.nanoTime() - lastFailureNanos : -1;
    }
}
