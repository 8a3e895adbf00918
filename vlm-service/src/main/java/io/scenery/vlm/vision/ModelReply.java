package io.scenery.vlm.vision;

/**
 * The text a vision model answered, with the tokens it reported and the HTTP attempts the answer took.
 */
public record ModelReply(String text, long inputTokens, long outputTokens, int attempts) {
}
