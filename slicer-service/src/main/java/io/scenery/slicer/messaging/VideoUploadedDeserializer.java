package io.scenery.slicer.messaging;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import io.scenery.events.VideoUploaded;

/** Reads {@link VideoUploaded} JSON records. */
public class VideoUploadedDeserializer extends ObjectMapperDeserializer<VideoUploaded> {

    public VideoUploadedDeserializer() {
        super(VideoUploaded.class);
    }
}
