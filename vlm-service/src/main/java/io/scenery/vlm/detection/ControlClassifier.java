package io.scenery.vlm.detection;

import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives a region a rough element type from its shape, size, frame, fill and content. The confidence is a fixed
 * score per rule, set by hand from how often the rule was right on synthetic and real screenshots. It is not a
 * calibrated probability.
 */
@ApplicationScoped
public class ControlClassifier {

    /** Fill contrast, on the 0-255 gray scale, from which a framed region counts as a filled button. */
    private static final double FILLED_CONTRAST = 25.0;

    /** Difference of the most common gray of a framed box's two halves from which it is a switch's track and knob. */
    private static final double SWITCH_HALF_CONTRAST = 20.0;

    /** Widest switch, as width over height. */
    private static final double MAX_SWITCH_ASPECT = 3.5;

    /** Width over height from which a framed region counts as a wide field or button. */
    private static final double WIDE_ASPECT = 1.8;

    /** Edge share above which a large unframed region is a picture rather than a text block. */
    private static final double IMAGE_EDGE_DENSITY = 0.25;

    /** Lowest framed field or button as a fraction of the image's shorter side (16 pixels at 800). */
    private static final double MIN_CONTROL_HEIGHT_FRACTION = 0.02;

    /**
     * Lowest filled button as a fraction of the image's shorter side (20 pixels at 800); lower filled boxes are
     * status badges, tags and bars.
     */
    private static final double MAX_BADGE_HEIGHT_FRACTION = 0.025;

    /**
     * Share of its box that a small square control's outline fills below which it is round, a radio button. A
     * circle fills pi / 4 of its box, about 0.85 once drawn in 20 pixels, and a check box with rounded corners 0.95
     * or more.
     */
    private static final double MAX_ROUND_OUTLINE_FILL = 0.9;

    private final VlmConfig.Detector config;

    public ControlClassifier(VlmConfig config) {
        this.config = config.detector();
    }

    public DetectedElement classify(Region region, int imageWidth, int imageHeight) {
        double smallSquareMax = config.maxSmallSquareFraction() * Math.min(imageWidth, imageHeight);
        if (region.panel()) {
            return element(ElementType.IMAGE, region, 0.3, false);
        }
        if (region.framed()) {
            int shortSide = Math.min(imageWidth, imageHeight);
            return classifyFramed(region, smallSquareMax, MIN_CONTROL_HEIGHT_FRACTION * shortSide,
                    MAX_BADGE_HEIGHT_FRACTION * shortSide);
        }
        return classifyUnframed(region, smallSquareMax);
    }

    private DetectedElement classifyFramed(Region region, double smallSquareMax, double minControlHeight,
                                           double maxBadgeHeight) {
        BoundingBox box = region.box();
        double aspect = (double) box.width() / box.height();
        boolean square = aspect >= 0.75 && aspect <= 1.33;

        // Lower than any field or button: a word between table rules or underlines, not a framed control.
        if (!square && box.height() < minControlHeight) {
            return classifyUnframed(region, smallSquareMax);
        }

        if (square && Math.max(box.width(), box.height()) <= smallSquareMax) {
            boolean round = region.outlineFill() < MAX_ROUND_OUTLINE_FILL;
            ElementType toggle = round ? ElementType.RADIO : ElementType.CHECKBOX;
            return element(toggle, region, region.content() == null ? 0.7 : 0.6, true);
        }
        if (aspect >= WIDE_ASPECT) {
            return classifyWideFramed(region, smallSquareMax, maxBadgeHeight);
        }
        if (aspect >= 0.75 && Math.max(box.width(), box.height()) <= 2.5 * smallSquareMax) {
            return element(ElementType.BUTTON, region, 0.5, true);
        }
        return element(ElementType.IMAGE, region, 0.35, false);
    }

    /**
     * Types a wide framed box. It is a switch when it is low, at most a few times as wide as high, and its halves have
     * different plain fills, the knob and the track. Filled and lower than a button, it is a badge. It is a drop-down
     * list when it ends in a small glyph set apart and is not filled or is lighter than the page. It is a field when it
     * is empty or its content is left-aligned, also when it is lighter than a dark page around it, and a button when it
     * is filled otherwise or its content is centred.
     */
    private DetectedElement classifyWideFramed(Region region, double smallSquareMax, double maxBadgeHeight) {
        BoundingBox box = region.box();
        BoundingBox content = region.content();
        boolean filled = Math.abs(region.fillContrast()) >= FILLED_CONTRAST;
        double aspect = (double) box.width() / box.height();

        if (aspect <= MAX_SWITCH_ASPECT && box.height() <= smallSquareMax
                && Math.abs(region.halfContrast()) >= SWITCH_HALF_CONTRAST) {
            return element(ElementType.SWITCH, region, 0.55, true);
        }
        // Filled and too low to click comfortably: a status badge or tag, or a bar such as a progress bar.
        if (filled && box.height() < maxBadgeHeight) {
            return element(ElementType.TEXT, region, 0.45, false);
        }
        if (content == null) {
            if (!filled && region.trailingGlyph()) {
                return element(ElementType.DROPDOWN, region, 0.6, true);
            }
            return filled
                    ? element(ElementType.BUTTON, region, 0.55, true)
                    : element(ElementType.INPUT, region, 0.7, true);
        }

        double leftMargin = content.x() - box.x();
        double rightMargin = box.right() - content.right();
        boolean centred = Math.abs(content.centerX() - box.centerX()) <= 0.1 * box.width();
        boolean leftAligned = leftMargin <= 0.2 * box.width() && rightMargin > 2 * leftMargin;

        // On a dark page a field is a light box, as filled as a button; its text starts at the left instead.
        boolean lighterThanPage = region.fillContrast() > 0;
        if (region.trailingGlyph() && (!filled || lighterThanPage)) {
            return element(ElementType.DROPDOWN, region, 0.6, true);
        }
        if (region.trailingIcon()) {
            // Placeholder text at the left and a magnifier or clear icon far right of it: a search field.
            return element(ElementType.INPUT, region, 0.55, true);
        }
        if (filled && leftAligned && !centred && lighterThanPage) {
            return element(ElementType.INPUT, region, 0.5, true);
        }
        if (filled) {
            return element(ElementType.BUTTON, region, centred ? 0.8 : 0.6, true);
        }
        if (centred) {
            return element(ElementType.BUTTON, region, 0.65, true);
        }
        if (leftAligned) {
            return element(ElementType.INPUT, region, 0.6, true);
        }
        return element(ElementType.BUTTON, region, 0.4, true);
    }

    private DetectedElement classifyUnframed(Region region, double smallSquareMax) {
        BoundingBox box = region.box();
        double aspect = (double) box.width() / box.height();
        boolean small = Math.max(box.width(), box.height()) <= smallSquareMax;

        if (small && aspect >= 0.6 && aspect <= 1.6) {
            return element(ElementType.ICON, region, 0.45, true);
        }
        if (box.height() <= smallSquareMax) {
            return element(ElementType.TEXT, region, 0.4, false);
        }
        if (region.edgeDensity() >= IMAGE_EDGE_DENSITY) {
            return element(ElementType.IMAGE, region, 0.4, false);
        }
        return element(ElementType.TEXT, region, 0.3, false);
    }

    private static DetectedElement element(ElementType type, Region region, double confidence, boolean interactive) {
        return new DetectedElement(type, null, region.box(), confidence, ElementSource.CV, interactive);
    }
}
