package io.scenery.audit.rest;

import io.scenery.audit.repository.EventPosition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

    @Test
    void roundTripKeepsMicroseconds() {
        EventPosition position = new EventPosition(Instant.parse("2025-01-31T12:00:00.123456Z"), UUID.randomUUID());

        String cursor = PageCursor.encode(position);

        assertThat(cursor).doesNotContain("=", "+", "/");
        assertThat(PageCursor.decode(cursor)).isEqualTo(position);
    }

    @Test
    void malformedCursorRejected() {
        List<String> cursors = List.of("", "%%%", encode("no separator"), encode("yesterday|" + UUID.randomUUID()),
                encode("2025-01-31T12:00:00Z|not-a-uuid"));
        for (String cursor : cursors) {
            assertThatThrownBy(() -> PageCursor.decode(cursor))
                    .as("cursor '%s'", cursor)
                    .isInstanceOf(InvalidQueryException.class)
                    .hasMessageContaining("invalid after");
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
