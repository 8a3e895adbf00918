package io.scenery.vlm.detection;

import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

class PointerShapeTest {

    /** An arrow pointer as X11 themes draw it at double size, 28 by 44 pixels, black with a white outline. */
    private static final int[][] ARROW = {{1, 1}, {1, 38}, {10, 30}, {18, 42}, {22, 40}, {16, 28}, {26, 28}};

    /** A disclosure triangle of a tree, pointing right, 11 by 18 pixels. */
    private static final int[][] TRIANGLE = {{0, 0}, {0, 17}, {10, 8}};

    @Test
    void arrowPointerOnAnyFillIsThePointer() {
        for (int fill : new int[] {40, 120, 245}) {
            try (PointerScope scope = new PointerScope()) {
                Mat gray = page(fill);
                draw(gray, ARROW, 50, 40, 0, 255);
                assertThat(PointerShape.matches(gray, new BoundingBox(50, 40, 28, 44)))
                        .as("arrow on gray %d", fill).isTrue();
            }
        }
    }

    @Test
    void regionCuttingTheArrowStillMatches() {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = page(40);
            draw(gray, ARROW, 50, 40, 0, 255);

            // The region's box stops two pixels short of the outline's right and bottom edges.
            assertThat(PointerShape.matches(gray, new BoundingBox(51, 41, 24, 40))).isTrue();
        }
    }

    @Test
    void triangleAndSquareIconsAreNotThePointer() {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = page(245);
            draw(gray, TRIANGLE, 20, 20, 30, 30);
            rectangle(gray, new Rect(60, 20, 14, 20), new Scalar(30), FILLED, LINE_AA, 0);

            assertThat(PointerShape.matches(gray, new BoundingBox(20, 20, 11, 18))).as("triangle").isFalse();
            assertThat(PointerShape.matches(gray, new BoundingBox(60, 20, 14, 20))).as("bar").isFalse();
        }
    }

    private static Mat page(int fill) {
        return new Mat(100, 120, CV_8UC1, new Scalar(fill));
    }

    private static void draw(Mat gray, int[][] shape, int x, int y, int inside, int outline) {
        Point corners = new Point(shape.length);
        for (int i = 0; i < shape.length; i++) {
            corners.position(i).x(x + shape[i][0]).y(y + shape[i][1]);
        }
        corners.position(0);
        IntPointer count = new IntPointer(1).put(shape.length);
        fillPoly(gray, corners, count, 1, new Scalar(inside), LINE_AA, 0, new Point());
        polylines(gray, corners, count, 1, true, new Scalar(outline), 1, LINE_AA, 0);
    }
}
