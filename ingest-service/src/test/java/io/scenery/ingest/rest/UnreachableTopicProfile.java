package io.scenery.ingest.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Points the video-uploaded channel at a topic that does not exist. The broker does not create topics on demand,
 * so every send fails once the producer gives up waiting for the topic's metadata.
 */
public class UnreachableTopicProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "mp.messaging.outgoing.video-uploaded.topic", "video-uploaded-missing",
                "mp.messaging.outgoing.video-uploaded.max.block.ms", "2000",
                "scenery.ingest.publish-timeout", "10s");
    }
}
