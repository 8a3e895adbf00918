package io.scenery.slicer.service;

import io.scenery.slicer.messaging.ProgressPublisher;

import java.time.Duration;
import java.util.UUID;

/**
 * The progress listener of one slicing run: publishes a running event at most once per interval and reads the
 * task's cancel flag when asked.
 */
final class RunProgress implements SlicingListener {

    private final UUID taskId;
    private final ProgressPublisher publisher;
    private final CancelFlagReader cancelFlags;
    private final long intervalNanos;
    private long lastPublishedNanos;

    RunProgress(UUID taskId, ProgressPublisher publisher, CancelFlagReader cancelFlags, Duration interval) {
        this.taskId = taskId;
        this.publisher = publisher;
        this.cancelFlags = cancelFlags;
        this.intervalNanos = interval.toNanos();
        this.lastPublishedNanos = System.nanoTime();
    }

    @Override
    public void progress(long framesDecoded, long framesExpected) {
        long now = System.nanoTime();
        if (now - lastPublishedNanos < intervalNanos) {
            return;
        }
        lastPublishedNanos = now;
        publisher.running(taskId, framesDecoded, framesExpected);
    }

    @Override
    public boolean cancelRequested() {
        return cancelFlags.isCancelled(taskId);
    }
}
