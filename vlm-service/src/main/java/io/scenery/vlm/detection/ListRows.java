package io.scenery.vlm.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds lists on a touch screen: runs of lines of elements that start at the same left edge and are about equally high.
 * Examples are rows of thumbnail, title and radio button, or the evenly spaced single texts of a menu. Each line
 * becomes a row element as wide as the image, with the gaps between lines split evenly, because a list row's touch
 * target spans the whole row. When half the rows of a list or more start with a picture of one size and a row has none,
 * its picture was light on a light page: the glyphs found in its place become one picture.
 */
final class ListRows {

    /** Tallest element taken into a line, as a fraction of the image height; taller ones are panels. */
    private static final double MAX_ELEMENT_HEIGHT_FRACTION = 0.2;

    /**
     * Largest gap between two groups of elements of one line, as a fraction of the image's shorter side. A row's
     * parts, such as a title above a subtitle, often do not overlap vertically.
     */
    private static final double LINE_GAP_FRACTION = 0.015;

    /** Largest difference of left edges within one list, as a fraction of the image width. */
    private static final double LEFT_TOLERANCE_FRACTION = 0.03;

    /** Elements of a line that must repeat the first line's for it to continue the list at another left edge. */
    private static final int MIN_ALIGNED_ELEMENTS = 2;

    /** Largest ratio of two line heights within one list. */
    private static final double MAX_HEIGHT_RATIO = 1.35;

    /** Smallest gap between lines of one text in a menu, in line heights; paragraph lines lie closer. */
    private static final double MIN_MENU_GAP_LINES = 0.5;

    /** Largest gap between lines of one text in a menu, in line heights. */
    private static final double MAX_MENU_GAP_LINES = 4.0;

    /** Largest difference of a picture's left edge or size between rows of one list, as a fraction of its side. */
    private static final double PICTURE_TOLERANCE = 0.15;

    private final int minRows;

    ListRows(int minRows) {
        this.minRows = minRows;
    }

    /**
     * Returns the elements with a row element added for each line of each list, and each text line in a list row
     * widened to fill the row's space up to its right neighbour.
     */
    List<DetectedElement> apply(List<DetectedElement> elements, int width, int height, BarBoundaries boundaries) {
        List<DetectedElement> result = new ArrayList<>(elements);
        List<List<Line>> lists = find(elements, width, height);
        for (List<Line> list : lists) {
            completePictures(list, result);
        }
        List<DetectedElement> rows = new ArrayList<>();
        for (List<Line> list : lists) {
            rows.addAll(rows(list, width, boundaries));
        }
        for (DetectedElement row : rows) {
            for (int i = 0; i < result.size(); i++) {
                DetectedElement element = result.get(i);
                if (element.type() == ElementType.TEXT && row.box().containsCenterOf(element.box())) {
                    result.set(i, element.withBox(filledWidth(element.box(), result, row.box())));
                }
            }
            result.add(row);
        }
        return result;
    }

    /**
     * Returns a text box in a list row widened to its right neighbour in the row, less the gap that separates it
     * from its left neighbour. List layouts give the title all the width between the picture and the trailing
     * control. The box is unchanged when a neighbour is missing.
     */
    private static BoundingBox filledWidth(BoundingBox text, List<DetectedElement> elements, BoundingBox row) {
        BoundingBox left = null;
        BoundingBox right = null;
        for (DetectedElement element : elements) {
            BoundingBox box = element.box();
            boolean level = box.bottom() > text.y() && box.y() < text.bottom() && row.contains(box, 0);
            if (!level || box.equals(text) || box.width() >= row.width() / 2 && box.height() >= row.height()) {
                continue;
            }
            if (box.right() <= text.x() && (left == null || box.right() > left.right())) {
                left = box;
            }
            if (box.x() >= text.right() && (right == null || box.x() < right.x())) {
                right = box;
            }
        }
        if (left == null || right == null) {
            return text;
        }
        int newRight = right.x() - (text.x() - left.right());
        return newRight > text.right()
                ? new BoundingBox(text.x(), text.y(), newRight - text.x(), text.height())
                : text;
    }

