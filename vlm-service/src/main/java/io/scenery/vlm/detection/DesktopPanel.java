package io.scenery.vlm.detection;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar along the top or bottom edge of a desktop screen, set off by a full-width colour change: GNOME's top bar, a
 * Windows task bar, a macOS menu bar or a web page's header. Each item in it, a text or an icon, is a menu, link or
 * button. Its small text is read on its own, enlarged.
 *
 * <p>NOTE: a maximised window's title bar along the top edge is not told apart from a panel, so its title would be
 * reported as a button.
 */
final class DesktopPanel {

    /** Lowest panel, as a fraction of the image height, below which a colour change is a rule, not a panel edge. */
    private static final double MIN_HEIGHT_FRACTION = 0.015;

    /** Gray difference, on the 0-255 scale, from the band's most common gray at which a pixel is foreground. */
    private static final int MIN_FOREGROUND_DIFFERENCE = 48;

    /** Rows along the band's upper and lower edge that are not searched for items. */
    private static final int EDGE_ROWS = 1;

    /** Widest gap inside one item, as a share of the band height; wider gaps separate items. */
    private static final double JOIN_GAP_HEIGHT_SHARE = 0.35;

    /** Smallest item side in pixels; smaller runs are specks. */
    private static final int MIN_ITEM_SIDE = 4;

    /** Share of an item's width that a row at its bottom must cover to be an underline. */
    private static final double MIN_UNDERLINE_SHARE = 0.8;

    /** Pixels of band kept around an item's foreground when it is read. */
    private static final int READ_MARGIN = 3;

    /** Factor by which an item is enlarged before it is read. */
    private static final int READ_SCALE = 3;

    /** Letters or digits a reading must have to be a label; fewer are an icon read as a character. */
    private static final int MIN_LABEL_CHARACTERS = 2;

    /** Confidence of an icon, found by its foreground pixels alone. */
    private static final double ICON_CONFIDENCE = 0.5;

    private final int top;
    private final int bottom;

    private DesktopPanel(int top, int bottom) {
        this.top = top;
        this.bottom = bottom;
    }

    /**
     * Returns the panels at the image's top and bottom edges, found as the first boundary below the top edge and
     * the last above the bottom edge, when they lie within the maximum height.
     */
    static List<DesktopPanel> find(BarBoundaries boundaries, int imageHeight, double maxHeightFraction) {
        List<DesktopPanel> panels = new ArrayList<>(2);
        int min = (int) Math.ceil(MIN_HEIGHT_FRACTION * imageHeight);
        int max = (int) Math.floor(maxHeightFraction * imageHeight);
        List<Integer> rows = boundaries.rows();
        for (int row : rows) {
            if (row >= min) {
                if (row <= max) {
                    panels.add(new DesktopPanel(0, row));
                }
                break;
            }
        }
        for (int i = rows.size() - 1; i >= 0; i--) {
            int height = imageHeight - rows.get(i);
            if (height >= min) {
                if (height <= max) {
                    panels.add(new DesktopPanel(rows.get(i), imageHeight));
                }
                break;
            }
        }
        return panels;
    }

    int top() {
        return top;
    }

    int bottom() {
        return bottom;
    }

    /** Returns whether the centre of the box lies in the panel's band. */
    boolean containsCenterOf(BoundingBox box) {
        return box.centerY() >= top && box.centerY() < bottom;
    }

