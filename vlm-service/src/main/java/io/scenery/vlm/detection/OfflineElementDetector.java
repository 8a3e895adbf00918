package io.scenery.vlm.detection;

import io.scenery.events.DetectType;
import io.scenery.vlm.config.OcrLevel;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * Detects elements without any network call: OpenCV regions typed by shape for controls, Tesseract for text and
 * for the labels of controls. The mouse pointer that recordings capture is left out. On desktop screens, bars along
 * the top or bottom edge are read item by item ({@link DesktopPanel}) and {@link DesktopLayout} applies the rules
 * for modal dialogs, toggles and links. When OCR is disabled, text elements are the text-shaped regions, without
 * labels. On touch screens, {@link TouchLayout} then turns drawn boxes into touch targets and adds list rows.
 */
// Typed to its class only, so that ElementDetector injection points get the detector that DetectorSelection picks.
@ApplicationScoped
@Typed(OfflineElementDetector.class)
public class OfflineElementDetector implements ElementDetector {

    private static final Comparator<DetectedElement> READING_ORDER =
            Comparator.comparingInt((DetectedElement e) -> e.box().y()).thenComparingInt(e -> e.box().x());

    private final RegionFinder regionFinder;
    private final ControlClassifier classifier;
    private final BoxMerger merger;
    private final TextRecognizer textRecognizer;
    private final ControlLabeler labeler;
    private final TouchLayout touchLayout;
    private final OcrLevel textLevel;
    private final double maxControlHeightFraction;
    private final double minBoxSideFraction;
    private final double panelMaxHeightFraction;
    private final double minSurroundPlainShare;
    private final RegionMeasures measures = new RegionMeasures();

    /**
     * Share (0 to 1) of a word's neighbourhood, the word grown by its height, that must be one fill for the word
     * to count as on a plain fill although a frame runs just above or below it.
     */
    private static final double MIN_WORD_SURROUND_SHARE = 0.6;

    /** Smallest ratio of a scroll bar's length to its width. */
    private static final int MIN_SCROLL_BAR_ASPECT = 8;

    /** Controls inside a framed panel from which it is a card or form, not a picture. */
    private static final int MIN_FORM_CONTROLS = 2;

    /** Overlap (intersection over union) from which a text-shaped region is taken for the same word. */
    private static final double SAME_WORD_OVERLAP = 0.5;

    public OfflineElementDetector(RegionFinder regionFinder, ControlClassifier classifier, BoxMerger merger,
                                  TextRecognizer textRecognizer, ControlLabeler labeler, TouchLayout touchLayout,
                                  VlmConfig config) {
        this.regionFinder = regionFinder;
        this.classifier = classifier;
        this.merger = merger;
        this.textRecognizer = textRecognizer;
        this.labeler = labeler;
        this.touchLayout = touchLayout;
        this.textLevel = config.ocr().level();
        this.maxControlHeightFraction = config.detector().maxControlHeightFraction();
        this.minBoxSideFraction = config.detector().minBoxSideFraction();
        this.panelMaxHeightFraction = config.detector().panelMaxHeightFraction();
        this.minSurroundPlainShare = config.detector().minSurroundPlainShare();
    }

