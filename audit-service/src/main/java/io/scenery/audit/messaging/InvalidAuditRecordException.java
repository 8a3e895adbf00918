package io.scenery.audit.messaging;

/** A Kafka record on the audit topic that is not a storable audit event. Its message becomes the dead-letter reason. */
public class InvalidAuditRecordException extends RuntimeException {

    public InvalidAuditRecordException(String message) {
        super(message);
    }
}
