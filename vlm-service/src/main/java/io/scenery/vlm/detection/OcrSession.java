package io.scenery.vlm.detection;

import io.scenery.vlm.config.VlmConfig;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.tesseract.ResultIterator;
import org.bytedeco.tesseract.TessBaseAPI;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.bitwise_not;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.tesseract.global.tesseract.PSM_SINGLE_LINE;
import static org.bytedeco.tesseract.global.tesseract.PSM_SPARSE_TEXT;
import static org.bytedeco.tesseract.global.tesseract.RIL_TEXTLINE;
import static org.bytedeco.tesseract.global.tesseract.RIL_WORD;
import static org.bytedeco.tesseract.global.tesseract.TessDeleteText;
import static org.bytedeco.tesseract.global.tesseract.TessResultIteratorDelete;

/**
 * OCR of one gray image with one borrowed Tesseract engine: the whole page first, then single regions on request.
 * Not thread-safe. Closing returns the engine; the image must stay valid until then.
 */
public final class OcrSession implements AutoCloseable {

    /** Gray level (0 to 255) of a fill below which the text on it is light on dark and is read inverted. */
    private static final int DARK_FILL = 128;

    /** Values of Tesseract's {@code thresholding_method} variable (Tesseract 5.x). */
    private static final String OTSU = "0";
    private static final String SAUVOLA = "2";

    private final TessBaseAPI engine;
    private final TesseractEngines engines;
    private final VlmConfig.Ocr config;
    private final Mat gray;
    private final int imageWidth;
    private final int imageHeight;

    OcrSession(TessBaseAPI engine, TesseractEngines engines, VlmConfig.Ocr config, Mat gray) {
        this.engine = engine;
        this.engines = engines;
        this.config = config;
        this.gray = gray;
        this.imageWidth = gray.cols();
        this.imageHeight = gray.rows();
        engine.SetImage(gray.data(), imageWidth, imageHeight, 1, (int) gray.step());
    }

    /**
     * Reads the words of the whole image, each with its line number, in sparse-text mode, which finds scattered
     * labels in any order and suits screens better than page layout analysis. The first pass binarises with
     * Otsu's global threshold. When configured, a second pass reads the inverted image with Sauvola's local
     * threshold and adds the words that the first pass did not find, mostly light text on dark or coloured bars,
     * which a global threshold merges into the bar.
     *
     * @throws OcrException when Tesseract fails on the image
     */
    public List<RecognizedText> readWords() {
        List<RecognizedText> words = new ArrayList<>(readPage(0, OTSU));
        if (!config.readInverted()) {
            return words;
        }

        int nextLine = words.stream().mapToInt(RecognizedText::line).max().orElse(-1) + 1;
        Mat inverted = new Mat();
        try {
            bitwise_not(gray, inverted);
            engine.SetImage(inverted.data(), imageWidth, imageHeight, 1, (int) inverted.step());
            for (RecognizedText word : readPage(nextLine, SAUVOLA)) {
                if (words.stream().noneMatch(known -> known.box().intersectionArea(word.box()) > 0)) {
                    words.add(word);
                }
            }
        } finally {
            // Back to the original image before the inverted one is freed, for the single-region rereads.
            engine.SetImage(gray.data(), imageWidth, imageHeight, 1, (int) gray.step());
            inverted.close();
        }
        return words;
    }

    private List<RecognizedText> readPage(int firstLine, String thresholdingMethod) {
        engine.SetVariable("thresholding_method", thresholdingMethod);
        engine.SetPageSegMode(PSM_SPARSE_TEXT);
        engine.SetRectangle(0, 0, imageWidth, imageHeight);
        if (engine.Recognize(null) != 0) {
            throw new OcrException("Tesseract failed to recognise a " + imageWidth + "x" + imageHeight + " image");
        }
        ResultIterator iterator = engine.GetIterator();
        if (iterator == null || iterator.isNull()) {
            return List.of();
        }
        try {
            return collectWords(iterator, firstLine);
        } finally {
            TessResultIteratorDelete(iterator);
        }
    }

