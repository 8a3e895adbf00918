package io.scenery.slicer.service;

import io.quarkus.logging.Log;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.javacpp.BytePointer;

import java.util.UUID;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_make_error_string;

/**
 * Reads the packets of one video stream and decodes them with a decoder of its own. Unlike FFmpegFrameGrabber,
 * which drops the packets a decoder rejects without a trace, it counts them together with the frames FFmpeg flags
 * as decoded with errors, and fails once that count passes the limit. The frame it returns is reused by the next
 * call.
 */
final class StreamDecoder implements AutoCloseable {

    private final UUID taskId;
    private final AVFormatContext format;
    private final int streamIndex;
    private final long maxErrors;
    private final AVCodecContext context;
    private final AVPacket packet = av_packet_alloc();
    private final AVFrame frame = av_frame_alloc();
    private long errors;
    private boolean drained;

    /**
     * @param threads   decoder threads, 0 for FFmpeg's choice
     * @param maxErrors damaged packets and frames accepted before decoding fails
     */
    StreamDecoder(UUID taskId, AVFormatContext format, int streamIndex, int threads, long maxErrors)
            throws VideoRejectedException {
        this.taskId = taskId;
        this.format = format;
        this.streamIndex = streamIndex;
        this.maxErrors = maxErrors;

        AVStream stream = format.streams(streamIndex);
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        if (codec == null) {
            close(null);
            throw new VideoRejectedException(VideoRejectedException.Reason.DECODING_FAILED,
                    "the video codec (FFmpeg codec id " + stream.codecpar().codec_id() + ") is not supported;"
                            + " upload an H.264, HEVC, VP8, VP9, AV1 or MJPEG recording");
        }
        AVCodecContext opened = avcodec_alloc_context3(codec);
        AVDictionary options = new AVDictionary(null);
        try {
            check(avcodec_parameters_to_context(opened, stream.codecpar()), "copy the stream parameters");
            opened.pkt_timebase(stream.time_base());
            av_dict_set(options, "threads", Integer.toString(threads), 0);
            check(avcodec_open2(opened, codec, options), "open the " + codec.name().getString() + " decoder");
        } catch (VideoRejectedException e) {
            close(opened);
            throw e;
        } finally {
            av_dict_free(options);
        }
        this.context = opened;
    }

    /** Damaged packets and frames so far: packets the decoder rejected, and frames decoded with errors. */
    long errors() {
        return errors;
    }

    /**
     * Returns the next decoded frame, valid until the next call, or null after the last one. A read error ends the
     * stream like its end does; the caller tells the two apart.
     *
     * @throws VideoRejectedException when the damaged packets and frames pass the limit
     */
    AVFrame next() throws VideoRejectedException {
        while (true) {
            int received = avcodec_receive_frame(context, frame);
            if (received >= 0) {
                if (isDamaged(frame)) {
                    countError("decoded with errors");
                }
                return frame;
            }
            if (received == AVERROR_EOF()) {
                return null;
            }
            if (received != AVERROR_EAGAIN()) {
                // The decoder dropped a frame it could not decode; the next call carries on after it.
                countError(errorText(received));
                continue;
            }
            feed();
        }
    }

    /** Sends the next packet of the video stream to the decoder, or the end of the stream after the last one. */
    private void feed() throws VideoRejectedException {
        if (drained) {
            return;
        }
        while (av_read_frame(format, packet) >= 0) {
            try {
                if (packet.stream_index() != streamIndex) {
                    continue;
                }
                int sent = avcodec_send_packet(context, packet);
                if (sent < 0 && sent != AVERROR_EAGAIN()) {
                    countError(errorText(sent));
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
        drained = true;
        avcodec_send_packet(context, null);
    }

    private void countError(String detail) throws VideoRejectedException {
        errors++;
        Log.debugf("Task %s: damaged packet or frame %d skipped: %s", taskId, errors, detail);
        if (errors > maxErrors) {
            throw new VideoRejectedException(VideoRejectedException.Reason.TOO_MANY_DECODE_ERRORS,
                    "decoding stopped at " + errors + " damaged packets or frames, more than the limit of "
                            + maxErrors + "; the file is damaged, upload an undamaged recording");
        }
    }

    /** Returns true when FFmpeg flagged the frame as decoded with errors. */
    static boolean isDamaged(AVFrame frame) {
        return frame.decode_error_flags() != 0 || (frame.flags() & AVFrame.AV_FRAME_FLAG_CORRUPT) != 0;
    }

    private static void check(int result, String step) throws VideoRejectedException {
        if (result < 0) {
            throw new VideoRejectedException(VideoRejectedException.Reason.DECODING_FAILED,
                    "FFmpeg could not " + step + ": " + errorText(result) + "; the video stream is damaged");
        }
    }

    private static String errorText(int error) {
        try (BytePointer text = new BytePointer(256)) {
            av_make_error_string(text, 256, error);
            return text.getString();
        }
    }

    @Override
    public void close() {
        close(context);
    }

    private void close(AVCodecContext opened) {
        if (opened != null) {
            avcodec_free_context(opened);
        }
        av_frame_free(frame);
        av_packet_free(packet);
    }
}
