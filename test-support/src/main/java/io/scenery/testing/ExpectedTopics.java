package io.scenery.testing;

import java.util.Set;

/**
 * Topics the local broker creates. Kept in step with {@code io.scenery.events.Topics} by name; test-support does
 * not depend on the events module so that it can be used by any module.
 */
final class ExpectedTopics {

    private ExpectedTopics() {
    }

    static Set<String> names() {
        return Set.of("video-uploaded", "scenes-ready", "analysis-requests", "analysis-progress", "audit-events");
    }
}
