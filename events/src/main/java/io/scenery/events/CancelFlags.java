package io.scenery.events;

import java.util.UUID;

/**
 * Redis keys of the cancel flags. ingest-service sets the flag when a task is cancelled or timed out.
 * slicer-service and vlm-service read it while they work and stop when it is present.
 */
public final class CancelFlags {

    /** How long a flag outlives its task's work, in seconds. */
    public static final long TTL_SECONDS = 7 * 24 * 3600;

    private CancelFlags() {
    }

    public static String key(UUID taskId) {
        return "scenery:task:" + taskId + ":cancelled";
    }
}
