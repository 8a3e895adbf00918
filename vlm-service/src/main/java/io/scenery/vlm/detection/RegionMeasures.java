package io.scenery.vlm.detection;

import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.REDUCE_MAX;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_SUM;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.reduce;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;

/**
 * Measurements of one box on the gray image and its edge map. Callers run inside a JavaCPP PointerScope, which
 * frees the temporary matrices.
 */
final class RegionMeasures {

    /**
     * Standard deviation of gray, on the 0-255 scale, just around an unframed region or word above which it lies on
     * a photo or texture rather than on a plain fill.
     */
    static final double MAX_PLAIN_RING_DEVIATION = 12.0;

    /** Gray levels, on the 0-255 scale, around a region's most common gray that count as its plain fill. */
    static final int PLAIN_TOLERANCE = 8;

    /** Share of a framed box's interior, in width and in height, from which an edge group inside is a frame. */
    private static final double INNER_FRAME_SHARE = 0.9;

    /** Share of a column's height on edges from which it is a vertical frame line inside a box. */
    private static final double MIN_SPLIT_LINE_COVERAGE = 0.9;

    /** Width, in pixels, of the strip along each side that is searched for the outline. */
    private static final int BAND = 3;

    /** Narrowest width over height of a field's trailing icon, and the inverse of the widest. */
    private static final double MIN_ICON_ASPECT = 0.6;

    /** Smallest gap between a field's text and its trailing icon, in icon widths. */
    private static final int ICON_GAP_WIDTHS = 3;

    /**
     * Returns the share (0 to 1) of the box outline that lies on edges. A position along a side counts as covered
     * when any pixel of the strip inside the side at that position is an edge. To accept rounded corners and pill
     * shapes, the long sides are measured without their corner zones, and the strips of the short sides are as
     * deep as a corner zone, so that they hold the whole arc. Sides on the image border count as covered, because
     * a bar that touches the border has no edge there.
     */
    double borderCoverage(Mat edges, BoundingBox box) {
        int shortSide = Math.min(box.width(), box.height());
        boolean elongated = Math.max(box.width(), box.height()) >= 2 * shortSide;
        int corner = Math.max(1, elongated ? shortSide / 2 : shortSide / 4);
        int band = Math.max(1, Math.min(BAND, shortSide / 4));
        boolean wide = box.width() >= box.height();
        int horizontalInset = wide ? corner : 0;
        int verticalInset = wide ? 0 : corner;
        int horizontalDepth = wide ? band : corner;
        int verticalDepth = wide ? corner : band;

        int topBottomLength = box.width() - 2 * horizontalInset;
        int leftRightLength = box.height() - 2 * verticalInset;
        long covered = 0;
        covered += box.y() == 0 ? topBottomLength : coveredPositions(edges,
                new Rect(box.x() + horizontalInset, box.y(), topBottomLength, horizontalDepth), 0);
        covered += box.bottom() >= edges.rows() ? topBottomLength : coveredPositions(edges,
                new Rect(box.x() + horizontalInset, box.bottom() - horizontalDepth, topBottomLength, horizontalDepth),
                0);
        covered += box.x() == 0 ? leftRightLength : coveredPositions(edges,
                new Rect(box.x(), box.y() + verticalInset, verticalDepth, leftRightLength), 1);
        covered += box.right() >= edges.cols() ? leftRightLength : coveredPositions(edges,
                new Rect(box.right() - verticalDepth, box.y() + verticalInset, verticalDepth, leftRightLength), 1);

        return (double) covered / (2L * topBottomLength + 2L * leftRightLength);
    }

