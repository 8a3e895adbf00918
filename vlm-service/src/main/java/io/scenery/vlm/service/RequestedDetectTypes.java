package io.scenery.vlm.service;

import io.scenery.events.DetectType;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/** The detect types a task asked for. */
public final class RequestedDetectTypes {

    private RequestedDetectTypes() {
    }

    /** Returns the distinct requested types in request order, or [control] when none were requested. */
    public static List<DetectType> of(List<DetectType> requested) {
        if (requested == null) {
            return List.of(DetectType.CONTROL);
        }
        LinkedHashSet<DetectType> distinct = new LinkedHashSet<>();
        requested.stream().filter(Objects::nonNull).forEach(distinct::add);
        return distinct.isEmpty() ? List.of(DetectType.CONTROL) : List.copyOf(distinct);
    }
}
