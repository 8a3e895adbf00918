package io.scenery.testing;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;

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
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.vconcat;

/**
 * Writes a synthetic screen recording that follows a script of user actions: navigation, dialogs and menus opening
 * and closing, scrolling, fades, typing and cursor movement. Every step declares whether it starts a new scene, so
 * the recording comes with its true cuts. A mouse cursor moves and a caret blinks in every frame.
 */
public final class ScreenScript {

    /** Kind of change a step makes to the screen. */
    public enum Action {
        /** Nothing but cursor movement; no cut. */
        HOLD(false),
        /** Types one character every second frame into the page; no cut. */
        TYPE(false),
        /** Shows a different page. */
        NAVIGATE(true),
        OPEN_DIALOG(true),
        CLOSE_DIALOG(true),
        /** Opens a drop-down menu, which covers too little of the screen to count as a new scene. */
        OPEN_MENU(false),
        CLOSE_MENU(false),
        /** Scrolls the page by half a screen over the transition frames. */
        SCROLL(true),
        /** Cross-fades to a different page over the transition frames. */
        FADE(true);

        private final boolean cut;

        Action(boolean cut) {
            this.cut = cut;
        }

        public boolean cut() {
            return cut;
        }
    }

    /**
     * One scripted step.
     *
     * @param frames           frames the step lasts, transition included
     * @param transitionFrames frames the change takes to complete, from 1 (instant) up to {@code frames}
     */
    public record Step(Action action, int frames, int transitionFrames) {

        public Step {
            if (frames < 1 || transitionFrames < 1 || transitionFrames > frames) {
                throw new IllegalArgumentException("step " + action + " has " + frames + " frames and "
                        + transitionFrames + " transition frames; need 1 <= transition frames <= frames");
            }
        }

        public static Step of(Action action, int frames) {
            return new Step(action, frames, 1);
        }
    }

    /**
     * @param frameRate      frames per second; for a variable frame rate, the time base in ticks per second
     * @param variableFrames when true, consecutive frames lie 1 to 4 ticks apart (seeded), not 1
     */
    public record Options(int width, int height, double frameRate, boolean variableFrames, long seed,
                          List<Step> steps) {

        public Options {
            steps = List.copyOf(steps);
        }
    }

    /**
     * A written recording and its truth.
     *
     * @param cutFrames  zero-based numbers of the frames that start a new scene, frame 0 not listed
     * @param cutSeconds presentation times of those frames
     */
    public record Result(Path file, List<Integer> cutFrames, List<Double> cutSeconds, int frameCount,
                         double durationSeconds) {
    }

    private ScreenScript() {
    }

    public static Result write(Path file, Options options) {
        av_log_set_level(AV_LOG_ERROR);
        Random random = new Random(options.seed());
        List<Integer> cutFrames = new ArrayList<>();
        List<Double> cutSeconds = new ArrayList<>();
        int width = options.width();
        int height = options.height();
        int frameNumber = 0;
        long tick = 0;
        int pages = 0;

        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat screen = new Mat(height, width, CV_8UC3);
             Mat before = new Mat(height, width, CV_8UC3);
             Mat saved = new Mat(height, width, CV_8UC3);
             Mat tall = new Mat(height * 2, width, CV_8UC3);
             Mat canvas = new Mat(height, width, CV_8UC3)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(AV_CODEC_ID_H264);
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(options.frameRate());
            recorder.setGopSize((int) Math.round(options.frameRate() * 2));
            recorder.setVideoBitrate(width * height * 4);
            recorder.start();

            ScreenPainter.paintScreen(screen, pages++, random);
            StringBuilder typed = new StringBuilder();
            Point cursor = new Point(width / 2, height / 2);

            for (Step step : options.steps()) {
                screen.copyTo(before);
                Action action = step.action();
                switch (action) {
                    case NAVIGATE, FADE -> ScreenPainter.paintScreen(screen, pages++, random);
                    case OPEN_DIALOG -> {
                        screen.copyTo(saved);
                        ScreenPainter.drawDialog(screen, pages);
                    }
                    case OPEN_MENU -> {
                        screen.copyTo(saved);
                        ScreenPainter.drawMenu(screen, pages);
                    }
                    case CLOSE_DIALOG, CLOSE_MENU -> saved.copyTo(screen);
                    case SCROLL -> {
                        try (Mat next = new Mat(height, width, CV_8UC3)) {
                            ScreenPainter.paintScreen(next, pages++, random);
                            try (Mat pair = new Mat()) {
                                vconcat(before, next, pair);
                                pair.copyTo(tall);
                            }
                        }
                        try (Mat end = new Mat(tall, new Rect(0, height / 2, width, height))) {
                            end.copyTo(screen);
                        }
                    }
                    default -> {
                    }
                }
                if (action.cut()) {
                    typed.setLength(0);
                    cutFrames.add(frameNumber);
                    cutSeconds.add(tick / options.frameRate());
                }
                Point target = new Point(20 + random.nextInt(width - 40), 50 + random.nextInt(height - 80));
                Point from = new Point(cursor.x(), cursor.y());

                for (int i = 0; i < step.frames(); i++) {
                    if (i < step.transitionFrames() && step.transitionFrames() > 1) {
                        double progress = (double) (i + 1) / step.transitionFrames();
                        if (action == Action.SCROLL) {
                            int offset = (int) Math.round(progress * (height / 2));
                            try (Mat window = new Mat(tall, new Rect(0, offset, width, height))) {
                                window.copyTo(canvas);
                            }
                        } else {
                            addWeighted(before, 1 - progress, screen, progress, 0, canvas);
                        }
                    } else {
                        if (action == Action.TYPE && i % 2 == 0) {
                            typed.append((char) ('a' + random.nextInt(26)));
                            ScreenPainter.drawTyped(screen, typed.toString());
                        }
                        screen.copyTo(canvas);
                    }
                    double along = step.frames() > 1 ? (double) i / (step.frames() - 1) : 1;
                    cursor = new Point((int) (from.x() + (target.x() - from.x()) * along),
                            (int) (from.y() + (target.y() - from.y()) * along));
                    ScreenPainter.drawCaret(canvas, frameNumber, options.frameRate());
                    ScreenPainter.drawCursor(canvas, cursor.x(), cursor.y());

                    recorder.setTimestamp(Math.round(tick * 1_000_000 / options.frameRate()));
                    recorder.record(converter.convert(canvas), AV_PIX_FMT_BGR24);
                    frameNumber++;
                    tick += options.variableFrames() ? 1 + random.nextInt(4) : 1;
                }
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IllegalStateException("could not write the recording " + file + ": " + e.getMessage(), e);
        }
        return new Result(file, List.copyOf(cutFrames), List.copyOf(cutSeconds), frameNumber,
                tick / options.frameRate());
    }
}
