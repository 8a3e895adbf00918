package io.scenery.vlm.detection;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Combines image-processing results with OCR. A control gets the words whose centre lies in its box as its label.
 * A checkbox or radio button without words gets the text just right of it, past an item icon when one follows it,
 * up to the next checkbox or radio button on the row. A button
 * or field that no page word falls into is read again on its own, which finds light text on a dark fill. An icon
 * or picture that words cover is retyped as text, since it was a glyph: when the words are one character in all,
 * only if their text line goes on outside the icon, as "(1)" does before a folder name.
 */
@ApplicationScoped
public class ControlLabeler {

    /** Share of an element's area that words must cover for an icon or picture to count as text. */
    private static final double TEXT_COVERAGE = 0.6;

    /** Overlap with an element above which a "word" is the element's own frame read as a glyph, such as "口". */
    private static final double FRAME_IOU = 0.5;

    /** Pixels trimmed from each side of a control before it is read on its own, to leave its frame out. */
    private static final int REREAD_INSET = 3;

    /** Most controls read on their own per image, which bounds the OCR time of busy screens. */
    private static final int MAX_REREADS = 64;

    /**
     * Gap between a checkbox and its label, in checkbox widths, up to which the label belongs to it. It leaves room
     * for a tree item's icon between the two when the icon itself was not found.
     */
    private static final double CHECKBOX_LABEL_GAP = 3.0;

    /**
     * Returns the words that are not an element's outline read as a glyph. Such a word matches the box of a
     * checkbox, button or field, or it is a single character centred in the box of an icon, radio button or
     * checkbox, such as "O" for a radio button or "i" for a pillared building icon.
     */
    public List<RecognizedText> withoutFrames(List<RecognizedText> words, List<DetectedElement> elements) {
        List<RecognizedText> readable = new ArrayList<>(words.size());
        for (RecognizedText word : words) {
            boolean frame = elements.stream().anyMatch(e -> isFrame(word, e));
            if (!frame) {
                readable.add(word);
            }
        }
        return readable;
    }

    private static boolean isFrame(RecognizedText word, DetectedElement element) {
        boolean oneCharacter = word.text().codePointCount(0, word.text().length()) == 1;
        boolean smallGlyph = element.type() == ElementType.ICON || element.type() == ElementType.RADIO
                || element.type() == ElementType.CHECKBOX;
        if (oneCharacter && smallGlyph && element.box().containsCenterOf(word.box())) {
            return true;
        }
        if (element.box().iou(word.box()) < FRAME_IOU) {
            return false;
        }
        return switch (element.type()) {
            case CHECKBOX, BUTTON, INPUT, RADIO, SWITCH, DROPDOWN, TAB -> true;
            case ICON -> oneCharacter;
            case IMAGE, TEXT, LINK -> false;
        };
    }

    /**
     * Returns the elements with labels added and glyph icons retyped as text.
     *
     * @param words   words of the page without frames, see {@link #withoutFrames}
     * @param session OCR session on the same image for rereading single controls, or null to skip rereading
     */
    public List<DetectedElement> label(List<DetectedElement> elements, List<RecognizedText> words,
                                       OcrSession session) {
        List<DetectedElement> labelled = new ArrayList<>(elements.size());
        List<DetectedElement> itemIcons = itemIcons(elements);
        int rereads = 0;
        for (DetectedElement element : elements) {
            ElementType type = element.type();
            if (itemIcons.contains(element)) {
                labelled.add(element.withType(ElementType.ICON, false));
                continue;
            }
            List<RecognizedText> inside = wordsInside(element.box(), words);

            if ((type == ElementType.ICON || type == ElementType.IMAGE)
                    && coverage(element.box(), words) >= TEXT_COVERAGE
                    && (!isOneCharacter(inside) || lineGoesOn(element.box(), inside, words))) {
                labelled.add(element.withType(ElementType.TEXT, false).withLabel(labelOrNull(inside)));
            } else if (!inside.isEmpty()) {
                labelled.add(element.withLabel(withoutLeadingGlyph(TextLines.join(inside))));
            } else if (type == ElementType.CHECKBOX || type == ElementType.RADIO) {
                BoundingBox icon = iconRightOf(element.box(), elements);
                BoundingBox labelStart = icon == null ? element.box() : element.box().union(icon);
                labelled.add(element.withLabel(labelRightOf(labelStart, words, elements)));
            } else if (session != null && rereads < MAX_REREADS
                    && (type == ElementType.BUTTON || type == ElementType.INPUT || type == ElementType.DROPDOWN)) {
                rereads++;
                RecognizedText line = readAlone(element, session);
                labelled.add(line == null ? element : element.withLabel(withoutLeadingGlyph(line.text())));
            } else {
                labelled.add(element);
            }
        }
        return labelled;
    }

    /**
     * Returns the small square glyphs that sit between a check box and its label, as item icons do in trees and
     * lists ("[x] [icon] Label"). They are framed like check boxes but are pictures of the item.
     */
    private static List<DetectedElement> itemIcons(List<DetectedElement> elements) {
        List<DetectedElement> icons = new ArrayList<>();
        for (DetectedElement element : elements) {
            if (element.type() != ElementType.CHECKBOX) {
                continue;
            }
            BoundingBox icon = iconRightOf(element.box(), elements);
            if (icon == null) {
                continue;
            }
            for (DetectedElement other : elements) {
                if (other.box().equals(icon) && other.type() == ElementType.CHECKBOX) {
                    icons.add(other);
                }
            }
        }
        return icons;
    }

