package io.scenery.vlm.vision;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenery.vlm.config.BoxScale;
import io.scenery.vlm.detection.BoundingBox;
import io.scenery.vlm.detection.DetectedElement;
import io.scenery.vlm.detection.ElementSource;
import io.scenery.vlm.detection.ElementType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the elements of a plain-mode reply: {@code {"elements": [{"type", "label", "box": [x1, y1, x2, y2]}]}}, a
 * bare array of such objects, or boxes as {@code {"x", "y", "width", "height"}}. Boxes are converted from the
 * configured scale to keyframe pixels and clipped to the keyframe. When every coordinate lies within 0 to 1 although
 * the scale is pixels or thousandths, the model used fractions and they are read as such; coordinates above 1 under
 * the fractions scale are read as pixels, and above 1000 under thousandths as pixels too.
 */
public final class ReplyReader {

    /** Boxes narrower or lower than this many keyframe pixels after clipping are dropped. */
    private static final int MIN_SIDE = 2;

    private ReplyReader() {
    }

    public static ReplyElements read(String reply, BoxScale scale, ModelImage image, int keyframeWidth,
                                     int keyframeHeight) {
        Optional<ReplyJson.Parsed> parsed = ReplyJson.parse(reply);
        if (parsed.isEmpty()) {
            throw new InvalidReplyException("the vision model reply contains no JSON: " + abbreviate(reply));
        }
        List<JsonNode> items = elementNodes(parsed.get().json());
        List<double[]> boxes = new ArrayList<>();
        for (JsonNode item : items) {
            boxes.add(corners(item));
        }
        BoxScale used = effectiveScale(scale, boxes);

        List<DetectedElement> elements = new ArrayList<>();
        int dropped = 0;
        int unknown = 0;
        int clipped = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            Optional<ElementType> type = ElementTypes.of(item.path("type").asText(null));
            if (type.isEmpty()) {
                unknown++;
                dropped++;
                continue;
            }
            double[] corners = boxes.get(i);
            if (corners == null) {
                dropped++;
                continue;
            }
            Clip clip = toKeyframe(corners, used, image, keyframeWidth, keyframeHeight);
            if (clip.box() == null) {
                dropped++;
                continue;
            }
            if (clip.clipped()) {
                clipped++;
            }
            String label = text(item);
            double confidence = item.path("confidence").isNumber()
                    ? Math.max(0, Math.min(1, item.path("confidence").asDouble())) : 0.8;
            boolean interactive = item.path("interactive").isBoolean()
                    ? item.path("interactive").asBoolean() : ElementTypes.interactive(type.get());
            elements.add(new DetectedElement(type.get(), label, clip.box(), confidence, ElementSource.VLM,
                    interactive));
        }
        return new ReplyElements(elements, dropped, unknown, clipped, used != scale, parsed.get().repaired());
    }

    /** Returns the element objects: the {@code elements} array, the first array field, or the top-level array. */
    static List<JsonNode> elementNodes(JsonNode json) {
        JsonNode array = json;
        if (json.isObject()) {
            array = json.has("elements") ? json.get("elements") : null;
            if (array == null) {
                var fields = json.fields();
                while (fields.hasNext() && array == null) {
                    JsonNode value = fields.next().getValue();
                    array = value.isArray() ? value : null;
                }
            }
        }
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> {
                if (item.isObject()) {
                    items.add(item);
                }
            });
        }
        return items;
    }

    static String text(JsonNode item) {
        for (String field : new String[]{"label", "text", "name"}) {
            JsonNode value = item.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
        }
        return null;
    }

    /** Returns x1, y1, x2, y2 in the model's scale, or null when the item has no readable box. */
    private static double[] corners(JsonNode item) {
        JsonNode box = item.has("box") ? item.get("box") : item.get("bbox");
        if (box == null) {
            return null;
        }
        if (box.isArray() && box.size() == 4 && allNumbers(box)) {
            double x1 = box.get(0).asDouble();
            double y1 = box.get(1).asDouble();
            double x2 = box.get(2).asDouble();
            double y2 = box.get(3).asDouble();
            return new double[]{Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)};
        }
        if (box.isObject() && box.path("x").isNumber() && box.path("y").isNumber()
                && box.path("width").isNumber() && box.path("height").isNumber()) {
            double x = box.get("x").asDouble();
            double y = box.get("y").asDouble();
            return new double[]{x, y, x + box.get("width").asDouble(), y + box.get("height").asDouble()};
        }
        return null;
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.isNumber()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the scale the boxes are in: the configured one, unless most non-zero coordinates contradict it
     * (fractions under pixels or thousandths, pixels under fractions, values above 1000 under thousandths).
     */
    private static BoxScale effectiveScale(BoxScale configured, List<double[]> boxes) {
        int fractions = 0;
        int aboveOne = 0;
        int aboveThousand = 0;
        for (double[] box : boxes) {
            if (box == null) {
                continue;
            }
            for (double value : box) {
                if (value > 0 && value <= 1.0) {
                    fractions++;
                } else if (value > 1.0) {
                    aboveOne++;
                }
                if (value > 1000) {
                    aboveThousand++;
                }
            }
        }
        return switch (configured) {
            case PIXELS -> fractions > aboveOne ? BoxScale.UNIT : BoxScale.PIXELS;
            case PER_MILLE -> fractions > aboveOne ? BoxScale.UNIT
                    : aboveThousand > 0 && aboveThousand * 2 >= aboveOne ? BoxScale.PIXELS : BoxScale.PER_MILLE;
            case UNIT -> aboveOne > fractions ? BoxScale.PIXELS : BoxScale.UNIT;
        };
    }

    private static Clip toKeyframe(double[] c, BoxScale scale, ModelImage image, int width, int height) {
        double sx = switch (scale) {
            case PIXELS -> image.toKeyframe();
            case UNIT -> width;
            case PER_MILLE -> width / 1000.0;
        };
        double sy = switch (scale) {
            case PIXELS -> image.toKeyframe();
            case UNIT -> height;
            case PER_MILLE -> height / 1000.0;
        };
        double x1 = c[0] * sx;
        double y1 = c[1] * sy;
        double x2 = c[2] * sx;
        double y2 = c[3] * sy;
        int left = (int) Math.round(Math.max(0, x1));
        int top = (int) Math.round(Math.max(0, y1));
        int right = (int) Math.round(Math.min(width, x2));
        int bottom = (int) Math.round(Math.min(height, y2));
        boolean clipped = x1 < -0.5 || y1 < -0.5 || x2 > width + 0.5 || y2 > height + 0.5;
        if (right - left < MIN_SIDE || bottom - top < MIN_SIDE) {
            return new Clip(null, clipped);
        }
        return new Clip(new BoundingBox(left, top, right - left, bottom - top), clipped);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(empty)";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }

    private record Clip(BoundingBox box, boolean clipped) {
    }
}
