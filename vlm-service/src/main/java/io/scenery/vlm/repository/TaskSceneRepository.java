package io.scenery.vlm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.scenery.events.SceneRef;
import io.scenery.vlm.TaskScene;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TaskSceneRepository implements PanacheRepositoryBase<TaskScene, TaskScene.Key> {

    /** The schema of the service's tables; plain JDBC statements name it themselves. */
    private final String schema;

    public TaskSceneRepository(@ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.schema = schema;
    }

    /**
     * Inserts the scenes or updates their numbers and keyframe keys, in one JDBC batch; safe to run concurrently
     * and on redelivery.
     */
    public void upsert(UUID taskId, List<SceneRef> scenes) {
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema + """
                    .task_scene (task_id, scene_id, scene_number, keyframe_key)
                    VALUES (?, ?, ?, ?)
                    ON CONFLICT (task_id, scene_id)
                    DO UPDATE SET scene_number = EXCLUDED.scene_number, keyframe_key = EXCLUDED.keyframe_key""")) {
                for (SceneRef scene : scenes) {
                    statement.setObject(1, taskId);
                    statement.setObject(2, scene.sceneId());
                    statement.setInt(3, scene.sceneNumber());
                    statement.setString(4, scene.keyframeKey());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    /** Returns the task's scenes by scene number; empty when no scenes-ready event named the task. */
    public List<TaskScene> listByTask(UUID taskId) {
        return list("taskId = ?1 order by sceneNumber", taskId);
    }
}
