package io.scenery.events;

import java.util.UUID;

/** An event about one task; its task id is the Kafka record key and the audit target. */
public interface TaskEvent {

    UUID taskId();
}
