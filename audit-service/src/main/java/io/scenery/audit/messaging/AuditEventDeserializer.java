package io.scenery.audit.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.scenery.events.AuditEvent;

/** Reads {@link AuditEvent} JSON from Kafka record values with the application's ObjectMapper. */
@RegisterForReflection(targets = AuditEvent.class)
public class AuditEventDeserializer extends ObjectMapperDeserializer<AuditEvent> {

    public AuditEventDeserializer() {
        super(AuditEvent.class);
    }
}
