package io.scenery.slicer;

import io.scenery.events.DetectType;
import io.scenery.events.SlicingParameters;
import io.scenery.events.VideoUploaded;
import io.scenery.storage.BlobStore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Puts test videos into the blob store and builds the video-uploaded records that ingest-service would send. */
final class Uploads {

    private Uploads() {
    }

    /** Stores the file under {@code videos/<videoId>} and returns the record announcing it. */
    static VideoUploaded store(BlobStore blobs, Path file, SlicingParameters slicing) throws IOException {
        UUID videoId = UUID.randomUUID();
        String key = "videos/" + videoId;
        try (InputStream in = Files.newInputStream(file)) {
            blobs.write(key, in, Long.MAX_VALUE);
        }
        return new VideoUploaded(VideoUploaded.SCHEMA_VERSION, UUID.randomUUID(), videoId, key, Files.size(file),
                "video/mp4", slicing, List.of(DetectType.CONTROL, DetectType.TEXT),
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", Instant.now());
    }

    static VideoUploaded store(BlobStore blobs, Path file) throws IOException {
        return store(blobs, file, null);
    }
}
