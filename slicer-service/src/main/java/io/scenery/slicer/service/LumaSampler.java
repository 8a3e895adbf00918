package io.scenery.slicer.service;

import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

import java.util.Set;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV12;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NV21;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV410P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV411P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVA420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVA422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVA444P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ440P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;

/**
 * Downscales decoded frames to small gray images for motion measurement. For 8-bit formats whose first plane is
 * the luma (Y) plane, only that plane is scaled, which is the cheap path. swscale converts any other pixel format
 * to gray. One instance serves one decode loop and is not thread-safe.
 */
final class LumaSampler implements AutoCloseable {

    /** 8-bit pixel formats whose plane 0 is luma at full resolution, one byte per pixel. */
    private static final Set<Integer> LUMA_FIRST_FORMATS = Set.of(
            AV_PIX_FMT_GRAY8, AV_PIX_FMT_NV12, AV_PIX_FMT_NV21,
            AV_PIX_FMT_YUV420P, AV_PIX_FMT_YUVJ420P, AV_PIX_FMT_YUVA420P,
            AV_PIX_FMT_YUV422P, AV_PIX_FMT_YUVJ422P, AV_PIX_FMT_YUVA422P,
            AV_PIX_FMT_YUV444P, AV_PIX_FMT_YUVJ444P, AV_PIX_FMT_YUVA444P,
            AV_PIX_FMT_YUV440P, AV_PIX_FMT_YUVJ440P, AV_PIX_FMT_YUV410P, AV_PIX_FMT_YUV411P);
    private static final int MAX_PLANES = 4;

    private final int targetWidth;
    private final PointerPointer<BytePointer> sourcePlanes = new PointerPointer<>(MAX_PLANES);
    private final IntPointer sourceStrides = new IntPointer(MAX_PLANES);
    private final PointerPointer<BytePointer> targetPlanes = new PointerPointer<>(MAX_PLANES);
    private final IntPointer targetStrides = new IntPointer(MAX_PLANES);
    private SwsContext context;
    private PaddedImage output;

    /** @param targetWidth width of the gray images in pixels; narrower frames keep their width */
    LumaSampler(int targetWidth) {
        if (targetWidth < 1) {
            throw new IllegalArgumentException("analysis width is " + targetWidth + " but must be at least 1 pixel");
        }
        this.targetWidth = targetWidth;
    }

    /** Returns the frame as a gray image, row by row, of {@code min(targetWidth, frame width)} columns. */
    byte[] sample(AVFrame frame) {
        int width = frame.width();
        int height = frame.height();
        int sampleWidth = Math.min(targetWidth, width);
        int sampleHeight = Math.max(1, (int) Math.round((double) height * sampleWidth / width));

        boolean lumaPlane = LUMA_FIRST_FORMATS.contains(frame.format()) && frame.linesize(0) >= width;
        int sourceFormat = lumaPlane ? AV_PIX_FMT_GRAY8 : frame.format();
        context = sws_getCachedContext(context, width, height, sourceFormat, sampleWidth, sampleHeight,
                AV_PIX_FMT_GRAY8, SWS_AREA, null, null, (DoublePointer) null);
        if (context == null) {
            throw new IllegalStateException("swscale cannot convert pixel format "
                    + formatName(sourceFormat) + " of a " + width + "x" + height + " frame to gray");
        }

        int planes = lumaPlane ? 1 : MAX_PLANES;
        for (int i = 0; i < MAX_PLANES; i++) {
            sourcePlanes.put(i, i < planes ? frame.data(i) : null);
            sourceStrides.put(i, i < planes ? frame.linesize(i) : 0);
        }
        if (output == null || !output.fits(sampleWidth, sampleHeight)) {
            if (output != null) {
                output.close();
            }
            output = new PaddedImage(sampleWidth, sampleHeight);
        }
        targetPlanes.put(0, output.data);
        targetStrides.put(0, output.stride);
        sws_scale(context, sourcePlanes, sourceStrides, 0, height, targetPlanes, targetStrides);

        return output.toArray(sampleWidth);
    }

    private static String formatName(int format) {
        BytePointer name = av_get_pix_fmt_name(format);
        return name == null ? "#" + format : name.getString();
    }

    @Override
    public void close() {
        if (context != null) {
            sws_freeContext(context);
            context = null;
        }
        if (output != null) {
            output.close();
        }
        sourcePlanes.close();
        sourceStrides.close();
        targetPlanes.close();
        targetStrides.close();
    }
}
