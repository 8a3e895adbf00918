package io.scenery.vlm.messaging;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisRequested;
import io.scenery.events.Topics;
import io.scenery.vlm.service.AnalysisRunner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Runs analyses that clients requested over REST. The record is acknowledged when the analysis has ended; an
 * exception sends it to {@code analysis-requests.dlq}.
 */
@ApplicationScoped
public class AnalysisRequestConsumer {

    private final AnalysisRunner runner;

    public AnalysisRequestConsumer(AnalysisRunner runner) {
        this.runner = runner;
    }

    @Incoming(Topics.ANALYSIS_REQUESTS)
    @Blocking
    public void onAnalysisRequested(AnalysisRequested event) {
        // A record that is not valid JSON arrives as null, because deserialization failures do not stop the channel.
        if (event == null) {
            Log.warn("Rejecting an analysis-requests record that is not AnalysisRequested JSON; it goes to "
                    + "analysis-requests.dlq");
            throw new IllegalArgumentException("analysis-requests record could not be read as AnalysisRequested JSON");
        }
        if (event.taskId() == null || event.detectType() == null || event.runId() == null) {
            Log.warnf("Rejecting an analysis-requests record without taskId, detectType or runId (task %s); it goes "
                    + "to analysis-requests.dlq", event.taskId());
            throw new IllegalArgumentException("analysis-requests record lacks taskId, detectType or runId: " + event);
        }
        Log.infof("Analysis %s of task %s requested (run %s)", event.detectType().wireName(), event.taskId(),
                event.runId());
        runner.runRequested(event);
    }
}
