package io.scenery.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published by slicer-service on {@value Topics#SCENES_READY} after the scene rows of a task are committed.
 *
 * @param detectTypes the detect types requested at upload, passed on so that analysis can start
 */
public record ScenesReady(
        int schemaVersion,
        UUID taskId,
        int sceneCount,
        List<SceneRef> scenes,
        SlicingStats stats,
        List<DetectType> detectTypes,
        String traceparent,
        Instant timestamp) implements TaskEvent {

    public static final int SCHEMA_VERSION = 1;
}
