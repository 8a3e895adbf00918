package io.scenery.storage;

import java.io.IOException;

/** Raised when a blob being written grows past the allowed size; nothing is left behind under its key. */
public class BlobTooLargeException extends IOException {

    private final long maxBytes;

    public BlobTooLargeException(long maxBytes) {
        super("content is larger than the limit of " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
