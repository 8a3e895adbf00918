package io.scenery.events;

import java.util.UUID;

/**
 * Redis pub/sub channels on which ingest-service republishes each task's progress, so that every replica can
 * serve Server-Sent Events for any task whatever Kafka partitions it consumes.
 */
public final class ProgressChannels {

    private ProgressChannels() {
    }

    public static String channel(UUID taskId) {
        return "scenery:progress:" + taskId;
    }
}
