package io.scenery.vlm.service;

import java.util.UUID;

/** Raised for a task that vlm-service has no scenes of, because no scenes-ready event named it. */
public class UnknownTaskException extends RuntimeException {

    public UnknownTaskException(UUID taskId) {
        super("no scenes known for task " + taskId + "; an analysis can be requested once the task's scenes are "
                + "ready (the task status shows SLICED or later)");
    }
}
