package io.scenery.ingest.rest;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Lowers the upload limit to 64 KiB, so that tests can exceed it cheaply. */
public class SmallUploadLimitProfile implements QuarkusTestProfile {

    static final int LIMIT_BYTES = 64 * 1024;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("scenery.ingest.max-upload-size", "64K");
    }
}
