package io.scenery.vlm.detection;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.dilate;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * Finds the parts of a screen that a modal dialog's scrim darkens: bands across the screen, or all around a
 * floating dialog. A scrim scales every pixel of the page behind
 * the dialog towards black, so even the page's white turns gray, while a dark theme keeps bright text. A band
 * between two bar boundaries counts as dimmed when its brightest pixels stay below a share of the brightest band's.
 * Brightness here is the value of HSV, the largest of the three channels.
 */
final class ScrimFinder {

    /** Share of a band's pixels allowed above its bright level, so that a few stray pixels do not count. */
    private static final double BRIGHT_PERCENTILE_SHARE = 0.005;

    /**
     * Share of a bar's pixels allowed above its bright level. A low bar contains little text, so fewer pixels than in
     * a band of the page are left out.
     */
    private static final double BAR_BRIGHT_PERCENTILE_SHARE = 0.0005;

    /** Smallest dialog as a share of the image area. */
    private static final double MIN_DIALOG_AREA_SHARE = 0.05;

    /** Smallest share of its box that a dialog's bright area fills; its text and controls leave holes. */
    private static final double MIN_DIALOG_FILL = 0.6;

    /** Share of the image width at each side that is left out of the measurement. */
    private static final double EDGE_COLUMNS_SHARE = 0.03;

    /**
     * Bright level, as a share of a dialog's, from which a bar beside it counts as lit. A light scrim leaves a dark
     * page's light text above the dimmed share, but still clearly below the dialog's.
     */
    private static final double MIN_LIT_SHARE = 0.85;

    /** Gap, as a share of the image width, over which a dark dialog's bright text and buttons are joined. */
    private static final double CLUSTER_JOIN_SHARE = 0.03;

    /** Smallest cluster of a dark dialog's bright content as a share of the image area. */
    private static final double MIN_DARK_DIALOG_AREA_SHARE = 0.02;

    /** Bright level of a dimmed band as a share of the brightest band's bright level. */
    private static final double MAX_DIMMED_SHARE = 0.6;

    /** Lowest bright level, on the 0-255 scale, of the brightest band for any band to count as dimmed. */
    private static final int MIN_DIALOG_BRIGHTNESS = 200;

    private ScrimFinder() {
    }

    /**
     * Returns the largest of the three channels of an 8-bit BGR image per pixel, the value of HSV, continuous in
     * memory. A scrim lowers it for every colour, while a saturated toolbar keeps it high even where its gray is
     * dark. Callers run inside a JavaCPP PointerScope.
     */
    static Mat value(Mat bgr) {
        MatVector channels = new MatVector();
        split(bgr, channels);
        Mat value = channels.get(0).clone();
        for (long c = 1; c < channels.size(); c++) {
            max(value, channels.get(c), value);
        }
        return value;
    }

    /**
     * Returns the dimmed bands below the given row as {top, bottom} pairs in image rows.
     *
     * @param value the image's {@link #value}
     */
    static List<int[]> dimmedBands(Mat value, BarBoundaries boundaries, int fromRow) {
        int width = value.cols();
        byte[] pixels = new byte[width * value.rows()];
        value.data().get(pixels);

        List<Integer> edges = new ArrayList<>();
        edges.add(fromRow);
        boundaries.rows().stream().filter(row -> row > fromRow).forEach(edges::add);
        edges.add(value.rows());

        List<int[]> bands = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        int brightest = 0;
        for (int i = 0; i + 1 < edges.size(); i++) {
            int top = edges.get(i);
            int bottom = edges.get(i + 1);
            if (bottom <= top) {
                continue;
            }
            int level = brightLevel(pixels, width, top, bottom);
            bands.add(new int[]{top, bottom});
            levels.add(level);
            brightest = Math.max(brightest, level);
        }

        List<int[]> dimmed = new ArrayList<>();
        if (brightest < MIN_DIALOG_BRIGHTNESS) {
            return dimmed;
        }
        for (int i = 0; i < bands.size(); i++) {
            if (levels.get(i) < MAX_DIMMED_SHARE * brightest) {
                dimmed.add(bands.get(i));
            }
        }
        return dimmed;
    }

