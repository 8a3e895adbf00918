package io.scenery.ingest.service;

import io.scenery.events.DetectType;
import io.scenery.events.SlicingParameters;

import java.nio.file.Path;
import java.util.List;

/**
 * A validated upload: a non-empty file of a known container format and valid parameters.
 *
 * @param displayName name of the file as the client sent it, for display only
 * @param content     temporary file that contains the uploaded bytes
 */
public record UploadRequest(
        String displayName,
        Path content,
        VideoFormat format,
        List<DetectType> detectTypes,
        SlicingParameters slicing) {
}
