package io.scenery.vlm.service;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisRequested;
import io.scenery.events.AuditEvent;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.audit.AuditTrail;
import io.scenery.vlm.Analysis;
import io.scenery.vlm.messaging.ProgressPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Runs the analyses of one task that scenes-ready or a REST request asked for, one detect type after the other,
 * its keyframes in a {@link SceneBatch}.
 * Each step commits before its progress event is sent. A COMPLETED analysis is skipped, so a redelivered record
 * only finishes what is missing. A scenes-ready record whose analysis another run owns waits for that run (see
 * {@link AnalysisStarter}), so the analysis never runs twice at once. A failed or cancelled analysis stops the
 * task's remaining analyses. Scenes that failed under the partial policy leave the analysis COMPLETED with the
 * failures named in its error.
 */
@ApplicationScoped
public class AnalysisRunner {

    private final AnalysisStore store;
    private final AnalysisStarter starter;
    private final TaskScenes taskScenes;
    private final SceneBatch batch;
    private final ProgressPublisher progress;
    // Records directly instead of through @Audited: the events are per detect type and come from private methods,
    // which CDI interceptors do not see, and the start of an analysis is an event of its own.
    private final AuditTrail audit;

    public AnalysisRunner(AnalysisStore store, AnalysisStarter starter, TaskScenes taskScenes, SceneBatch batch,
                          ProgressPublisher progress, AuditTrail audit) {
        this.store = store;
        this.starter = starter;
        this.taskScenes = taskScenes;
        this.batch = batch;
        this.progress = progress;
        this.audit = audit;
    }

    /**
     * Runs the analyses that a scenes-ready record requests, one detect type after the other, and publishes the
     * closing progress event once all are COMPLETED. Blocks while another run owns one of the analyses.
     *
     * @throws IllegalStateException when the thread is interrupted while it waits for another run
     */
    public void run(ScenesReady event) {
        UUID taskId = event.taskId();
        List<DetectType> detectTypes = RequestedDetectTypes.of(event.detectTypes());
        List<SceneRef> scenes = event.scenes().stream()
                .sorted(Comparator.comparingInt(SceneRef::sceneNumber))
                .toList();
        taskScenes.record(taskId, scenes);
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

    /**
     * Runs an analysis that a REST request claimed, when it is still pending under the request's run id. A record
     * delivered twice, or to two consumers, runs once: the second finds the analysis no longer pending.
     */
    public void runRequested(AnalysisRequested event) {
        UUID taskId = event.taskId();
        DetectType detectType = event.detectType();
        Analysis analysis = store.startClaimed(taskId, detectType, event.runId()).orElse(null);
        if (analysis == null) {
            Log.infof("Analysis %s of task %s is not pending under run %s; another run owns it or it has started",
                    detectType.wireName(), taskId, event.runId());
            return;
        }

        List<UUID> sceneIds = SceneSet.parse(analysis.sceneSet);
        List<SceneRef> scenes = taskScenes.list(taskId).stream()
                .filter(scene -> sceneIds.contains(scene.sceneId()))
                .toList();
        TaskProgress task = new TaskProgress(taskId, scenes.size());
        if (scenes.size() != sceneIds.size()) {
            String reason = "the requested scenes are no longer all known for the task: found " + scenes.size()
                    + " of " + sceneIds.size();
            fail(task, analysis.id, detectType, -1, reason, "UnknownScenes", 0, System.nanoTime());
            return;
        }

        if (execute(task, analysis.id, detectType, scenes, 0)) {
            progress.publish(taskId, ProgressStatus.COMPLETED, detectType, task.total(), task.total(),
                    "analysis completed: " + detectType.wireName());
            Log.infof("Requested analysis %s of task %s completed", detectType.wireName(), taskId);
        }
    }

    /**
     * Runs one detect type once no other run owns it. Returns false when it failed or was cancelled, so the task
     * stops.
     */
    private boolean runAnalysis(TaskProgress task, DetectType detectType, List<SceneRef> scenes, long processedBefore) {
        UUID taskId = task.taskId();
        AnalysisStart start = starter.start(taskId, detectType, scenes);
        if (!(start instanceof AnalysisStart.Started started)) {
            Log.infof("Analysis %s of task %s is completed already; not running it again", detectType.wireName(),
                    taskId);
            return true;
        }
        return execute(task, started.analysisId(), detectType, scenes, processedBefore);
    }

    /** Runs a started analysis over its scenes; returns false when it failed or was cancelled. */
    private boolean execute(TaskProgress task, UUID analysisId, DetectType detectType, List<SceneRef> scenes,
                            long processedBefore) {
        UUID taskId = task.taskId();
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
        SceneBatch.Outcome outcome = batch.run(taskId, analysisId, detectType, scenes, processedBefore, task.total());
        SceneBatch.Stop stop = outcome.stop();
        if (stop != null && stop.cancelled()) {
            cancel(task, analysisId, detectType, stop.reason(), processedBefore, startNanos);
            return false;
        }
        if (stop != null) {
            fail(task, analysisId, detectType, stop.sceneNumber(), stop.reason(), stop.errorType(), processedBefore,
                    startNanos);
            return false;
        }
        if (outcome.failed() == scenes.size()) {
            String reason = "all " + scenes.size() + " scenes failed; the first error: " + outcome.firstFailure();
            fail(task, analysisId, detectType, -1, reason, "AllScenesFailed", processedBefore, startNanos);
            return false;
        }

        if (outcome.failed() > 0) {
            store.completePartially(analysisId, "partial result: " + outcome.failed() + " of " + scenes.size()
                    + " scenes failed; the first error: " + outcome.firstFailure());
        } else {
            store.complete(analysisId);
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        Log.infof("Analysis %s of task %s finished: %d keyframes (%d failed), %d elements in %d ms",
                detectType.wireName(), taskId, scenes.size(), outcome.failed(), outcome.elements(),
                duration.toMillis());
        audit.record("analysis.finished", taskId, AuditEvent.SUCCESS, duration,
                Map.of("detectType", detectType.wireName(), "scenes", Integer.toString(scenes.size()),
                        "failedScenes", Integer.toString(outcome.failed()),
                        "elements", Long.toString(outcome.elements())));
        return true;
    }

    private void cancel(TaskProgress task, UUID analysisId, DetectType detectType, String reason,
                        long processedBefore, long startNanos) {
        store.cancel(analysisId, reason);
        Log.infof("Analysis %s of task %s %s", detectType.wireName(), task.taskId(), reason);
        progress.publish(task.taskId(), ProgressStatus.CANCELLED, detectType, processedBefore, task.total(), reason);
        audit.record("analysis.finished", task.taskId(), AuditEvent.failed("Cancelled"),
                Duration.ofNanos(System.nanoTime() - startNanos),
                Map.of("detectType", detectType.wireName(), "reason", reason));
    }

    private void fail(TaskProgress task, UUID analysisId, DetectType detectType, int sceneNumber, String reason,
                      String errorType, long processedBefore, long startNanos) {
        store.fail(analysisId, reason);
        Log.warnf("Analysis %s of task %s failed: %s", detectType.wireName(), task.taskId(), reason);
        progress.publish(task.taskId(), ProgressStatus.FAILED, detectType, processedBefore, task.total(), reason);
        audit.record("analysis.failed", task.taskId(), AuditEvent.failed(errorType),
                Duration.ofNanos(System.nanoTime() - startNanos),
                Map.of("detectType", detectType.wireName(), "sceneNumber", Integer.toString(sceneNumber),
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