    /**
     * Returns the box of a dialog floating over a scrim, or null when there is none. The dialog is the largest
     * connected bright area, mostly filled, that keeps clear of the left and right image edges, while every pixel
     * around it, but for a few, stays below the dimmed share of its brightness.
     *
     * @param value the image's {@link #value}
     */
    static BoundingBox floatingDialog(Mat value) {
        return floatingDialog(value, false);
    }

    /**
     * Returns the box of a dialog floating over a scrim, as {@link #floatingDialog(Mat)} does, or null. With
     * clearOfAllEdges, the dialog must keep clear of the top and bottom edges too: on a desktop, a light document
     * that fills the height between dark side bars is a page, not a dialog.
     */
    static BoundingBox floatingDialog(Mat value, boolean clearOfAllEdges) {
        return floatingDialog(value, clearOfAllEdges, lit -> true);
    }

    /**
     * Returns the box of a dialog floating over a scrim, as {@link #floatingDialog(Mat, boolean)} does, taking a
     * candidate only when the test accepts it. A bright box over a dimmed page that contains no controls, such as a
     * caption drawn over a screen recording, is passed over.
     */
    static BoundingBox floatingDialog(Mat value, boolean clearOfAllEdges, Predicate<BoundingBox> accepted) {
        Brightness brightness = Brightness.of(value);
        if (brightness == null) {
            return null;
        }
        BoundingBox lit = litDialog(value, brightness, clearOfAllEdges);
        if (lit != null && !accepted.test(lit)) {
            lit = null;
        }
        if (lit != null || !clearOfAllEdges) {
            return lit;
        }
        BoundingBox dark = darkDialog(value, brightness);
        return dark != null && accepted.test(dark) ? dark : null;
    }

    /**
     * Returns the box of the bright content of a dark dialog over a dark page's scrim, or null. The dialog's fill is
     * as dark as the dimmed page, but its text and buttons keep their full brightness while the page's are dimmed.
     * The bright pixels, joined over gaps of a few percent of the image width, must form one cluster clear of the
     * image edges that contains all of them but a few.
     */
    private static BoundingBox darkDialog(Mat value, Brightness brightness) {
        int width = value.cols();
        int height = value.rows();
        Mat bright = brightness.mask();
        int brightTotal = countNonZero(bright);
        int join = Math.max(3, (int) Math.round(CLUSTER_JOIN_SHARE * width));
        Mat joined = new Mat();
        dilate(bright, joined, getStructuringElement(MORPH_RECT, new Size(join, join)));
        Component largest = largestComponent(joined);
        BoundingBox cluster = largest == null ? null : largest.box();
        int margin = (int) (EDGE_COLUMNS_SHARE * width);
        if (cluster == null || cluster.area() < MIN_DARK_DIALOG_AREA_SHARE * width * height
                || cluster.x() < margin || cluster.right() > width - margin
                || cluster.y() < margin || cluster.bottom() > height - margin) {
            return null;
        }
        int inside = countNonZero(new Mat(bright, new Rect(cluster.x(), cluster.y(), cluster.width(),
                cluster.height())));
        return brightTotal - inside <= BRIGHT_PERCENTILE_SHARE * width * height ? cluster : null;
    }

    private static BoundingBox litDialog(Mat value, Brightness brightness, boolean clearOfAllEdges) {
        int width = value.cols();
        int height = value.rows();
        Mat bright = brightness.mask();
        Component largest = largestComponent(bright);
        BoundingBox dialog = largest == null ? null : largest.box();
        int dialogArea = largest == null ? 0 : largest.area();
        int margin = (int) (EDGE_COLUMNS_SHARE * width);
        if (dialog == null || dialogArea < MIN_DIALOG_AREA_SHARE * width * height
                || dialogArea < MIN_DIALOG_FILL * dialog.area()
                || dialog.x() < margin || dialog.right() > width - margin
                || clearOfAllEdges && (dialog.y() < margin || dialog.bottom() > height - margin)) {
            return null;
        }

        long[] outside = new long[256];
        long total = 0;
        for (int y = 0; y < height; y++) {
            boolean besideDialog = y >= dialog.y() && y < dialog.bottom();
            for (int x = margin; x < width - margin; x++) {
                if (besideDialog && x >= dialog.x() && x < dialog.right()) {
                    continue;
                }
                outside[brightness.pixels()[y * width + x] & 0xFF]++;
                total++;
            }
        }
        long brightOutside = 0;
        for (int level = 255; level >= MAX_DIMMED_SHARE * brightness.brightest(); level--) {
            brightOutside += outside[level];
        }
        return brightOutside <= BRIGHT_PERCENTILE_SHARE * total ? dialog : null;
    }

