package io.scenery.slicer.service;

import io.quarkus.logging.Log;
import io.scenery.events.AuditEvent;
import io.scenery.events.VideoUploaded;
import io.scenery.events.audit.AuditScope;
import io.scenery.events.audit.AuditTrail;
import io.scenery.events.audit.Audited;
import io.scenery.slicer.RunStatus;
import io.scenery.slicer.SlicingRun;
import io.scenery.slicer.config.SlicerConfig;
import io.scenery.slicer.messaging.ProgressPublisher;
import io.scenery.slicer.messaging.ScenesReadyPublisher;
import io.scenery.storage.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Runs the slicing of one uploaded video from start to a recorded outcome: completed, failed or cancelled. The
 * outcome is committed first and published after. A record delivered again for a finished run republishes the
 * stored outcome instead of decoding again.
 */
@ApplicationScoped
public class SlicingService {

    static final String STARTED = "slicing.started";
    static final String FINISHED = "slicing.finished";
    static final String CANCELLED_OUTCOME = "cancelled";
    static final String INTERNAL_ERROR = "InternalError";

    private final SlicerConfig config;
    private final VideoSlicer slicer;
    private final SlicingRunStore store;
    private final BlobStore blobs;
    private final CancelFlagReader cancelFlags;
    private final ProgressPublisher progress;
    private final ScenesReadyPublisher scenesReady;
    private final AuditTrail audit;

    public SlicingService(SlicerConfig config, VideoSlicer slicer, SlicingRunStore store, BlobStore blobs,
                          CancelFlagReader cancelFlags, ProgressPublisher progress, ScenesReadyPublisher scenesReady,
                          AuditTrail audit) {
        this.config = config;
        this.slicer = slicer;
        this.store = store;
        this.blobs = blobs;
        this.cancelFlags = cancelFlags;
        this.progress = progress;
        this.scenesReady = scenesReady;
        this.audit = audit;
    }

    /**
     * Slices the uploaded video and records the outcome. Bad input, cancellation and internal errors all end in a
     * recorded outcome.
     *
     * @throws RuntimeException only when the outcome could not be committed or published
     */
    @Audited(FINISHED)
    public void handle(VideoUploaded event) {
        UUID taskId = event.taskId();
        AuditScope.attribute("videoId", event.videoId());
        SlicingRun existing = store.find(taskId);
        if (existing != null && existing.status != RunStatus.RUNNING) {
            Log.infof("Task %s: slicing already %s; republishing the stored outcome", taskId, existing.status);
            AuditScope.attribute("republished", existing.status);
            republish(existing, event);
            return;
        }
        if (cancelFlags.isCancelled(taskId)) {
            Log.infof("Task %s: cancelled before slicing started", taskId);
            recordCancelled(event);
            return;
        }

        int attempt = store.begin(taskId, event.videoId());
        if (attempt > config.maxAttempts()) {
            String reason = "slicing was started " + (attempt - 1) + " times without finishing, the limit is "
                    + config.maxAttempts() + "; the video may crash the decoder, so it is not decoded again;"
                    + " convert the recording to MP4 (H.264) and upload it again";
            Log.warnf("Task %s: %s", taskId, reason);
            recordFailed(event, VideoRejectedException.Reason.TOO_MANY_ATTEMPTS.errorType(), reason);
            return;
        }
        progress.started(taskId);
        // @Audited records when handle returns; the start of a run that can last minutes is an event of its own.
        audit.record(STARTED, taskId, AuditEvent.SUCCESS, Duration.ZERO, attributes(event));
        Log.infof("Task %s: slicing video %s (%s, %d bytes)", taskId, event.videoId(), event.storageKey(),
                event.sizeBytes());

        SlicingResult result;
        try {
            Path video = checkedVideoPath(event);
            result = slicer.slice(taskId, video, event.slicing(),
                    new RunProgress(taskId, progress, cancelFlags, config.progressInterval()));
        } catch (VideoRejectedException e) {
            Log.infof("Task %s: video rejected (%s): %s", taskId, e.reason(), e.getMessage());
            recordFailed(event, e.reason().errorType(), e.getMessage());
            return;
        } catch (SlicingCancelledException e) {
            Log.infof("Task %s: %s", taskId, e.getMessage());
            recordCancelled(event);
            return;
        } catch (IOException | RuntimeException e) {
            Log.errorf(e, "Task %s: slicing failed", taskId);
            recordFailed(event, INTERNAL_ERROR, "slicing failed because of an internal error ("
                    + e.getClass().getSimpleName() + "); upload the recording again or contact the operator");
            return;
        }

        if (cancelFlags.isCancelled(taskId)) {
            Log.infof("Task %s: cancelled after decoding; discarding %d scenes", taskId, result.scenes().size());
            result.scenes().forEach(scene -> deleteKeyframe(taskId, scene.keyframeKey()));
            recordCancelled(event);
            return;
        }
        recordCompleted(event, result);
    }

