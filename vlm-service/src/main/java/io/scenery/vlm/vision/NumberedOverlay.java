package io.scenery.vlm.vision;

import io.scenery.vlm.detection.BoundingBox;
import io.scenery.vlm.detection.DetectedElement;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** Draws candidate boxes on a copy of a keyframe, each outlined and numbered from 1 in list order. */
public final class NumberedOverlay {

    private static final Scalar OUTLINE = new Scalar(0, 0, 255, 0);
    private static final Scalar TAG = new Scalar(0, 0, 200, 0);
    private static final Scalar TAG_TEXT = new Scalar(255, 255, 255, 0);

    private NumberedOverlay() {
    }

    /** Returns a new BGR matrix; the caller closes it. */
    public static Mat draw(Mat bgr, List<DetectedElement> candidates) {
        Mat copy = bgr.clone();
        double fontScale = Math.max(0.4, Math.min(bgr.cols(), bgr.rows()) / 1200.0);
        int thickness = Math.max(1, (int) Math.round(fontScale * 2));
        for (int i = 0; i < candidates.size(); i++) {
            BoundingBox box = candidates.get(i).box();
            rectangle(copy, new Rect(box.x(), box.y(), box.width(), box.height()), OUTLINE, thickness, LINE_AA, 0);
            String number = Integer.toString(i + 1);
            int tagWidth = (int) Math.round(number.length() * 20 * fontScale) + 4;
            int tagHeight = (int) Math.round(24 * fontScale) + 4;
            int tagX = box.x();
            int tagY = Math.max(0, box.y() - tagHeight);
            rectangle(copy, new Rect(tagX, tagY, Math.min(tagWidth, bgr.cols() - tagX), tagHeight), TAG, FILLED,
                    LINE_AA, 0);
            putText(copy, number, new Point(tagX + 2, tagY + tagHeight - 4), FONT_HERSHEY_SIMPLEX, fontScale,
                    TAG_TEXT, thickness, LINE_AA, false);
        }
        return copy;
    }
}
