package io.scenery.vlm.detection;

import io.scenery.vlm.config.TouchLayoutMode;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Layout rules of touch screens, where an element's box is its touch target rather than what is drawn. The system
 * status bar at the top is left out, because its clock and indicators belong to the phone, not the app. The page
 * that a dialog's scrim darkens is left out too, because the dialog blocks it. A small control is grown to its
 * touch target: to a square as high as the bar it sits in, such as an icon in a toolbar, or else by a fixed factor
 * about its centre. Lists of alike lines become full-width row elements. {@link TouchTextRules} contains the rules
 * for text.
 *
 * <p>NOTE: the factors were set on DroidBot screenshots of one Android app (Material design, 1440x2560) and are
 * estimates for other toolkits.
 */
@ApplicationScoped
public class TouchLayout {

    /** Types whose drawn glyph is smaller than the area that takes a tap. */
    private static final Set<ElementType> PADDED_TYPES =
            Set.of(ElementType.ICON, ElementType.CHECKBOX, ElementType.RADIO, ElementType.SWITCH, ElementType.BUTTON);

    /** Lowest status bar as a fraction of the image height, so that a line at the very top is not taken for it. */
    private static final double MIN_STATUS_BAR_FRACTION = 0.01;

    private final VlmConfig.Detector config;
    private final ListRows listRows;

    public TouchLayout(VlmConfig config) {
        this.config = config.detector();
        this.listRows = new ListRows(this.config.minListRows());
    }

    /** Returns whether the rules apply to an image of this size. */
    public boolean appliesTo(int width, int height) {
        return switch (config.touchLayout()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> height > width;
        };
    }

    /** Measures the bars of a BGR image. Callers run inside a JavaCPP PointerScope. */
    public Screen measure(DecodedImage image) {
        BarBoundaries boundaries = BarBoundaries.find(image.bgr());
        int height = image.height();
        int statusBarBottom = 0;
        for (int row : boundaries.rows()) {
            if (row >= MIN_STATUS_BAR_FRACTION * height && row <= config.statusBarMaxHeightFraction() * height) {
                statusBarBottom = row;
                break;
            }
        }
        double smallSide = config.maxSmallSquareFraction() * Math.min(image.width(), height);
        Mat value = ScrimFinder.value(image.bgr());
        List<int[]> dimmed = ScrimFinder.dimmedBands(value, boundaries, statusBarBottom);
        BoundingBox dialog = ScrimFinder.floatingDialog(value);
        return new Screen(boundaries, image.width(), height, statusBarBottom, dimmed, dialog, smallSide);
    }

    /** The bars of one image and the rules that use them. */
    public final class Screen {

        private final BarBoundaries boundaries;
        private final int width;
        private final int height;
        private final int statusBarBottom;
        private final List<int[]> dimmedBands;
        private final BoundingBox dialog;
        private final double smallSide;

        private Screen(BarBoundaries boundaries, int width, int height, int statusBarBottom, List<int[]> dimmedBands,
                       BoundingBox dialog, double smallSide) {
            this.boundaries = boundaries;
            this.width = width;
            this.height = height;
            this.statusBarBottom = statusBarBottom;
            this.dimmedBands = dimmedBands;
            this.dialog = dialog;
            this.smallSide = smallSide;
        }

        /**
         * Returns the elements that a user can reach: those whose centre lies below the status bar, outside the
         * bands that a dialog's scrim darkens, and inside the floating dialog when there is one.
         */
        public List<DetectedElement> reachable(List<DetectedElement> elements) {
            return elements.stream()
                    .filter(e -> dialog == null || dialog.containsCenterOf(e.box()))
                    .filter(e -> e.box().centerY() >= statusBarBottom)
                    .filter(e -> dimmedBands.stream()
                            .noneMatch(band -> e.box().centerY() >= band[0] && e.box().centerY() < band[1]))
                    .toList();
        }

        /** Returns the text rules for this screen. */
        public TouchTextRules textRules() {
            return new TouchTextRules(this, config.barHeightFactor());
        }

        /** Returns the top of the bar that contains the box, below the status bar. */
        int barTop(BoundingBox box) {
            return Math.max(statusBarBottom, boundaries.above(box.y()));
        }