    @Override
    public List<DetectedElement> detect(DecodedImage image, DetectType detectType) {
        try (PointerScope scope = new PointerScope()) {
            Mat gray = new Mat();
            cvtColor(image.bgr(), gray, COLOR_BGR2GRAY);

            List<DetectedElement> shapes = new ArrayList<>();
            for (Region region : regionFinder.find(gray)) {
                shapes.add(classifier.classify(region, image.width(), image.height()));
            }
            shapes = withoutFormPanels(merger.merge(shapes));
            long minPictureSide = Math.round(minBoxSideFraction * Math.min(image.width(), image.height()));
            shapes.removeIf(shape -> shape.type() == ElementType.IMAGE
                    && (Math.min(shape.box().width(), shape.box().height()) < minPictureSide
                    || isScrollBar(shape.box(), image.width(), minPictureSide)));
            shapes.removeIf(shape -> shape.type() != ElementType.TEXT && PointerShape.matches(gray, shape.box()));

            boolean touch = touchLayout.appliesTo(image.width(), image.height());
            List<DesktopPanel> panels = touch ? List.of()
                    : DesktopPanel.find(BarBoundaries.find(image.bgr()), image.height(), panelMaxHeightFraction);
            List<List<DetectedElement>> panelItems = new ArrayList<>();

            List<RecognizedText> words = List.of();
            List<RecognizedText> lines = List.of();
            List<DetectedElement> labelled = shapes;
            Optional<OcrSession> session = textRecognizer.open(gray);
            if (session.isPresent()) {
                try (OcrSession ocr = session.get()) {
                    words = onPlainFill(gray, labeler.withoutFrames(grownToShapes(ocr.readWords(), shapes), shapes));
                    words = UnreadText.reread(gray, shapes, words, ocr, measures);
                    lines = TextLines.group(words);
                    labelled = labeler.label(shapes, words, ocr);
                    panels.forEach(panel -> panelItems.add(panel.items(gray, ocr)));
                }
            } else {
                panels.forEach(panel -> panelItems.add(panel.items(gray, null)));
            }

            List<DetectedElement> controls = labelled.stream().filter(e -> e.type() != ElementType.TEXT).toList();
            List<DetectedElement> texts = session.isPresent()
                    ? textElements(textLevel == OcrLevel.WORD ? words : lines)
                    : labelled.stream().filter(e -> e.type() == ElementType.TEXT).toList();

            TouchLayout.Screen screen = touch ? touchLayout.measure(image) : null;
            if (screen != null) {
                TouchTextRules textRules = screen.textRules();
                texts = new ArrayList<>(screen.reachable(texts));
                List<DetectedElement> barButtons = textRules.barButtons(texts);
                texts.removeIf(text -> barButtons.stream().anyMatch(b -> b.box().containsCenterOf(text.box())));
                List<DetectedElement> reachable = screen.reachable(withoutPhotoMarks(gray, controls));
                reachable = BadgeGrid.withTiles(reachable, image.width(), image.height());
                controls = new ArrayList<>(screen.withTouchTargets(reachable));
                controls.removeIf(c -> barButtons.stream().anyMatch(b -> b.box().contains(c.box(), 0)));
                controls.addAll(barButtons);
                controls = screen.withJoinedBarTargets(controls);
                controls = textRules.withToggleLabels(controls, texts);
                texts = textRules.withLineHeights(textRules.withParagraphs(texts));
            } else {
                DesktopLayout.Elements desktop = DesktopLayout.apply(image.bgr(), gray, panels, panelItems, controls,
                        texts, session.isPresent());
                controls = desktop.controls();
                texts = desktop.texts();
            }

            List<DetectedElement> result = new ArrayList<>();
            switch (detectType) {
                case CONTROL -> result.addAll(controls);
                case TEXT -> result.addAll(texts);
                case ALL -> {
                    result.addAll(controls);
                    result.addAll(outside(texts, controls));
                }
            }
            if (screen != null && detectType != DetectType.TEXT) {
                result = screen.withListRows(result);
            }
            result.sort(READING_ORDER);
            return result;
        }
    }

    /**
     * Returns whether a box is a scroll bar: a bar along the image's left or right side, no wider than twice the
     * thinnest picture and many times as long as it is wide.
     */
    private static boolean isScrollBar(BoundingBox box, int imageWidth, long minPictureSide) {
        boolean atSide = box.x() <= 1 || box.right() >= imageWidth - 1;
        return atSide && box.width() <= 2 * minPictureSide && box.height() >= MIN_SCROLL_BAR_ASPECT * box.width();
    }

    /**
     * Returns the shapes without the pictures that contain two or more controls: such a panel is a card or form
     * whose fill differs from the page, not a picture. A photo tile contains one selection badge at most.
     */
    private static List<DetectedElement> withoutFormPanels(List<DetectedElement> shapes) {
        List<DetectedElement> withoutForms = new ArrayList<>(shapes.size());
        for (DetectedElement shape : shapes) {
            long controlsInside = shape.type() != ElementType.IMAGE ? 0 : shapes.stream()
                    .filter(other -> other != shape && other.interactive() && shape.box().contains(other.box(), 0))
                    .count();
            if (controlsInside < MIN_FORM_CONTROLS) {
                withoutForms.add(shape);
            }
        }
        return withoutForms;
    }

