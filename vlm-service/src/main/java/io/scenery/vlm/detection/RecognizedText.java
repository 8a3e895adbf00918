package io.scenery.vlm.detection;

/**
 * A word or a line read by OCR.
 *
 * @param confidence Tesseract's confidence scaled to 0 to 1
 * @param line       number of the text line the word belongs to, counted from 0 in Tesseract's reading order
 */
public record RecognizedText(String text, BoundingBox box, double confidence, int line) {
}
