package io.scenery.vlm.service;

import io.quarkus.logging.Log;
import io.scenery.events.AuditEvent;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.audit.AuditTrail;
import io.scenery.vlm.messaging.ProgressPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the requested analyses of one task, one detect type after the other and keyframe by keyframe. Each step
 * commits before its progress event is sent. A COMPLETED analysis is skipped, so a redelivered record only
 * finishes what is missing. The first failure or cancel stops the task's remaining analyses.
 */
@ApplicationScoped
public class AnalysisRunner {

    private final AnalysisStore store;
    private final KeyframeAnalyzer keyframes;
    private final CancelFlagReader cancelFlags;
    private final ProgressPublisher progress;
    private final AuditTrail audit;

    public AnalysisRunner(AnalysisStore store, KeyframeAnalyzer keyframes, CancelFlagReader cancelFlags,
                          ProgressPublisher progress, AuditTrail audit) {
        this.store = store;
        this.keyframes = keyframes;
        this.cancelFlags = cancelFlags;
        this.progress = progress;
        this.audit = audit;
    }

    public void run(ScenesReady event) {
        UUID taskId = event.taskId();
        List<DetectType> detectTypes = RequestedDetectTypes.of(event.detectTypes());
        List<SceneRef> scenes = event.scenes().stream()
                .sorted(Comparator.comparingInt(SceneRef::sceneNumber))
                .toList();
        TaskProgress task = new TaskProgress(taskId, (long) scenes.size() * detectTypes.size());

        for (int i = 0; i < detectTypes.size(); i++) {
            long processedBefore = (long) i * scenes.size();
            if (!runAnalysis(task, detectTypes.get(i), scenes, processedBefore)) {
                return;
            }
        }

        String names = detectTypes.stream().map(DetectType::wireName).collect(Collectors.joining(", "));
        progress.publish(taskId, ProgressStatus.COMPLETED, null, task.total(), task.total(),
                "analysis completed: " + names);
        Log.infof("Analysis of task %s completed for %s", taskId, names);
    }

    /** Runs one detect type; returns false when it failed or was cancelled, so the task stops. */
    private boolean runAnalysis(TaskProgress task, DetectType detectType, List<SceneRef> scenes, long processedBefore) {
        UUID taskId = task.taskId();
        UUID analysisId = store.start(taskId, detectType, scenes.size()).orElse(null);
        if (analysisId == null) {
            Log.infof("Analysis %s of task %s is completed already; not running it again", detectType.wireName(),
                    taskId);
            return true;
        }

        long startNanos = System.nanoTime();
        Log.infof("Analysis %s of task %s started over %d keyframes", detectType.wireName(), taskId, scenes.size());
        progress.publish(taskId, ProgressStatus.STARTED, detectType, processedBefore, task.total(),
                detectType.wireName() + " analysis started over " + scenes.size() + " keyframes");
        audit.record("analysis.started", taskId, AuditEvent.SUCCESS, Duration.ZERO,
                Map.of("detectType", detectType.wireName(), "scenes", Integer.toString(scenes.size())));

        try {
            return analyseScenes(task, analysisId, detectType, scenes, processedBefore, startNanos);
        } catch (RuntimeException e) {
            // Leave no RUNNING analysis behind; the record then goes to the dead-letter topic.
            Log.errorf(e, "Analysis %s of task %s failed unexpectedly", detectType.wireName(), taskId);
            failQuietly(analysisId, taskId, detectType, "internal error: " + e);
            throw e;
        }
    }

    private boolean analyseScenes(TaskProgress task, UUID analysisId, DetectType detectType, List<SceneRef> scenes,
                                  long processedBefore, long startNanos) {
        UUID taskId = task.taskId();
        long elementCount = 0;
        for (SceneRef scene : scenes) {
            if (cancelFlags.isCancelled(taskId)) {
                cancel(task, analysisId, detectType, scene, processedBefore, startNanos);
                return false;
            }

            SceneDetection detection;
            try {
                detection = keyframes.analyze(scene, detectType);
            } catch (KeyframeUnreadableException e) {
                fail(task, analysisId, detectType, scene, e.getMessage(), "KeyframeUnreadable", processedBefore,
                        startNanos);
                return false;
            } catch (RuntimeException e) {
                Log.errorf(e, "Detection failed on scene %d of task %s", scene.sceneNumber(), taskId);
                String reason = "detection failed on scene " + scene.sceneNumber() + " (" + scene.sceneId() + "): "
                        + e.getMessage();
                fail(task, analysisId, detectType, scene, reason, e.getClass().getSimpleName(), processedBefore,
                        startNanos);
                return false;
            }

            int processed = store.saveScene(analysisId, scene, detection);
            elementCount += detection.elements().size();
            progress.publish(taskId, ProgressStatus.RUNNING, detectType, processedBefore + processed, task.total(),
                    detectType.wireName() + ": scene " + scene.sceneNumber() + " done, " + processed + " of "
                            + scenes.size() + " keyframes, " + detection.elements().size() + " elements");
        }

        store.complete(analysisId);
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        Log.infof("Analysis %s of task %s finished: %d keyframes, %d elements in %d ms", detectType.wireName(),
                taskId, scenes.size(), elementCount, duration.toMillis());
        audit.record("analysis.finished", taskId, AuditEvent.SUCCESS, duration,
                Map.of("detectType", detectType.wireName(), "scenes", Integer.toString(scenes.size()),
                        "elements", Long.toString(elementCount)));
        return true;
    }

    private void cancel(TaskProgress task, UUID analysisId, DetectType detectType, SceneRef scene,
                        long processedBefore, long startNanos) {
        String reason = "cancelled before scene " + scene.sceneNumber();
        store.cancel(analysisId, reason);
        Log.infof("Analysis %s of task %s %s", detectType.wireName(), task.taskId(), reason);
        progress.publish(task.taskId(), ProgressStatus.CANCELLED, detectType, processedBefore, task.total(), reason);
        audit.record("analysis.finished", task.taskId(), AuditEvent.failed("Cancelled"),
                Duration.ofNanos(System.nanoTime() - startNanos),
                Map.of("detectType", detectType.wireName(), "reason", reason));
    }

    private void fail(TaskProgress task, UUID analysisId, DetectType detectType, SceneRef scene, String reason,
                      String errorType, long processedBefore, long startNanos) {
        store.fail(analysisId, reason);
        Log.warnf("Analysis %s of task %s failed: %s", detectType.wireName(), task.taskId(), reason);
        progress.publish(task.taskId(), ProgressStatus.FAILED, detectType, processedBefore, task.total(), reason);
        audit.record("analysis.failed", task.taskId(), AuditEvent.failed(errorType),
                Duration.ofNanos(System.nanoTime() - startNanos),
                Map.of("detectType", detectType.wireName(), "sceneNumber", Integer.toString(scene.sceneNumber()),
                        "reason", reason));
    }

    private void failQuietly(UUID analysisId, UUID taskId, DetectType detectType, String reason) {
        try {
            store.fail(analysisId, reason);
        } catch (RuntimeException e) {
            Log.errorf(e, "Could not mark analysis %s of task %s as failed", detectType.wireName(), taskId);
        }
    }

    /** The task being analysed and its keyframe count over all requested detect types. */
    private record TaskProgress(UUID taskId, long total) {
    }
}
