package io.scenery.vlm;

import io.scenery.events.DetectType;
import io.scenery.vlm.repository.DetectTypeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One analysis of one task for one detect type; processed and total count keyframes. */
@Entity
@Table(name = "analysis")
public class Analysis {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Convert(converter = DetectTypeConverter.class)
    @Column(name = "detect_type", nullable = false)
    public DetectType detectType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AnalysisStatus status;

    @Column(nullable = false)
    public int processed;

    @Column(nullable = false)
    public int total;

    /** The reason the analysis failed or was cancelled, or which scenes failed in a partial result; else null. */
    public String error;

    /** Prompt tokens the vision model reported over all scenes. */
    @Column(name = "input_tokens", nullable = false)
    public long inputTokens;

    /** Reply tokens the vision model reported over all scenes. */
    @Column(name = "output_tokens", nullable = false)
    public long outputTokens;

    /** HTTP attempts made to the vision model, retries included. */
    @Column(name = "model_calls", nullable = false)
    public int modelCalls;

    /** Scenes recorded with an error instead of elements; a completed analysis with any is partial. */
    @Column(name = "failed_scenes", nullable = false)
    public int failedScenes;

    /** The scene ids the analysis covers, sorted and comma-separated; null for rows written before it existed. */
    @Column(name = "scene_set")
    public String sceneSet;

    /** Id of the run that owns the analysis; a consumer runs a requested analysis only under its claimed id. */
    @Column(name = "run_id")
    public UUID runId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
