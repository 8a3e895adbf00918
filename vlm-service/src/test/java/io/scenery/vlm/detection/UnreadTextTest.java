package io.scenery.vlm.detection;

import io.quarkus.runtime.configuration.DurationConverter;
import io.scenery.vlm.config.VlmConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Rereading of text that the page pass of OCR left unread, on a drawn 720x400 gray image: white words on a bar of
 * middle gray, as on an orange toolbar, over a white page.
 */
class UnreadTextTest {

    private static final double FONT_SCALE = 1.2;
    private static final int BASELINE = 104;
    private static final int WORD_GAP = 18;

    private final VlmConfig config = config();
    private final TextRecognizer recognizer = new TextRecognizer(config, new TesseractEngines(config));
    private final RegionMeasures measures = new RegionMeasures();

    @Test
    void unreadWordReadWithItsNeighbour() {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = new Mat();
            List<BoundingBox> parts = toolbar(gray);
            List<DetectedElement> shapes = List.of(textShape(parts.get(0)), textShape(parts.get(1)));
            List<RecognizedText> pagePass = List.of(new RecognizedText("9)", parts.get(2), 0.9, 0));

            List<RecognizedText> words;
            try (OcrSession ocr = recognizer.open(gray).orElseThrow()) {
                words = UnreadText.reread(gray, shapes, pagePass, ocr, measures);
            }

            assertThat(words).as("one line in place of the word read alone").hasSize(1);
            RecognizedText line = words.get(0);
            assertThat(line.text()).as("reading of the whole button").contains("FINISH").endsWith("9)");
            assertThat(parts).allMatch(part -> line.box().contains(part, 0), "the line covers every part");
            assertThat(line.line()).as("a text line of its own").isEqualTo(1);
        }
    }

    @Test
    void fragmentOfWordIsReadAgain() {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = new Mat();
            List<BoundingBox> parts = toolbar(gray);
            BoundingBox first = parts.get(0);
            BoundingBox fragment = new BoundingBox(first.x(), first.y(), first.width() / 3, first.height());
            List<RecognizedText> pagePass = List.of(new RecognizedText("FI", fragment, 0.9, 0));

            List<RecognizedText> words;
            try (OcrSession ocr = recognizer.open(gray).orElseThrow()) {
                words = UnreadText.reread(gray, List.of(textShape(first)), pagePass, ocr, measures);
            }

            assertThat(words).as("the fragment replaced by a reading of the word").hasSize(1);
            assertThat(words.get(0).text()).startsWith("FINISH");
        }
    }

    @Test
    void readRegionsLeftAlone() {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = new Mat();
            List<BoundingBox> parts = toolbar(gray);
            List<DetectedElement> shapes = List.of(textShape(parts.get(0)));
            List<RecognizedText> pagePass = List.of(new RecognizedText("FINISH(0", parts.get(0), 0.9, 0),
                    new RecognizedText("9)", parts.get(2), 0.9, 0));

            List<RecognizedText> words;
            try (OcrSession ocr = recognizer.open(gray).orElseThrow()) {
                words = UnreadText.reread(gray, shapes, pagePass, ocr, measures);
            }

            assertThat(words).isEqualTo(pagePass);
        }
    }

    /** Draws the toolbar into gray and returns the boxes of the three parts of its button's text. */
    private static List<BoundingBox> toolbar(Mat gray) {
        new Mat(400, 720, CV_8UC1, new Scalar(250)).copyTo(gray);
        rectangle(gray, new Point(0, 40), new Point(719, 139), new Scalar(120), FILLED, 8, 0);
        List<BoundingBox> parts = new ArrayList<>();
        int x = 300;
        for (String part : List.of("FINISH(0", "/", "9)")) {
            int[] baseline = new int[1];
            Size size = getTextSize(part, FONT_HERSHEY_SIMPLEX, FONT_SCALE, 2, baseline);
            putText(gray, part, new Point(x, BASELINE), FONT_HERSHEY_SIMPLEX, FONT_SCALE, new Scalar(255), 2,
                    LINE_AA, false);
            parts.add(new BoundingBox(x, BASELINE - size.height(), size.width(), size.height() + baseline[0]));
            x += size.width() + WORD_GAP;
        }
        return parts;
    }

    private static DetectedElement textShape(BoundingBox box) {
        return new DetectedElement(ElementType.TEXT, null, box, 0.4, ElementSource.CV, false);
    }

    private static VlmConfig config() {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(VlmConfig.class).build()
                .getConfigMapping(VlmConfig.class);
    }
}
