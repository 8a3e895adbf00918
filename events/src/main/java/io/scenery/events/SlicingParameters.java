package io.scenery.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-upload overrides of the slicer's defaults. A null field means "use the slicer's configured default".
 *
 * @param threshold       mean absolute difference, on the 0-255 scale, between the settled picture after a change
 *                        and the current scene's keyframe, above which the change starts a new scene
 * @param minSceneSeconds shortest scene kept, in seconds; a cut closer than this to the previous one is ignored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlicingParameters(Double threshold, Double minSceneSeconds) {

    public static final double MIN_THRESHOLD = 0.1;
    public static final double MAX_THRESHOLD = 255.0;
    public static final double MIN_SCENE_SECONDS = 0.0;
    public static final double MAX_SCENE_SECONDS = 3600.0;

    public static SlicingParameters defaults() {
        return new SlicingParameters(null, null);
    }

    /** Returns the allowed range of a field as text, such as {@code between 0.1 and 255.0}, for error messages. */
    public static String allowedRange(String field) {
        return switch (field) {
            case "threshold" -> "between " + MIN_THRESHOLD + " and " + MAX_THRESHOLD;
            case "minSceneSeconds" -> "between " + MIN_SCENE_SECONDS + " and " + MAX_SCENE_SECONDS;
            default -> throw new IllegalArgumentException("unknown slicing parameter '" + field + "'");
        };
    }

    /** Returns one message per invalid field, naming the field, its value and the allowed range; empty when valid. */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        checkRange(errors, "threshold", threshold, MIN_THRESHOLD, MAX_THRESHOLD);
        checkRange(errors, "minSceneSeconds", minSceneSeconds, MIN_SCENE_SECONDS, MAX_SCENE_SECONDS);
        return errors;
    }

    private static void checkRange(List<String> errors, String name, Double value, double min, double max) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value < min || value > max) {
            errors.add(name + " is " + value + " but must be " + allowedRange(name));
        }
    }
}
