package io.scenery.vlm.messaging;

import io.scenery.events.AnalysisRequested;
import io.scenery.events.Topics;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.vlm.config.VlmConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Duration;

/** Publishes claimed analyses on {@value Topics#ANALYSIS_REQUESTS}, keyed by task id, for a consumer to run. */
@ApplicationScoped
public class AnalysisRequestPublisher {

    /** The outgoing channel; it differs from the incoming channel's name, as SmallRye requires. */
    static final String CHANNEL = "analysis-requests-out";

    private final Emitter<AnalysisRequested> emitter;
    private final Duration timeout;

    public AnalysisRequestPublisher(@Channel(CHANNEL) Emitter<AnalysisRequested> emitter, VlmConfig config) {
        this.emitter = emitter;
        this.timeout = config.publishTimeout();
    }

    /**
     * Sends the request and blocks until Kafka acknowledged it. Call from a worker thread.
     *
     * @throws io.scenery.events.messaging.EventPublishException when Kafka rejects the record or times out
     */
    public void publish(AnalysisRequested request) {
        KeyedMessages.sendAndAwait(emitter, request.taskId(), request, timeout);
    }
}
