package io.scenery.events;

import java.util.List;

/**
 * Kafka topic names and the partition counts the project creates them with.
 * Record keys are task ids, so every event of one task lands on one partition, in order.
 */
public final class Topics {

    public static final String VIDEO_UPLOADED = "video-uploaded";
    public static final String SCENES_READY = "scenes-ready";
    public static final String ANALYSIS_REQUESTS = "analysis-requests";
    public static final String ANALYSIS_PROGRESS = "analysis-progress";
    public static final String AUDIT_EVENTS = "audit-events";

    /** Suffix of the dead-letter topic that receives records a consumer could not process. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /** A topic to create, with its partition count. */
    public record TopicSpec(String name, int partitions) {
    }

    /** Every topic the services use; brokers run with topic auto-creation off, so all of them are created up front. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(VIDEO_UPLOADED, 3),
            new TopicSpec(SCENES_READY, 3),
            new TopicSpec(ANALYSIS_REQUESTS, 3),
            new TopicSpec(ANALYSIS_PROGRESS, 3),
            new TopicSpec(AUDIT_EVENTS, 3),
            new TopicSpec(VIDEO_UPLOADED + DEAD_LETTER_SUFFIX, 1),
            new TopicSpec(SCENES_READY + DEAD_LETTER_SUFFIX, 1),
            new TopicSpec(ANALYSIS_REQUESTS + DEAD_LETTER_SUFFIX, 1),
            new TopicSpec(ANALYSIS_PROGRESS + DEAD_LETTER_SUFFIX, 1),
            new TopicSpec(AUDIT_EVENTS + DEAD_LETTER_SUFFIX, 1));

    private Topics() {
    }
}
