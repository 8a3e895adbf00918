package io.scenery.vlm.detection;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;

/**
 * A PNG or JPEG image decoded into an 8-bit BGR OpenCV matrix. It owns native memory, so close it after use.
 * Only PNG and JPEG are accepted, even though OpenCV decodes more formats, because keyframes and uploads are
 * expected in these two.
 */
public final class DecodedImage implements AutoCloseable {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final Mat bgr;

    private DecodedImage(Mat bgr) {
        this.bgr = bgr;
    }

    /**
     * Decodes PNG or JPEG bytes.
     *
     * @throws InvalidImageException when the bytes are empty, of another format, or damaged
     */
    public static DecodedImage decode(byte[] encoded) throws InvalidImageException {
        if (encoded == null || encoded.length == 0) {
            throw new InvalidImageException("the image is empty (0 bytes); expected a PNG or JPEG file");
        }
        if (!startsWith(encoded, PNG_SIGNATURE) && !startsWith(encoded, JPEG_SIGNATURE)) {
            throw new InvalidImageException("the content is not a PNG or JPEG image (no PNG or JPEG signature in its "
                    + "first bytes); send a PNG or JPEG file");
        }

        Mat bgr;
        try (BytePointer data = new BytePointer(encoded);
             Mat buffer = new Mat(1, encoded.length, CV_8UC1, data)) {
            bgr = imdecode(buffer, IMREAD_COLOR);
        }
        if (bgr == null || bgr.empty()) {
            throw new InvalidImageException("the PNG or JPEG image could not be decoded (" + encoded.length
                    + " bytes); the file may be truncated or damaged");
        }
        return new DecodedImage(bgr);
    }

    /** Wraps a BGR matrix, taking ownership of it. */
    public static DecodedImage of(Mat bgr) {
        return new DecodedImage(bgr);
    }

    /** Returns the pixels as 8-bit BGR, valid until {@link #close()}. */
    public Mat bgr() {
        return bgr;
    }

    public int width() {
        return bgr.cols();
    }

    public int height() {
        return bgr.rows();
    }

    @Override
    public void close() {
        bgr.close();
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