    /**
     * Returns the panel's items: a button labelled by its text, read enlarged, or an icon when nothing is read. An
     * item's box is its foreground padded by the band's space above and below it, up to half the foreground's
     * height. Items of a low panel are then about as high as the panel, and those of a tall header are not. An
     * item is a run of columns with foreground pixels, that is pixels far from the band's most common gray. Gaps
     * narrower than a fraction of the band height join glyphs and words into one item.
     */
    List<DetectedElement> items(Mat gray, OcrSession ocr) {
        int height = bottom - top;
        int width = gray.cols();
        int background = RegionMeasures.mode(RegionMeasures.histogram(gray, new BoundingBox(0, top, width, height)));
        int[][] foregroundRows = new int[width][];
        try (UByteIndexer pixels = gray.createIndexer()) {

            // The band's first and last rows are left out: they carry its border and the shadow below it.
            for (int x = 0; x < width; x++) {
                int first = -1;
                int last = -1;
                for (int y = top + EDGE_ROWS; y < bottom - EDGE_ROWS; y++) {
                    if (Math.abs(pixels.get(y, x) - background) >= MIN_FOREGROUND_DIFFERENCE) {
                        first = first < 0 ? y : first;
                        last = y;
                    }
                }
                foregroundRows[x] = first < 0 ? null : new int[] {first, last};
            }

            List<DetectedElement> items = new ArrayList<>();
            int joinGap = Math.max(2, (int) Math.round(JOIN_GAP_HEIGHT_SHARE * height));
            for (BoundingBox ink : inkRuns(foregroundRows, joinGap)) {
                if (ink.width() < MIN_ITEM_SIDE || ink.height() < MIN_ITEM_SIDE) {
                    continue;
                }
                items.add(item(ink, withoutUnderline(pixels, background, ink), background, ocr, width));
            }
            return items;
        }
    }

    /**
     * Returns the item's foreground without the rows at its bottom that are foreground across most of its width,
     * such as the underline of the current tab, which Tesseract reads as part of the letters.
     */
    private static BoundingBox withoutUnderline(UByteIndexer pixels, int background, BoundingBox ink) {
        int bottom = ink.bottom();
        while (bottom > ink.y() + ink.height() / 2) {
            int foreground = 0;
            for (int x = ink.x(); x < ink.right(); x++) {
                if (Math.abs(pixels.get(bottom - 1, x) - background) >= MIN_FOREGROUND_DIFFERENCE) {
                    foreground++;
                }
            }
            if (foreground < MIN_UNDERLINE_SHARE * ink.width()) {
                break;
            }
            bottom--;
        }
        return new BoundingBox(ink.x(), ink.y(), ink.width(), bottom - ink.y());
    }

    private DetectedElement item(BoundingBox ink, BoundingBox text, int background, OcrSession ocr,
                                 int imageWidth) {
        int padding = Math.max(0, Math.min((bottom - top - ink.height()) / 2, ink.height() / 2));
        int sidePadding = padding / 2;
        int left = Math.max(0, ink.x() - sidePadding);
        int right = Math.min(imageWidth, ink.right() + sidePadding);
        int upper = Math.max(top, ink.y() - padding);
        int lower = Math.min(bottom, ink.bottom() + padding);
        BoundingBox box = new BoundingBox(left, upper, right - left, lower - upper);

        RecognizedText reading = null;
        if (ocr != null) {
            BoundingBox margin = new BoundingBox(text.x() - READ_MARGIN, text.y() - READ_MARGIN,
                    text.width() + 2 * READ_MARGIN, text.height() + 2 * READ_MARGIN);
            reading = ocr.readEnlarged(margin, READ_SCALE, OcrSession.isDarkFill(background));
        }
        String label = reading == null ? null : ControlLabeler.withoutLeadingGlyph(reading.text());
        if (label == null || label.codePoints().filter(Character::isLetterOrDigit).count() < MIN_LABEL_CHARACTERS) {
            return new DetectedElement(ElementType.ICON, null, box, ICON_CONFIDENCE, ElementSource.CV, true);
        }
        return new DetectedElement(ElementType.BUTTON, label, box, reading.confidence(), ElementSource.OCR, true);
    }

    /** Returns the boxes of the column runs that have foreground, joined over gaps up to the given width. */
    private static List<BoundingBox> inkRuns(int[][] foregroundRows, int joinGap) {
        List<BoundingBox> runs = new ArrayList<>();
        int start = -1;
        int end = -1;
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int x = 0; x <= foregroundRows.length; x++) {
            int[] rows = x < foregroundRows.length ? foregroundRows[x] : null;
            if (rows == null) {
                boolean gapEnds = start >= 0 && (x == foregroundRows.length || x - end > joinGap);
                if (gapEnds) {
                    runs.add(new BoundingBox(start, first, end - start + 1, last - first + 1));
                    start = -1;
                    first = Integer.MAX_VALUE;
                    last = Integer.MIN_VALUE;
                }
                continue;
            }
            if (start < 0) {
                start = x;
            }
            end = x;
            first = Math.min(first, rows[0]);
            last = Math.max(last, rows[1]);
        }
        return runs;
    }
}
