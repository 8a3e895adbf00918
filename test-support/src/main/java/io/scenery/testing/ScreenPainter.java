package io.scenery.testing;

import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.polylines;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/** Draws the synthetic UI screens, the text caret and the mouse cursor of {@link ScreenRecordingGenerator}. */
final class ScreenPainter {

    /** Background colours (BGR) whose luma alternates between light and dark, so neighbouring screens differ. */
    private static final Scalar[] BACKGROUNDS = {
            new Scalar(245, 245, 245, 0), new Scalar(70, 50, 40, 0), new Scalar(210, 235, 250, 0),
            new Scalar(40, 80, 40, 0), new Scalar(250, 225, 205, 0), new Scalar(90, 40, 110, 0)};
    private static final String[] TITLES = {"Sign in", "Dashboard", "Settings", "New order", "Search", "Profile"};
    private static final String[] LABELS = {"Save", "Cancel", "Next", "Apply", "Delete", "Open", "Send", "Export"};

    private ScreenPainter() {
    }

    static void paintScreen(Mat screen, int scene, Random random) {
        Scalar background = BACKGROUNDS[scene % BACKGROUNDS.length];
        boolean dark = background.get(0) + background.get(1) + background.get(2) < 400;
        Scalar ink = dark ? new Scalar(235, 235, 235, 0) : new Scalar(30, 30, 30, 0);
        Scalar accent = new Scalar(random.nextInt(200), random.nextInt(200), 120 + random.nextInt(130), 0);
        int width = screen.cols();
        int height = screen.rows();
        screen.put(background);

        rectangle(screen, new Rect(0, 0, width, 36), dark ? new Scalar(20, 20, 20, 0) : new Scalar(60, 60, 60, 0), -1,
                LINE_AA, 0);
        putText(screen, (scene + 1) + "  " + TITLES[scene % TITLES.length], new Point(12, 25), FONT_HERSHEY_SIMPLEX,
                0.7, new Scalar(250, 250, 250, 0), 2, LINE_AA, false);
        rectangle(screen, new Rect(0, 36, 120, height - 36), accent, -1, LINE_AA, 0);
        for (int item = 0; item < 5; item++) {
            putText(screen, "Menu " + (item + 1), new Point(14, 70 + item * 34), FONT_HERSHEY_SIMPLEX, 0.5,
                    new Scalar(255, 255, 255, 0), 1, LINE_AA, false);
        }

        int rows = 3 + random.nextInt(3);
        for (int row = 0; row < rows; row++) {
            int y = 60 + row * ((height - 90) / rows);
            int x = 140 + random.nextInt(60);
            switch ((scene + row) % 3) {
                case 0 -> drawInput(screen, x, y, Math.min(320, width - x - 20), ink);
                case 1 -> drawCheckbox(screen, x, y, random.nextBoolean(), ink);
                default -> drawButton(screen, x, y, LABELS[random.nextInt(LABELS.length)], accent);
            }
            putText(screen, "Field " + (row + 1) + " of screen " + (scene + 1), new Point(x + 330 > width ? x : x + 200,
                    y + 52), FONT_HERSHEY_SIMPLEX, 0.45, ink, 1, LINE_AA, false);
        }
    }

    private static void drawButton(Mat screen, int x, int y, String label, Scalar fill) {
        rectangle(screen, new Rect(x, y, 110, 34), fill, -1, LINE_AA, 0);
        rectangle(screen, new Rect(x, y, 110, 34), new Scalar(20, 20, 20, 0), 1, LINE_AA, 0);
        putText(screen, label, new Point(x + 18, y + 23), FONT_HERSHEY_SIMPLEX, 0.6, new Scalar(255, 255, 255, 0), 2,
                LINE_AA, false);
    }

    private static void drawInput(Mat screen, int x, int y, int width, Scalar ink) {
        rectangle(screen, new Rect(x, y, width, 32), new Scalar(255, 255, 255, 0), -1, LINE_AA, 0);
        rectangle(screen, new Rect(x, y, width, 32), new Scalar(120, 120, 120, 0), 1, LINE_AA, 0);
        putText(screen, "Type here", new Point(x + 8, y + 21), FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(150, 150, 150, 0),
                1, LINE_AA, false);
        putText(screen, "Label", new Point(x, y - 6), FONT_HERSHEY_SIMPLEX, 0.45, ink, 1, LINE_AA, false);
    }

