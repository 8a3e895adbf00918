package io.scenery.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Stores videos and keyframes under keys such as {@code videos/<id>.bin}. Keys, not paths, travel in events, so
 * every service may mount the shared storage at its own place.
 */
public interface BlobStore {

    /**
     * Copies the stream into the store under the key and returns the number of bytes written. The blob appears
     * whole or not at all. Writing stops with {@link BlobTooLargeException} once more than maxBytes arrive.
     */
    long write(String key, InputStream content, long maxBytes) throws IOException;

    /** Writes a small blob, such as a keyframe, whole or not at all. */
    void write(String key, byte[] content) throws IOException;

    /** Returns a local path to the blob, for libraries that read files by name. */
    Path localPath(String key);

    boolean exists(String key);

    void delete(String key) throws IOException;
}
