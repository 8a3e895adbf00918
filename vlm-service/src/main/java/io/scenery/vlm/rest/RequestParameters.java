package io.scenery.vlm.rest;

import io.scenery.events.DetectType;

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

    static List<String> acceptedDetectTypes() {
        return Arrays.stream(DetectType.values()).map(DetectType::wireName).toList();
    }
}
