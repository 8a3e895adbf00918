package io.scenery.slicer.service;

import io.quarkus.logging.Log;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.bytedeco.ffmpeg.global.avformat.AV_DISPOSITION_ATTACHED_PIC;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_sample_aspect_ratio;
import static org.bytedeco.ffmpeg.global.avformat.avio_size;
import static org.bytedeco.ffmpeg.global.avformat.avio_tell;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_q2d;

/**
 * The video stream of one file, decoded by FFmpeg into raw frames in their native pixel format (no colour
 * conversion per frame). Rejects files that are not videos when opened. FFmpeg reads the file through a
 * {@link WatchedInput}, so a read that stalls ends decoding after the read timeout.
 */
final class VideoSource implements AutoCloseable {

    /** Frame rates above this are container tick rates rather than real frame rates. */
    private static final double MAX_PLAUSIBLE_FRAME_RATE = 240.0;

    private final FFmpegFrameGrabber grabber;
    private final WatchedInput input;
    private final StreamDecoder decoder;
    private final AVStream stream;
    private final double timeBaseSeconds;
    private final long startMicros;

    private VideoSource(FFmpegFrameGrabber grabber, WatchedInput input, StreamDecoder decoder) {
        this.grabber = grabber;
        this.input = input;
        this.decoder = decoder;
        AVFormatContext format = grabber.getFormatContext();
        this.stream = format.streams(grabber.getVideoStream());
        this.timeBaseSeconds = av_q2d(stream.time_base());
        this.startMicros = format.start_time() == AV_NOPTS_VALUE ? 0 : format.start_time();
    }

    /**
     * Opens the file and selects its video stream.
     *
     * @param decodeThreads FFmpeg decoder threads, 0 for FFmpeg's choice
     * @param maxDecodeErrors damaged packets and frames skipped before decoding fails
     * @param readTimeout   time a read may deliver no data before decoding fails
     */
    static VideoSource open(UUID taskId, Path file, int decodeThreads, long maxDecodeErrors, Duration readTimeout)
            throws VideoRejectedException, IOException {
        WatchedInput input = WatchedInput.open(taskId, file, readTimeout);
        // The grabber parses the container from the input; frames come from the StreamDecoder, so the grabber's
        // own decoder stays idle and needs one thread only.
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        grabber.setCloseInputStream(false);
        // RAW keeps start() from allocating a BGR picture buffer that would never be used.
        grabber.setImageMode(FrameGrabber.ImageMode.RAW);
        grabber.setVideoOption("threads", "1");
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            Log.infof("Task %s: FFmpeg could not open %s: %s", taskId, file, e.getMessage());
            closeQuietly(taskId, grabber, input);
            checkStalled(input);
            if (isMp4WithoutIndex(taskId, file)) {
                throw new VideoRejectedException(VideoRejectedException.Reason.TRUNCATED,
                        "the file is truncated: it starts like an MP4 or MOV file but its index (moov box) is"
                                + " missing, which happens when recording or upload stops early;"
                                + " upload the complete recording");
            }
            throw new VideoRejectedException(VideoRejectedException.Reason.NOT_A_VIDEO,
                    "the file is not a readable video: FFmpeg found no known container format or a damaged header;"
                            + " upload an MP4, WebM, MOV or MKV recording");
        }

        if (!grabber.hasVideo()) {
            boolean audio = grabber.hasAudio();
            closeQuietly(taskId, grabber, input);
            throw new VideoRejectedException(VideoRejectedException.Reason.NO_VIDEO_STREAM, audio
                    ? "the file has no video stream, only audio; upload a screen recording with video"
                    : "the file has no video stream; upload a screen recording with video");
        }
        AVStream stream = grabber.getFormatContext().streams(grabber.getVideoStream());
        if ((stream.disposition() & AV_DISPOSITION_ATTACHED_PIC) != 0) {
            closeQuietly(taskId, grabber, input);
            throw new VideoRejectedException(VideoRejectedException.Reason.NO_VIDEO_STREAM,
                    "the file has no video stream, only audio with a cover picture;"
                            + " upload a screen recording with video");
        }

