package io.scenery.vlm.service;

import java.util.List;
import java.util.UUID;

/** Raised for requested scene ids that do not belong to the task. */
public class UnknownScenesException extends RuntimeException {

    private final transient List<UUID> knownSceneIds;

    public UnknownScenesException(UUID taskId, List<UUID> unknown, List<UUID> known) {
        super("sceneIds not in task " + taskId + ": " + unknown + "; use ids of the task's scenes (listed in "
                + "acceptedValues) or omit sceneIds to analyse all of them");
        this.knownSceneIds = List.copyOf(known);
    }

    /** Scene ids of the task, in scene order. */
    public List<UUID> knownSceneIds() {
        return knownSceneIds;
    }
}