        /** Returns the bottom of the bar that contains the box. */
        int barBottom(BoundingBox box) {
            return boundaries.below(box.bottom());
        }

        /** Returns the screen's height in pixels. */
        int height() {
            return height;
        }

        /** Returns the floating dialog over a scrim, or null when there is none. */
        BoundingBox dialog() {
            return dialog;
        }

        /** Returns the elements with each small control's box grown to its touch target. */
        public List<DetectedElement> withTouchTargets(List<DetectedElement> elements) {
            List<DetectedElement> result = new ArrayList<>(elements.size());
            for (DetectedElement element : elements) {
                BoundingBox box = element.box();
                boolean small = Math.max(box.width(), box.height()) <= smallSide;
                result.add(small && PADDED_TYPES.contains(element.type())
                        ? element.withBox(touchTarget(box))
                        : element);
            }
            return result;
        }

        /**
         * Returns the controls with each group of overlapping touch targets of one bar joined into one control. The
         * touch targets of a bar's controls do not overlap, so overlapping ones are parts of one control, such as an
         * eye icon and the count beside it on one bottom-bar button. The joined control is a button with the parts'
         * labels from left to right, or an icon when no part has a label.
         */
        public List<DetectedElement> withJoinedBarTargets(List<DetectedElement> controls) {
            List<DetectedElement> result = new ArrayList<>(controls);
            boolean joined = true;
            while (joined) {
                joined = false;
                for (int i = 0; i < result.size() && !joined; i++) {
                    for (int j = i + 1; j < result.size() && !joined; j++) {
                        DetectedElement first = result.get(i);
                        DetectedElement second = result.get(j);
                        if (isBarTarget(first.box()) && isBarTarget(second.box())
                                && first.box().y() == second.box().y()
                                && first.box().bottom() == second.box().bottom()
                                && first.box().intersectionArea(second.box()) > 0) {
                            result.set(i, joinedTarget(first, second));
                            result.remove(j);
                            joined = true;
                        }
                    }
                }
            }
            return result;
        }

        private boolean isBarTarget(BoundingBox box) {
            return box.y() == barTop(box) && box.bottom() == barBottom(box) && box.height() < height / 4;
        }

        private static DetectedElement joinedTarget(DetectedElement first, DetectedElement second) {
            DetectedElement left = first.box().x() <= second.box().x() ? first : second;
            DetectedElement right = left == first ? second : first;
            String label = left.label() == null ? right.label()
                    : right.label() == null ? left.label() : left.label() + " " + right.label();
            ElementType type = label == null ? ElementType.ICON : ElementType.BUTTON;
            return new DetectedElement(type, label, left.box().union(right.box()),
                    Math.min(left.confidence(), right.confidence()), left.source(), true);
        }

        /**
         * Returns the elements with a row element added for each line of each list found among them, and the text
         * lines in list rows widened to the row's layout.
         */
        public List<DetectedElement> withListRows(List<DetectedElement> elements) {
            return listRows.apply(elements, width, height, boundaries);
        }

        private BoundingBox touchTarget(BoundingBox box) {
            int barTop = barTop(box);
            int barBottom = barBottom(box);
            int barHeight = barBottom - barTop;
            int side = Math.max(box.width(), box.height());

            if (barHeight <= config.barHeightFactor() * side) {
                int left = (int) Math.round(box.centerX() - barHeight / 2.0);
                return clip(left, barTop, barHeight, barHeight);
            }
            int grownWidth = (int) Math.round(box.width() * config.touchTargetScale());
            int grownHeight = (int) Math.round(box.height() * config.touchTargetScale());
            int top = Math.max(barTop, (int) Math.round(box.centerY() - grownHeight / 2.0));
            int bottom = Math.min(barBottom, top + grownHeight);
            return clip((int) Math.round(box.centerX() - grownWidth / 2.0), top, grownWidth, bottom - top);
        }

        /** Returns the part of the box at (x, y) of the given size that lies inside the image. */
        BoundingBox clip(int x, int y, int boxWidth, int boxHeight) {
            return new BoundingBox(x, y, boxWidth, boxHeight).clippedTo(width, height);
        }
    }
}
