package io.scenery.vlm.vision;

import io.scenery.vlm.config.BoxScale;
import io.scenery.events.DetectType;

/** The prompts sent with a keyframe: plain detection, and labelling of numbered boxes in hybrid mode. */
public final class VisionPrompts {

    static final String TYPES = "button, input, checkbox, radio, switch, dropdown, link, tab, icon, image, text";

    private VisionPrompts() {
    }

    public static String detection(DetectType detectType, BoxScale scale, int width, int height) {
        String wanted = switch (detectType) {
            case CONTROL -> "every interactive control (no plain text)";
            case TEXT -> "every piece of visible text, one element per line, with type text";
            case ALL -> "every interactive control and every piece of visible text outside controls";
        };
        return "You are given a screenshot of an application, " + width + "x" + height + " pixels. List " + wanted
                + ". Answer with JSON only, no prose, in this form: "
                + "{\"elements\":[{\"type\":\"button\",\"label\":\"Sign in\",\"box\":[x1,y1,x2,y2],"
                + "\"interactive\":true,\"confidence\":0.9}]}. type is one of: " + TYPES + ". label is the "
                + "visible text of the element or a short description of an icon. box is the top-left and "
                + "bottom-right corner " + scaleText(scale, width, height) + ".";
    }

    public static String labelling(int candidates) {
        return "You are given a screenshot of an application on which " + candidates + " candidate elements are "
                + "outlined and numbered 1 to " + candidates + ". For each number, say what the element is. Answer "
                + "with JSON only, no prose, in this form: {\"elements\":[{\"id\":1,\"type\":\"button\","
                + "\"label\":\"Sign in\"},{\"id\":2,\"type\":\"reject\"}]}. type is one of: " + TYPES
                + ", or reject when the outline holds no UI element. label is the visible text of the element or "
                + "a short description of an icon.";
    }

    private static String scaleText(BoxScale scale, int width, int height) {
        return switch (scale) {
            case PIXELS -> "in pixels of this image (x from 0 to " + width + ", y from 0 to " + height + ")";
            case UNIT -> "as fractions of the image width and height, from 0 to 1";
            case PER_MILLE -> "in thousandths of the image width and height, from 0 to 1000";
        };
    }
}
