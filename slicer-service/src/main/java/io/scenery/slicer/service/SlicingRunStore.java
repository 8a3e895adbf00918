package io.scenery.slicer.service;

import io.scenery.slicer.RunStatus;
import io.scenery.slicer.Scene;
import io.scenery.slicer.SlicingRun;
import io.scenery.slicer.repository.SceneRepository;
import io.scenery.slicer.repository.SlicingRunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The database side of slicing runs. Every method is one transaction, so callers publish events only after it
 * returned, that is after the commit.
 */
@ApplicationScoped
public class SlicingRunStore {

    /** The committed scenes of a completed run, and keyframe keys of an earlier run that no scene uses any more. */
    public record Completion(List<Scene> scenes, List<String> staleKeyframeKeys) {
    }

    private final SlicingRunRepository runs;
    private final SceneRepository scenes;

    public SlicingRunStore(SlicingRunRepository runs, SceneRepository scenes) {
        this.runs = runs;
        this.scenes = scenes;
    }

    /** Returns the task's run, or null when slicing never started for it. */
    @Transactional
    public SlicingRun find(UUID taskId) {
        return runs.findById(taskId);
    }

    @Transactional
    public List<Scene> scenes(UUID taskId) {
        return scenes.listByTask(taskId);
    }

    /**
     * Marks the run RUNNING and counts the attempt; an insert that races with another replica becomes an update.
     * The count is committed when this method returns, before any decoding, so an attempt that crashes the process
     * still counts. {@code {h-schema}} is Hibernate's placeholder for the default schema, which native SQL does not
     * get otherwise.
     *
     * @return the attempts of the task so far, this one included
     */
    @Transactional
    public int begin(UUID taskId, UUID videoId) {
        Object attempts = runs.getEntityManager().createNativeQuery("""
                        INSERT INTO {h-schema}slicing_run (task_id, video_id, status, attempts, started_at, updated_at)
                        VALUES (?1, ?2, 'RUNNING', 1, ?3, ?3)
                        ON CONFLICT (task_id) DO UPDATE SET status = 'RUNNING',
                            attempts = slicing_run.attempts + 1, error = NULL, error_type = NULL,
                            started_at = EXCLUDED.started_at, finished_at = NULL, updated_at = EXCLUDED.updated_at
                        RETURNING attempts
                        """)
                .setParameter(1, taskId)
                .setParameter(2, videoId)
                .setParameter(3, Instant.now())
                .getSingleResult();
        return ((Number) attempts).intValue();
    }

    /**
     * Replaces the task's scenes with the result's and marks the run COMPLETED. The run row is locked first, so
     * two deliveries of one record that finish together apply one after the other and never mix their scenes.
     */
    @Transactional
    public Completion complete(UUID taskId, SlicingResult result) {
        SlicingRun run = lockedRun(taskId);
        Set<String> previousKeys = new HashSet<>();
        for (Scene old : scenes.listByTask(taskId)) {
            previousKeys.add(old.keyframeKey);
        }
        scenes.deleteByTask(taskId);

        List<Scene> stored = new ArrayList<>();
        for (DetectedScene detected : result.scenes()) {
            Scene scene = toEntity(taskId, detected);
            scenes.persist(scene);
            stored.add(scene);
            previousKeys.remove(detected.keyframeKey());
        }

        Instant now = Instant.now();
        run.status = RunStatus.COMPLETED;
        run.sceneCount = stored.size();
        run.stats(result.stats());
        run.error = null;
        run.errorType = null;
        run.finishedAt = now;
        run.updatedAt = now;
        return new Completion(stored, List.copyOf(previousKeys));
    }

    /** Marks the run FAILED with a reason for the user and removes any scenes of the task. */
    @Transactional
    public void fail(UUID taskId, UUID videoId, String errorType, String reason) {
        finish(taskId, videoId, RunStatus.FAILED, errorType, reason);
    }

    /** Marks the run CANCELLED and removes any scenes of the task. */
    @Transactional
    public void cancel(UUID taskId, UUID videoId) {
        finish(taskId, videoId, RunStatus.CANCELLED, null, null);
    }

    private void finish(UUID taskId, UUID videoId, RunStatus status, String errorType, String reason) {
        SlicingRun run = lockedRun(taskId);
        Instant now = Instant.now();
        boolean created = run == null;
        if (created) {
            run = new SlicingRun();
            run.taskId = taskId;
            run.videoId = videoId;
            run.startedAt = now;
        }
        run.status = status;
        run.sceneCount = null;
        run.errorType = errorType;
        run.error = reason;
        run.finishedAt = now;
        run.updatedAt = now;
        if (created) {
            runs.persist(run);
        }
        scenes.deleteByTask(taskId);
    }

    private SlicingRun lockedRun(UUID taskId) {
        return runs.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Scene toEntity(UUID taskId, DetectedScene detected) {
        Scene scene = new Scene();
        scene.id = UUID.randomUUID();
        scene.taskId = taskId;
        scene.sceneNumber = detected.sceneNumber();
        scene.startFrame = detected.startFrame();
        scene.endFrame = detected.endFrame();
        scene.startSeconds = detected.startSeconds();
        scene.endSeconds = detected.endSeconds();
        scene.keyframeFrame = detected.keyframeFrame();
        scene.keyframeSeconds = detected.keyframeSeconds();
        scene.motion = detected.motion();
        scene.keyframeKey = detected.keyframeKey();
        scene.width = detected.width();
        scene.height = detected.height();
        return scene;
    }
}
