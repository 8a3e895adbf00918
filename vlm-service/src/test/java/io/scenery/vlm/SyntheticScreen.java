package io.scenery.vlm;

import io.scenery.vlm.detection.BoundingBox;
import io.scenery.vlm.detection.ElementType;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.randu;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Screens drawn with OpenCV. A flat settings form: text fields, filled, outlined and pill-shaped buttons, checkboxes
 * with labels, and a framed card holding a field and a button. A modal dialog with a field, a drop-down list,
 * radio buttons and buttons over a dimmed page. A photo viewer: a toolbar with icon buttons over a photo. Every
 * control's box is recorded, so detection can be scored.
 */
final class SyntheticScreen {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;

    private static final Scalar BACKGROUND = bgr(245, 245, 245);
    private static final Scalar WHITE = bgr(255, 255, 255);
    private static final Scalar BORDER = bgr(170, 170, 170);
    private static final Scalar DARK = bgr(40, 40, 40);
    private static final Scalar MUTED = bgr(130, 130, 130);
    private static final Scalar BLUE = bgr(33, 150, 243);
    private static final Scalar GREEN = bgr(46, 125, 50);
    private static final double FONT_SCALE = 0.7;

    /** Text scale of a small panel label, about 10 pixels high, which the page reading misses. */
    private static final double SMALL_FONT_SCALE = 0.4;

    /** Share of each channel that a modal dialog's scrim leaves of the page behind it. */
    private static final double SCRIM_KEPT_SHARE = 0.55;

    /** Size of the phone screen that {@link #renderPhoto} draws. */
    static final int PHONE_WIDTH = 720;
    static final int PHONE_HEIGHT = 1280;

    /** Box of the photo that {@link #renderPhoto} draws. */
    static final BoundingBox PHOTO = new BoundingBox(0, 112, PHONE_WIDTH, PHONE_HEIGHT - 112);

    /** Box of the scroll thumb that {@link #renderScrollBar} draws along the right side. */
    static final BoundingBox SCROLL_THUMB = new BoundingBox(PHONE_WIDTH - 12, 400, 12, 240);

    /** Box of the dark shape that {@link #renderScrollBar} draws against the left side. */
    static final BoundingBox SIDE_MARK = new BoundingBox(0, 900, 14, 30);

    /** Box of the dialog that {@link #renderDarkDialog} draws. */
    static final BoundingBox DARK_DIALOG = new BoundingBox(380, 300, 520, 200);

    /** Box of the lit pane that {@link #renderDialog(boolean)} draws beside the dimmed page. */
    static final BoundingBox SIDE_PANE = new BoundingBox(960, 0, WIDTH - 960, HEIGHT);

    /** Box of the dialog that {@link #renderDialog} draws. */
    static final BoundingBox DIALOG = new BoundingBox(380, 210, 520, 380);

    /** A control drawn on the screen. */
    record ExpectedControl(ElementType type, BoundingBox box, String label) {
    }

    private final Mat image;
    private final List<ExpectedControl> controls = new ArrayList<>();

    private SyntheticScreen() {
        this(WIDTH, HEIGHT);
    }

    private SyntheticScreen(int width, int height) {
        image = new Mat(height, width, CV_8UC3, BACKGROUND);
    }

    static SyntheticScreen render() {
        SyntheticScreen screen = new SyntheticScreen();
        screen.text("Account settings", 80, 70, DARK, 1.0, 2);

        screen.text("Email", 80, 125, DARK, FONT_SCALE, 1);
        screen.input(80, 140, 400, 44, "name@example.com", MUTED);
        screen.text("Password", 80, 225, DARK, FONT_SCALE, 1);
        screen.input(80, 240, 400, 44, null, null);
        screen.text("City", 560, 125, DARK, FONT_SCALE, 1);
        screen.input(560, 140, 320, 44, "Berlin", DARK);

        screen.filledButton(80, 330, 160, 48, "Sign in", BLUE);
        screen.outlinedButton(260, 330, 160, 48, "Cancel");
        screen.filledButton(440, 330, 120, 48, "Save", GREEN);
        screen.pillButton(600, 330, 160, 48, "Next", BLUE);

        screen.checkbox(80, 430, false, "Remember me");
        screen.checkbox(80, 480, true, "Send newsletter");
        screen.checkbox(80, 530, false, "Accept terms");
        screen.toggleSwitch(80, 590);

        screen.card(620, 420, 520, 300);
        screen.text("Coupon", 650, 470, DARK, FONT_SCALE, 1);
        screen.input(650, 490, 320, 44, "SPRING24", DARK);
        screen.filledButton(650, 570, 140, 48, "Apply", BLUE);
        return screen;
    }

