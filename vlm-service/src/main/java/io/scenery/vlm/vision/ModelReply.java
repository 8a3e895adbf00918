package io.scenery.vlm.vision;

/**
 * The text of a vision model reply, with the tokens it reported and the HTTP attempts the reply took.
 */
public record ModelReply(String text, long inputTokens, long outputTokens, int attempts) {
}
