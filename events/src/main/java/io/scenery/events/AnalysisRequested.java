package io.scenery.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published by vlm-service on {@value Topics#ANALYSIS_REQUESTS} when a client asks over REST for an analysis of a
 * task whose scenes are known, after the request has claimed the analysis in the database.
 *
 * @param sceneIds the scenes to analyse as requested, or null for all scenes of the task
 * @param runId    the id the request claimed the analysis with; a consumer runs the analysis only while it is still
 *                 pending under this id, so a duplicate record does not start a second run
 */
public record AnalysisRequested(
        int schemaVersion,
        UUID taskId,
        DetectType detectType,
        List<UUID> sceneIds,
        UUID runId,
        String traceparent,
        Instant timestamp) implements TaskEvent {

    public static final int SCHEMA_VERSION = 1;
}
