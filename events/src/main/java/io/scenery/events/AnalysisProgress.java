package io.scenery.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Progress of one stage of one task, published on {@value Topics#ANALYSIS_PROGRESS} by slicer-service and
 * vlm-service. Outside consumers may subscribe; ingest-service folds these events into the task row.
 *
 * @param detectType  the analysis this event reports on, null for slicing
 * @param processed   units done so far: frames while slicing, keyframes while analysing
 * @param total       units expected, 0 when not known yet
 * @param percent     0 to 100
 * @param message     human-readable detail; for a failed stage, the reason
 * @param sceneCount  scenes found, set when slicing completes, otherwise null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AnalysisProgress(
        int schemaVersion,
        UUID taskId,
        Stage stage,
        ProgressStatus status,
        DetectType detectType,
        long processed,
        long total,
        double percent,
        String message,
        Integer sceneCount,
        Instant timestamp) implements TaskEvent {

    public static final int SCHEMA_VERSION = 1;

    public static AnalysisProgress of(UUID taskId, Stage stage, ProgressStatus status, DetectType detectType,
                                      long processed, long total, String message, Integer sceneCount) {
        double percent;
        if (status == ProgressStatus.COMPLETED) {
            percent = 100.0;
        } else if (total > 0) {
            percent = Math.min(100.0, 100.0 * processed / total);
        } else {
            percent = 0.0;
        }
        return new AnalysisProgress(SCHEMA_VERSION, taskId, stage, status, detectType, processed, total,
                Math.round(percent * 10) / 10.0, message, sceneCount, Instant.now());
    }
}
