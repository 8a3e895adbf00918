package io.scenery.slicer;

import io.scenery.events.SceneRef;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * One stored scene. Frame numbers count decoded frames from 0; seconds are presentation times from the start of
 * the file.
 */
@Entity
@Table(name = "scene")
public class Scene {

    @Id
    public UUID id;

    @Column(name = "task_id")
    public UUID taskId;

    @Column(name = "scene_number")
    public int sceneNumber;

    @Column(name = "start_frame")
    public int startFrame;

    /** Last frame of the scene, inclusive. */
    @Column(name = "end_frame")
    public int endFrame;

    @Column(name = "start_seconds")
    public double startSeconds;

    @Column(name = "end_seconds")
    public double endSeconds;

    @Column(name = "keyframe_frame")
    public int keyframeFrame;

    @Column(name = "keyframe_seconds")
    public double keyframeSeconds;

    /** Motion value of the cut that started the scene, on the 0-255 scale; 0 for the first scene. */
    public double motion;

    @Column(name = "keyframe_key")
    public String keyframeKey;

    /** Keyframe width in pixels, after display rotation. */
    public int width;

    /** Keyframe height in pixels, after display rotation. */
    public int height;

    public SceneRef toRef() {
        return new SceneRef(id, sceneNumber, keyframeKey);
    }
}
