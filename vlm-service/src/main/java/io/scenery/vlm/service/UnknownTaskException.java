package io.scenery.vlm.service;

import java.util.UUID;

/** Raised for a task that vlm-service has no scenes of, because no scenes-ready event named it. */
public class UnknownTaskException extends RuntimeException {

    public UnknownTaskException(UUID taskId) {
        super("no scenes known for task " + taskId + ": either no task has this id or its scenes are not ready; "
                + "check GET /api/v1/tasks/" + taskId + " on ingest-service, and request an analysis once the status "
                + "shows SLICED or later");
    }
}
