package io.scenery.vlm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.events.SceneRef;
import io.scenery.vlm.TaskScene;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskSceneRepository implements PanacheRepositoryBase<TaskScene, TaskScene.Key> {

    /** Inserts the scene or updates its number and keyframe key; safe to run concurrently and on redelivery. */
    public void upsert(UUID taskId, SceneRef scene) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO {h-schema}task_scene (task_id, scene_id, scene_number, keyframe_key)
                        VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (task_id, scene_id)
                        DO UPDATE SET scene_number = EXCLUDED.scene_number, keyframe_key = EXCLUDED.keyframe_key""")
                .setParameter(1, taskId)
                .setParameter(2, scene.sceneId())
                .setParameter(3, scene.sceneNumber())
                .setParameter(4, scene.keyframeKey())
                .executeUpdate();
    }

    /** Returns the task's scenes by scene number; empty when no scenes-ready event named the task. */
    public List<TaskScene> listByTask(UUID taskId) {
        return list("taskId = ?1 order by sceneNumber", taskId);
    }
}
