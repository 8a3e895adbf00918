package io.scenery.vlm.bench;

import io.scenery.vlm.detection.BoundingBox;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** Draws truth and detected boxes onto a copy of a screenshot, for looking at what the detector found. */
final class BoxDrawing {

    private static final Scalar TRUTH = new Scalar(0, 200, 0, 0);
    private static final Scalar MATCHED = new Scalar(255, 80, 0, 0);
    private static final Scalar UNMATCHED = new Scalar(0, 0, 255, 0);

    private BoxDrawing() {
    }

    /** Writes the image with truth boxes (thick green) under detections (blue when matched, red otherwise). */
    static void write(Path image, List<BoundingBox> truth, List<BoundingBox> found, boolean[] matched, Path target)
            throws IOException {
        Files.createDirectories(target.getParent());
        try (PointerScope scope = new PointerScope()) {
            Mat canvas = imread(image.toString());
            int thickness = Math.max(2, Math.min(canvas.cols(), canvas.rows()) / 300);
            for (BoundingBox box : truth) {
                draw(canvas, box, TRUTH, 2 * thickness);
            }
            for (int i = 0; i < found.size(); i++) {
                draw(canvas, found.get(i), matched[i] ? MATCHED : UNMATCHED, thickness);
            }
            if (!imwrite(target.toString(), canvas)) {
                throw new IOException("failed to write " + target + "; check that its directory is writable");
            }
        }
    }

    private static void draw(Mat canvas, BoundingBox box, Scalar colour, int thickness) {
        rectangle(canvas, new Point(box.x(), box.y()), new Point(box.right() - 1, box.bottom() - 1), colour,
                thickness, 8, 0);
    }
}
