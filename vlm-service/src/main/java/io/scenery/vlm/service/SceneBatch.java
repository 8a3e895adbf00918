package io.scenery.vlm.service;

import io.quarkus.logging.Log;
import io.scenery.events.DetectType;
import io.scenery.events.ProgressStatus;
import io.scenery.events.SceneRef;
import io.scenery.vlm.config.FailurePolicy;
import io.scenery.vlm.config.VlmConfig;
import io.scenery.vlm.messaging.ProgressPublisher;
import io.scenery.vlm.vision.ModelCallException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Analyses the keyframes of one analysis, up to the configured number at once, saving each scene as it finishes.
 * A failed detection is recorded on its scene under the partial policy and stops the batch under the fail policy.
 * An unreadable keyframe or a cancel flag always stops it. The batch keeps nothing after it returns.
 */
@ApplicationScoped
public class SceneBatch {

    private final AnalysisStore store;
    private final KeyframeAnalyzer keyframes;
    private final CancelFlagReader cancelFlags;
    private final ProgressPublisher progress;
    private final int concurrency;
    private final FailurePolicy policy;

    public SceneBatch(AnalysisStore store, KeyframeAnalyzer keyframes, CancelFlagReader cancelFlags,
                      ProgressPublisher progress, VlmConfig config) {
        this.store = store;
        this.keyframes = keyframes;
        this.cancelFlags = cancelFlags;
        this.progress = progress;
        this.concurrency = config.sceneConcurrency();
        this.policy = config.failurePolicy();
    }

    /** Runs the scenes; progress counts start at processedBefore out of total over the whole task. */
    public Outcome run(UUID taskId, UUID analysisId, DetectType detectType, List<SceneRef> scenes,
                       long processedBefore, long total) {
        Shared shared = new Shared();
        ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, scenes.size())));
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SceneRef scene : scenes) {
                futures.add(workers.submit(() -> analyse(taskId, analysisId, detectType, scene, scenes.size(),
                        processedBefore, total, shared)));
            }
            for (Future<?> future : futures) {
                await(future);
            }
        } finally {
            workers.shutdownNow();
        }
        return new Outcome(shared.stop.get(), shared.failed.get(), shared.firstFailure.get(), shared.elements.get());
    }

    private void analyse(UUID taskId, UUID analysisId, DetectType detectType, SceneRef scene, int sceneCount,
                         long processedBefore, long total, Shared shared) {
        if (shared.stopped.get()) {
            return;
        }
        if (cancelFlags.isCancelled(taskId)) {
            shared.stopAt(new Stop(true, scene.sceneNumber(), "cancelled before scene " + scene.sceneNumber(),
                    "Cancelled"));
            return;
        }

        SceneDetection detection;
        try {
            detection = keyframes.analyze(scene, detectType);
        } catch (KeyframeUnreadableException e) {
            shared.stopAt(new Stop(false, scene.sceneNumber(), e.getMessage(), "KeyframeUnreadable"));
            return;
        } catch (RuntimeException e) {
            Log.errorf(e, "Detection failed on scene %d of task %s", scene.sceneNumber(), taskId);
            String reason = "detection failed on scene " + scene.sceneNumber() + " (" + scene.sceneId() + "): "
                    + e.getMessage();
            if (policy == FailurePolicy.FAIL) {
                shared.stopAt(new Stop(false, scene.sceneNumber(), reason, e.getClass().getSimpleName()));
                return;
            }
            int processed = store.saveFailedScene(analysisId, scene, reason, modelAttempts(e));
            shared.failed.incrementAndGet();
            shared.firstFailure.compareAndSet(null, reason);
            progress.publish(taskId, ProgressStatus.RUNNING, detectType, processedBefore + processed, total,
                    detectType.wireName() + ": scene " + scene.sceneNumber() + " failed, " + processed + " of "
                            + sceneCount + " keyframes");
            return;
        }

        int processed = store.saveScene(analysisId, scene, detection);
        shared.elements.addAndGet(detection.elements().size());
        progress.publish(taskId, ProgressStatus.RUNNING, detectType, processedBefore + processed, total,
                detectType.wireName() + ": scene " + scene.sceneNumber() + " done, " + processed + " of "
                        + sceneCount + " keyframes, " + detection.elements().size() + " elements");
    }

    private static int modelAttempts(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ModelCallException call) {
                return call.attempts();
            }
        }
        return 0;
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for scene analyses", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Result of the batch: the reason it stopped early (null when all scenes ran), the scenes recorded as failed,
     * the first of their errors, and the elements saved.
     */
    public record Outcome(Stop stop, int failed, String firstFailure, long elements) {
    }

    /** Why a batch stopped early: at the lowest scene number that was cancelled or failed for good. */
    public record Stop(boolean cancelled, int sceneNumber, String reason, String errorType) {
    }

    private static final class Shared {
        final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicReference<Stop> stop = new AtomicReference<>();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicReference<String> firstFailure = new AtomicReference<>();
        final AtomicLong elements = new AtomicLong();

        void stopAt(Stop candidate) {
            stopped.set(true);
            stop.accumulateAndGet(candidate, (current, next) ->
                    current == null || next.sceneNumber() < current.sceneNumber() ? next : current);
        }
    }
}
