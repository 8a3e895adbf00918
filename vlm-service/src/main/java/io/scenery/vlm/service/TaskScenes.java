package io.scenery.vlm.service;

import io.scenery.events.SceneRef;
import io.scenery.vlm.TaskScene;
import io.scenery.vlm.repository.TaskSceneRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** The scenes each task has, as scenes-ready announced them; REST-requested analyses choose from these. */
@ApplicationScoped
public class TaskScenes {

    private final TaskSceneRepository repository;

    public TaskScenes(TaskSceneRepository repository) {
        this.repository = repository;
    }

    /** Stores the task's scenes, replacing the number and keyframe key of scenes stored before. */
    @Transactional
    public void record(UUID taskId, List<SceneRef> scenes) {
        repository.upsert(taskId, scenes);
    }

    /** Returns the task's scenes by scene number; empty when vlm-service never received scenes for the task. */
    @Transactional
    public List<SceneRef> list(UUID taskId) {
        return repository.listByTask(taskId).stream().map(TaskScenes::toRef).toList();
    }

    private static SceneRef toRef(TaskScene row) {
        return new SceneRef(row.sceneId, row.sceneNumber, row.keyframeKey);
    }
}
