package io.scenery.vlm.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The stored form of the scenes an analysis covers: the distinct scene ids, sorted and comma-separated. */
public final class SceneSet {

    private SceneSet() {
    }

    public static String of(Collection<UUID> sceneIds) {
        return sceneIds.stream().distinct().map(UUID::toString).sorted().collect(Collectors.joining(","));
    }

    /** Returns the scene ids of a stored set; empty for null or an empty string. */
    public static List<UUID> parse(String sceneSet) {
        if (sceneSet == null || sceneSet.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(sceneSet.split(",")).map(UUID::fromString).toList();
    }
}
