package io.scenery.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published by ingest-service on {@value Topics#VIDEO_UPLOADED} once the video file and the task row are committed.
 *
 * @param storageKey   key of the video in the shared blob store
 * @param sizeBytes    size of the stored file in bytes
 * @param traceparent  W3C trace context of the upload request, or null when tracing is off
 */
public record VideoUploaded(
        int schemaVersion,
        UUID taskId,
        UUID videoId,
        String storageKey,
        long sizeBytes,
        String contentType,
        SlicingParameters slicing,
        List<DetectType> detectTypes,
        String traceparent,
        Instant uploadedAt) implements TaskEvent {

    public static final int SCHEMA_VERSION = 1;
}
