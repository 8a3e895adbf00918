package io.scenery.vlm.detection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups OCR words into lines. */
final class TextLines {

    private TextLines() {
    }

    /**
     * Returns one entry per line number that has words: their texts joined by single spaces, the union of their
     * boxes and the mean of their confidences. Lines keep the order of their first word.
     */
    static List<RecognizedText> group(List<RecognizedText> words) {
        Map<Integer, List<RecognizedText>> byLine = new LinkedHashMap<>();
        for (RecognizedText word : words) {
            byLine.computeIfAbsent(word.line(), line -> new ArrayList<>()).add(word);
        }

        List<RecognizedText> lines = new ArrayList<>(byLine.size());
        for (Map.Entry<Integer, List<RecognizedText>> entry : byLine.entrySet()) {
            List<RecognizedText> lineWords = entry.getValue();
            BoundingBox box = lineWords.get(0).box();
            double confidenceSum = 0;
            for (RecognizedText word : lineWords) {
                box = box.union(word.box());
                confidenceSum += word.confidence();
            }
            lines.add(new RecognizedText(join(lineWords), box, confidenceSum / lineWords.size(), entry.getKey()));
        }
        return lines;
    }

    /** Joins the words' texts in their order with single spaces. */
    static String join(List<RecognizedText> words) {
        StringBuilder text = new StringBuilder();
        for (RecognizedText word : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(word.text());
        }
        return text.toString();
    }
}
