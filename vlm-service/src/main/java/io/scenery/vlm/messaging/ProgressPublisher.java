package io.scenery.vlm.messaging;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.Stage;
import io.scenery.events.Topics;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Duration;
import java.util.UUID;

/**
 * Publishes analysis progress on {@value Topics#ANALYSIS_PROGRESS}, keyed by task id. Call it only after the
 * state it reports has committed, from a worker thread: it blocks until Kafka acknowledged the event.
 */
@ApplicationScoped
public class ProgressPublisher {

    private final Emitter<AnalysisProgress> emitter;
    private final Duration timeout;

    public ProgressPublisher(@Channel(Topics.ANALYSIS_PROGRESS) Emitter<AnalysisProgress> emitter, VlmConfig config) {
        this.emitter = emitter;
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends one analysis-stage event.
     *
     * @param detectType the analysis reported on, or null for the event that closes the whole task's analysis
     * @param processed  keyframes processed over all requested detect types of the task
     * @param total      keyframes to process over all requested detect types of the task
     * @throws io.scenery.events.messaging.EventPublishException when Kafka rejects the event or times out
     */
    public void publish(UUID taskId, ProgressStatus status, DetectType detectType, long processed, long total,
                        String message) {
        AnalysisProgress progress = AnalysisProgress.of(taskId, Stage.ANALYSIS, status, detectType, processed, total,
                message, null);
        KeyedMessages.sendAndAwait(emitter, taskId, progress, timeout);
        Log.debugf("Published analysis %s for task %s: %d/%d %s", status, taskId, processed, total, message);
    }
}
