package io.scenery.vlm.detection;

import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Second OCR reading of the text-shaped regions that the page pass left unread or read in part. Tesseract's page
 * pass can skip a word of light text on a coloured bar while it reads the next word: "FINISH(0 / 9)" came back as
 * "9)". It can also cut dim text on a dark panel into fragments, "Cod" for "Codeblock". A region counts as unread
 * when words cover less than 60% of its width. It is joined with the unread regions and words level with it and
 * less than a line height away, and the joined line is read alone, enlarged, inverted when its fill is dark. The
 * reading replaces the words it covers.
 */
final class UnreadText {

    /** Factor by which a line is enlarged before it is read. */
    private static final int READ_SCALE = 2;

    /** Largest ratio of the heights of two parts of one line. */
    private static final double MAX_HEIGHT_RATIO = 1.6;

    /** Pixels around a line that are read with it, so that glyphs cut by the region's box are whole. */
    private static final int READ_MARGIN = 4;

    /** Share of a text region's width that words must cover for the region to count as read. */
    private static final double MIN_READ_SHARE = 0.6;

    /** Smallest number of letters or digits in a reading that replaces words. */
    private static final int MIN_CHARACTERS = 2;

    private UnreadText() {
    }

    /**
     * Returns the words with each unread line read again. Only regions on a plain fill are read, because text-shaped
     * regions in a photo are marks of the photo.
     *
     * @param shapes the regions found by OpenCV; those of type text are candidates
     */
    static List<RecognizedText> reread(Mat gray, List<DetectedElement> shapes, List<RecognizedText> words,
                                       OcrSession ocr, RegionMeasures measures) {
        List<BoundingBox> unread = shapes.stream()
                .filter(shape -> shape.type() == ElementType.TEXT)
                .map(DetectedElement::box)
                .filter(box -> readShare(box, words) < MIN_READ_SHARE)
                .filter(box -> measures.lineBandDeviation(gray, box) <= RegionMeasures.MAX_PLAIN_RING_DEVIATION)
                .sorted(Comparator.comparingInt(BoundingBox::x))
                .toList();
        List<RecognizedText> result = new ArrayList<>(words);
        // Each reading is a text line of its own, numbered after the page pass's lines.
        int nextLine = words.stream().mapToInt(RecognizedText::line).max().orElse(-1) + 1;
        List<BoundingBox> done = new ArrayList<>();
        for (BoundingBox start : unread) {
            if (done.stream().anyMatch(line -> line.contains(start, 0))) {
                continue;
            }
            List<RecognizedText> joinedWords = new ArrayList<>();
            BoundingBox line = joined(start, unread, result, joinedWords);
            done.add(line);

            BoundingBox margin = new BoundingBox(line.x() - READ_MARGIN, line.y() - READ_MARGIN,
                    line.width() + 2 * READ_MARGIN, line.height() + 2 * READ_MARGIN);
            int fill = RegionMeasures.modeWithin(gray, margin);
            RecognizedText reading = ocr.readEnlarged(margin, READ_SCALE, OcrSession.isDarkFill(fill));
            if (reading == null || reading.text().codePoints().filter(Character::isLetterOrDigit).count()
                    < MIN_CHARACTERS) {
                continue;
            }
            result.removeAll(joinedWords);
            result.add(new RecognizedText(reading.text(), line, reading.confidence(), nextLine++));
        }
        return result;
    }

    /**
     * Returns the box of the line that grows from the start region over the unread regions and words whose middle
     * lies level with the start region and that lie closer than its height, and collects the words taken in.
     */
    private static BoundingBox joined(BoundingBox start, List<BoundingBox> unread, List<RecognizedText> words,
                                      List<RecognizedText> joinedWords) {
        BoundingBox line = start;
        boolean grew = true;
        while (grew) {
            grew = false;
            for (BoundingBox region : unread) {
                if (!line.contains(region, 0) && continuesLine(line, start, region)) {
                    line = line.union(region);
                    grew = true;
                }
            }
            for (RecognizedText word : words) {
                if (!joinedWords.contains(word) && continuesLine(line, start, word.box())) {
                    joinedWords.add(word);
                    line = line.union(word.box());
                    grew = true;
                }
            }
        }
        return line;
    }

    /** Returns the share of the region's width that the words overlapping it cover. */
    private static double readShare(BoundingBox region, List<RecognizedText> words) {
        long covered = 0;
        for (RecognizedText word : words) {
            if (word.box().intersectionArea(region) > 0) {
                covered += Math.min(word.box().right(), region.right()) - Math.max(word.box().x(), region.x());
            }
        }
        return (double) covered / Math.max(1, region.width());
    }

    private static boolean continuesLine(BoundingBox line, BoundingBox start, BoundingBox part) {
        int height = start.height();
        double ratio = (double) Math.max(height, part.height()) / Math.max(1, Math.min(height, part.height()));
        boolean level = part.centerY() >= start.y() && part.centerY() <= start.bottom();
        int gap = Math.max(part.x() - line.right(), line.x() - part.right());
        return level && ratio <= MAX_HEIGHT_RATIO && gap <= height;
    }
}
