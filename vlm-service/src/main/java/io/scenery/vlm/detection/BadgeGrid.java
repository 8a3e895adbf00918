package io.scenery.vlm.detection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Finds the photo tiles of a picker grid from their selection badges. A gallery picker puts one check box at the
 * same corner of every tile, so the badges form an evenly spaced lattice of two or more columns and rows whose
 * spacing is the tile's pitch. Light thumbnails on a light page leave no edge to find, but their badges show where
 * they are. Each badge's tile starts at the badge's top and reaches one pitch across and down. The badge sits at the
 * tile's right or left edge, whichever centres the grid on the screen.
 */
final class BadgeGrid {

    /** Largest ratio of a badge's longer to its shorter side. */
    private static final double MAX_BADGE_ASPECT = 1.25;

    /** Largest badge side as a share of the grid's pitch. Larger boxes in a lattice are tiles themselves. */
    private static final double MAX_BADGE_SHARE = 0.35;

    /** Largest deviation of one spacing of the lattice from its median, as a share of the median. */
    private static final double PITCH_TOLERANCE = 0.08;

    /** Largest ratio of the row pitch to the column pitch or back, because photo tiles are about square. */
    private static final double MAX_PITCH_RATIO = 1.5;

    /** Overlap (intersection over union) from which a picture found in a tile's place is that tile. */
    private static final double SAME_TILE_OVERLAP = 0.3;

    /** Share of the image width by which a grid may stick out of the image, as tiles are cut at its edge. */
    private static final float FIT_TOLERANCE = 0.02f;

    /** Overlap from which a picture found in a tile's place is kept as that tile. */
    private static final double KEPT_TILE_OVERLAP = 0.7;

    /** Confidence of a tile placed from its badge. */
    private static final double TILE_CONFIDENCE = 0.4;

    private BadgeGrid() {
    }

    /**
     * Returns the elements with a picture for each tile of a badge lattice. A picture found already in a tile's place
     * is kept when it covers most of the tile and replaced by the whole tile when it covers part of it. Without such a
     * lattice, the elements are returned unchanged.
     */
    static List<DetectedElement> withTiles(List<DetectedElement> elements, int width, int height) {
        List<DetectedElement> badges = elements.stream().filter(BadgeGrid::isBadge).toList();
        if (badges.size() < 3) {
            return elements;
        }
        double side = badges.stream().mapToInt(b -> Math.max(b.box().width(), b.box().height())).max().orElse(0);
        List<Double> columns = centres(badges, e -> e.box().centerX(), side / 2);
        List<Double> rows = centres(badges, e -> e.box().centerY(), side / 2);
        double columnPitch = pitch(columns);
        double rowPitch = pitch(rows);
        if (columnPitch <= 0 || rowPitch <= 0
                || Math.max(columnPitch, rowPitch) > MAX_PITCH_RATIO * Math.min(columnPitch, rowPitch)
                || side > MAX_BADGE_SHARE * Math.min(columnPitch, rowPitch)) {
            return elements;
        }

        int tileWidth = (int) Math.round(columnPitch);
        int tileHeight = (int) Math.round(rowPitch);
        boolean badgeAtRight = badgeAtRight(badges, tileWidth, width);
        List<DetectedElement> result = new ArrayList<>(elements);
        for (DetectedElement badge : badges) {
            BoundingBox box = badge.box();
            int left = badgeAtRight ? box.right() - tileWidth : box.x();
            BoundingBox tile = new BoundingBox(left, box.y(), tileWidth, tileHeight).clippedTo(width, height);
            boolean alreadyFound = result.stream().anyMatch(e -> e.type() == ElementType.IMAGE
                    && e.box().iou(tile) >= KEPT_TILE_OVERLAP);
            if (alreadyFound || tile.area() == 0) {
                continue;
            }
            result.removeIf(e -> e.type() == ElementType.IMAGE && e.box().iou(tile) >= SAME_TILE_OVERLAP);
            result.add(new DetectedElement(ElementType.IMAGE, null, tile, TILE_CONFIDENCE, ElementSource.CV, true));
        }
        return result;
    }

    private static boolean isBadge(DetectedElement element) {
        BoundingBox box = element.box();
        boolean toggle = element.type() == ElementType.CHECKBOX || element.type() == ElementType.RADIO;
        int longer = Math.max(box.width(), box.height());
        int shorter = Math.max(1, Math.min(box.width(), box.height()));
        return toggle && element.label() == null && longer <= MAX_BADGE_ASPECT * shorter;
    }

    /** Returns the centres of the clusters of the given coordinate, in increasing order. */
    private static List<Double> centres(List<DetectedElement> badges, ToDoubleFunction<DetectedElement> coordinate,
                                        double tolerance) {
        List<Double> values = badges.stream().map(coordinate::applyAsDouble).sorted().toList();
        List<Double> centres = new ArrayList<>();
        double sum = 0;
        int count = 0;
        for (double value : values) {
            if (count > 0 && value - sum / count > tolerance) {
                centres.add(sum / count);
                sum = 0;
                count = 0;
            }
            sum += value;
            count++;
        }
        centres.add(sum / count);
        return centres;
    }

    /**
     * Returns the even spacing of the clusters, or 0 when there are fewer than two or they are not evenly spaced.
     * A spacing of about two pitches counts as one missing cluster.
     */
    private static double pitch(List<Double> centres) {
        if (centres.size() < 2) {
            return 0;
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < centres.size(); i++) {
            gaps.add(centres.get(i) - centres.get(i - 1));
        }
        double pitch = gaps.stream().sorted(Comparator.naturalOrder()).toList().get((gaps.size() - 1) / 2);
        for (double gap : gaps) {
            double steps = Math.max(1, Math.round(gap / pitch));
            if (Math.abs(gap / steps - pitch) > PITCH_TOLERANCE * pitch) {
                return 0;
            }
        }
        return pitch;
    }

    /**
     * Returns whether the badges sit at their tiles' right edge. The grid must fit in the image that way. When it
     * fits both ways, the side that leaves more equal margins on the left and right wins.
     */
    private static boolean badgeAtRight(List<DetectedElement> badges, int pitch, int width) {
        BoundingBox first = badges.stream().map(DetectedElement::box)
                .min(Comparator.comparingInt(BoundingBox::x)).orElseThrow();
        int firstLeft = first.x();
        int lastRight = badges.stream().mapToInt(b -> b.box().right()).max().orElse(0);
        int badgeWidth = first.width();
        int slack = Math.round(FIT_TOLERANCE * width);

        int rightLeftMargin = firstLeft + badgeWidth - pitch;
        int rightRightMargin = width - lastRight;
        int leftLeftMargin = firstLeft;
        int leftRightMargin = width - (lastRight - badgeWidth + pitch);
        boolean rightFits = rightLeftMargin >= -slack;
        boolean leftFits = leftRightMargin >= -slack;
        if (rightFits != leftFits) {
            return rightFits;
        }
        return Math.abs(rightLeftMargin - rightRightMargin) <= Math.abs(leftLeftMargin - leftRightMargin);
    }

}
