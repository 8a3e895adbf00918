package io.scenery.ingest.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.scenery.events.AnalysisProgress;

/** Reads {@link AnalysisProgress} records from their JSON form. */
public class AnalysisProgressDeserializer extends ObjectMapperDeserializer<AnalysisProgress> {

    public AnalysisProgressDeserializer() {
        super(AnalysisProgress.class);
    }
}