    /**
     * Draws a modal dialog over a dimmed table page, at desktop size. The table's rows run under the dialog, so
     * their text touches its edge, as on a page whose content the dialog covers. Only the dialog's controls are
     * recorded: the page behind is not reachable while the dialog is open.
     */
    static SyntheticScreen renderDialog() {
        return renderDialog(false);
    }

    /**
     * Draws the dialog of {@link #renderDialog()}, with a lit pane of its own right of the dimmed page when
     * sidePane is set, as a browser's developer tools beside a page. The pane's button is recorded, because the
     * dialog does not block it.
     */
    /**
     * Draws the dimmed table page of {@link #renderDialog()} with a white caption box of text only in place of the
     * dialog, as a screen recording's annotation over a dark page. It blocks nothing.
     */
    static SyntheticScreen renderCaption() {
        SyntheticScreen screen = new SyntheticScreen();
        screen.dimmedTable();
        rectangle(screen.image, toRect(DIALOG), WHITE, FILLED, LINE_AA, 0);
        screen.text("Now we open the ticket form", DIALOG.x() + 40, DIALOG.y() + 190, DARK, 0.9, 2);
        return screen;
    }

    static SyntheticScreen renderDialog(boolean sidePane) {
        SyntheticScreen screen = new SyntheticScreen();
        screen.dimmedTable();

        int x = DIALOG.x();
        int y = DIALOG.y();
        rectangle(screen.image, new Rect(x, y, DIALOG.width(), DIALOG.height()), WHITE, FILLED, LINE_AA, 0);
        screen.text("New ticket", x + 28, y + 45, DARK, 0.9, 2);
        screen.text("Subject", x + 28, y + 90, DARK, FONT_SCALE, 1);
        screen.input(x + 28, y + 102, 464, 42, null, null);
        screen.text("Priority", x + 28, y + 180, DARK, FONT_SCALE, 1);
        screen.dropdown(x + 28, y + 192, 464, 42, "Normal");
        screen.radio(x + 28, y + 256, true, "Hardware");
        screen.radio(x + 190, y + 256, false, "Software");
        screen.outlinedButton(x + 200, y + 312, 140, 44, "Cancel");
        screen.filledButton(x + 352, y + 312, 140, 44, "Create", BLUE);
        if (sidePane) {
            rectangle(screen.image, toRect(SIDE_PANE), WHITE, FILLED, LINE_8, 0);
            screen.text("Console", SIDE_PANE.x() + 30, 70, DARK, 1.0, 2);
            screen.filledButton(SIDE_PANE.x() + 30, 120, 140, 44, "Reload", BLUE);
        }
        return screen;
    }

