package io.scenery.vlm.detection;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_SUM;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_core.reduce;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.transpose;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

/**
 * The rows of an image where the colour changes along nearly its whole width: the lower and upper edges of status
 * bars, toolbars, bottom bars and list dividers. Sorted from top to bottom, one row per run of adjacent rows.
 */
final class BarBoundaries {

    /** Channel difference, on the 0-255 scale, between the rows above and below that counts as a change. */
    private static final int MIN_CHANGE = 12;

    /** Share of the image width along which the colour must change for a row to be a boundary. */
    private static final double MIN_WIDTH_SHARE = 0.9;

    private final List<Integer> rows;
    private final int imageHeight;

    private BarBoundaries(List<Integer> rows, int imageHeight) {
        this.rows = rows;
        this.imageHeight = imageHeight;
    }

    /** Finds the boundary rows of an 8-bit BGR image. Callers run inside a JavaCPP PointerScope. */
    static BarBoundaries find(Mat bgr) {
        int width = bgr.cols();
        int height = bgr.rows();
        List<Integer> rows = new ArrayList<>();
        if (height < 3) {
            return new BarBoundaries(rows, height);
        }

        // Each channel of row y + 1 minus row y - 1, the largest of the three, then 0 or 1 per pixel.
        Mat difference = new Mat();
        absdiff(bgr.rowRange(0, height - 2), bgr.rowRange(2, height), difference);
        MatVector channels = new MatVector();
        split(difference, channels);
        Mat largest = channels.get(0).clone();
        for (long c = 1; c < channels.size(); c++) {
            max(largest, channels.get(c), largest);
        }
        Mat changed = new Mat();
        threshold(largest, changed, MIN_CHANGE - 1, 1, THRESH_BINARY);
        Mat counts = new Mat();
        reduce(changed, counts, 1, REDUCE_SUM, CV_32S);

        int runStart = -1;
        try (IntIndexer indexer = counts.createIndexer()) {
            for (int r = 0; r <= height - 2; r++) {
                boolean boundary = r < height - 2 && indexer.get(r, 0) >= MIN_WIDTH_SHARE * width;
                if (boundary && runStart < 0) {
                    runStart = r;
                } else if (!boundary && runStart >= 0) {
                    // Row r of the difference compares image rows r and r + 2, so it belongs to image row r + 1.
                    rows.add((runStart + r - 1) / 2 + 1);
                    runStart = -1;
                }
            }
        }
        return new BarBoundaries(rows, height);
    }

    /**
     * Finds the columns of an 8-bit BGR image where the colour changes along nearly its whole height, such as the
     * edge between two panes, as {@link #rows()} of the result. Callers run inside a JavaCPP PointerScope.
     */
    static BarBoundaries findColumns(Mat bgr) {
        Mat transposed = new Mat();
        transpose(bgr, transposed);
        return find(transposed);
    }

    List<Integer> rows() {
        return rows;
    }

    /** Returns the nearest boundary at or above y, or 0 (the image's top) when there is none. */
    int above(double y) {
        int result = 0;
        for (int row : rows) {
            if (row <= y) {
                result = row;
            }
        }
        return result;
    }

    /** Returns the nearest boundary at or below y, or the image height when there is none. */
    int below(double y) {
        for (int row : rows) {
            if (row >= y) {
                return row;
            }
        }
        return imageHeight;
    }
}