    /**
     * Returns whether a framed box contains text at its left and, far right of it, one about square icon no taller
     * than the given share of the box, as a search field shows its placeholder and a magnifier. The gap between the
     * text and the icon must be at least three icon widths, so a button with an icon beside its label does not
     * count.
     */
    boolean hasTrailingIcon(Mat edges, BoundingBox box, int inset, double maxIconShare) {
        if (box.width() <= 2 * inset + 2 || box.height() <= 2 * inset + 2) {
            return false;
        }
        Rect interior = new Rect(box.x() + inset, box.y() + inset, box.width() - 2 * inset, box.height() - 2 * inset);
        List<BoundingBox> parts = innerParts(new Mat(edges, interior), interior.width(), interior.height());
        if (parts.size() < 2) {
            return false;
        }

        parts.sort(Comparator.comparingInt(BoundingBox::right));
        BoundingBox icon = parts.get(parts.size() - 1);
        int textLeft = parts.stream().mapToInt(BoundingBox::x).min().orElse(0);
        int textRight = parts.get(parts.size() - 2).right();
        double aspect = (double) icon.width() / Math.max(1, icon.height());
        boolean square = aspect >= MIN_ICON_ASPECT && aspect <= 1 / MIN_ICON_ASPECT;
        boolean small = icon.height() <= maxIconShare * box.height();
        boolean atEnd = interior.width() - icon.right() <= box.height();
        boolean farApart = icon.x() - textRight >= ICON_GAP_WIDTHS * icon.width();
        boolean textAtLeft = textLeft <= box.height();
        return square && small && atEnd && farApart && textAtLeft && icon.x() > textLeft;
    }