    private void recordCompleted(VideoUploaded event, SlicingResult result) {
        UUID taskId = event.taskId();
        SlicingRunStore.Completion completion = store.complete(taskId, result);
        completion.staleKeyframeKeys().forEach(key -> deleteKeyframe(taskId, key));

        progress.completed(taskId, result.stats().framesDecoded(), completion.scenes().size());
        scenesReady.publish(taskId, completion.scenes(), result.stats(), event.detectTypes(), event.traceparent());

        AuditScope.attribute("sceneCount", completion.scenes().size());
        AuditScope.attribute("framesDecoded", result.stats().framesDecoded());
        AuditScope.attribute("framesPerSecond", result.stats().framesPerSecond());
    }

    private void recordFailed(VideoUploaded event, String errorType, String reason) {
        UUID taskId = event.taskId();
        store.fail(taskId, event.videoId(), errorType, reason);
        progress.failed(taskId, reason);

        AuditScope.outcome(AuditEvent.failed(errorType));
        AuditScope.attribute("reason", reason);
    }

    private void recordCancelled(VideoUploaded event) {
        store.cancel(event.taskId(), event.videoId());
        progress.cancelled(event.taskId());
        AuditScope.outcome(CANCELLED_OUTCOME);
    }

    /** Publishes the stored outcome of a finished run again, for a record that was delivered more than once. */
    private void republish(SlicingRun run, VideoUploaded event) {
        UUID taskId = run.taskId;
        switch (run.status) {
            case COMPLETED -> {
                var scenes = store.scenes(taskId);
                progress.completed(taskId, run.framesDecoded, scenes.size());
                scenesReady.publish(taskId, scenes, run.stats(), event.detectTypes(), event.traceparent());
            }
            case FAILED -> {
                progress.failed(taskId, run.error);
                AuditScope.outcome(AuditEvent.failed(run.errorType));
            }
            case CANCELLED -> {
                progress.cancelled(taskId);
                AuditScope.outcome(CANCELLED_OUTCOME);
            }
            default -> throw new IllegalStateException("run of task " + taskId + " is still " + run.status);
        }
    }

    /** Returns the local path of the uploaded video after checking the record's key and slicing parameters. */
    private Path checkedVideoPath(VideoUploaded event) throws VideoRejectedException {
        if (event.slicing() != null && !event.slicing().validate().isEmpty()) {
            throw new VideoRejectedException(VideoRejectedException.Reason.INVALID_PARAMETERS,
                    "invalid slicing parameters: " + String.join("; ", event.slicing().validate()));
        }
        try {
            return blobs.localPath(event.storageKey());
        } catch (IllegalArgumentException e) {
            throw new VideoRejectedException(VideoRejectedException.Reason.MISSING_FILE,
                    "the upload names an invalid storage key '" + event.storageKey() + "'; upload the recording again");
        }
    }

    private void deleteKeyframe(UUID taskId, String key) {
        try {
            blobs.delete(key);
        } catch (IOException e) {
            Log.warnf(e, "Task %s: could not delete keyframe %s", taskId, key);
        }
    }

    private static Map<String, String> attributes(VideoUploaded event) {
        Map<String, String> attributes = new HashMap<>();
        if (event.videoId() != null) {
            attributes.put("videoId", event.videoId().toString());
        }
        return attributes;
    }
}
