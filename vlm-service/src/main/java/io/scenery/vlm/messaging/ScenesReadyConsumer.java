package io.scenery.vlm.messaging;

import io.quarkus.logging.Log;
import io.scenery.events.ScenesReady;
import io.scenery.events.Topics;
import io.scenery.vlm.service.AnalysisRunner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Starts the analyses of a task when its scenes are ready. The record is acknowledged when the analyses have
 * ended; an exception sends it to {@code scenes-ready.dlq}.
 */
@ApplicationScoped
public class ScenesReadyConsumer {

    private final AnalysisRunner runner;

    public ScenesReadyConsumer(AnalysisRunner runner) {
        this.runner = runner;
    }

    @Incoming(Topics.SCENES_READY)
    @Blocking
    public void onScenesReady(ScenesReady event) {
        // A record that is not valid JSON arrives as null, because deserialization failures do not stop the
        // channel. The dead-letter record then carries the failure in its headers.
        if (event == null) {
            Log.warn("Rejecting a scenes-ready record that is not ScenesReady JSON; it goes to scenes-ready.dlq");
            throw new IllegalArgumentException("scenes-ready record could not be read as ScenesReady JSON");
        }
        if (event.taskId() == null || event.scenes() == null) {
            Log.warnf("Rejecting a scenes-ready record without taskId or scenes (task %s); it goes to "
                    + "scenes-ready.dlq", event.taskId());
            throw new IllegalArgumentException("scenes-ready record lacks taskId or scenes: " + event);
        }
        Log.infof("Scenes ready for task %s: %d scenes, detect types %s", event.taskId(), event.scenes().size(),
                event.detectTypes());
        runner.run(event);
    }
}
