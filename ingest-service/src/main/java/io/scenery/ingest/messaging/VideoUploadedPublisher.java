package io.scenery.ingest.messaging;

import io.scenery.events.Topics;
import io.scenery.events.VideoUploaded;
import io.scenery.events.messaging.EventPublishException;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Sends {@link VideoUploaded} events, keyed by task id, and waits for Kafka's acknowledgement. */
@ApplicationScoped
public class VideoUploadedPublisher {

    private final Emitter<VideoUploaded> emitter;
    private final IngestConfig config;

    public VideoUploadedPublisher(@Channel(Topics.VIDEO_UPLOADED) Emitter<VideoUploaded> emitter, IngestConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends the event and blocks until Kafka acknowledged it; call from a worker thread, outside any transaction.
     *
     * @throws EventPublishException when Kafka rejected the record or did not acknowledge it within
     *                               {@code scenery.ingest.publish-timeout}
     */
    public void publish(VideoUploaded event) {
        KeyedMessages.sendAndAwait(emitter, event.taskId(), event, config.publishTimeout());
    }
}
