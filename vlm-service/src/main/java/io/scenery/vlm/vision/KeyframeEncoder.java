package io.scenery.vlm.vision;

import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Downscales a keyframe so that its longer side is at most the configured maximum, and encodes it as JPEG under
 * the configured byte limit: the quality drops first, then the size shrinks by a quarter at a time.
 */
@ApplicationScoped
public class KeyframeEncoder {

    private static final int[] QUALITIES = {85, 70, 55, 40};
    private static final int SMALLEST_SIDE = 160;

    private final VlmConfig.Model config;

    public KeyframeEncoder(VlmConfig config) {
        this.config = config.model();
    }

    public ModelImage encode(Mat bgr) {
        try (PointerScope scope = new PointerScope()) {
            int longer = Math.max(bgr.cols(), bgr.rows());
            double scale = Math.min(1.0, (double) config.maxImageSide() / longer);
            while (true) {
                Mat scaled = scaled(bgr, scale);
                for (int quality : QUALITIES) {
                    byte[] jpeg = jpeg(scaled, quality);
                    if (jpeg.length <= config.maxImageBytes()) {
                        return new ModelImage(jpeg, scaled.cols(), scaled.rows(), (double) bgr.cols() / scaled.cols());
                    }
                }
                if (longer * scale * 0.75 < SMALLEST_SIDE) {
                    throw new IllegalStateException("the keyframe does not fit in " + config.maxImageBytes()
                            + " bytes as JPEG even at " + scaled.cols() + "x" + scaled.rows()
                            + " pixels; raise scenery.vlm.model.max-image-bytes");
                }
                scale *= 0.75;
            }
        }
    }

    private static Mat scaled(Mat bgr, double scale) {
        if (scale >= 1.0) {
            return bgr;
        }
        Mat scaled = new Mat();
        int width = Math.max(1, (int) Math.round(bgr.cols() * scale));
        int height = Math.max(1, (int) Math.round(bgr.rows() * scale));
        resize(bgr, scaled, new Size(width, height), 0, 0, INTER_AREA);
        return scaled;
    }

    private static byte[] jpeg(Mat image, int quality) {
        BytePointer buffer = new BytePointer();
        if (!imencode(".jpg", image, buffer, new IntPointer(IMWRITE_JPEG_QUALITY, quality))) {
            throw new IllegalStateException("OpenCV could not encode the keyframe as JPEG");
        }
        byte[] bytes = new byte[(int) buffer.limit()];
        buffer.get(bytes);
        return bytes;
    }
}
