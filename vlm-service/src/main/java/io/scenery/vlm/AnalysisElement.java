package io.scenery.vlm;

import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;
import io.scenery.vlm.repository.ElementSourceConverter;
import io.scenery.vlm.repository.ElementTypeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An element found in a scene's keyframe; x, y, width and height are keyframe pixels. */
@Entity
@Table(name = "analysis_element")
public class AnalysisElement {

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

    @Convert(converter = ElementTypeConverter.class)
    @Column(nullable = false)
    public ElementType type;

    public String label;

    @Column(nullable = false)
    public int x;

    @Column(nullable = false)
    public int y;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    /** 0 to 1. */
    @Column(nullable = false)
    public double confidence;

    @Convert(converter = ElementSourceConverter.class)
    @Column(nullable = false)
    public ElementSource source;

    @Column(nullable = false)
    public boolean interactive;
}
