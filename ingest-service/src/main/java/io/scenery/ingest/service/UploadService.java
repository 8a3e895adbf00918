package io.scenery.ingest.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.scenery.events.VideoUploaded;
import io.scenery.events.audit.AuditScope;
import io.scenery.events.audit.Audited;
import io.scenery.events.messaging.EventPublishException;
import io.scenery.events.messaging.TraceContext;
import io.scenery.ingest.Task;
import io.scenery.ingest.TaskStatus;
import io.scenery.ingest.TaskView;
import io.scenery.ingest.Video;
import io.scenery.ingest.config.IngestConfig;
import io.scenery.ingest.messaging.CancelFlagWriter;
import io.scenery.ingest.messaging.VideoUploadedPublisher;
import io.scenery.ingest.repository.TaskRepository;
import io.scenery.ingest.repository.VideoRepository;
import io.scenery.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;

/**
 * Accepts an upload: stores the file, commits the video and task rows, then announces the task on Kafka.
 * The event is sent only after the commit, so no consumer receives an event for a task that is not in the
 * database.
 */
@ApplicationScoped
public class UploadService {

    private final BlobStore blobStore;
    private final VideoRepository videos;
    private final TaskRepository tasks;
    private final VideoUploadedPublisher publisher;
    private final CancelFlagWriter cancelFlags;
    private final IngestConfig config;

    public UploadService(BlobStore blobStore, VideoRepository videos, TaskRepository tasks,
                         VideoUploadedPublisher publisher, CancelFlagWriter cancelFlags, IngestConfig config) {
        this.blobStore = blobStore;
        this.videos = videos;
        this.tasks = tasks;
        this.publisher = publisher;
        this.cancelFlags = cancelFlags;
        this.config = config;
    }

    /**
     * Stores and registers the upload and publishes its {@code video-uploaded} event.
     *
     * @throws io.scenery.storage.BlobTooLargeException when the file exceeds {@code scenery.ingest.max-upload-size};
     *                                                  nothing is stored then
     * @throws PublishFailedException                   when the event could not be published; the task is then
     *                                                  FAILED and the file and rows are kept
     */
    @Audited(AuditActions.UPLOAD_ACCEPTED)
    public TaskView accept(UploadRequest request) throws IOException {
        UUID videoId = UUID.randomUUID();
        UUID taskId = UUID.randomUUID();
        String storageKey = "videos/" + videoId;
        AuditScope.target(taskId);
        AuditScope.attribute("videoId", videoId);
        AuditScope.attribute("fileName", request.displayName());
        AuditScope.attribute("format", request.format().displayName());
        AuditScope.attribute("detectTypes", Task.joinTypes(request.detectTypes()));

        long sizeBytes;
        try (InputStream content = Files.newInputStream(request.content())) {
            sizeBytes = blobStore.write(storageKey, content, config.maxUploadSize().asLongValue());
        }
        Log.infof("Task %s: stored %d bytes of %s as %s", taskId, sizeBytes, request.format().displayName(),
                storageKey);
        AuditScope.attribute("sizeBytes", sizeBytes);

        TaskView task;
        try {
            task = QuarkusTransaction.requiringNew()
                    .call(() -> register(taskId, videoId, storageKey, sizeBytes, request));
        } catch (RuntimeException e) {
            Log.errorf(e, "Task %s: could not register the upload; deleting %s", taskId, storageKey);
            blobStore.delete(storageKey);
            throw e;
        }

        VideoUploaded event = new VideoUploaded(VideoUploaded.SCHEMA_VERSION, taskId, videoId, storageKey, sizeBytes,
                request.format().mimeType(), request.slicing(), request.detectTypes(),
                TraceContext.currentTraceparent(), task.createdAt());
        try {
            publisher.publish(event);
        } catch (EventPublishException e) {
            throw failUnpublished(taskId, e);
        }
        Log.infof("Task %s: published video-uploaded for video %s", taskId, videoId);

        return task;
    }

    private TaskView register(UUID taskId, UUID videoId, String storageKey, long sizeBytes, UploadRequest request) {
        Instant now = Instant.now();

        Video video = new Video();
        video.id = videoId;
        video.fileName = request.displayName();
        video.contentType = request.format().mimeType();
        video.sizeBytes = sizeBytes;
        video.storageKey = storageKey;
        video.createdAt = now;
        videos.persist(video);

        Task task = new Task();
        task.id = taskId;
        task.videoId = videoId;
        task.status = TaskStatus.PENDING;
        task.detectTypes = Task.joinTypes(request.detectTypes());
        task.threshold = request.slicing().threshold();
        task.minSceneSeconds = request.slicing().minSceneSeconds();
        task.minChangedArea = request.slicing().minChangedArea();
        task.minSceneArea = request.slicing().minSceneArea();
        task.settleFrames = request.slicing().settleFrames();
        task.createdAt = now;
        task.updatedAt = now;
        task.heartbeatAt = now;
        tasks.persist(task);
        return TaskView.of(task, video);
    }

    /**
     * Marks a task whose event could not be published as FAILED. The video and the rows stay, so the user can see
     * why. The cancel flag is raised because Kafka may still deliver the record after the timeout.
     */
    private PublishFailedException failUnpublished(UUID taskId, EventPublishException error) {
        String reason = "could not publish video-uploaded event: " + error.getMessage();
        Log.errorf(error, "Task %s: %s", taskId, reason);

        QuarkusTransaction.requiringNew().run(() -> tasks.findByIdForUpdate(taskId)
                .filter(task -> !task.status.isTerminal())
                .ifPresent(task -> {
                    Instant now = Instant.now();
                    task.status = TaskStatus.FAILED;
                    task.error = reason;
                    task.updatedAt = now;
                    task.finishedAt = now;
                }));

        try {
            cancelFlags.raise(taskId);
        } catch (RuntimeException e) {
            Log.errorf(e, "Task %s: could not raise the cancel flag after the failed publish", taskId);
        }
        return new PublishFailedException(taskId, reason, error);
    }
}
