package io.scenery.audit.rest;

import io.scenery.audit.repository.EventPosition;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Encodes a page position as an opaque cursor: URL-safe Base64 of {@code <occurred_at ISO-8601>|<event id>}.
 * Clients pass it back unchanged and must not depend on its content.
 */
final class PageCursor {

    private static final char SEPARATOR = '|';

    private PageCursor() {
    }

    static String encode(EventPosition position) {
        String plain = position.occurredAt().toString() + SEPARATOR + position.eventId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor made by {@link #encode}; throws {@link InvalidQueryException} for anything else. */
    static EventPosition decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = plain.indexOf(SEPARATOR);
            if (separator < 0) {
                throw invalid(cursor);
            }
            Instant occurredAt = Instant.parse(plain.substring(0, separator));
            UUID eventId = UUID.fromString(plain.substring(separator + 1));
            return new EventPosition(occurredAt, eventId);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw invalid(cursor);
        }
    }

    private static InvalidQueryException invalid(String cursor) {
        return new InvalidQueryException("after", cursor,
                "it is not a cursor returned by this endpoint; pass the nextCursor of the previous page unchanged");
    }
}
