package io.scenery.vlm.vision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds the JSON in a model's reply. It survives code fences, prose before and after the JSON, and output cut off
 * mid-way: a truncated reply is cut back to its last complete object and its open brackets are closed.
 */
public final class ReplyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReplyJson() {
    }

    /**
     * Returns the JSON value of the reply and whether it had to be repaired, or empty when the reply contains no JSON.
     */
    public static Optional<Parsed> parse(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        String text = withoutFences(reply);
        int start = firstBracket(text);
        if (start < 0) {
            return Optional.empty();
        }
        Scan scan = scan(text, start);
        if (scan.complete()) {
            return read(text.substring(start, scan.end())).map(node -> new Parsed(node, false));
        }
        if (scan.repaired() == null) {
            return Optional.empty();
        }
        return read(scan.repaired()).map(node -> new Parsed(node, true));
    }

    /** Returns the text inside the first code fence, or all of it when there is none; an unclosed fence runs to the end. */
    static String withoutFences(String reply) {
        int open = reply.indexOf("```");
        if (open < 0) {
            return reply;
        }
        int lineEnd = reply.indexOf('\n', open);
        int bodyStart = lineEnd < 0 ? open + 3 : lineEnd + 1;
        int close = reply.indexOf("```", bodyStart);
        return close < 0 ? reply.substring(bodyStart) : reply.substring(bodyStart, close);
    }

    private static int firstBracket(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '[') {
                return i;
            }
        }
        return -1;
    }

    /**
     * Walks the JSON from its first bracket, tracking strings and open brackets, until the value closes. When the
     * text ends first, the repair is the text up to the last closed object plus the brackets still open there.
     */
    private static Scan scan(String text, int start) {
        Deque<Character> open = new ArrayDeque<>();
        boolean inString = false;
        boolean escaped = false;
        String repaired = null;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{' -> open.push('}');
                case '[' -> open.push(']');
                case '}', ']' -> {
                    if (open.isEmpty() || open.pop() != c) {
                        return new Scan(false, -1, repaired);
                    }
                    if (open.isEmpty()) {
                        return new Scan(true, i + 1, null);
                    }
                    if (c == '}') {
                        repaired = text.substring(start, i + 1) + closing(open);
                    }
                }
                default -> {
                }
            }
        }
        return new Scan(false, -1, repaired);
    }

    private static String closing(Deque<Character> open) {
        StringBuilder closing = new StringBuilder();
        for (char c : open) {
            closing.append(c);
        }
        return closing.toString();
    }

    private static Optional<JsonNode> read(String json) {
        try {
            return Optional.of(MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** The JSON found in a reply; repaired when the reply was cut off and had to be closed. */
    public record Parsed(JsonNode json, boolean repaired) {
    }

    private record Scan(boolean complete, int end, String repaired) {
    }
}
