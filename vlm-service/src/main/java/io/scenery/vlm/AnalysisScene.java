package io.scenery.vlm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A scene whose keyframe an analysis has processed; width and height are the keyframe's size in pixels. */
@Entity
@Table(name = "analysis_scene")
public class AnalysisScene {

    @Id
    public UUID id;

    @Column(name = "analysis_id", nullable = false)
    public UUID analysisId;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "scene_id", nullable = false)
    public UUID sceneId;

    @Column(name = "scene_number", nullable = false)
    public int sceneNumber;

    @Column(name = "keyframe_key", nullable = false)
    public String keyframeKey;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "analyzed_at", nullable = false)
    public Instant analyzedAt;

    /** Reason the scene's analysis failed, null when it succeeded; a failed scene has no elements and size 0. */
    public String error;
}
