package io.scenery.slicer.messaging;

import io.quarkus.logging.Log;
import io.scenery.events.Topics;
import io.scenery.events.VideoUploaded;
import io.scenery.slicer.service.SlicingService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

/**
 * Slices each uploaded video on a worker thread, one record at a time. The record is acknowledged once its outcome
 * (completed, failed or cancelled) is committed and published. A record goes to the dead-letter topic only when it
 * is not a valid {@link VideoUploaded}, or when even the outcome could not be recorded, for example while the
 * database or the broker is down; replaying it is safe because a finished run only republishes its outcome.
 */
@ApplicationScoped
public class VideoUploadedConsumer {

    private static final String DEAD_LETTER_TOPIC = Topics.VIDEO_UPLOADED + Topics.DEAD_LETTER_SUFFIX;

    private final SlicingService slicing;

    public VideoUploadedConsumer(SlicingService slicing) {
        this.slicing = slicing;
    }

    @Incoming(Topics.VIDEO_UPLOADED)
    @Blocking
    public CompletionStage<Void> consume(Message<VideoUploaded> message) {
        VideoUploaded event = message.getPayload();
        if (event == null || event.taskId() == null) {
            // With fail-on-deserialization-failure=false, a record that is not valid JSON arrives with a null payload.
            String where = message.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(metadata -> metadata.getTopic() + "-" + metadata.getPartition() + "@" + metadata.getOffset())
                    .orElse("unknown offset");
            Log.warnf("Record %s is not a valid video-uploaded event with a task id; sending it to %s", where,
                    DEAD_LETTER_TOPIC);
            return message.nack(new IllegalArgumentException("record " + where
                    + " is not a valid video-uploaded event with a task id"));
        }

        try {
            slicing.handle(event);
        } catch (RuntimeException e) {
            Log.errorf(e, "Task %s: could not record the slicing outcome; sending the record to %s", event.taskId(),
                    DEAD_LETTER_TOPIC);
            return message.nack(e);
        }
        return message.ack();
    }
}
