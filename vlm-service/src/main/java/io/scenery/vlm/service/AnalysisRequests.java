package io.scenery.vlm.service;

import io.quarkus.logging.Log;
import io.scenery.events.AnalysisRequested;
import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.events.messaging.EventPublishException;
import io.scenery.events.messaging.TraceContext;
import io.scenery.vlm.AnalysisStatus;
import io.scenery.vlm.config.VlmConfig;
import io.scenery.vlm.messaging.AnalysisRequestPublisher;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Accepts analysis requests that arrive over REST. A request claims the analysis in the database and queues it on
 * analysis-requests. A request for an analysis that is completed over the same scenes, or in progress, gets that
 * analysis back and starts nothing. The claim is one atomic statement, so replicas agree on who runs it.
 */
@ApplicationScoped
public class AnalysisRequests {

    /** Claim attempts before giving up, for a row that changes state between the claim and the read. */
    private static final int MAX_CLAIM_ATTEMPTS = 3;

    private final TaskScenes taskScenes;
    private final AnalysisStore store;
    private final AnalysisQuery query;
    private final AnalysisRequestPublisher publisher;
    private final Duration staleAfter;

    public AnalysisRequests(TaskScenes taskScenes, AnalysisStore store, AnalysisQuery query,
                            AnalysisRequestPublisher publisher, VlmConfig config) {
        this.taskScenes = taskScenes;
        this.store = store;
        this.query = query;
        this.publisher = publisher;
        this.staleAfter = config.analysisStaleAfter();
    }

    /**
     * Starts the analysis of the task's scenes for the detect type, or returns the one that exists.
     *
     * @param sceneIds the scenes to analyse, or null for all scenes of the task
     * @throws UnknownTaskException   when vlm-service has no scenes of the task
     * @throws UnknownScenesException when some scene ids do not belong to the task
     * @throws EventPublishException  when Kafka did not take the request; the claimed analysis is then FAILED
     */
    public Accepted request(UUID taskId, DetectType detectType, List<UUID> sceneIds) {
        List<UUID> selected = select(taskId, sceneIds);

        for (int attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
            UUID runId = UUID.randomUUID();
            Optional<UUID> claimed = store.claim(taskId, detectType, selected, runId, staleAfter);
            if (claimed.isPresent()) {
                publish(claimed.get(), new AnalysisRequested(AnalysisRequested.SCHEMA_VERSION, taskId, detectType,
                        sceneIds, runId, TraceContext.currentTraceparent(), Instant.now()));
                return new Accepted(true, read(taskId, detectType));
            }

            AnalysisResult current = read(taskId, detectType);
            AnalysisStatus status = current.analysis().status;
            if (status != AnalysisStatus.FAILED && status != AnalysisStatus.CANCELLED) {
                Log.infof("Analysis %s of task %s requested again; it is %s, not starting another run",
                        detectType.wireName(), taskId, status);
                return new Accepted(false, current);
            }
        }
        throw new IllegalStateException("analysis " + detectType.wireName() + " of task " + taskId
                + " changed state during " + MAX_CLAIM_ATTEMPTS + " claim attempts");
    }

    private List<UUID> select(UUID taskId, List<UUID> sceneIds) {
        List<SceneRef> scenes = taskScenes.list(taskId);
        if (scenes.isEmpty()) {
            throw new UnknownTaskException(taskId);
        }
        List<UUID> known = scenes.stream().map(SceneRef::sceneId).toList();
        if (sceneIds == null) {
            return known;
        }

        Set<UUID> requested = new LinkedHashSet<>(sceneIds);
        List<UUID> unknown = requested.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownScenesException(taskId, unknown, known);
        }
        return List.copyOf(requested);
    }

    private void publish(UUID analysisId, AnalysisRequested request) {
        try {
            publisher.publish(request);
            Log.infof("Analysis %s of task %s queued as run %s over %s scenes", request.detectType().wireName(),
                    request.taskId(), request.runId(), request.sceneIds() == null ? "all" : request.sceneIds().size());
        } catch (EventPublishException e) {
            Log.errorf(e, "Could not queue analysis %s of task %s", request.detectType().wireName(), request.taskId());
            store.fail(analysisId, "could not queue the analysis on Kafka: " + e.getMessage());
            throw e;
        }
    }

    private AnalysisResult read(UUID taskId, DetectType detectType) {
        return query.find(taskId, detectType).orElseThrow(() -> new IllegalStateException(
                "analysis " + detectType.wireName() + " of task " + taskId + " vanished after its claim"));
    }

    /**
     * The outcome of a request.
     *
     * @param started  whether this request claimed the analysis and queued a run
     * @param analysis the analysis as stored after the request
     */
    public record Accepted(boolean started, AnalysisResult analysis) {
    }
}