        StreamDecoder decoder;
        try {
            decoder = new StreamDecoder(taskId, grabber.getFormatContext(), grabber.getVideoStream(), decodeThreads,
                    maxDecodeErrors);
        } catch (VideoRejectedException e) {
            closeQuietly(taskId, grabber, input);
            throw e;
        }
        return new VideoSource(grabber, input, decoder);
    }

    private static boolean isMp4WithoutIndex(UUID taskId, Path file) {
        try {
            return Mp4Index.isMp4WithoutIndex(file);
        } catch (IOException e) {
            Log.infof("Task %s: could not read the box structure of %s: %s", taskId, file, e.getMessage());
            return false;
        }
    }

    /**
     * Returns the next decoded frame, valid until the next call, or null at the end of the stream.
     *
     * @throws VideoRejectedException when a read stalled or too many packets or frames were damaged
     */
    AVFrame next() throws VideoRejectedException {
        AVFrame frame = decoder.next();
        if (frame == null) {
            checkStalled(input);
        }
        return frame;
    }

    /** Damaged packets and frames skipped so far. */
    long decodeErrors() {
        return decoder.errors();
    }

    /**
     * Returns the presentation time of a frame returned by {@link #next()}, in seconds from the start of the file,
     * or the given fallback when the frame carries no timestamp.
     */
    double frameSeconds(AVFrame frame, double fallback) {
        long timestamp = frame.best_effort_timestamp();
        if (timestamp == AV_NOPTS_VALUE) {
            return fallback;
        }
        return timestamp * timeBaseSeconds - startMicros / 1e6;
    }

    private static void checkStalled(WatchedInput input) throws VideoRejectedException {
        if (input.stalled()) {
            throw new VideoRejectedException(VideoRejectedException.Reason.READ_STALLED, "no data read for "
                    + input.timeoutSeconds() + " s: reading the video stalled; upload the recording again");
        }
    }

    /** Returns the video duration the header claims, in seconds, or NaN when the header gives none. */
    double headerSeconds() {
        if (stream.duration() != AV_NOPTS_VALUE && stream.duration() > 0) {
            return stream.duration() * av_q2d(stream.time_base());
        }
        long containerMicros = grabber.getFormatContext().duration();
        return containerMicros != AV_NOPTS_VALUE && containerMicros > 0 ? containerMicros / 1e6 : Double.NaN;
    }

    /** Returns the frame rate from the header, or 0 when it is missing or implausible. */
    double frameRate() {
        double rate = grabber.getFrameRate();
        return rate > 0 && rate <= MAX_PLAUSIBLE_FRAME_RATE ? rate : 0;
    }

    /**
     * Returns the frame count from the header, else an estimate from its duration and frame rate, else 0 when
     * neither is known.
     */
    long expectedFrames() {
        if (stream.nb_frames() > 0) {
            return stream.nb_frames();
        }
        double seconds = headerSeconds();
        return Double.isNaN(seconds) ? 0 : Math.round(seconds * frameRate());
    }

    /**
     * Returns the total frame count to report progress against. That is the header's count or estimate while it is
     * not behind the frames decoded so far. Otherwise it is estimated from the share of the file's bytes read, which
     * serves recordings whose header has no duration, such as browser-made WebM. It is then at least one more than
     * the frames decoded.
     */
    long progressTotal(long framesDecoded, long headerFrames) {
        if (headerFrames >= framesDecoded) {
            return headerFrames;
        }
        AVIOContext io = grabber.getFormatContext().pb();
        if (io != null && framesDecoded > 0) {
            long position = avio_tell(io);
            long size = avio_size(io);
            if (position > 0 && size > position) {
                return Math.max(framesDecoded + 1, Math.round((double) framesDecoded * size / position));
            }
        }
        return framesDecoded + 1;
    }

    /**
     * Returns the sample aspect ratio, the width of a pixel divided by its height, from the container or else the
     * codec parameters, or 1 when neither gives one.
     */
    double sampleAspectRatio() {
        AVRational ratio = av_guess_sample_aspect_ratio(grabber.getFormatContext(), stream, null);
        return ratio.num() > 0 && ratio.den() > 0 ? (double) ratio.num() / ratio.den() : 1;
    }

    /** Returns the display rotation as FFmpeg reports it, in degrees counterclockwise; frames are not rotated. */
    double displayRotation() {
        return grabber.getDisplayRotation();
    }

    @Override
    public void close() throws FrameGrabber.Exception, IOException {
        decoder.close();
        // Closed first, the input ignores the reset that the grabber sends it on close.
        try {
            input.close();
        } finally {
            grabber.close();
        }
    }

    private static void closeQuietly(UUID taskId, FFmpegFrameGrabber grabber, WatchedInput input) {
        try {
            input.close();
        } catch (IOException e) {
            Log.warnf(e, "Task %s: could not close the video file", taskId);
        }
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            Log.warnf(e, "Task %s: could not close the FFmpeg grabber", taskId);
        }
    }
}
