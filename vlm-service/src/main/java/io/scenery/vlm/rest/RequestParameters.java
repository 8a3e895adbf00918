package io.scenery.vlm.rest;

import io.scenery.events.DetectType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Parses path and form parameters, raising a 400 response that names the parameter and the expected form. */
final class RequestParameters {

    private RequestParameters() {
    }

    static UUID taskId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ErrorResponse.badRequest("invalid task id '" + value + "': expected a UUID such as "
                    + "3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f");
        }
    }

    static DetectType detectType(String value) {
        try {
            return DetectType.parse(value);
        } catch (IllegalArgumentException e) {
            throw ErrorResponse.badRequest(e.getMessage(), acceptedDetectTypes());
        }
    }

    /**
     * Parses the requested scene ids; null stays null, meaning all scenes.
     *
     * @throws jakarta.ws.rs.WebApplicationException a 400 naming the first invalid id, or for an empty list
     */
    static List<UUID> sceneIds(List<String> values) {
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw ErrorResponse.badRequest("sceneIds is empty; list at least one scene id, or omit sceneIds to "
                    + "analyse all scenes of the task");
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(UUID.fromString(value));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ErrorResponse.badRequest("invalid scene id '" + value + "' in sceneIds: expected a UUID "
                        + "such as 3f2b8c1e-7d4a-4e5b-9c6d-0a1b2c3d4e5f");
            }
        }
        return ids;
    }

    static List<String> acceptedDetectTypes() {
        return Arrays.stream(DetectType.values()).map(DetectType::wireName).toList();
    }
}
