package io.scenery.vlm.detection;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the text lines of a desktop screen that are links: short lines whose glyphs are blue or violet while the
 * page's body text is gray, as browsers and most toolkits draw links. A line is measured on its glyph pixels only,
 * those far from the line's most common gray, its background.
 */
final class LinkText {

    /** Gray difference, on the 0-255 scale, from the line's background at which a pixel belongs to a glyph. */
    private static final int MIN_GLYPH_CONTRAST = 50;

    /** Mean lead of the blue channel over red and green, on the 0-255 scale, from which glyphs are link blue. */
    private static final double MIN_BLUE_LEAD = 30.0;

    /** Most words of a link; longer blue lines are headings or notices. */
    private static final int MAX_WORDS = 6;

    /** Tallest link line against the median height of the page's text lines; taller blue lines are headings. */
    private static final double MAX_HEIGHT_RATIO = 1.3;

    /** Widest gap, in line heights, to a line that counts as next to another on its row. */
    private static final int ROW_GAP_HEIGHTS = 5;

    /** Minimum number of glyph pixels for a line's colour to count. */
    private static final int MIN_GLYPH_PIXELS = 20;

    /** Confidence of a link, found by the colour of its text. */
    private static final double CONFIDENCE = 0.6;

    private LinkText() {
    }

    /**
     * Returns a link element for each text line that is drawn in link blue on the page's own fill, no taller than
     * body text. A line on a fill of its own is a badge or a button, and a tall one a heading.
     */
    static List<DetectedElement> find(Mat bgr, Mat gray, List<DetectedElement> texts) {
        List<DetectedElement> links = new ArrayList<>();
        int[] heights = texts.stream().mapToInt(text -> text.box().height()).sorted().toArray();
        if (heights.length == 0) {
            return links;
        }
        double maxHeight = MAX_HEIGHT_RATIO * heights[heights.length / 2];
        try (UByteIndexer colour = bgr.createIndexer(); UByteIndexer shade = gray.createIndexer()) {
            for (DetectedElement text : texts) {
                BoundingBox box = text.box();
                if (text.label() == null || text.label().split("\\s+").length > MAX_WORDS
                        || rowHeight(text, texts) > maxHeight) {
                    continue;
                }
                BoundingBox around = new BoundingBox(box.x() - box.height(), box.y() - box.height(),
                        box.width() + 2 * box.height(), 3 * box.height());
                int background = RegionMeasures.modeWithin(gray, box);
                int surroundings = RegionMeasures.modeWithin(gray, around);
                if (Math.abs(surroundings - background) > RegionMeasures.PLAIN_TOLERANCE) {
                    continue;
                }
                if (blueLead(colour, shade, box, background) >= MIN_BLUE_LEAD) {
                    links.add(new DetectedElement(ElementType.LINK, text.label(), text.box(), CONFIDENCE,
                            ElementSource.OCR, true));
                }
            }
        }
        return links;
    }

    /**
     * Returns the height of the line's row: the tallest of the line and the lines next to it on its row. OCR can
     * split a heading and drop a word in between, and a part without descenders is as low as body text.
     */
    private static int rowHeight(DetectedElement line, List<DetectedElement> texts) {
        BoundingBox box = line.box();
        int height = box.height();
        for (DetectedElement other : texts) {
            BoundingBox next = other.box();
            boolean sameRow = next.centerY() >= box.y() && next.centerY() < box.bottom();
            int gap = Math.max(next.x() - box.right(), box.x() - next.right());
            if (sameRow && gap <= ROW_GAP_HEIGHTS * box.height()) {
                height = Math.max(height, next.height());
            }
        }
        return height;
    }

    /**
     * Returns the mean of blue minus the larger of red and green over the glyph pixels in the box, those far from
     * its background gray, or 0 when there are too few of them.
     */
    private static double blueLead(UByteIndexer colour, UByteIndexer shade, BoundingBox box, int background) {
        int right = (int) Math.min(box.right(), shade.size(1));
        int bottom = (int) Math.min(box.bottom(), shade.size(0));
        long lead = 0;
        int glyphPixels = 0;
        for (int y = Math.max(0, box.y()); y < bottom; y++) {
            for (int x = Math.max(0, box.x()); x < right; x++) {
                if (Math.abs(shade.get(y, x) - background) < MIN_GLYPH_CONTRAST) {
                    continue;
                }
                int blue = colour.get(y, x, 0);
                int green = colour.get(y, x, 1);
                int red = colour.get(y, x, 2);
                lead += blue - Math.max(red, green);
                glyphPixels++;
            }
        }
        return glyphPixels < MIN_GLYPH_PIXELS ? 0 : (double) lead / glyphPixels;
    }
}
