package io.scenery.ingest;

import io.scenery.events.DetectType;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A task as the REST API and the Server-Sent Events stream return it.
 *
 * @param stage   wire name of the stage that reported last ({@code slicing} or {@code analysis}), null while PENDING
 * @param percent progress of the current stage, 0 to 100
 * @param error   the reason of a FAILED task, otherwise null
 */
public record TaskView(
        UUID taskId,
        UUID videoId,
        String fileName,
        long sizeBytes,
        TaskStatus status,
        String stage,
        double percent,
        long processed,
        long total,
        Integer sceneCount,
        List<DetectType> detectTypes,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant heartbeatAt,
        Instant finishedAt) {

    public static TaskView of(Task task, Video video) {
        return new TaskView(task.id, task.videoId, video.fileName, video.sizeBytes, task.status, task.stage,
                task.percent, task.processed, task.total, task.sceneCount, task.requestedDetectTypes(), task.error,
                task.createdAt, task.updatedAt, task.heartbeatAt, task.finishedAt);
    }
}
