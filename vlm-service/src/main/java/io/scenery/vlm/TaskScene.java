package io.scenery.vlm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A scene of a task as announced on scenes-ready; REST-requested analyses pick their scenes from these rows. */
@Entity
@Table(name = "task_scene")
@IdClass(TaskScene.Key.class)
public class TaskScene {

    @Id
    @Column(name = "task_id")
    public UUID taskId;

    @Id
    @Column(name = "scene_id")
    public UUID sceneId;

    @Column(name = "scene_number", nullable = false)
    public int sceneNumber;

    @Column(name = "keyframe_key", nullable = false)
    public String keyframeKey;

    /** The composite primary key. */
    public static class Key implements Serializable {

        public UUID taskId;
        public UUID sceneId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(taskId, key.taskId)
                    && Objects.equals(sceneId, key.sceneId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, sceneId);
        }
    }
}
