package io.scenery.vlm.vision;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the {@code Retry-After} header of a 429 or 503 reply: langchain4j turns error replies into exceptions that
 * carry the status and body only, so this filter appends the header's value to the body, where
 * {@link #retryAfter(String)} finds it again.
 */
@Provider
public class RetryAfterFilter implements ClientResponseFilter {

    private static final String MARKER = "[Retry-After: ";
    private static final Pattern MARKED = Pattern.compile("\\[Retry-After: ([^\\]]+)\\]");

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        int status = response.getStatus();
        String retryAfter = response.getHeaderString("Retry-After");
        if ((status != 429 && status != 503) || retryAfter == null || retryAfter.isBlank()) {
            return;
        }
        byte[] body;
        try (InputStream in = response.getEntityStream()) {
            body = in == null ? new byte[0] : in.readAllBytes();
        }
        String marked = new String(body, StandardCharsets.UTF_8) + "\n" + MARKER + retryAfter.trim() + "]";
        response.setEntityStream(new ByteArrayInputStream(marked.getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns the Retry-After value marked in an error message, or null. */
    public static String retryAfter(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = MARKED.matcher(message);
        return matcher.find() ? matcher.group(1) : null;
    }
}