    /**
     * Draws a web page's header, a navy bar 56 pixels high, with two tabs. The current one is underlined across its
     * width, as web applications mark it. Both tabs are recorded as buttons.
     */
    static SyntheticScreen renderHeader() {
        SyntheticScreen screen = new SyntheticScreen();
        rectangle(screen.image, new Rect(0, 0, WIDTH, 56), bgr(30, 58, 138), FILLED, LINE_AA, 0);
        screen.text("Tickets", 300, 36, WHITE, FONT_SCALE, 1);
        screen.text("Settings", 440, 36, WHITE, FONT_SCALE, 1);
        rectangle(screen.image, new Rect(436, 41, 108, 4), bgr(251, 191, 36), FILLED, LINE_AA, 0);
        screen.text("Your settings apply to every device.", 40, 120, DARK, FONT_SCALE, 1);
        screen.controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(294, 14, 96, 30), "Tickets"));
        screen.controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(432, 14, 116, 38), "Settings"));
        return screen;
    }

    /**
     * Draws two outlined buttons side by side, 6 pixels apart, closer than the detector's join gap, as a desktop
     * dialog draws its Restore and Keep buttons. Beside them are a side bar of three small framed line icons
     * without labels and the grip of a pane divider.
     */
    static SyntheticScreen renderButtonPair() {
        SyntheticScreen screen = new SyntheticScreen();
        screen.text("Does the display look OK?", 400, 260, DARK, FONT_SCALE, 1);
        screen.outlinedButton(400, 300, 220, 40, "Restore");
        screen.outlinedButton(626, 300, 220, 40, "Keep");
        for (int i = 0; i < 3; i++) {
            int y = 120 + 40 * i;
            rectangle(screen.image, new Rect(40, y, 18, 18), DARK, 1, LINE_AA, 0);
            line(screen.image, new Point(44, y + 6), new Point(54, y + 6), DARK, 1, LINE_AA, 0);
            screen.controls.add(new ExpectedControl(ElementType.ICON, new BoundingBox(40, y, 18, 18), null));
        }
        // A grip between two panes: a framed bar 6 pixels wide, which is no picture.
        rectangle(screen.image, new Rect(300, 110, 6, 20), DARK, 1, LINE_AA, 0);
        return screen;
    }

    /**
     * Draws a light page with a blue heading, a few lines of dark text, a row of status badges (low pills with a
     * word) and two links in link blue. Only the links are recorded: the badges are text, not buttons.
     */
    static SyntheticScreen renderLinks() {
        SyntheticScreen screen = new SyntheticScreen();
        Scalar linkBlue = bgr(0, 0, 238);
        screen.text("Northwind", 80, 90, bgr(30, 64, 175), 1.6, 3);
        screen.text("Your ticket was sent to the help desk.", 80, 140, DARK, FONT_SCALE, 1);
        screen.text("You will get an email when it is assigned", 80, 170, DARK, FONT_SCALE, 1);
        screen.text("and another one when it is closed.", 80, 380, DARK, FONT_SCALE, 1);
        for (int i = 0; i < 3; i++) {
            int x = 80 + 110 * i;
            rectangle(screen.image, new Rect(x, 200, 90, 18), bgr(219, 234, 254), FILLED, LINE_AA, 0);
            screen.text(i == 1 ? "Closed" : "Open", x + 12, 213, bgr(30, 64, 175), 0.4, 1);
        }
        screen.text("Forgot your password?", 80, 290, linkBlue, FONT_SCALE, 1);
        screen.controls.add(new ExpectedControl(ElementType.LINK, new BoundingBox(78, 274, 278, 22),
                "Forgot your password?"));
        screen.text("Create an account", 500, 290, linkBlue, FONT_SCALE, 1);
        screen.controls.add(new ExpectedControl(ElementType.LINK, new BoundingBox(498, 274, 222, 22),
                "Create an account"));
        return screen;
    }

    /**
     * Draws a dark dialog over a dimmed dark page with a header, at desktop size: the dialog's fill is as dark as the
     * page, but its text and buttons keep their brightness while the page's fields are dimmed. With a desktop panel,
     * a lit top bar that the scrim does not cover is drawn over the header. Recorded are the dialog's buttons and
     * the panel's "Activities" menu.
     */
    static SyntheticScreen renderDarkDialog(boolean desktopPanel) {
        SyntheticScreen screen = renderDark();
        screen.controls.clear();
        rectangle(screen.image, new Rect(0, 0, WIDTH, 60), bgr(30, 40, 90), FILLED, LINE_AA, 0);
        screen.text("Tickets", 300, 38, WHITE, FONT_SCALE, 1);
        screen.text("Settings", 420, 38, WHITE, FONT_SCALE, 1);
        screen.text("dana@example.org", 1000, 38, WHITE, FONT_SCALE, 1);
        screen.image.convertTo(screen.image, -1, SCRIM_KEPT_SHARE, 0);
        if (desktopPanel) {
            rectangle(screen.image, new Rect(0, 0, WIDTH, 30), bgr(0, 0, 0), FILLED, LINE_AA, 0);
            screen.text("Activities", 14, 21, WHITE, SMALL_FONT_SCALE + 0.1, 1);
            screen.controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(8, 2, 90, 26), "Activities"));
        }

        int x = DARK_DIALOG.x();
        int y = DARK_DIALOG.y();
        rectangle(screen.image, new Rect(x, y, DARK_DIALOG.width(), DARK_DIALOG.height()), bgr(40, 44, 60), FILLED,
                LINE_AA, 0);
        screen.text("Sign out?", x + 28, y + 50, WHITE, 0.9, 2);
        screen.text("You will need your password again.", x + 28, y + 95, bgr(230, 230, 235), FONT_SCALE, 1);
        screen.filledButton(x + 170, y + 130, 170, 44, "Stay signed in", BLUE);
        screen.filledButton(x + 352, y + 130, 140, 44, "Sign out", bgr(211, 47, 47));
        return screen;
    }

    /**
     * Draws a desktop with a dark top panel, 36 pixels high, holding an "Activities" menu at the left and a clock in
     * the middle, over a plain wallpaper. The two panel texts are recorded as buttons as high as the panel.
     */
    static SyntheticScreen renderDesktop() {
        SyntheticScreen screen = new SyntheticScreen();
        screen.image.put(new Mat(HEIGHT, WIDTH, CV_8UC3, bgr(52, 101, 164)));
        rectangle(screen.image, new Rect(0, 0, WIDTH, 36), bgr(0, 0, 0), FILLED, LINE_AA, 0);
        screen.text("Activities", 14, 25, WHITE, FONT_SCALE, 1);
        screen.text("18:39", 600, 25, WHITE, FONT_SCALE, 1);
        screen.text("Dana Reyes", 1160, 22, WHITE, SMALL_FONT_SCALE, 1);
        screen.controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(4, 0, 130, 36), "Activities"));
        screen.controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(590, 0, 86, 36), "18:39"));
        screen.controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(1152, 4, 96, 28), "Dana Reyes"));
        screen.panelIcon(1040, 18, 16);
        screen.panelIcon(1090, 18, 16);
        return screen;
    }

    /**
     * Draws a form on a dark page: white fields with their values at the left, a white drop-down list and a filled
     * button. The fields are as much lighter than the page as a filled button is.
     */
    static SyntheticScreen renderDark() {
        return renderDark(false);
    }

    /**
     * Draws the dark form of {@link #renderDark()}, on a framed card of a lighter shade than the page when card is
     * true, as dark themes draw their settings cards.
     */
    static SyntheticScreen renderDark(boolean card) {
        SyntheticScreen screen = new SyntheticScreen();
        screen.image.put(new Mat(HEIGHT, WIDTH, CV_8UC3, bgr(24, 28, 44)));
        if (card) {
            rectangle(screen.image, new Rect(50, 30, 560, 530), bgr(44, 50, 70), FILLED, LINE_AA, 0);
            rectangle(screen.image, new Rect(50, 30, 560, 530), bgr(70, 80, 100), 1, LINE_AA, 0);
        }
        Scalar label = bgr(230, 230, 235);
        screen.text("Profile", 80, 70, label, 1.0, 2);
        screen.text("Display name", 80, 125, label, FONT_SCALE, 1);
        screen.input(80, 140, 480, 40, "Dana Reyes", DARK);
        screen.text("Language", 80, 225, label, FONT_SCALE, 1);
        screen.dropdown(80, 240, 480, 40, "French");
        screen.text("Reply signature", 80, 325, label, FONT_SCALE, 1);
        screen.input(80, 340, 480, 80, "Dana Reyes, help desk", DARK);
        screen.filledButton(80, 460, 180, 44, "Save changes", BLUE);
        return screen;
    }

    /**
     * Draws a photo viewer on a phone screen: a plain toolbar with a back icon, a title and two icons, over a photo
     * that fills the rest of the screen. The photo is smooth random shading, the same for every run, with small dark
     * and light blotches, as rocks and leaves are in a landscape. Only the toolbar's icons are recorded.
     */
    /**
     * Draws a phone page of text lines with a scroll thumb along the right side and a dark shape cut by the left
     * side, the edge of a picture that runs off the screen. Neither is an element.
     */
    static SyntheticScreen renderScrollBar() {
        SyntheticScreen screen = new SyntheticScreen(PHONE_WIDTH, PHONE_HEIGHT);
        rectangle(screen.image, new Rect(0, 0, PHONE_WIDTH, 112), bgr(230, 81, 0), FILLED, LINE_AA, 0);
        screen.text("Albums", 100, 68, WHITE, 1.0, 2);
        for (int line = 0; line < 5; line++) {
            screen.text("Folder number " + (line + 1), 60, 220 + line * 120, DARK, FONT_SCALE, 1);
        }
        rectangle(screen.image, toRect(SCROLL_THUMB), bgr(150, 150, 150), FILLED, LINE_8, 0);
        rectangle(screen.image, toRect(SIDE_MARK), bgr(30, 30, 30), FILLED, LINE_8, 0);
        return screen;
    }

    private static Rect toRect(BoundingBox box) {
        return new Rect(box.x(), box.y(), box.width(), box.height());
    }

    /** Draws a table page of tickets and darkens it as a modal dialog's scrim does. */
    private void dimmedTable() {
        text("Tickets", 40, 70, DARK, 1.0, 2);
        for (int row = 0; row < 9; row++) {
            int baseline = 160 + 44 * row;
            text("#" + (1042 - row), 40, baseline, DARK, FONT_SCALE, 1);
            text("Printer on floor " + (row + 2) + " jams on every second page", 150, baseline, DARK, FONT_SCALE,
                    1);
            text(row % 2 == 0 ? "Normal" : "High", 930, baseline, DARK, FONT_SCALE, 1);
            text(row % 3 == 0 ? "Closed" : "Open", 1110, baseline, DARK, FONT_SCALE, 1);
        }
        image.convertTo(image, -1, SCRIM_KEPT_SHARE, 0);
    }

    /**
     * Draws a search field, placeholder text at its left and a magnifier at its right, and a filled button below
     * it, on a desktop page.
     */
    static SyntheticScreen renderSearchField() {
        SyntheticScreen screen = new SyntheticScreen();
        int x = 400;
        int y = 200;
        int width = 360;
        int height = 40;
        rectangle(screen.image, new Rect(x, y, width, height), WHITE, FILLED, LINE_AA, 0);
        rectangle(screen.image, new Rect(x, y, width, height), BORDER, 1, LINE_AA, 0);
        screen.text("Search files", x + 12, y + height / 2 + 8, MUTED, FONT_SCALE, 1);
        circle(screen.image, new Point(x + width - 26, y + 17), 7, DARK, 2, LINE_AA, 0);
        line(screen.image, new Point(x + width - 21, y + 22), new Point(x + width - 15, y + 28), DARK, 2, LINE_AA, 0);
        screen.controls.add(new ExpectedControl(ElementType.INPUT, new BoundingBox(x, y, width, height), null));

        screen.filledButton(400, 320, 160, 44, "Upload", BLUE);
        return screen;
    }

    static SyntheticScreen renderPhoto() {
        SyntheticScreen screen = new SyntheticScreen(PHONE_WIDTH, PHONE_HEIGHT);
        rectangle(screen.image, new Rect(0, 0, PHONE_WIDTH, PHOTO.y()), bgr(230, 81, 0), FILLED, LINE_AA, 0);
        screen.text("Photo 3 of 12", 100, 68, WHITE, 1.0, 2);
        screen.icon(28, 36, 40);
        screen.icon(560, 36, 40);
        screen.icon(652, 36, 40);

        Random random = new Random(7);
        Mat coarse = new Mat(16, 9, CV_8UC3);
        try (UByteIndexer pixels = coarse.createIndexer()) {
            for (int y = 0; y < coarse.rows(); y++) {
                for (int x = 0; x < coarse.cols(); x++) {
                    for (int channel = 0; channel < 3; channel++) {
                        pixels.put(y, x, channel, 40 + random.nextInt(180));
                    }
                }
            }
        }
        Mat photo = new Mat();
        resize(coarse, photo, new Size(PHOTO.width(), PHOTO.height()), 0, 0, INTER_CUBIC);
        Mat grain = new Mat(PHOTO.height(), PHOTO.width(), CV_8UC3);
        randu(grain, new Mat(1, 1, CV_8UC1, new Scalar(0)), new Mat(1, 1, CV_8UC1, new Scalar(60)));
        GaussianBlur(grain, grain, new Size(5, 5), 0);
        add(photo, grain, photo);
        for (int i = 0; i < 40; i++) {
            Scalar shade = random.nextBoolean() ? bgr(20, 25, 20) : bgr(235, 230, 210);
            Point centre = new Point(random.nextInt(PHOTO.width()), random.nextInt(PHOTO.height()));
            circle(photo, centre, 8 + random.nextInt(18), shade, FILLED, LINE_AA, 0);
        }
        photo.copyTo(new Mat(screen.image, new Rect(PHOTO.x(), PHOTO.y(), PHOTO.width(), PHOTO.height())));
        return screen;
    }

    Mat image() {
        return image;
    }

    List<ExpectedControl> controls() {
        return List.copyOf(controls);
    }

    /** Encodes the screen as {@code .png} or {@code .jpg}. */
    byte[] encode(String extension) {
        try (BytePointer buffer = new BytePointer()) {
            if (!imencode(extension, image, buffer)) {
                throw new IllegalStateException("OpenCV could not encode the screen as " + extension);
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    private void input(int x, int y, int width, int height, String value, Scalar valueColor) {
        rectangle(image, new Rect(x, y, width, height), WHITE, FILLED, LINE_AA, 0);
        rectangle(image, new Rect(x, y, width, height), BORDER, 1, LINE_AA, 0);
        if (value != null) {
            text(value, x + 12, y + height / 2 + 8, valueColor, FONT_SCALE, 1);
        }
        controls.add(new ExpectedControl(ElementType.INPUT, new BoundingBox(x, y, width, height), value));
    }

    private void filledButton(int x, int y, int width, int height, String label, Scalar fill) {
        rectangle(image, new Rect(x, y, width, height), fill, FILLED, LINE_AA, 0);
        centredText(label, x, y, width, height, WHITE);
        controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(x, y, width, height), label));
    }

    /** Draws an on/off switch that is on: a shaded track with "ON" in its left half and a white knob in the right. */
    private void toggleSwitch(int x, int y) {
        int width = 76;
        int height = 26;
        rectangle(image, new Rect(x, y, width / 2, height), bgr(190, 190, 190), FILLED, LINE_AA, 0);
        rectangle(image, new Rect(x + width / 2, y, width / 2, height), WHITE, FILLED, LINE_AA, 0);
        rectangle(image, new Rect(x, y, width, height), BORDER, 1, LINE_AA, 0);
        line(image, new Point(x + width / 2, y), new Point(x + width / 2, y + height - 1), BORDER, 1, LINE_AA, 0);
        text("ON", x + 9, y + 18, DARK, 0.5, 1);
        controls.add(new ExpectedControl(ElementType.SWITCH, new BoundingBox(x, y, width, height), null));
    }

    /** Draws a filled button whose short sides are half circles. */
    private void pillButton(int x, int y, int width, int height, String label, Scalar fill) {
        int radius = height / 2;
        rectangle(image, new Rect(x + radius, y, width - 2 * radius, height), fill, FILLED, LINE_AA, 0);
        circle(image, new Point(x + radius, y + radius), radius, fill, FILLED, LINE_AA, 0);
        circle(image, new Point(x + width - radius - 1, y + radius), radius, fill, FILLED, LINE_AA, 0);
        centredText(label, x, y, width, height, WHITE);
        controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(x, y, width, height), label));
    }

    private void outlinedButton(int x, int y, int width, int height, String label) {
        rectangle(image, new Rect(x, y, width, height), DARK, 1, LINE_AA, 0);
        centredText(label, x, y, width, height, DARK);
        controls.add(new ExpectedControl(ElementType.BUTTON, new BoundingBox(x, y, width, height), label));
    }

    private void checkbox(int x, int y, boolean checked, String label) {
        int side = 22;
        rectangle(image, new Rect(x, y, side, side), WHITE, FILLED, LINE_AA, 0);
        rectangle(image, new Rect(x, y, side, side), DARK, 2, LINE_AA, 0);
        if (checked) {
            line(image, new Point(x + 5, y + 11), new Point(x + 9, y + 16), DARK, 2, LINE_AA, 0);
            line(image, new Point(x + 9, y + 16), new Point(x + 17, y + 6), DARK, 2, LINE_AA, 0);
        }
        text(label, x + side + 14, y + side - 4, DARK, FONT_SCALE, 1);
        controls.add(new ExpectedControl(ElementType.CHECKBOX, new BoundingBox(x, y, side, side), null));
    }

    /** Draws a drop-down list: a field with its value on the left and a down arrow at the right end. */
    private void dropdown(int x, int y, int width, int height, String value) {
        rectangle(image, new Rect(x, y, width, height), WHITE, FILLED, LINE_AA, 0);
        rectangle(image, new Rect(x, y, width, height), BORDER, 1, LINE_AA, 0);
        text(value, x + 12, y + height / 2 + 8, DARK, FONT_SCALE, 1);
        int arrowX = x + width - 24;
        int arrowY = y + height / 2 - 3;
        line(image, new Point(arrowX - 6, arrowY), new Point(arrowX, arrowY + 6), DARK, 2, LINE_AA, 0);
        line(image, new Point(arrowX, arrowY + 6), new Point(arrowX + 6, arrowY), DARK, 2, LINE_AA, 0);
        controls.add(new ExpectedControl(ElementType.DROPDOWN, new BoundingBox(x, y, width, height), value));
    }

    /** Draws a round radio button, 22 pixels across, with its label on the right. */
    private void radio(int x, int y, boolean selected, String label) {
        int side = 22;
        Point centre = new Point(x + side / 2, y + side / 2);
        circle(image, centre, side / 2, WHITE, FILLED, LINE_AA, 0);
        circle(image, centre, side / 2 - 1, DARK, 2, LINE_AA, 0);
        if (selected) {
            circle(image, centre, 5, BLUE, FILLED, LINE_AA, 0);
        }
        text(label, x + side + 12, y + side - 4, DARK, FONT_SCALE, 1);
        controls.add(new ExpectedControl(ElementType.RADIO, new BoundingBox(x, y, side, side), label));
    }

    /** Draws a white outlined square icon with a bar inside, as toolbars show a menu or share glyph. */
    /**
     * Draws a status icon of a panel: a ring with a bar beside it, centred on the given point. The expected box is
     * as high as the panel, the icon padded by the panel's space above and below it.
     */
    private void panelIcon(int centreX, int centreY, int side) {
        circle(image, new Point(centreX - side / 4, centreY), side / 4, WHITE, 2, LINE_AA, 0);
        rectangle(image, new Rect(centreX + side / 8, centreY - side / 2, side / 4, side), WHITE, FILLED, LINE_AA, 0);
        int padding = centreY - side / 2;
        controls.add(new ExpectedControl(ElementType.ICON,
                new BoundingBox(centreX - side / 2 - padding, 0, side + 2 * padding, 2 * centreY), null));
    }

    private void icon(int x, int y, int side) {
        rectangle(image, new Rect(x, y, side, side), WHITE, 3, LINE_AA, 0);
        rectangle(image, new Rect(x + side / 4, y + side / 2 - 3, side / 2, 6), WHITE, FILLED, LINE_AA, 0);
        controls.add(new ExpectedControl(ElementType.ICON, new BoundingBox(x, y, side, side), null));
    }

    private void card(int x, int y, int width, int height) {
        rectangle(image, new Rect(x, y, width, height), WHITE, FILLED, LINE_AA, 0);
        rectangle(image, new Rect(x, y, width, height), bgr(200, 200, 200), 1, LINE_AA, 0);
    }

    private void centredText(String text, int x, int y, int width, int height, Scalar color) {
        int[] baseline = new int[1];
        Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, FONT_SCALE, 1, baseline);
        text(text, x + (width - size.width()) / 2, y + (height + size.height()) / 2, color, FONT_SCALE, 1);
    }

    private void text(String text, int x, int baselineY, Scalar color, double scale, int thickness) {
        putText(image, text, new Point(x, baselineY), FONT_HERSHEY_SIMPLEX, scale, color, thickness, LINE_AA, false);
    }

    private static Scalar bgr(int red, int green, int blue) {
        return new Scalar(blue, green, red, 0);
    }
}
