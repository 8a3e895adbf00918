package io.scenery.vlm.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.scenery.events.ScenesReady;

/** Reads {@link ScenesReady} records from JSON. */
public class ScenesReadyDeserializer extends ObjectMapperDeserializer<ScenesReady> {

    public ScenesReadyDeserializer() {
        super(ScenesReady.class);
    }
}
