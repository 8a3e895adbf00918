package io.scenery.slicer.messaging;

import io.scenery.events.DetectType;
import io.scenery.events.ScenesReady;
import io.scenery.events.SlicingStats;
import io.scenery.events.Topics;
import io.scenery.events.messaging.KeyedMessages;
import io.scenery.events.messaging.TraceContext;
import io.scenery.slicer.Scene;
import io.scenery.slicer.config.SlicerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Publishes {@value Topics#SCENES_READY} once a task's scenes are committed. */
@ApplicationScoped
public class ScenesReadyPublisher {

    private final Emitter<ScenesReady> emitter;
    private final SlicerConfig config;

    public ScenesReadyPublisher(@Channel(Topics.SCENES_READY) Emitter<ScenesReady> emitter, SlicerConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /**
     * Sends the event and waits for the broker's acknowledgement.
     *
     * @param uploadTraceparent trace context of the upload, used when no span is current here
     */
    public void publish(UUID taskId, List<Scene> scenes, SlicingStats stats, List<DetectType> detectTypes,
                        String uploadTraceparent) {
        String traceparent = TraceContext.currentTraceparent();
        ScenesReady event = new ScenesReady(ScenesReady.SCHEMA_VERSION, taskId, scenes.size(),
                scenes.stream().map(Scene::toRef).toList(), stats, detectTypes == null ? List.of() : detectTypes,
                traceparent != null ? traceparent : uploadTraceparent, Instant.now());
        KeyedMessages.sendAndAwait(emitter, taskId, event, config.publishTimeout());
    }
}