    /**
     * Returns the words, each grown to the text-shaped region that overlaps it by half or more and reaches at most
     * one glyph beyond it. Tesseract's word boxes can stop a glyph short of the first letter, which the region
     * contains. A region that also contains the next word is not taken.
     */
    private static List<RecognizedText> grownToShapes(List<RecognizedText> words, List<DetectedElement> shapes) {
        List<RecognizedText> grown = new ArrayList<>(words.size());
        for (RecognizedText word : words) {
            BoundingBox box = word.box();
            for (DetectedElement shape : shapes) {
                if (shape.type() == ElementType.TEXT && shape.box().iou(word.box()) >= SAME_WORD_OVERLAP
                        && withinOneGlyph(shape.box(), word.box())) {
                    box = box.union(shape.box());
                }
            }
            grown.add(box.equals(word.box()) ? word
                    : new RecognizedText(word.text(), box, word.confidence(), word.line()));
        }
        return grown;
    }

    private static boolean withinOneGlyph(BoundingBox region, BoundingBox word) {
        int glyph = word.height();
        return word.x() - region.x() <= glyph && region.right() - word.right() <= glyph
                && word.y() - region.y() <= glyph / 2 && region.bottom() - word.bottom() <= glyph / 2;
    }

    /**
     * Returns the words on a plain fill; the others are shapes in a photo that Tesseract took for letters. A word
     * is on a plain fill when the strips just above and below it are even, or, where a frame or underline runs
     * through those strips, when most of its wider neighbourhood is one fill.
     */
    private List<RecognizedText> onPlainFill(Mat gray, List<RecognizedText> words) {
        return words.stream().filter(word -> isOnPlainFill(gray, word.box())).toList();
    }

    private boolean isOnPlainFill(Mat gray, BoundingBox word) {
        if (measures.lineBandDeviation(gray, word) <= RegionMeasures.MAX_PLAIN_RING_DEVIATION) {
            return true;
        }
        double share = measures.surroundPlainShare(gray, word, word.height(), RegionMeasures.PLAIN_TOLERANCE);
        return share >= MIN_WORD_SURROUND_SHARE;
    }

    /**
     * Drops the small unlabelled controls whose neighbourhood is not mostly one fill: marks in a photo that the
     * edge map closed into shapes, and marks cut by the screen's left or right side, parts of a picture that runs
     * off the screen. Check boxes are kept, because selection badges sit on photo tiles. It runs on
     * touch screens only, because desktop docks and tool bars put unlabelled icons on translucent or shaded panels.
     */
    private List<DetectedElement> withoutPhotoMarks(Mat gray, List<DetectedElement> shapes) {
        long smallSide = Math.round(maxControlHeightFraction * gray.rows());
        List<DetectedElement> controls = new ArrayList<>(shapes.size());
        for (DetectedElement shape : shapes) {
            int longSide = Math.max(shape.box().width(), shape.box().height());
            boolean candidate = shape.type() != ElementType.CHECKBOX && shape.label() == null
                    && longSide <= smallSide;
            if (!candidate) {
                controls.add(shape);
                continue;
            }
            boolean cutBySide = shape.box().x() <= 1 || shape.box().right() >= gray.cols() - 1;
            if (cutBySide) {
                continue;
            }
            double share = measures.surroundPlainShare(gray, shape.box(), longSide, RegionMeasures.PLAIN_TOLERANCE);
            if (share >= minSurroundPlainShare) {
                controls.add(shape);
            }
        }
        return controls;
    }

    private static List<DetectedElement> textElements(List<RecognizedText> texts) {
        List<DetectedElement> elements = new ArrayList<>(texts.size());
        for (RecognizedText text : texts) {
            elements.add(new DetectedElement(ElementType.TEXT, text.text(), text.box(), text.confidence(),
                    ElementSource.OCR, false));
        }
        return elements;
    }

    /** Returns the texts whose centre lies in no control, because text inside a control is its label already. */
    private static List<DetectedElement> outside(List<DetectedElement> texts, List<DetectedElement> controls) {
        List<DetectedElement> result = new ArrayList<>();
        for (DetectedElement text : texts) {
            boolean inControl = controls.stream().anyMatch(c -> c.box().containsCenterOf(text.box()));
            if (!inControl) {
                result.add(text);
            }
        }
        return result;
    }
}
