package io.scenery.vlm.detection;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scenery.vlm.config.VlmConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Touch-screen rules on drawn 720x1280 phone screens: a dark status bar 0-48, an orange toolbar 48-160 and a white
 * page below, or a dimmed page with a white dialog.
 */
class TouchLayoutTest {

    private static final Scalar STATUS_BAR = new Scalar(20, 60, 200, 0);
    private static final Scalar TOOLBAR = new Scalar(34, 87, 255, 0);
    private static final Scalar WHITE = new Scalar(250, 250, 250, 0);
    private static final Scalar DIMMED = new Scalar(110, 110, 110, 0);

    private final TouchLayout layout = new TouchLayout(config());

    @Test
    void portraitOnlyInAutoMode() {
        assertThat(layout.appliesTo(720, 1280)).isTrue();
        assertThat(layout.appliesTo(1280, 800)).isFalse();
    }

    @Test
    void statusBarElementsLeftOut() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            DetectedElement clock = element(ElementType.TEXT, new BoundingBox(640, 12, 60, 24));
            DetectedElement title = element(ElementType.TEXT, new BoundingBox(90, 88, 200, 32));

            assertThat(screen.reachable(List.of(clock, title))).containsExactly(title);
        }
    }

    @Test
    void toolbarIconGrownToBarHeight() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            DetectedElement icon = element(ElementType.ICON, new BoundingBox(40, 88, 32, 32));

            BoundingBox target = screen.withTouchTargets(List.of(icon)).get(0).box();

            assertThat(target.y()).as("top at the toolbar's top").isBetween(46, 50);
            assertThat(target.height()).as("as high as the toolbar").isBetween(108, 116);
            assertThat(target.width()).as("square").isEqualTo(target.height());
            assertThat(target.containsCenterOf(icon.box())).isTrue();
        }
    }

    @Test
    void pageCheckboxGrownByTouchScale() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            DetectedElement checkbox = element(ElementType.CHECKBOX, new BoundingBox(100, 600, 40, 40));

            BoundingBox target = screen.withTouchTargets(List.of(checkbox)).get(0).box();

            assertThat(target.width()).isEqualTo(70);
            assertThat(target.height()).isEqualTo(70);
            assertThat(target.centerX()).isEqualTo(120.0);
        }
    }

    @Test
    void listOfAlikeLinesGivesRows() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            List<DetectedElement> elements = new ArrayList<>();
            for (int row = 0; row < 4; row++) {
                int top = 200 + row * 160;
                elements.add(element(ElementType.IMAGE, new BoundingBox(20, top, 120, 120)));
                elements.add(element(ElementType.TEXT, new BoundingBox(160, top + 44, 200, 32)));
                elements.add(element(ElementType.RADIO, new BoundingBox(640, top + 40, 40, 40)));
            }

            List<DetectedElement> rows = screen.withListRows(elements).stream()
                    .filter(e -> e.type() == ElementType.BUTTON)
                    .toList();

            assertThat(rows).hasSize(4);
            assertThat(rows).allMatch(row -> row.box().x() == 0 && row.box().width() == 720, "full width");
            assertThat(rows.get(1).box().y()).as("gaps split evenly").isEqualTo(340);
            assertThat(rows.get(1).box().height()).isEqualTo(160);
        }
    }

    @Test
    void rowMissingThumbnailGetsOne() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            List<DetectedElement> elements = new ArrayList<>();
            for (int row = 0; row < 4; row++) {
                int top = 200 + row * 160;
                if (row < 3) {
                    elements.add(element(ElementType.IMAGE, new BoundingBox(20, top, 120, 120)));
                } else {
                    // A light thumbnail on the light page: only a mark in its middle was found.
                    elements.add(element(ElementType.ICON, new BoundingBox(70, top + 50, 20, 20)));
                }
                elements.add(element(ElementType.TEXT, new BoundingBox(160, top + 44, 200, 32)));
                elements.add(element(ElementType.RADIO, new BoundingBox(640, top + 40, 40, 40)));
            }

            List<DetectedElement> result = screen.withListRows(elements);

            assertThat(result.stream().filter(e -> e.type() == ElementType.BUTTON)).as("rows").hasSize(4);
            BoundingBox thumbnail = new BoundingBox(20, 680, 120, 120);
            assertThat(result).as("the last row's thumbnail among %s", result)
                    .anyMatch(e -> e.type() == ElementType.IMAGE && e.box().iou(thumbnail) >= 0.9);
            assertThat(result).as("the mark inside it").noneMatch(e -> e.type() == ElementType.ICON);
            assertThat(result).as("the last row's title widened to the radio button")
                    .anyMatch(e -> e.type() == ElementType.TEXT && e.box().y() == 724 && e.box().right() > 560);
        }
    }

    @Test
    void loneLetterInToolbarIsIcon() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchTextRules rules = layout.measure(image).textRules();
            DetectedElement glyph = element(ElementType.TEXT, new BoundingBox(640, 84, 40, 40)).withLabel("a");
            DetectedElement title = element(ElementType.TEXT, new BoundingBox(90, 88, 200, 32)).withLabel("Album");

            List<DetectedElement> found = rules.barButtons(List.of(glyph, title));

            assertThat(found).hasSize(1);
            assertThat(found.get(0).type()).isEqualTo(ElementType.ICON);
            assertThat(found.get(0).label()).isNull();
            assertThat(found.get(0).box().height()).as("as high as the toolbar").isBetween(108, 116);
            assertThat(found.get(0).box().containsCenterOf(glyph.box())).isTrue();
        }
    }

    @Test
    void overlappingBarTargetsJoin() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            List<DetectedElement> icons = screen.withTouchTargets(List.of(
                    element(ElementType.ICON, new BoundingBox(40, 88, 32, 32)).withLabel(null),
                    element(ElementType.ICON, new BoundingBox(560, 88, 32, 32)).withLabel(null),
                    element(ElementType.ICON, new BoundingBox(630, 88, 32, 32)).withLabel("(1)")));

            List<DetectedElement> joined = screen.withJoinedBarTargets(icons);

            assertThat(joined).hasSize(2);
            DetectedElement button = joined.stream().filter(e -> e.box().x() > 100).findFirst().orElseThrow();
            assertThat(button.type()).isEqualTo(ElementType.BUTTON);
            assertThat(button.label()).isEqualTo("(1)");
            assertThat(button.box()).isEqualTo(icons.get(1).box().union(icons.get(2).box()));
        }
    }

    @Test
    void loneLetterOnPageStaysText() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchTextRules rules = layout.measure(image).textRules();
            DetectedElement letter = element(ElementType.TEXT, new BoundingBox(300, 600, 40, 40)).withLabel("a");

            assertThat(rules.barButtons(List.of(letter))).isEmpty();
        }
    }

    @Test
    void centredLinesFormOneParagraph() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            TouchTextRules rules = layout.measure(image).textRules();
            DetectedElement first = element(ElementType.TEXT, new BoundingBox(60, 600, 600, 40)).withLabel("Tap");
            DetectedElement second = element(ElementType.TEXT, new BoundingBox(210, 650, 300, 40)).withLabel("here");

            List<DetectedElement> paragraphs = rules.withParagraphs(List.of(first, second));

            assertThat(paragraphs).hasSize(1);
            assertThat(paragraphs.get(0).label()).isEqualTo("Tap here");
        }
    }

    @Test
    void floatingDialogKeepsOnlyItsElements() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = dialogScreen()) {
            TouchLayout.Screen screen = layout.measure(image);
            DetectedElement ok = element(ElementType.TEXT, new BoundingBox(500, 760, 60, 30));
            DetectedElement behind = element(ElementType.ICON, new BoundingBox(40, 88, 32, 32));

            assertThat(screen.reachable(List.of(ok, behind))).containsExactly(ok);
        }
    }

    @Test
    void pageWithoutScrimHasNoDialog() {
        try (PointerScope scope = new PointerScope(); DecodedImage image = phoneScreen()) {
            assertThat(ScrimFinder.floatingDialog(ScrimFinder.value(image.bgr()))).isNull();
        }
    }

    private static DecodedImage phoneScreen() {
        Mat bgr = new Mat(1280, 720, CV_8UC3, WHITE);
        fill(bgr, 0, 0, 720, 48, STATUS_BAR);
        fill(bgr, 0, 48, 720, 160, TOOLBAR);
        return DecodedImage.of(bgr);
    }

    private static DecodedImage dialogScreen() {
        Mat bgr = new Mat(1280, 720, CV_8UC3, DIMMED);
        fill(bgr, 80, 400, 640, 820, WHITE);
        return DecodedImage.of(bgr);
    }

    private static void fill(Mat bgr, int left, int top, int right, int bottom, Scalar colour) {
        rectangle(bgr, new Point(left, top), new Point(right - 1, bottom - 1), colour, FILLED, 8, 0);
    }

    private static Mat gray(DecodedImage image) {
        Mat gray = new Mat();
        cvtColor(image.bgr(), gray, COLOR_BGR2GRAY);
        return gray;
    }

    private static DetectedElement element(ElementType type, BoundingBox box) {
        return new DetectedElement(type, "label", box, 0.5, ElementSource.CV, true);
    }

    private static VlmConfig config() {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(VlmConfig.class).build()
                .getConfigMapping(VlmConfig.class);
    }
}
