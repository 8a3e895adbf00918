package io.scenery.slicer.service;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.rotate;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * Encodes a decoded frame as an upright JPEG. The frame is first converted into a BGR image that this class owns,
 * so the result never points into a buffer the decoder reuses. FFmpeg reports a display rotation and a sample aspect
 * ratio but neither rotates nor rescales decoded frames, so both are applied here, and the keyframe shows at the
 * display aspect ratio. One instance serves one decode loop.
 */
final class KeyframeEncoder implements AutoCloseable {

    /** A JPEG image and its size in pixels after rotation. */
    record EncodedKeyframe(byte[] jpeg, int width, int height) {
    }

    private static final int MAX_PLANES = 4;

    private final int quality;
    private final int clockwiseDegrees;
    private final double sampleAspectRatio;
    private final PointerPointer<BytePointer> sourcePlanes = new PointerPointer<>(MAX_PLANES);
    private final IntPointer sourceStrides = new IntPointer(MAX_PLANES);
    private final PointerPointer<BytePointer> targetPlanes = new PointerPointer<>(MAX_PLANES);
    private final IntPointer targetStrides = new IntPointer(MAX_PLANES);
    private SwsContext context;

    /**
     * @param quality           JPEG quality, 1 to 100
     * @param displayRotation   the stream's display rotation as FFmpeg reports it: degrees counterclockwise
     * @param sampleAspectRatio width of a pixel divided by its height, 1 for square pixels
     */
    KeyframeEncoder(int quality, double displayRotation, double sampleAspectRatio) {
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("JPEG quality is " + quality + " but must be between 1 and 100");
        }
        this.quality = quality;
        this.clockwiseDegrees = clockwiseDegrees(displayRotation);
        this.sampleAspectRatio = sampleAspectRatio > 0 && Double.isFinite(sampleAspectRatio) ? sampleAspectRatio : 1;
    }

    /**
     * Returns the width at which a frame shows at its display aspect ratio. Like FFmpeg's players, it keeps the
     * height and stretches or narrows the width by the sample aspect ratio.
     */
    int displayWidth(int width) {
        return Math.max(1, (int) Math.round(width * sampleAspectRatio));
    }

    /** Returns the clockwise rotation, 0, 90, 180 or 270 degrees, that shows a frame upright. */
    static int clockwiseDegrees(double displayRotation) {
        long quarterTurns = Math.round(-displayRotation / 90.0);
        return (int) Math.floorMod(quarterTurns * 90, 360L);
    }

    EncodedKeyframe encode(AVFrame frame) {
        int sourceWidth = frame.width();
        int width = displayWidth(sourceWidth);
        int height = frame.height();
        // Scaling to the display width in the same pass turns non-square pixels square at no extra cost.
        context = sws_getCachedContext(context, sourceWidth, height, frame.format(), width, height, AV_PIX_FMT_BGR24,
                SWS_BICUBIC, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert pixel format #" + frame.format()
                    + " of a " + sourceWidth + "x" + height + " frame to BGR");
        }
        int colorspace = frame.colorspace() == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
        int sourceFullRange = frame.color_range() == AVCOL_RANGE_JPEG ? 1 : 0;
        // Returns -1 for RGB sources, which need no YUV coefficients; the conversion still works.
        sws_setColorspaceDetails(context, sws_getCoefficients(colorspace), sourceFullRange,
                sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);

        try (PaddedImage pixels = new PaddedImage(width * 3, height);
             Mat bgr = new Mat(height, width, CV_8UC3, pixels.data, pixels.stride);
             Mat rotated = new Mat(); BytePointer jpeg = new BytePointer();
             IntPointer parameters = new IntPointer(IMWRITE_JPEG_QUALITY, quality)) {
            for (int i = 0; i < MAX_PLANES; i++) {
                sourcePlanes.put(i, frame.data(i));
                sourceStrides.put(i, frame.linesize(i));
            }
            targetPlanes.put(0, pixels.data);
            targetStrides.put(0, pixels.stride);
            sws_scale(context, sourcePlanes, sourceStrides, 0, height, targetPlanes, targetStrides);

            Mat upright = rotateUpright(bgr, rotated);
            if (!imencode(".jpg", upright, jpeg, parameters)) {
                throw new IllegalStateException("OpenCV could not encode a " + width + "x" + height + " JPEG");
            }
            byte[] bytes = new byte[(int) jpeg.limit()];
            jpeg.position(0).get(bytes);
            return new EncodedKeyframe(bytes, upright.cols(), upright.rows());
        }
    }

    private Mat rotateUpright(Mat bgr, Mat rotated) {
        switch (clockwiseDegrees) {
            case 90 -> rotate(bgr, rotated, ROTATE_90_CLOCKWISE);
            case 180 -> rotate(bgr, rotated, ROTATE_180);
            case 270 -> rotate(bgr, rotated, ROTATE_90_COUNTERCLOCKWISE);
            default -> {
                return bgr;
            }
        }
        return rotated;
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        sourcePlanes.close();
        sourceStrides.close();
        targetPlanes.close();
        targetStrides.close();
    }
}
