package io.scenery.vlm.detection;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.bitwise_and;
import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.drawContours;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Recognises the mouse pointer that screen recordings capture: the arrow that desktops draw by default, a narrow
 * triangle with a straight left edge and a tail at the lower right. A region whose silhouette, the pixels that
 * differ from the fill around it, covers the same pixels as that arrow drawn into its box, and is not the same
 * upside down, is the pointer, not an icon of the interface. Callers run inside a JavaCPP PointerScope.
 *
 * <p>NOTE: only the arrow is recognised. A text cursor, a hand over a link or a pointer that touches a control and
 * joins its region is still reported as an element.
 */
final class PointerShape {

    /** The arrow's outline on a 12 by 19 grid, outline pen included, read off a pointer captured on GNOME. */
    private static final int[][] ARROW = {{0, 0}, {0, 17}, {4, 13}, {7, 19}, {9, 18}, {6, 12}, {11, 12}};
    private static final double ARROW_WIDTH = 12;
    private static final double ARROW_HEIGHT = 19;

    /** Pointer heights, in pixels, from a small cursor to a doubled one on a dense screen. */
    private static final int MIN_HEIGHT = 12;
    private static final int MAX_HEIGHT = 64;

    /** Width over height of the arrow's box, with some room for themes and scaling. */
    private static final double MIN_ASPECT = 0.45;
    private static final double MAX_ASPECT = 0.85;

    /** Pixels by which a region's box is grown on each side before the silhouette is taken. */
    private static final int MARGIN = 2;

    /** Gray difference, on the 0-255 scale, from the surrounding fill that counts a pixel as part of the shape. */
    private static final int SILHOUETTE_CONTRAST = 40;

    /** Overlap (intersection over union) of silhouette and arrow from which the region is the pointer. */
    private static final double MIN_OVERLAP = 0.6;

    /**
     * Overlap of the silhouette with itself upside down below which it is not symmetric about its middle row.
     * Captured arrows scored 0.45 to 0.65, because the tail hangs below the widest row. Tree triangles scored 0.9.
     */
    private static final double MAX_MIRROR_OVERLAP = 0.75;

    private PointerShape() {
    }

    /**
     * Returns whether the box of the 8-bit gray image contains the default mouse pointer. The silhouette is taken
     * from the box grown by a margin, because a region's box can cut a pixel or two off the arrow's outline.
     */
    static boolean matches(Mat gray, BoundingBox region) {
        double aspect = (double) region.width() / region.height();
        if (region.height() < MIN_HEIGHT || region.height() > MAX_HEIGHT || aspect < MIN_ASPECT
                || aspect > MAX_ASPECT) {
            return false;
        }
        int left = Math.max(1, region.x() - MARGIN);
        int top = Math.max(1, region.y() - MARGIN);
        int right = Math.min(gray.cols() - 1, region.right() + MARGIN);
        int bottom = Math.min(gray.rows() - 1, region.bottom() + MARGIN);
        if (right - left < region.width() || bottom - top < region.height()) {
            return false;
        }
        BoundingBox box = new BoundingBox(left, top, right - left, bottom - top);
        int fill = (int) Math.round(borderMedian(gray, box));
        Mat patch = new Mat(gray, RegionFinder.toRect(box));
        Mat difference = new Mat();
        absdiff(patch, new Mat(patch.size(), CV_8UC1, new Scalar(fill)), difference);
        Mat outline = new Mat();
        threshold(difference, outline, SILHOUETTE_CONTRAST, 255, THRESH_BINARY);
        // On a fill as dark as the arrow's body only its light outline differs, so what the outline encloses is
        // filled in.
        MatVector contours = new MatVector();
        findContours(outline, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
        Mat silhouette = new Mat(patch.size(), CV_8UC1, new Scalar(0));
        drawContours(silhouette, contours, -1, new Scalar(255), FILLED, LINE_8, new Mat(), Integer.MAX_VALUE,
                new Point());

        // The arrow is drawn into the silhouette's own box, which is tighter than the region's where the outline
        // has the fill's shade.
        Rect tight = boundingRect(silhouette);
        if (tight.width() < 2 || tight.height() < MIN_HEIGHT) {
            return false;
        }
        Mat arrow = new Mat(patch.size(), CV_8UC1, new Scalar(0));
        Point corners = new Point(ARROW.length);
        for (int i = 0; i < ARROW.length; i++) {
            corners.position(i).x(tight.x() + (int) Math.round(ARROW[i][0] / ARROW_WIDTH * (tight.width() - 1)))
                    .y(tight.y() + (int) Math.round(ARROW[i][1] / ARROW_HEIGHT * (tight.height() - 1)));
        }
        corners.position(0);
        fillPoly(arrow, corners, new IntPointer(1).put(ARROW.length), 1, new Scalar(255), LINE_8, 0, new Point());

        Mat both = new Mat();
        Mat either = new Mat();
        bitwise_and(silhouette, arrow, both);
        bitwise_or(silhouette, arrow, either);
        int union = countNonZero(either);
        if (union == 0 || (double) countNonZero(both) / union < MIN_OVERLAP) {
            return false;
        }
        // A disclosure triangle or a play sign is as wide and as pointed, but the same upside down.
        Mat shape = new Mat(silhouette, tight);
        Mat flipped = new Mat();
        flip(shape, flipped, 0);
        bitwise_and(shape, flipped, both);
        bitwise_or(shape, flipped, either);
        return (double) countNonZero(both) / countNonZero(either) < MAX_MIRROR_OVERLAP;
    }

    /** Returns the median gray of the one-pixel ring just outside the box: the fill the pointer lies on. */
    private static double borderMedian(Mat gray, BoundingBox box) {
        int[] histogram = new int[256];
        int count = 0;
        try (UByteIndexer pixels = gray.createIndexer()) {
            for (int x = box.x() - 1; x <= box.right(); x++) {
                histogram[pixels.get(box.y() - 1, x)]++;
                histogram[pixels.get(box.bottom(), x)]++;
                count += 2;
            }
            for (int y = box.y(); y < box.bottom(); y++) {
                histogram[pixels.get(y, box.x() - 1)]++;
                histogram[pixels.get(y, box.right())]++;
                count += 2;
            }
        }
        int seen = 0;
        for (int level = 0; level < histogram.length; level++) {
            seen += histogram[level];
            if (2 * seen >= count) {
                return level;
            }
        }
        return 255;
    }
}
