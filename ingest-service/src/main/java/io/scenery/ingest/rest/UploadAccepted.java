package io.scenery.ingest.rest;

import io.scenery.ingest.TaskStatus;
import io.scenery.ingest.TaskView;

import java.util.UUID;

/**
 * Response to an accepted upload.
 *
 * @param statusUrl path of the task's status resource
 * @param eventsUrl path of the task's Server-Sent Events stream
 */
public record UploadAccepted(UUID taskId, UUID videoId, TaskStatus status, String statusUrl, String eventsUrl) {

    public static UploadAccepted of(TaskView task) {
        String statusUrl = TaskResource.PATH + "/" + task.taskId();
        return new UploadAccepted(task.taskId(), task.videoId(), task.status(), statusUrl, statusUrl + "/events");
    }
}