    /**
     * The value image's pixels, its bright level and the mask of the pixels above the dimmed share of that level,
     * which a dialog's content and a lit page fill.
     */
    private record Brightness(byte[] pixels, int brightest, Mat mask) {

        /** Measures the image, or returns null when even its brightest part is too dark to be a dialog. */
        static Brightness of(Mat value) {
            int width = value.cols();
            int height = value.rows();
            byte[] pixels = new byte[width * height];
            value.data().get(pixels);
            int brightest = brightLevel(pixels, width, 0, height);
            if (brightest < MIN_DIALOG_BRIGHTNESS) {
                return null;
            }
            Mat mask = new Mat();
            threshold(value, mask, MAX_DIMMED_SHARE * brightest, 255, THRESH_BINARY);
            return new Brightness(pixels, brightest, mask);
        }
    }

    /** Returns the largest 8-connected component of a binary mask, or null when the mask is empty. */
    private static Component largestComponent(Mat mask) {
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        int count = connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
        Component largest = null;
        try (IntIndexer indexer = stats.createIndexer()) {
            for (int label = 1; label < count; label++) {
                int area = indexer.get(label, CC_STAT_AREA);
                if (largest == null || area > largest.area()) {
                    largest = new Component(new BoundingBox(indexer.get(label, CC_STAT_LEFT),
                            indexer.get(label, CC_STAT_TOP), indexer.get(label, CC_STAT_WIDTH),
                            indexer.get(label, CC_STAT_HEIGHT)), area);
                }
            }
        }
        return largest;
    }

    /** A connected component: its bounding box and its number of pixels. */
    private record Component(BoundingBox box, int area) {
    }

    /**
     * Returns whether the rows from top to bottom are dimmed next to the dialog: their bright level stays below the
     * lit share of the dialog's. A desktop's own top bar stays lit while an application shows a modal dialog.
     *
     * @param value the image's {@link #value}
     */
    static boolean isDimmed(Mat value, BoundingBox dialog, int top, int bottom) {
        int width = value.cols();
        byte[] pixels = new byte[width * value.rows()];
        value.data().get(pixels);
        int dialogLevel = brightLevel(pixels, width, dialog.y(), dialog.bottom());
        return brightLevel(pixels, width, top, bottom, BAR_BRIGHT_PERCENTILE_SHARE) < MIN_LIT_SHARE * dialogLevel;
    }

    /**
     * Returns the gray level that all but the brightest half percent of the band's pixels stay at or below. The
     * columns near the left and right edges are left out, because a scroll bar there is drawn over the scrim.
     */
    private static int brightLevel(byte[] pixels, int width, int top, int bottom) {
        return brightLevel(pixels, width, top, bottom, BRIGHT_PERCENTILE_SHARE);
    }

    private static int brightLevel(byte[] pixels, int width, int top, int bottom, double percentileShare) {
        int margin = (int) (EDGE_COLUMNS_SHARE * width);
        long[] histogram = new long[256];
        for (int y = top; y < bottom; y++) {
            for (int i = y * width + margin; i < (y + 1) * width - margin; i++) {
                histogram[pixels[i] & 0xFF]++;
            }
        }
        long allowed = (long) (percentileShare * (bottom - top) * (width - 2L * margin));
        long above = 0;
        for (int level = 255; level > 0; level--) {
            above += histogram[level];
            if (above > allowed) {
                return level;
            }
        }
        return 0;
    }
}
