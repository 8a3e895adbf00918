package io.scenery.slicer.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.scenery.slicer.Scene;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SceneRepository implements PanacheRepositoryBase<Scene, UUID> {

    public List<Scene> listByTask(UUID taskId) {
        return list("taskId", Sort.ascending("sceneNumber"), taskId);
    }

    public long deleteByTask(UUID taskId) {
        return delete("taskId", taskId);
    }
}