    private static void drawCheckbox(Mat screen, int x, int y, boolean checked, Scalar ink) {
        rectangle(screen, new Rect(x, y + 6, 20, 20), new Scalar(255, 255, 255, 0), -1, LINE_AA, 0);
        rectangle(screen, new Rect(x, y + 6, 20, 20), ink, 2, LINE_AA, 0);
        if (checked) {
            line(screen, new Point(x + 4, y + 16), new Point(x + 9, y + 22), ink, 2, LINE_AA, 0);
            line(screen, new Point(x + 9, y + 22), new Point(x + 17, y + 10), ink, 2, LINE_AA, 0);
        }
        putText(screen, "Remember me", new Point(x + 30, y + 22), FONT_HERSHEY_SIMPLEX, 0.55, ink, 1, LINE_AA, false);
    }

    /**
     * Draws a modal dialog over the screen: the page dimmed to half its brightness and a light box of about half
     * the frame's width and height with a title, a line of text and two buttons.
     */
    static void drawDialog(Mat screen, int number) {
        int width = screen.cols();
        int height = screen.rows();
        screen.convertTo(screen, -1, 0.5, 0);
        Rect box = new Rect(width / 4, height / 4, width / 2, height / 2);
        rectangle(screen, box, new Scalar(250, 250, 250, 0), -1, LINE_AA, 0);
        rectangle(screen, box, new Scalar(90, 90, 90, 0), 2, LINE_AA, 0);
        putText(screen, "Dialog " + number, new Point(box.x() + 16, box.y() + 30), FONT_HERSHEY_SIMPLEX, 0.7,
                new Scalar(30, 30, 30, 0), 2, LINE_AA, false);
        putText(screen, "Do you want to continue?", new Point(box.x() + 16, box.y() + 64), FONT_HERSHEY_SIMPLEX, 0.5,
                new Scalar(60, 60, 60, 0), 1, LINE_AA, false);
        drawButton(screen, box.x() + box.width() - 250, box.y() + box.height() - 50, "OK",
                new Scalar(200, 120, 40, 0));
        drawButton(screen, box.x() + box.width() - 130, box.y() + box.height() - 50, "Cancel",
                new Scalar(120, 120, 120, 0));
    }

    /** Draws a drop-down menu below the toolbar, about a quarter of the frame wide and a third of it high. */
    static void drawMenu(Mat screen, int number) {
        int width = screen.cols();
        int height = screen.rows();
        Rect box = new Rect(width / 5, 36, width / 4, height / 3);
        rectangle(screen, box, new Scalar(255, 255, 255, 0), -1, LINE_AA, 0);
        rectangle(screen, box, new Scalar(40, 40, 40, 0), 1, LINE_AA, 0);
        int rows = Math.max(1, box.height() / 28);
        for (int row = 0; row < rows; row++) {
            putText(screen, LABELS[(number + row) % LABELS.length] + " item", new Point(box.x() + 10,
                    box.y() + 20 + row * 28), FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(20, 20, 20, 0), 1, LINE_AA, false);
        }
    }

    /** Draws typed text, as far as it was typed, at a fixed place below the toolbar. */
    static void drawTyped(Mat screen, String text) {
        putText(screen, text, new Point(140, 52), FONT_HERSHEY_SIMPLEX, 0.5, new Scalar(0, 0, 160, 0), 1, LINE_AA,
                false);
    }

    /** Draws a text caret in the top-left corner that blinks twice per second. */
    static void drawCaret(Mat canvas, int frameNumber, double frameRate) {
        if ((int) (frameNumber / (frameRate / 4)) % 2 == 0) {
            rectangle(canvas, new Rect(canvas.cols() - 30, 10, 2, 18), new Scalar(250, 250, 250, 0), -1, LINE_AA, 0);
        }
    }

    /** Draws an arrow pointer with its tip at (x, y): white fill, black outline, about 12 by 18 pixels. */
    static void drawCursor(Mat canvas, int x, int y) {
        int[] xs = {0, 0, 4, 7, 9, 6, 11};
        int[] ys = {0, 17, 13, 19, 18, 12, 12};
        try (Mat polygon = new Mat(xs.length, 1, CV_32SC2);
             MatVector polygons = new MatVector(1)) {
            IntIndexer indexer = polygon.createIndexer();
            for (int i = 0; i < xs.length; i++) {
                indexer.put(i, 0, 0, x + xs[i]);
                indexer.put(i, 0, 1, y + ys[i]);
            }
            indexer.release();
            polygons.put(0, polygon);
            fillPoly(canvas, polygons, new Scalar(255, 255, 255, 0));
            polylines(canvas, polygons, true, new Scalar(0, 0, 0, 0), 1, LINE_AA, 0);
        }
    }
}