    /** Returns the boxes of the connected edge groups of an interior that do not touch its border. */
    private static List<BoundingBox> innerParts(Mat interiorEdges, int width, int height) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int count = connectedComponentsWithStats(interiorEdges, labels, stats, centroids, 8, CV_32S);
        List<BoundingBox> parts = new ArrayList<>();
        try (IntIndexer indexer = stats.createIndexer()) {
            for (int label = 1; label < count; label++) {
                BoundingBox part = new BoundingBox(indexer.get(label, CC_STAT_LEFT), indexer.get(label, CC_STAT_TOP),
                        indexer.get(label, CC_STAT_WIDTH), indexer.get(label, CC_STAT_HEIGHT));
                boolean touchesFrame = part.x() == 0 || part.y() == 0
                        || part.right() >= width || part.bottom() >= height;
                if (!touchesFrame) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }

    /**
     * Returns whether the rightmost part inside a framed box is a small glyph set apart from the rest, as the arrow
     * of a drop-down list is. Such a glyph is at most the given share of the box height tall and sits near the
     * right end, with a gap of at least that share of the height to the part before it.
     */
    boolean hasTrailingGlyph(Mat edges, BoundingBox box, int inset, double maxGlyphShare) {
        if (box.width() <= 2 * inset + 2 || box.height() <= 2 * inset + 2) {
            return false;
        }
        Rect interior = new Rect(box.x() + inset, box.y() + inset, box.width() - 2 * inset, box.height() - 2 * inset);
        List<BoundingBox> parts = innerParts(new Mat(edges, interior), interior.width(), interior.height());
        if (parts.size() < 2) {
            return false;
        }

        parts.sort(Comparator.comparingInt(BoundingBox::right));
        BoundingBox glyph = parts.get(parts.size() - 1);
        int textRight = parts.get(parts.size() - 2).right();
        double maxSide = maxGlyphShare * box.height();
        boolean small = glyph.height() <= maxSide && glyph.width() <= 2 * maxSide;
        boolean atEnd = interior.width() - glyph.right() <= box.height();
        boolean apart = glyph.x() - textRight >= maxSide;
        return small && atEnd && apart;
    }

    /**
     * Returns the bounding box of the edges inside the box shrunk by the inset, leaving out edge groups that touch
     * the shrunk box's outline, because those are the remains of the frame, and groups nearly as large as the
     * shrunk box, because those are a second frame, such as the inner line of a focused field's ring. Returns null
     * when nothing is left.
     */
    BoundingBox contentBox(Mat edges, BoundingBox box, int inset) {
        if (box.width() <= 2 * inset + 2 || box.height() <= 2 * inset + 2) {
            return null;
        }
        Rect interior = new Rect(box.x() + inset, box.y() + inset, box.width() - 2 * inset, box.height() - 2 * inset);
        Mat interiorEdges = new Mat(edges, interior);
        if (countNonZero(interiorEdges) == 0) {
            return null;
        }

        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int count = connectedComponentsWithStats(interiorEdges, labels, stats, centroids, 8, CV_32S);
        IntIndexer indexer = stats.createIndexer();
        BoundingBox content = null;
        for (int label = 1; label < count; label++) {
            BoundingBox part = new BoundingBox(indexer.get(label, CC_STAT_LEFT), indexer.get(label, CC_STAT_TOP),
                    indexer.get(label, CC_STAT_WIDTH), indexer.get(label, CC_STAT_HEIGHT));
            boolean touchesFrame = part.x() == 0 || part.y() == 0
                    || part.right() >= interior.width() || part.bottom() >= interior.height();
            boolean innerFrame = part.width() >= INNER_FRAME_SHARE * interior.width()
                    && part.height() >= INNER_FRAME_SHARE * interior.height();
            if (!touchesFrame && !innerFrame) {
                content = content == null ? part : content.union(part);
            }
        }
        indexer.close();
        if (content == null) {
            return null;
        }
        return new BoundingBox(interior.x() + content.x(), interior.y() + content.y(), content.width(),
                content.height());
    }

    /** Returns the mean gray inside the box's border minus the mean gray of a ring a few pixels outside the box. */
    double fillContrast(Mat gray, BoundingBox box, int inset) {
        BoundingBox inside = box.width() > 2 * inset && box.height() > 2 * inset
                ? new BoundingBox(box.x() + inset, box.y() + inset, box.width() - 2 * inset, box.height() - 2 * inset)
                : box;
        double insideMean = mean(new Mat(gray, RegionFinder.toRect(inside))).get(0);

        // The ring starts one strip away from the box, past a focus ring's glow or a drop shadow around it.
        BoundingBox beyond = new BoundingBox(box.x() - BAND, box.y() - BAND, box.width() + 2 * BAND,
                box.height() + 2 * BAND);
        List<BoundingBox> ring = outsideStrips(beyond, gray.cols(), gray.rows());
        if (ring.isEmpty()) {
            return 0.0;
        }
        double sum = 0;
        long pixels = 0;
        for (BoundingBox strip : ring) {
            sum += mean(new Mat(gray, RegionFinder.toRect(strip))).get(0) * strip.area();
            pixels += strip.area();
        }
        return insideMean - sum / pixels;
    }

    /**
     * Returns the share (0 to 1) of the box's pixels whose gray lies within the tolerance of the box's most common
     * gray. A card of text on a plain fill scores high; a photo scores low, because its shades spread.
     */
    double plainShare(Mat gray, BoundingBox box, int tolerance) {
        long[] histogram = histogram(gray, box);
        int mode = mode(histogram);
        long plain = 0;
        for (int level = Math.max(0, mode - tolerance); level <= Math.min(255, mode + tolerance); level++) {
            plain += histogram[level];
        }
        return (double) plain / box.area();
    }

    /**
     * Returns the most common gray of the left half of the box inside the inset minus that of the right half. A
     * switch's knob is a plain fill of its own beside the track, so the two differ. A field or button with text has
     * the same background in both halves.
     */
    double halfModeContrast(Mat gray, BoundingBox box, int inset) {
        int innerWidth = box.width() - 2 * inset;
        int innerHeight = box.height() - 2 * inset;
        if (innerWidth < 4 || innerHeight < 2) {
            return 0.0;
        }
        int half = innerWidth / 2;
        BoundingBox left = new BoundingBox(box.x() + inset, box.y() + inset, half, innerHeight);
        BoundingBox right = new BoundingBox(box.x() + inset + innerWidth - half, box.y() + inset, half, innerHeight);
        return mode(histogram(gray, left)) - mode(histogram(gray, right));
    }

    /** Returns the gray histogram of the box, which must lie inside the image. */
    static long[] histogram(Mat gray, BoundingBox box) {
        long[] histogram = new long[256];
        try (UByteIndexer indexer = new Mat(gray, RegionFinder.toRect(box)).createIndexer()) {
            for (int y = 0; y < box.height(); y++) {
                for (int x = 0; x < box.width(); x++) {
                    histogram[indexer.get(y, x)]++;
                }
            }
        }
        return histogram;
    }

    /** Returns the most common level of a gray histogram, the lowest one on a tie. */
    /** Returns the most common gray in the part of the box inside the image, or 0 when none of it is. */
    static int modeWithin(Mat gray, BoundingBox box) {
        BoundingBox inside = box.clippedTo(gray.cols(), gray.rows());
        return inside.area() == 0 ? 0 : mode(histogram(gray, inside));
    }

    static int mode(long[] histogram) {
        int mode = 0;
        for (int level = 1; level < histogram.length; level++) {
            if (histogram[level] > histogram[mode]) {
                mode = level;
            }
        }
        return mode;
    }

    /**
     * Returns the {@link #plainShare plain share} of the neighbourhood of a box: the box grown by the given pixels
     * in every direction, clipped to the image. An icon or a word on a bar or a page is surrounded by one fill, so
     * the share is high even where other glyphs come near. A detail of a photo is surrounded by spread shades.
     */
    double surroundPlainShare(Mat gray, BoundingBox box, int grow, int tolerance) {
        int left = Math.max(0, box.x() - grow);
        int top = Math.max(0, box.y() - grow);
        int right = Math.min(gray.cols(), box.right() + grow);
        int bottom = Math.min(gray.rows(), box.bottom() + grow);
        if (right <= left || bottom <= top) {
            return 1.0;
        }
        return plainShare(gray, new BoundingBox(left, top, right - left, bottom - top), tolerance);
    }

    /**
     * Returns the standard deviation of gray, on the 0-255 scale, in the ring of strips just outside the box. A
     * glyph of the interface sits on a plain fill, where it is near 0; a detail of a photo does not.
     */
    double ringDeviation(Mat gray, BoundingBox box) {
        return deviation(gray, outsideStrips(around(box), gray.cols(), gray.rows()));
    }

    /**
     * Returns the standard deviation of gray in the strips just above and below a word. The strips left and right
     * of it are left out, because the gap between words is narrower than the ring's margin, so those strips cross
     * the next word's glyphs.
     */
    double lineBandDeviation(Mat gray, BoundingBox box) {
        BoundingBox around = around(box);
        List<BoundingBox> bands = new ArrayList<>(2);
        for (BoundingBox strip : outsideStrips(around, gray.cols(), gray.rows())) {
            if (strip.height() == BAND && strip.width() > BAND) {
                bands.add(strip);
            }
        }
        return deviation(gray, bands);
    }

    /** Returns the box grown by a margin that leaves out the anti-aliased fringe of the glyphs. */
    private static BoundingBox around(BoundingBox box) {
        int margin = 2 + box.height() / 10;
        return new BoundingBox(box.x() - margin, box.y() - margin, box.width() + 2 * margin,
                box.height() + 2 * margin);
    }

    /** Returns the standard deviation of gray over the union of the strips, or 0 for none. */
    private static double deviation(Mat gray, List<BoundingBox> strips) {
        double sum = 0;
        double squares = 0;
        long pixels = 0;
        for (BoundingBox strip : strips) {
            try (Mat mean = new Mat(); Mat deviation = new Mat()) {
                meanStdDev(new Mat(gray, RegionFinder.toRect(strip)), mean, deviation);
                double stripMean;
                double stripDeviation;
                try (DoubleIndexer means = mean.createIndexer(); DoubleIndexer deviations = deviation.createIndexer()) {
                    stripMean = means.get(0);
                    stripDeviation = deviations.get(0);
                }
                sum += stripMean * strip.area();
                squares += (stripDeviation * stripDeviation + stripMean * stripMean) * strip.area();
                pixels += strip.area();
            }
        }
        if (pixels == 0) {
            return 0.0;
        }
        double mean = sum / pixels;
        return Math.sqrt(Math.max(0, squares / pixels - mean * mean));
    }

    /**
     * Returns where a framed box splits into two frames that closing joined: two buttons side by side, a few pixels
     * apart. Their inner sides are two vertical lines of edges through nearly the box's whole height, with a narrow
     * edge-free gap between them. Returns {left frame's right end, right frame's left start}, exclusive and
     * inclusive image columns, or null when the box has no such pair of lines. The inset leaves out the box's own
     * sides.
     */
    int[] innerFrameGap(Mat edges, BoundingBox box, int inset, int maxGap, int minPartWidth) {
        int top = box.y() + inset;
        int height = box.height() - 2 * inset;
        if (height <= 0 || box.width() <= 2 * inset) {
            return null;
        }
        Mat sums = new Mat();
        reduce(new Mat(edges, new Rect(box.x(), top, box.width(), height)), sums, 0, REDUCE_SUM, CV_32S);

        List<int[]> lines = new ArrayList<>();
        try (IntIndexer columns = sums.createIndexer()) {
            for (int x = inset; x < box.width() - inset; x++) {
                boolean line = columns.get(0, x) / 255.0 >= MIN_SPLIT_LINE_COVERAGE * height;
                if (!line) {
                    continue;
                }
                int[] last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null && last[1] == x - 1) {
                    last[1] = x;
                } else {
                    lines.add(new int[] {x, x});
                }
            }
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            int leftEnd = lines.get(i)[1] + 1;
            int rightStart = lines.get(i + 1)[0];
            boolean narrow = rightStart - leftEnd >= 1 && rightStart - leftEnd <= maxGap;
            if (narrow && leftEnd >= minPartWidth && box.width() - rightStart >= minPartWidth) {
                return new int[] {box.x() + leftEnd, box.x() + rightStart};
            }
        }
        return null;
    }

