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
 * @param minChangedArea  fraction of the frame, 0 to 1, that must change against the previous frame for the frame
 *                        to count as moving; cursor moves, a blinking caret and typing stay below it
 * @param minSceneArea    fraction of the frame, 0 to 1, that must differ between the settled picture after a change
 *                        and the current scene's keyframe for the change to start a new scene
 * @param settleFrames    consecutive still frames that end a change; the last of them becomes the keyframe
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SlicingParameters(Double threshold, Double minSceneSeconds, Double minChangedArea,
                                Double minSceneArea, Integer settleFrames) {

    public static final double MIN_THRESHOLD = 0.1;
    public static final double MAX_THRESHOLD = 255.0;
    public static final double MIN_SCENE_SECONDS = 0.0;
    public static final double MAX_SCENE_SECONDS = 3600.0;
    public static final double MIN_AREA = 0.0;
    public static final double MAX_AREA = 1.0;
    public static final int MIN_SETTLE_FRAMES = 1;
    public static final int MAX_SETTLE_FRAMES = 300;

    /** Names of the fields, in the order in which they are validated. */
    public static final List<String> FIELDS = List.of("threshold", "minSceneSeconds", "minChangedArea",
            "minSceneArea", "settleFrames");

    /** An invalid field, with a message that names the field, its value and the allowed range. */
    public record Violation(String field, String message) {
    }

    public static SlicingParameters defaults() {
        return new SlicingParameters(null, null, null, null, null);
    }

    /** Returns true when the field takes whole numbers only. */
    public static boolean isWholeNumber(String field) {
        return "settleFrames".equals(field);
    }

    /** Returns the allowed range of a field as text, such as {@code between 0.1 and 255.0}, for error messages. */
    public static String allowedRange(String field) {
        return switch (field) {
            case "threshold" -> "between " + MIN_THRESHOLD + " and " + MAX_THRESHOLD;
            case "minSceneSeconds" -> "between " + MIN_SCENE_SECONDS + " and " + MAX_SCENE_SECONDS;
            case "minChangedArea", "minSceneArea" -> "between " + MIN_AREA + " and " + MAX_AREA;
            case "settleFrames" -> "between " + MIN_SETTLE_FRAMES + " and " + MAX_SETTLE_FRAMES;
            default -> throw new IllegalArgumentException("unknown slicing parameter '" + field + "'");
        };
    }

    /** Returns one message per invalid field, naming the field, its value and the allowed range; empty when valid. */
    public List<String> validate() {
        return violations().stream().map(Violation::message).toList();
    }

    /** Returns the invalid fields in the order of {@link #FIELDS}; empty when all are valid. */
    public List<Violation> violations() {
        List<Violation> violations = new ArrayList<>();
        checkRange(violations, "threshold", threshold, MIN_THRESHOLD, MAX_THRESHOLD);
        checkRange(violations, "minSceneSeconds", minSceneSeconds, MIN_SCENE_SECONDS, MAX_SCENE_SECONDS);
        checkRange(violations, "minChangedArea", minChangedArea, MIN_AREA, MAX_AREA);
        checkRange(violations, "minSceneArea", minSceneArea, MIN_AREA, MAX_AREA);
        if (settleFrames != null && (settleFrames < MIN_SETTLE_FRAMES || settleFrames > MAX_SETTLE_FRAMES)) {
            violations.add(new Violation("settleFrames", "settleFrames is " + settleFrames + " but must be "
                    + allowedRange("settleFrames")));
        }
        return violations;
    }

    private static void checkRange(List<Violation> violations, String name, Double value, double min, double max) {
        if (value == null) {
            return;
        }
        if (value.isNaN() || value < min || value > max) {
            violations.add(new Violation(name, name + " is " + value + " but must be " + allowedRange(name)));
        }
    }
}
