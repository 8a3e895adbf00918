package io.scenery.testing;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * Writes synthetic screen recordings with scene cuts at known frames: each scene is a distinct UI screen (flat
 * background, toolbar, buttons, text inputs, checkboxes, text) over which a mouse cursor moves. The cursor and the
 * blinking text caret change a few hundred pixels per frame, far below any cut threshold, so only the screen
 * changes are cuts. Also writes the broken files that upload tests need.
 *
 * <p>Needs JavaCV with FFmpeg and OpenCV natives on the classpath. The H.264 encoder is the one the FFmpeg build
 * offers (OpenH264 in the LGPL build of org.bytedeco:ffmpeg).
 */
public final class ScreenRecordingGenerator {

    /**
     * A generated recording.
     *
     * @param cutFrames zero-based numbers of the frames that start a new scene; the first scene's frame 0 is not listed
     */
    public record Recording(Path file, List<Integer> cutFrames, int frameCount, double frameRate, int width, int height) {
    }

    /**
     * Generation settings.
     *
     * @param sceneFrames     length of each scene, in frames
     * @param frameRate       frames per second
     * @param seed            seed of the layout and cursor paths; equal seeds give equal videos
     * @param displayRotation clockwise rotation in degrees that a player applies, stored in the stream's display
     *                        matrix; the encoded frames themselves stay unrotated
     */
    public record Options(int width, int height, double frameRate, List<Integer> sceneFrames, long seed,
                          int displayRotation) {

        public Options {
            if (sceneFrames.isEmpty() || sceneFrames.stream().anyMatch(frames -> frames < 1)) {
                throw new IllegalArgumentException("sceneFrames is " + sceneFrames
                        + " but must list at least one scene, each at least 1 frame long");
            }
            sceneFrames = List.copyOf(sceneFrames);
        }

        /** 640x400 at 12 frames per second, not rotated. */
        public static Options of(List<Integer> sceneFrames) {
            return new Options(640, 400, 12, sceneFrames, 1, 0);
        }

        public Options withDisplayRotation(int degrees) {
            return new Options(width, height, frameRate, sceneFrames, seed, degrees);
        }

        public Options withSeed(long newSeed) {
            return new Options(width, height, frameRate, sceneFrames, newSeed, displayRotation);
        }
    }

    private ScreenRecordingGenerator() {
    }

    /**
     * Writes an H.264 MP4 with its index (moov box) at the front, so that a truncated copy still opens and decodes
     * up to the cut.
     */
    public static Recording write(Path file, Options options) {
        // The FFmpeg log level is process-wide; errors only keep test output readable.
        av_log_set_level(AV_LOG_ERROR);
        List<Integer> cutFrames = new ArrayList<>();
        Random random = new Random(options.seed());
        int frameNumber = 0;

        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), options.width(), options.height(), 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat screen = new Mat(options.height(), options.width(), CV_8UC3);
             Mat canvas = new Mat(options.height(), options.width(), CV_8UC3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(options.frameRate());
            recorder.setGopSize((int) Math.round(options.frameRate() * 2));
            recorder.setVideoBitrate(options.width() * options.height() * 4);
            recorder.setOption("movflags", "+faststart");
            if (options.displayRotation() != 0) {
                recorder.setDisplayRotation(options.displayRotation());
            }
            recorder.start();

            for (int scene = 0; scene < options.sceneFrames().size(); scene++) {
                if (scene > 0) {
                    cutFrames.add(frameNumber);
                }
                ScreenPainter.paintScreen(screen, scene, random);
                int length = options.sceneFrames().get(scene);
                Point from = randomPoint(random, options);
                Point to = randomPoint(random, options);
                for (int i = 0; i < length; i++) {
                    screen.copyTo(canvas);
                    double progress = length > 1 ? (double) i / (length - 1) : 0;
                    ScreenPainter.drawCaret(canvas, frameNumber, options.frameRate());
                    ScreenPainter.drawCursor(canvas, (int) (from.x() + (to.x() - from.x()) * progress),
                            (int) (from.y() + (to.y() - from.y()) * progress));
                    Frame frame = converter.convert(canvas);
                    recorder.record(frame, AV_PIX_FMT_BGR24);
                    frameNumber++;
                }
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("could not write the recording " + file + ": " + e.getMessage(), e);
        }
        return new Recording(file, List.copyOf(cutFrames), frameNumber, options.frameRate(), options.width(),
                options.height());
    }

    /** Copies the first fraction (0 to 1) of the source's bytes to the target, as an interrupted upload would. */
    public static Path writeTruncatedCopy(Path source, Path target, double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("fraction is " + fraction + " but must be between 0 and 1, exclusive");
        }
        try (InputStream in = Files.newInputStream(source); OutputStream out = Files.newOutputStream(target)) {
            long keep = (long) (Files.size(source) * fraction);
            out.write(in.readNBytes((int) keep));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the truncated copy " + target, e);
        }
    }

    /** Writes a plain text file, to be named like a video (for example {@code notes.mp4}). */
    public static Path writeTextFile(Path target) {
        try {
            return Files.writeString(target, "This is a text file with a video extension, not a video.\n".repeat(20),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    /** Writes a file of zero bytes. */
    public static Path writeEmptyFile(Path target) {
        try {
            return Files.write(target, new byte[0]);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        }
    }

    private static Point randomPoint(Random random, Options options) {
        return new Point(20 + random.nextInt(options.width() - 40), 50 + random.nextInt(options.height() - 80));
    }
}