    /**
     * Returns the box of an icon or check-box-like square that starts within one check box width right of the box,
     * level with it and at most half as large again, or null.
     */
    private static BoundingBox iconRightOf(BoundingBox box, List<DetectedElement> elements) {
        BoundingBox nearest = null;
        for (DetectedElement element : elements) {
            BoundingBox other = element.box();
            boolean glyph = element.type() == ElementType.ICON || element.type() == ElementType.CHECKBOX;
            int gap = other.x() - box.right();
            boolean level = other.centerY() >= box.y() && other.centerY() <= box.bottom();
            boolean small = other.height() <= 1.5 * box.height() && other.width() <= 1.5 * box.width();
            if (glyph && level && small && gap >= 0 && gap <= box.width()
                    && (nearest == null || other.x() < nearest.x())) {
                nearest = other;
            }
        }
        return nearest;
    }

    /**
     * Returns whether the words are one letter or digit in all. Tesseract reads many icons, such as a camera, as
     * one letter, while text in an interface rarely is a single character.
     */
    private static boolean isOneCharacter(List<RecognizedText> words) {
        long characters = words.stream()
                .flatMapToInt(word -> word.text().codePoints())
                .filter(Character::isLetterOrDigit)
                .count();
        return characters == 1;
    }

    /**
     * Returns the label without a first word of one character that is not a digit, when more words follow. Such a
     * word is the icon at the start of a button, such as a check mark read as "o" or "V" before "Apply".
     */
    static String withoutLeadingGlyph(String label) {
        int space = label.indexOf(' ');
        if (space < 0 || label.codePointCount(0, space) != 1 || Character.isDigit(label.codePointAt(0))) {
            return label;
        }
        String rest = label.substring(space).strip();
        return rest.isEmpty() ? label : rest;
    }

    /** Returns whether a text line of the words inside the box has words outside it too. */
    private static boolean lineGoesOn(BoundingBox box, List<RecognizedText> inside, List<RecognizedText> words) {
        return words.stream().anyMatch(word -> !box.containsCenterOf(word.box())
                && inside.stream().anyMatch(own -> own.line() == word.line()));
    }

    private static String labelOrNull(List<RecognizedText> words) {
        return words.isEmpty() ? null : TextLines.join(words);
    }

    /**
     * Returns the words of one OCR line from the nearest word that starts right of the box, level with it, up to the
     * next check box or radio button on the row, or null. OCR reads a row of radio buttons and their labels as one
     * line, so the label of the second button starts inside that line.
     */
    private static String labelRightOf(BoundingBox box, List<RecognizedText> words, List<DetectedElement> elements) {
        RecognizedText first = textRightOf(box, words);
        if (first == null) {
            return null;
        }
        int end = Integer.MAX_VALUE;
        for (DetectedElement other : elements) {
            boolean toggle = other.type() == ElementType.CHECKBOX || other.type() == ElementType.RADIO;
            boolean level = other.box().centerY() >= box.y() && other.box().centerY() <= box.bottom();
            if (toggle && level && other.box().x() > first.box().x()) {
                end = Math.min(end, other.box().x());
            }
        }
        int cut = end;
        List<RecognizedText> label = words.stream()
                .filter(word -> word.line() == first.line())
                .filter(word -> word.box().x() >= first.box().x() && word.box().right() <= cut)
                .sorted(Comparator.comparingInt(word -> word.box().x()))
                .toList();
        return TextLines.join(label);
    }

    /** Returns the nearest text that starts right of the box, level with it, or null. */
    private static RecognizedText textRightOf(BoundingBox box, List<RecognizedText> texts) {
        RecognizedText nearest = null;
        for (RecognizedText line : texts) {
            int gap = line.box().x() - box.right();
            boolean level = line.box().centerY() >= box.y() && line.box().centerY() <= box.bottom();
            boolean near = gap >= -2 && gap <= CHECKBOX_LABEL_GAP * box.width();
            if (level && near && (nearest == null || line.box().x() < nearest.box().x())) {
                nearest = line;
            }
        }
        return nearest;
    }

    /**
     * Reads the control's box on its own, without its frame. A button is also trimmed by half its height on the
     * left and right. This cuts off the rounded ends of pill buttons, whose background corners confuse Tesseract.
     * A field keeps its sides, because its text starts near its left edge, and a drop-down list is read without
     * the square at its right end that contains its arrow.
     */
    private static RecognizedText readAlone(DetectedElement control, OcrSession session) {
        BoundingBox box = control.box();
        int leftInset = control.type() == ElementType.BUTTON
                ? Math.max(REREAD_INSET, Math.min(box.height() / 2, box.width() / 4))
                : REREAD_INSET;
        // A drop-down list's arrow sits in a square at its right end.
        int rightInset = control.type() == ElementType.DROPDOWN ? Math.max(leftInset, box.height()) : leftInset;
        if (box.width() <= leftInset + rightInset || box.height() <= 2 * REREAD_INSET) {
            return null;
        }
        return session.readLine(new BoundingBox(box.x() + leftInset, box.y() + REREAD_INSET,
                box.width() - leftInset - rightInset, box.height() - 2 * REREAD_INSET));
    }

    private static List<RecognizedText> wordsInside(BoundingBox box, List<RecognizedText> words) {
        List<RecognizedText> inside = new ArrayList<>();
        for (RecognizedText word : words) {
            if (box.containsCenterOf(word.box())) {
                inside.add(word);
            }
        }
        return inside;
    }

    private static double coverage(BoundingBox box, List<RecognizedText> words) {
        long covered = 0;
        for (RecognizedText word : words) {
            covered += box.intersectionArea(word.box());
        }
        return Math.min(1.0, (double) covered / box.area());
    }
}
