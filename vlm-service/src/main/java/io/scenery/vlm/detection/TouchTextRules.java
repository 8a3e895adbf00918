package io.scenery.vlm.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Text rules of touch screens, where a text view's box spans its line and text buttons are padded. Lines of a
 * paragraph become one text, text grows to its line height, capitalised text in bars and dialogs becomes buttons,
 * and a toggle takes the text right of it into its touch target.
 */
public final class TouchTextRules {

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

    /** Confidence of an icon that OCR took for a letter. */
    private static final double GLYPH_ICON_CONFIDENCE = 0.4;

    /**
     * Tallest bar, as a fraction of the screen height, in which one letter alone is taken for an icon. Taller bands
     * are photo tiles, where a letter is part of the photo.
     */
    private static final double MAX_ICON_BAR_FRACTION = 0.12;

    /** Maximum number of words in a text button. */
    private static final int MAX_BUTTON_WORDS = 3;

    private final TouchLayout.Screen screen;
    private final double barHeightFactor;

    TouchTextRules(TouchLayout.Screen screen, double barHeightFactor) {
        this.screen = screen;
        this.barHeightFactor = barHeightFactor;
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
            result.add(text.withBox(screen.clip(box.x(), top, box.width(), lineHeight)));
        }
        return result;
    }

    /**
     * Returns the text lines with the lines of each paragraph joined into one element, as one text view shows
     * them: lines that start at the same left edge or share their middle, are about equally high and lie less than
     * half a line apart.
     * Inside a floating dialog, a paragraph is also widened to the dialog's right edge less its left margin,
     * because dialog texts span the dialog's content width.
     */
    public List<DetectedElement> withParagraphs(List<DetectedElement> texts) {
        List<DetectedElement> byTop = new ArrayList<>(texts);
        byTop.sort(Comparator.comparingInt(e -> e.box().y()));
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
        BoundingBox dialog = screen.dialog();
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

    /**
     * Returns whether a line continues the paragraph whose last line is given: a title and subtitle do not. Lines of
     * a paragraph share their left edge, or their middle when the text is centred.
     */
    private static boolean continuesParagraph(BoundingBox above, BoundingBox below) {
        if (above == null) {
            return false;
        }
        int lineHeight = Math.min(above.height(), below.height());
        double heightRatio = (double) Math.max(above.height(), below.height()) / lineHeight;
        boolean aligned = Math.abs(above.x() - below.x()) <= lineHeight / 2
                || Math.abs(above.centerX() - below.centerX()) <= lineHeight / 2.0;
        int gap = below.y() - above.bottom();
        boolean close = gap >= -lineHeight / 4 && gap <= lineHeight / 2;
        return aligned && close && heightRatio <= MAX_PARAGRAPH_HEIGHT_RATIO;
    }

    /**
     * Returns the text lines that are buttons or icons. Short lines of capital letters are buttons, as touch toolkits
     * set their text buttons. One letter alone in a bar is an icon that OCR took for a letter, such as a camera glyph
     * read as "a", and gets the square touch target of a bar icon. In a bar less than the bar factor times as high as
     * the line, the button is as high as the bar and padded left and right by the bar's space above and below the text.
     * In a floating dialog it is padded by the text's height on each side.
     */
    public List<DetectedElement> barButtons(List<DetectedElement> texts) {
        List<DetectedElement> buttons = new ArrayList<>();
        for (DetectedElement text : texts) {
            BoundingBox box = text.box();
            int barTop = screen.barTop(box);
            int barHeight = screen.barBottom(box) - barTop;
            double lineHeight = LINE_HEIGHT_PER_GLYPH_HEIGHT * box.height();
            boolean iconBar = barHeight <= barHeightFactor * lineHeight
                    && barHeight <= MAX_ICON_BAR_FRACTION * screen.height();
            if (isSingleGlyph(text.label()) && iconBar) {
                int left = (int) Math.round(box.centerX() - barHeight / 2.0);
                buttons.add(new DetectedElement(ElementType.ICON, null, screen.clip(left, barTop, barHeight, barHeight),
                        GLYPH_ICON_CONFIDENCE, ElementSource.CV, true));
                continue;
            }
            if (!isCapitals(text.label()) || text.label().split("\\s+").length > MAX_BUTTON_WORDS) {
                continue;
            }
            BoundingBox target;
            if (barHeight <= barHeightFactor * lineHeight) {
                int padding = (barHeight - box.height()) / 2;
                target = screen.clip(box.x() - padding, barTop, box.width() + 2 * padding, barHeight);
            } else if (screen.dialog() != null && screen.dialog().containsCenterOf(box)) {
                // A dialog's text button, such as OK, is padded by about its text height.
                int padding = box.height();
                target = screen.clip(box.x() - padding, box.y() - padding, box.width() + 2 * padding, 3 * box.height());
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

    /** Returns whether the text is one letter or digit, with a punctuation mark at most. */
    private static boolean isSingleGlyph(String text) {
        return text != null && text.strip().length() <= 2
                && text.codePoints().filter(Character::isLetterOrDigit).count() == 1;
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
}