    /**
     * Gives each line of the list that lacks it the picture that half its lines or more share: an image at the same
     * left edge and of the same size. The elements that lie in the missing picture's place, centred on its line, are
     * replaced by one image, in the line and in the result.
     */
    private static void completePictures(List<Line> list, List<DetectedElement> result) {
        DetectedElement shared = sharedPicture(list);
        if (shared == null) {
            return;
        }
        BoundingBox picture = shared.box();
        for (Line line : list) {
            if (line.elements.stream().anyMatch(e -> samePlace(e, picture))) {
                continue;
            }
            int centre = (line.top + line.bottom) / 2;
            BoundingBox place = new BoundingBox(picture.x(), centre - picture.height() / 2, picture.width(),
                    picture.height());
            List<DetectedElement> inside = result.stream()
                    .filter(e -> place.containsCenterOf(e.box()) && place.contains(e.box(), picture.width() / 10))
                    .toList();
            if (inside.isEmpty()) {
                continue;
            }
            DetectedElement image = new DetectedElement(ElementType.IMAGE, null, place, shared.confidence(),
                    ElementSource.CV, false);
            line.elements.removeAll(inside);
            line.add(image);
            result.removeAll(inside);
            result.add(image);
        }
    }

    /**
     * Returns an image of a line that half of the list's lines or more, and two at least, have in the same place, or
     * null when there is none.
     */
    private static DetectedElement sharedPicture(List<Line> list) {
        for (Line line : list) {
            for (DetectedElement element : line.elements) {
                if (element.type() != ElementType.IMAGE) {
                    continue;
                }
                long alike = list.stream()
                        .filter(other -> other.elements.stream().anyMatch(e -> samePlace(e, element.box())))
                        .count();
                if (alike >= 2 && 2 * alike >= list.size()) {
                    return element;
                }
            }
        }
        return null;
    }

    private static boolean samePlace(DetectedElement element, BoundingBox picture) {
        BoundingBox box = element.box();
        double tolerance = PICTURE_TOLERANCE * Math.max(picture.width(), picture.height());
        return element.type() == ElementType.IMAGE
                && Math.abs(box.x() - picture.x()) <= tolerance
                && Math.abs(box.width() - picture.width()) <= tolerance
                && Math.abs(box.height() - picture.height()) <= tolerance;
    }

    private List<List<Line>> find(List<DetectedElement> elements, int width, int height) {
        List<Line> lines = lines(elements, height, (int) Math.round(LINE_GAP_FRACTION * Math.min(width, height)));
        List<List<Line>> lists = new ArrayList<>();
        int start = 0;
        while (start < lines.size()) {
            int end = start + 1;
            while (end < lines.size() && continues(lines.get(start), lines.get(end - 1), lines.get(end), width)) {
                end++;
            }
            if (end - start >= minRows) {
                lists.add(lines.subList(start, end));
            }
            start = end;
        }
        return lists;
    }

    /**
     * Groups the elements into lines whose vertical extents overlap or lie less than the gap apart. Keeps lines of
     * two or more elements and lines of one text.
     */
    private static List<Line> lines(List<DetectedElement> elements, int imageHeight, int gap) {
        List<DetectedElement> byTop = new ArrayList<>();
        for (DetectedElement element : elements) {
            if (element.box().height() <= MAX_ELEMENT_HEIGHT_FRACTION * imageHeight) {
                byTop.add(element);
            }
        }
        byTop.sort(Comparator.comparingInt(e -> e.box().y()));

        List<Line> lines = new ArrayList<>();
        Line current = null;
        for (DetectedElement element : byTop) {
            if (current != null && element.box().y() <= current.bottom + gap) {
                current.add(element);
            } else {
                current = new Line(element);
                lines.add(current);
            }
        }
        return lines.stream().filter(line -> line.elements.size() >= 2 || line.isSingleText()).toList();
    }

