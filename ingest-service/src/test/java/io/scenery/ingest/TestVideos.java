package io.scenery.ingest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Byte arrays that look like video files to the container sniffing, and some that do not. */
public final class TestVideos {

    private TestVideos() {
    }

    /** Returns size bytes that start with an MP4 {@code ftyp} box; the rest is filler, not decodable video. */
    public static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 0x2A);
        byte[] header = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0};
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, size));
        return bytes;
    }

    public static byte[] text() {
        return "This is a plain text file, not a video.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
    }
}
