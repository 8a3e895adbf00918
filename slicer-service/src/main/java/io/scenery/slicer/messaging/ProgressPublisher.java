package io.scenery.slicer.messaging;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisProgress;
import io.scenery.events.ProgressStatus;
import io.scenery.events.Stage;
import io.scenery.events.Topics;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.slicer.config.SlicerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.util.UUID;

/**
 * Publishes slicing progress on {@value Topics#ANALYSIS_PROGRESS}. Started and terminal events wait for the broker's
 * acknowledgement; running events do not, because a newer one follows soon.
 */
@ApplicationScoped
public class ProgressPublisher {

    private final Emitter<AnalysisProgress> emitter;
    private final SlicerConfig config;

    public ProgressPublisher(@Channel(Topics.ANALYSIS_PROGRESS) Emitter<AnalysisProgress> emitter, SlicerConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public void started(UUID taskId) {
        await(taskId, event(taskId, ProgressStatus.STARTED, 0, 0, "slicing started", null));
    }

    public void running(UUID taskId, long framesDecoded, long framesExpected) {
        AnalysisProgress event = event(taskId, ProgressStatus.RUNNING, framesDecoded, framesExpected,
                "decoded " + framesDecoded + " frames", null);
        KeyedMessages.send(emitter, taskId, event).whenComplete((ignored, error) -> {
            if (error != null) {
                Log.warnf("Task %s: running progress event not delivered: %s", taskId, error.getMessage());
            }
        });
    }

    public void completed(UUID taskId, long framesDecoded, int sceneCount) {
        String message = "found " + sceneCount + (sceneCount == 1 ? " scene" : " scenes");
        await(taskId, event(taskId, ProgressStatus.COMPLETED, framesDecoded, framesDecoded, message, sceneCount));
    }

    /** @param reason why slicing failed, in words the user understands */
    public void failed(UUID taskId, String reason) {
        await(taskId, event(taskId, ProgressStatus.FAILED, 0, 0, reason, null));
    }

    public void cancelled(UUID taskId) {
        await(taskId, event(taskId, ProgressStatus.CANCELLED, 0, 0, "slicing cancelled", null));
    }

    private static AnalysisProgress event(UUID taskId, ProgressStatus status, long processed, long total,
                                          String message, Integer sceneCount) {
        return AnalysisProgress.of(taskId, Stage.SLICING, status, null, processed, total, message, sceneCount);
    }

    private void await(UUID taskId, AnalysisProgress event) {
        KeyedMessages.sendAndAwait(emitter, taskId, event, config.publishTimeout());
    }
}
