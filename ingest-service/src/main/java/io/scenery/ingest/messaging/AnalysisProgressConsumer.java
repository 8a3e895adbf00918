package io.scenery.ingest.messaging;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.Topics;
import io.scenery.ingest.service.ProgressProjection;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumes {@code analysis-progress} on a worker thread, in partition order. The record is acknowledged only after
 * the task row was committed; a record that fails goes to {@code analysis-progress.dlq}.
 */
@ApplicationScoped
public class AnalysisProgressConsumer {

    private final ProgressProjection projection;
    private final ProgressNotifier notifier;

    public AnalysisProgressConsumer(ProgressProjection projection, ProgressNotifier notifier) {
        this.projection = projection;
        this.notifier = notifier;
    }

    @Incoming(Topics.ANALYSIS_PROGRESS)
    @Blocking
    public void consume(AnalysisProgress event) {
        if (event == null) {
            throw new IllegalArgumentException("analysis-progress record without a value");
        }
        Log.debugf("Task %s: received %s %s", event.taskId(), event.stage(), event.status());

        projection.apply(event).ifPresent(task -> notifier.publish(event));
    }
}
