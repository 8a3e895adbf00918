package io.scenery.vlm.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.scenery.events.AnalysisRequested;

/** Reads {@link AnalysisRequested} records from JSON. */
public class AnalysisRequestDeserializer extends ObjectMapperDeserializer<AnalysisRequested> {

    public AnalysisRequestDeserializer() {
        super(AnalysisRequested.class);
    }
}