    /**
     * Returns whether the next line continues the list that starts with the first line. It must start at the same
     * left edge and be about as high, or else two of its elements must repeat elements of the first line. The
     * second case is a row whose thumbnail was not found, with the title and radio button in place. Lines of several
     * elements lie less than a line height apart. Lines of one text each, as in a menu, must lie further apart than
     * the lines of a paragraph, at least half a line height, and at most a few line heights.
     */
    private static boolean continues(Line first, Line previous, Line next, int width) {
        int tolerance = (int) Math.round(LEFT_TOLERANCE_FRACTION * width);
        boolean sameLeft = Math.abs(next.left - first.left) <= tolerance;
        boolean aligned = next.alignedWith(first, tolerance) >= MIN_ALIGNED_ELEMENTS;
        double heightRatio = (double) Math.max(next.height(), first.height()) / Math.min(next.height(), first.height());
        int gap = next.top - previous.bottom;
        if (first.isSingleText() != next.isSingleText()) {
            return false;
        }
        boolean spaced = first.isSingleText()
                ? gap >= MIN_MENU_GAP_LINES * previous.height() && gap <= MAX_MENU_GAP_LINES * previous.height()
                : gap <= previous.height();
        return (aligned || sameLeft && heightRatio <= MAX_HEIGHT_RATIO) && spaced;
    }

    private static List<DetectedElement> rows(List<Line> list, int width, BarBoundaries boundaries) {
        List<Integer> gaps = new ArrayList<>();
        for (int i = 1; i < list.size(); i++) {
            gaps.add(list.get(i).top - list.get(i - 1).bottom);
        }
        gaps.sort(Comparator.naturalOrder());
        int halfGap = Math.max(0, gaps.get(gaps.size() / 2) / 2);

        List<DetectedElement> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Line line = list.get(i);
            int top = i == 0 ? line.top - halfGap : (list.get(i - 1).bottom + line.top) / 2;
            int bottom = i == list.size() - 1 ? line.bottom + halfGap : (line.bottom + list.get(i + 1).top) / 2;
            top = Math.max(top, boundaries.above(line.top));
            bottom = Math.min(bottom, boundaries.below(line.bottom));
            BoundingBox box = new BoundingBox(0, top, width, Math.max(1, bottom - top));
            rows.add(new DetectedElement(ElementType.BUTTON, line.label(), box, 0.35, ElementSource.CV, true));
        }
        return rows;
    }

    /** Elements whose vertical extents overlap, in the order added. */
    private static final class Line {

        private final List<DetectedElement> elements = new ArrayList<>();
        private int top;
        private int bottom;
        private int left;

        Line(DetectedElement first) {
            elements.add(first);
            top = first.box().y();
            bottom = first.box().bottom();
            left = first.box().x();
        }

        void add(DetectedElement element) {
            elements.add(element);
            top = Math.min(top, element.box().y());
            bottom = Math.max(bottom, element.box().bottom());
            left = Math.min(left, element.box().x());
        }

        int height() {
            return Math.max(1, bottom - top);
        }

        /**
         * Returns how many of this line's elements have an element of the same type in the other line at the same
         * left edge and of about the same height.
         */
        long alignedWith(Line other, int tolerance) {
            return elements.stream()
                    .filter(e -> other.elements.stream().anyMatch(o -> o.type() == e.type()
                            && Math.abs(o.box().x() - e.box().x()) <= tolerance
                            && Math.abs(o.box().height() - e.box().height()) <= tolerance))
                    .count();
        }

        boolean isSingleText() {
            return elements.size() == 1 && elements.get(0).type() == ElementType.TEXT;
        }

        /** Returns the labels of the line's elements from left to right, or null when none has one. */
        String label() {
            List<String> labels = elements.stream()
                    .sorted(Comparator.comparingInt(e -> e.box().x()))
                    .map(DetectedElement::label)
                    .filter(text -> text != null && !text.isBlank())
                    .toList();
            return labels.isEmpty() ? null : String.join(" ", labels);
        }
    }
}
