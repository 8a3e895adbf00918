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
 * about its centre. Text grows to its line, capitalised text in bars and dialogs becomes buttons, and lists of
 * alike lines become full-width row elements.
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

    /**
     * Height of a line of text over the height of its glyphs' box, about 1.4 for capitals in common fonts, so
     * that text compares with bars like an icon of its line's height.
     */
    private static final double LINE_HEIGHT_PER_GLYPH_HEIGHT = 1.4;

    /**
     * Largest ratio of the glyph heights of two lines of one paragraph. Descenders and capitals make lines of one
     * font differ a little; a title above a subtitle differs more.
     */
    private static final double MAX_PARAGRAPH_HEIGHT_RATIO = 1.25;

    /** Maximum number of words in a text button. */
    private static final int MAX_BUTTON_WORDS = 3;

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

        /**
         * Returns the text elements with their boxes grown, about their centre, from the glyphs' height to the
         * line's height, because a text view's box spans the whole line.
         */
        public List<DetectedElement> withLineHeights(List<DetectedElement> texts) {
            List<DetectedElement> result = new ArrayList<>(texts.size());
            for (DetectedElement text : texts) {
                BoundingBox box = text.box();
                int lineHeight = (int) Math.round(LINE_HEIGHT_PER_GLYPH_HEIGHT * box.height());
                int top = (int) Math.round(box.centerY() - lineHeight / 2.0);
                result.add(text.withBox(clip(box.x(), top, box.width(), lineHeight)));
            }
            return result;
        }

        /**
         * Returns the text lines with the lines of each paragraph joined into one element, as one text view shows
         * them: lines that start at the same left edge, are about equally high and lie less than half a line apart.
         * Inside a floating dialog, a paragraph is also widened to the dialog's right edge less its left margin,
         * because dialog texts span the dialog's content width.
         */
        public List<DetectedElement> withParagraphs(List<DetectedElement> texts) {
            List<DetectedElement> byTop = new ArrayList<>(texts);
            byTop.sort(java.util.Comparator.comparingInt(e -> e.box().y()));
            List<DetectedElement> result = new ArrayList<>();
            BoundingBox lastLine = null;
            for (DetectedElement line : byTop) {
                DetectedElement last = result.isEmpty() ? null : result.get(result.size() - 1);
                if (last != null && continuesParagraph(lastLine, line.box())
                        && last.label() != null && line.label() != null) {
                    result.set(result.size() - 1, new DetectedElement(ElementType.TEXT,
                            last.label() + " " + line.label(), last.box().union(line.box()),
                            Math.min(last.confidence(), line.confidence()), last.source(), false));
                } else {
                    result.add(line);
                }
                lastLine = line.box();
            }
            if (dialog == null) {
                return result;
            }
            List<DetectedElement> widened = new ArrayList<>(result.size());
            for (DetectedElement text : result) {
                BoundingBox box = text.box();
                int margin = box.x() - dialog.x();
                int right = dialog.right() - margin;
                boolean leftAligned = dialog.containsCenterOf(box) && margin >= 0 && margin < dialog.width() / 4;
                widened.add(leftAligned && right > box.right()
                        ? text.withBox(new BoundingBox(box.x(), box.y(), right - box.x(), box.height()))
                        : text);
            }
            return widened;
        }

        /** Returns whether a line continues the paragraph whose last line is given: a title and subtitle do not. */
        private static boolean continuesParagraph(BoundingBox above, BoundingBox below) {
            if (above == null) {
                return false;
            }
            int lineHeight = Math.min(above.height(), below.height());
            double heightRatio = (double) Math.max(above.height(), below.height()) / lineHeight;
            boolean sameLeft = Math.abs(above.x() - below.x()) <= lineHeight / 2;
            int gap = below.y() - above.bottom();
            boolean close = gap >= -lineHeight / 4 && gap <= lineHeight / 2;
            return sameLeft && close && heightRatio <= MAX_PARAGRAPH_HEIGHT_RATIO;
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
         * Returns the text lines that are buttons: short lines of capital letters, as touch toolkits set their text
         * buttons. In a bar less than the bar factor times as high as the line, the button is as high as the bar and
         * padded left and right by the bar's space above and below the text. In a floating dialog it is padded by
         * the text's height on each side.
         */
        public List<DetectedElement> barButtons(List<DetectedElement> texts) {
            List<DetectedElement> buttons = new ArrayList<>();
            for (DetectedElement text : texts) {
                BoundingBox box = text.box();
                int barTop = Math.max(statusBarBottom, boundaries.above(box.y()));
                int barHeight = boundaries.below(box.bottom()) - barTop;
                double lineHeight = LINE_HEIGHT_PER_GLYPH_HEIGHT * box.height();
                if (!isCapitals(text.label()) || text.label().split("\\s+").length > MAX_BUTTON_WORDS) {
                    continue;
                }
                BoundingBox target;
                if (barHeight <= config.barHeightFactor() * lineHeight) {
                    int padding = (barHeight - box.height()) / 2;
                    target = clip(box.x() - padding, barTop, box.width() + 2 * padding, barHeight);
                } else if (dialog != null && dialog.containsCenterOf(box)) {
                    // A dialog's text button, such as OK, is padded by about its text height.
                    int padding = box.height();
                    target = clip(box.x() - padding, box.y() - padding, box.width() + 2 * padding, 3 * box.height());
                } else {
                    continue;
                }
                buttons.add(new DetectedElement(ElementType.BUTTON, text.label(), target, text.confidence(),
                        ElementSource.OCR, true));
            }
            return buttons;
        }

        /**
         * Returns the controls with each check box, radio button or switch grown over the text line just right of
         * it, because touch toolkits make the label part of the toggle's target.
         *
         * @param texts text lines; the ones taken into a toggle are removed from this list
         */
        public List<DetectedElement> withToggleLabels(List<DetectedElement> controls, List<DetectedElement> texts) {
            List<DetectedElement> result = new ArrayList<>(controls.size());
            for (DetectedElement control : controls) {
                boolean toggle = control.type() == ElementType.CHECKBOX || control.type() == ElementType.RADIO
                        || control.type() == ElementType.SWITCH;
                DetectedElement label = toggle ? textRightOf(control.box(), texts) : null;
                if (label == null) {
                    result.add(control);
                    continue;
                }
                texts.remove(label);
                result.add(control.withBox(control.box().union(label.box())).withLabel(label.label()));
            }
            return result;
        }

        /**
         * Returns the elements with a row element added for each line of each list found among them, and the text
         * lines in list rows widened to the row's layout.
         */
        public List<DetectedElement> withListRows(List<DetectedElement> elements) {
            return listRows.apply(elements, width, height, boundaries);
        }

        private static DetectedElement textRightOf(BoundingBox box, List<DetectedElement> texts) {
            DetectedElement nearest = null;
            for (DetectedElement text : texts) {
                int gap = text.box().x() - box.right();
                boolean level = text.box().centerY() >= box.y() && text.box().centerY() <= box.bottom();
                if (level && gap >= -box.width() / 4 && gap <= box.width()
                        && (nearest == null || text.box().x() < nearest.box().x())) {
                    nearest = text;
                }
            }
            return nearest;
        }

        private static boolean isCapitals(String text) {
            if (text == null) {
                return false;
            }
            // A glyph beside the text, such as a drop-down arrow, is often read as one lower-case letter.
            long letters = text.codePoints().filter(Character::isLetter).count();
            long capitals = text.codePoints().filter(Character::isUpperCase).count();
            return letters >= 2 && capitals >= letters - 1 && capitals >= 2;
        }

        private BoundingBox touchTarget(BoundingBox box) {
            int barTop = Math.max(statusBarBottom, boundaries.above(box.y()));
            int barBottom = boundaries.below(box.bottom());
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
        private BoundingBox clip(int x, int y, int boxWidth, int boxHeight) {
            int left = Math.max(0, x);
            int top = Math.max(0, y);
            int right = Math.min(width, x + boxWidth);
            int bottom = Math.min(height, y + boxHeight);
            return new BoundingBox(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
        }
    }
}