    double edgeDensity(Mat edges, BoundingBox box) {
        return (double) countNonZero(new Mat(edges, RegionFinder.toRect(box))) / box.area();
    }

    private static long coveredPositions(Mat edges, Rect band, int dimension) {
        Mat strip = new Mat(edges, band);
        Mat reduced = new Mat();
        reduce(strip, reduced, dimension, REDUCE_MAX);
        return countNonZero(reduced);
    }

    /** Returns the strips of BAND pixels around the box that lie inside the image; the box may reach outside. */
    private static List<BoundingBox> outsideStrips(BoundingBox box, int imageWidth, int imageHeight) {
        List<BoundingBox> strips = new ArrayList<>();
        int left = Math.max(0, box.x() - BAND);
        int right = Math.min(imageWidth, box.right() + BAND);
        if (box.y() - BAND >= 0) {
            strips.add(new BoundingBox(left, box.y() - BAND, right - left, BAND));
        }
        if (box.bottom() + BAND <= imageHeight) {
            strips.add(new BoundingBox(left, box.bottom(), right - left, BAND));
        }
        int top = Math.max(0, box.y());
        int bottom = Math.min(imageHeight, box.bottom());
        if (bottom <= top) {
            return strips;
        }
        if (box.x() - BAND >= 0 && box.x() <= imageWidth) {
            strips.add(new BoundingBox(box.x() - BAND, top, BAND, bottom - top));
        }
        if (box.right() >= 0 && box.right() + BAND <= imageWidth) {
            strips.add(new BoundingBox(box.right(), top, BAND, bottom - top));
        }
        return strips;
    }
}
