package io.scenery.vlm.service;

import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.vlm.Analysis;
import io.scenery.vlm.AnalysisElement;
import io.scenery.vlm.AnalysisScene;
import io.scenery.vlm.AnalysisStatus;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.repository.AnalysisElementRepository;
import io.scenery.vlm.repository.AnalysisRepository;
import io.scenery.vlm.repository.AnalysisSceneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The state changes of analyses, each in one database transaction that has committed when the method returns. */
@ApplicationScoped
public class AnalysisStore {

    private final AnalysisRepository analyses;
    private final AnalysisSceneRepository scenes;
    private final AnalysisElementRepository elements;

    public AnalysisStore(AnalysisRepository analyses, AnalysisSceneRepository scenes,
                         AnalysisElementRepository elements) {
        this.analyses = analyses;
        this.scenes = scenes;
        this.elements = elements;
    }

    /**
     * Marks the task's analysis of the detect type RUNNING over the given scenes under a new run id, creating it
     * when missing and dropping the scenes and elements of an earlier run. A PENDING or RUNNING analysis is taken
     * over only when no run owns it yet, or when its owner made no update for longer than staleAfter, as in
     * {@link AnalysisRepository#claim}. That lets a redelivered record finish a run that died half-way.
     *
     * @return {@link AnalysisStart.Started} with the analysis id when the caller must run it,
     *         {@link AnalysisStart.AlreadyCompleted} when it is COMPLETED over the same scenes, or
     *         {@link AnalysisStart.OwnedByLiveRun} when another run owns it and may still be working on it
     */
    @Transactional
    public AnalysisStart start(UUID taskId, DetectType detectType, List<SceneRef> keyframes, Duration staleAfter) {
        Instant now = Instant.now();
        String sceneSet = SceneSet.of(keyframes.stream().map(SceneRef::sceneId).toList());
        analyses.insertIfAbsent(taskId, detectType, now);
        Analysis analysis = analyses.lock(taskId, detectType).orElseThrow(() -> new IllegalStateException(
                "analysis of task " + taskId + " for " + detectType.wireName() + " vanished after its insert"));

        if (analysis.status == AnalysisStatus.COMPLETED
                && (analysis.sceneSet == null || analysis.sceneSet.equals(sceneSet))) {
            return new AnalysisStart.AlreadyCompleted();
        }
        if (isOwnedByLiveRun(analysis, now.minus(staleAfter))) {
            return new AnalysisStart.OwnedByLiveRun(analysis.status, analysis.runId, analysis.updatedAt);
        }

        analysis.sceneSet = sceneSet;
        analysis.runId = UUID.randomUUID();
        begin(analysis, keyframes.size(), now);
        return new AnalysisStart.Started(analysis.id);
    }

    /**
     * Returns whether another run may still be working on the analysis. A row without a run id has no owner: it
     * was just inserted by {@link AnalysisRepository#insertIfAbsent}, or it dates from before run ids were stored.
     */
    private static boolean isOwnedByLiveRun(Analysis analysis, Instant staleBefore) {
        boolean unfinished = analysis.status == AnalysisStatus.PENDING || analysis.status == AnalysisStatus.RUNNING;
        return unfinished && analysis.runId != null && !analysis.updatedAt.isBefore(staleBefore);
    }

    /**
     * Moves a claimed analysis from PENDING to RUNNING, when it is still PENDING under the given run id. Returns
     * the analysis, or empty when another run owns it or it has started already, so a duplicate request record
     * starts no second run. The row lock serialises consumers that race on the same record.
     */
    @Transactional
    public Optional<Analysis> startClaimed(UUID taskId, DetectType detectType, UUID runId) {
        Optional<Analysis> locked = analyses.lock(taskId, detectType);
        if (locked.isEmpty() || locked.get().status != AnalysisStatus.PENDING
                || !runId.equals(locked.get().runId)) {
            return Optional.empty();
        }

        Analysis analysis = locked.get();
        begin(analysis, analysis.total, Instant.now());
        return Optional.of(analysis);
    }

    /**
     * Claims the task's analysis of the detect type for a requested run over the given scenes, atomically across
     * replicas (see {@link AnalysisRepository#claim}), and drops the rows of its earlier run. Returns the analysis
     * id when the claim succeeded, empty when a run over these scenes is completed or one is in progress.
     */
    @Transactional
    public Optional<UUID> claim(UUID taskId, DetectType detectType, List<UUID> sceneIds, UUID runId,
                                Duration staleAfter) {
        Instant now = Instant.now();
        Optional<UUID> claimed = analyses.claim(taskId, detectType, SceneSet.of(sceneIds), sceneIds.size(), runId,
                now, now.minus(staleAfter));
        claimed.ifPresent(analysisId -> {
            elements.deleteByAnalysis(analysisId);
            scenes.deleteByAnalysis(analysisId);
        });
        return claimed;
    }