    /**
     * Reads one line of text in a region, for example a button that the page pass missed because its text is
     * light on a dark fill. Returns null when nothing is read with enough confidence.
     */
    public RecognizedText readLine(BoundingBox region) {
        engine.SetVariable("thresholding_method", OTSU);
        engine.SetPageSegMode(PSM_SINGLE_LINE);
        engine.SetRectangle(region.x(), region.y(), region.width(), region.height());
        BytePointer utf8 = engine.GetUTF8Text();
        if (utf8 == null || utf8.isNull()) {
            return null;
        }
        String text;
        try {
            text = utf8.getString(StandardCharsets.UTF_8).strip();
        } finally {
            TessDeleteText(utf8);
        }
        int confidence = engine.MeanTextConf();
        if (!isReadable(text) || confidence < config.minConfidence()) {
            return null;
        }
        return new RecognizedText(text, region, confidence / 100.0, 0);
    }

    /**
     * Reads one line of small text in a region, cut out and enlarged by the scale factor first, because Tesseract
     * reads glyphs under about 20 pixels high poorly. Light text on a dark fill is inverted, so that the text is
     * dark on light. Returns null when nothing is read with enough confidence.
     */
    public RecognizedText readEnlarged(BoundingBox region, int scale, boolean lightOnDark) {
        BoundingBox clipped = region.clippedTo(imageWidth, imageHeight);
        if (clipped.width() < 2 || clipped.height() < 2) {
            return null;
        }
        try (Mat crop = new Mat(gray, new Rect(clipped.x(), clipped.y(), clipped.width(), clipped.height()));
             Mat enlarged = new Mat()) {
            resize(crop, enlarged, new Size(clipped.width() * scale, clipped.height() * scale), 0, 0, INTER_CUBIC);
            if (lightOnDark) {
                bitwise_not(enlarged, enlarged);
            }
            engine.SetImage(enlarged.data(), enlarged.cols(), enlarged.rows(), 1, (int) enlarged.step());
            try {
                RecognizedText line = readLine(new BoundingBox(0, 0, enlarged.cols(), enlarged.rows()));
                return line == null ? null : new RecognizedText(line.text(), clipped, line.confidence(), 0);
            } finally {
                engine.SetImage(gray.data(), imageWidth, imageHeight, 1, (int) gray.step());
            }
        }
    }

    /** Returns whether text on a fill of this gray level (0 to 255) is light on dark, to be read inverted. */
    static boolean isDarkFill(int fillGray) {
        return fillGray < DARK_FILL;
    }

    @Override
    public void close() {
        engines.release(engine);
    }

    private List<RecognizedText> collectWords(ResultIterator iterator, int firstLine) {
        List<RecognizedText> words = new ArrayList<>();
        int line = firstLine - 1;
        try (IntPointer left = new IntPointer(1);
             IntPointer top = new IntPointer(1);
             IntPointer right = new IntPointer(1);
             IntPointer bottom = new IntPointer(1)) {
            do {
                if (iterator.IsAtBeginningOf(RIL_TEXTLINE)) {
                    line++;
                }
                BytePointer utf8 = iterator.GetUTF8Text(RIL_WORD);
                if (utf8 == null || utf8.isNull()) {
                    continue;
                }
                String text;
                try {
                    text = utf8.getString(StandardCharsets.UTF_8).strip();
                } finally {
                    TessDeleteText(utf8);
                }
                float confidence = iterator.Confidence(RIL_WORD);
                if (!isReadable(text) || confidence < config.minConfidence()
                        || !iterator.BoundingBox(RIL_WORD, left, top, right, bottom)) {
                    continue;
                }
                BoundingBox box = new BoundingBox(left.get(), top.get(), right.get() - left.get(),
                        bottom.get() - top.get());
                words.add(new RecognizedText(text, box, confidence / 100.0, Math.max(firstLine, line)));
            } while (iterator.Next(RIL_WORD));
        }
        return words;
    }

    /** Returns whether the text has a letter or digit; lone strokes such as "|" are usually frames or cursors. */
    private static boolean isReadable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