    private void begin(Analysis analysis, int keyframes, Instant now) {
        elements.deleteByAnalysis(analysis.id);
        scenes.deleteByAnalysis(analysis.id);
        analysis.status = AnalysisStatus.RUNNING;
        analysis.processed = 0;
        analysis.total = keyframes;
        analysis.error = null;
        analysis.inputTokens = 0;
        analysis.outputTokens = 0;
        analysis.modelCalls = 0;
        analysis.failedScenes = 0;
        analysis.startedAt = now;
        analysis.finishedAt = null;
        analysis.updatedAt = now;
    }

    /**
     * Replaces the scene's result in the analysis: its scene row and all its elements. Returns the number of
     * scenes the analysis has processed so far.
     */
    @Transactional
    public int saveScene(UUID analysisId, SceneRef scene, SceneDetection detection) {
        Analysis analysis = analyses.lockById(analysisId);
        AnalysisScene sceneRow = replaceScene(analysis, scene);
        sceneRow.width = detection.width();
        sceneRow.height = detection.height();
        scenes.persist(sceneRow);

        for (DetectedElement detected : detection.elements()) {
            elements.persist(toRow(analysis, scene, detected));
        }

        analysis.inputTokens += detection.inputTokens();
        analysis.outputTokens += detection.outputTokens();
        analysis.modelCalls += detection.modelAttempts();
        return analysis.processed;
    }

    /**
     * Records the scene as failed with its error and no elements, and the vision-model attempts it made. Returns
     * the number of scenes the analysis has processed so far, failed ones included.
     */
    @Transactional
    public int saveFailedScene(UUID analysisId, SceneRef scene, String error, int modelAttempts) {
        Analysis analysis = analyses.lockById(analysisId);
        AnalysisScene sceneRow = replaceScene(analysis, scene);
        sceneRow.error = error;
        scenes.persist(sceneRow);
        analysis.modelCalls += modelAttempts;
        analysis.failedScenes = (int) scenes.countFailedByAnalysis(analysisId);
        return analysis.processed;
    }

    /** Marks the analysis COMPLETED; with failed scenes, the error names how many, flagging a partial result. */
    @Transactional
    public void completePartially(UUID analysisId, String summary) {
        finish(analysisId, AnalysisStatus.COMPLETED, summary);
    }

    /**
     * Drops the scene's earlier rows and returns a new scene row. The analysis's processed count goes up only when
     * the scene had no row yet; the caller holds the analysis row lock, so the count stays exact without a query.
     */
    private AnalysisScene replaceScene(Analysis analysis, SceneRef scene) {
        elements.deleteByScene(analysis.id, scene.sceneId());
        long replaced = scenes.deleteByScene(analysis.id, scene.sceneId());
        if (replaced == 0) {
            analysis.processed = Math.min(analysis.total, analysis.processed + 1);
        }
        analysis.updatedAt = Instant.now();
        AnalysisScene sceneRow = new AnalysisScene();
        sceneRow.id = UUID.randomUUID();
        sceneRow.analysisId = analysis.id;
        sceneRow.taskId = analysis.taskId;
        sceneRow.sceneId = scene.sceneId();
        sceneRow.sceneNumber = scene.sceneNumber();
        sceneRow.keyframeKey = scene.keyframeKey();
        sceneRow.analyzedAt = Instant.now();
        return sceneRow;
    }


    @Transactional
    public void complete(UUID analysisId) {
        finish(analysisId, AnalysisStatus.COMPLETED, null);
    }

    @Transactional
    public void fail(UUID analysisId, String reason) {
        finish(analysisId, AnalysisStatus.FAILED, reason);
    }

    @Transactional
    public void cancel(UUID analysisId, String reason) {
        finish(analysisId, AnalysisStatus.CANCELLED, reason);
    }

    private void finish(UUID analysisId, AnalysisStatus status, String error) {
        Analysis analysis = analyses.findById(analysisId);
        Instant now = Instant.now();
        analysis.status = status;
        analysis.error = error;
        analysis.finishedAt = now;
        analysis.updatedAt = now;
    }

    private static AnalysisElement toRow(Analysis analysis, SceneRef scene, DetectedElement detected) {
        AnalysisElement row = new AnalysisElement();
        row.id = UUID.randomUUID();
        row.analysisId = analysis.id;
        row.taskId = analysis.taskId;
        row.sceneId = scene.sceneId();
        row.sceneNumber = scene.sceneNumber();
        row.type = detected.type();
        row.label = detected.label();
        row.x = detected.box().x();
        row.y = detected.box().y();
        row.width = detected.box().width();
        row.height = detected.box().height();
        row.confidence = Math.max(0.0, Math.min(1.0, detected.confidence()));
        row.source = detected.source();
        row.interactive = detected.interactive();
        return row;
    }
}
