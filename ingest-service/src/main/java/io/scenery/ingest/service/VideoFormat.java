package io.scenery.ingest.service;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Video container formats that uploads may use, each recognised by the magic bytes at the start of the file.
 * The client's file name and content type are never trusted for this.
 */
public enum VideoFormat {
    /** ISO base media: MP4, MOV, 3GP and their relatives carry an {@code ftyp} box at offset 4. */
    MP4("MP4/MOV/3GP", "video/mp4"),
    /** QuickTime files from before the {@code ftyp} box start with a {@code moov}, {@code mdat} or {@code wide} atom. */
    QUICKTIME("QuickTime", "video/quicktime"),
    MATROSKA("Matroska/WebM", "video/x-matroska"),
    AVI("AVI", "video/x-msvideo"),
    GIF("GIF", "image/gif"),
    MPEG_TS("MPEG-TS", "video/mp2t"),
    FLV("FLV", "video/x-flv"),
    OGG("Ogg", "video/ogg"),
    MPEG_PS("MPEG-PS", "video/mpeg");

    /** Bytes of the file start that {@link #detect} needs to see to recognise every format. */
    public static final int HEADER_BYTES = 4 + 2 * TransportStream.M2TS_PACKET_BYTES + 1;

    private final String displayName;
    private final String mimeType;

    VideoFormat(String displayName, String mimeType) {
        this.displayName = displayName;
        this.mimeType = mimeType;
    }

    public String displayName() {
        return displayName;
    }

    public String mimeType() {
        return mimeType;
    }

    /** Returns the accepted formats as a human-readable list, for error messages. */
    public static String acceptedFormats() {
        return Arrays.stream(values())
                .filter(format -> format != QUICKTIME)
                .map(VideoFormat::displayName)
                .collect(Collectors.joining(", "));
    }

    /**
     * Recognises the container from the first bytes of a file.
     *
     * @param header the file's first bytes, up to {@link #HEADER_BYTES}; fewer when the file is shorter
     */
    public static Optional<VideoFormat> detect(byte[] header) {
        if (matchesAscii(header, 4, "ftyp")) {
            return Optional.of(MP4);
        }
        if (matchesAscii(header, 4, "moov") || matchesAscii(header, 4, "mdat") || matchesAscii(header, 4, "wide")) {
            return Optional.of(QUICKTIME);
        }
        if (matchesBytes(header, 0, 0x1A, 0x45, 0xDF, 0xA3)) {
            return Optional.of(MATROSKA);
        }
        if (matchesAscii(header, 0, "RIFF") && matchesAscii(header, 8, "AVI ")) {
            return Optional.of(AVI);
        }
        if (matchesAscii(header, 0, "GIF87a") || matchesAscii(header, 0, "GIF89a")) {
            return Optional.of(GIF);
        }
        if (matchesAscii(header, 0, "FLV") && matchesBytes(header, 3, 0x01)) {
            return Optional.of(FLV);
        }
        if (matchesAscii(header, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (matchesBytes(header, 0, 0x00, 0x00, 0x01, 0xBA)) {
            return Optional.of(MPEG_PS);
        }
        if (TransportStream.matches(header)) {
            return Optional.of(MPEG_TS);
        }
        return Optional.empty();
    }

    private static boolean matchesAscii(byte[] header, int offset, String magic) {
        return matches(header, offset, magic.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean matchesBytes(byte[] header, int offset, int... magic) {
        byte[] bytes = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            bytes[i] = (byte) magic[i];
        }
        return matches(header, offset, bytes);
    }

    private static boolean matches(byte[] header, int offset, byte[] magic) {
        if (header.length < offset + magic.length) {
            return false;
        }
        return Arrays.equals(header, offset, offset + magic.length, magic, 0, magic.length);
    }

    /**
     * MPEG transport streams have no magic number, only the sync byte 0x47 at the start of every packet. One
     * 0x47 is an ASCII 'G', so the sync byte must repeat at the packet size: 188 bytes for plain TS, or 192 bytes
     * after a 4-byte timestamp for M2TS (Blu-ray, AVCHD).
     */
    private static final class TransportStream {

        static final int TS_PACKET_BYTES = 188;
        static final int M2TS_PACKET_BYTES = 192;
        static final byte SYNC = 0x47;

        static boolean matches(byte[] header) {
            return syncRepeats(header, 0, TS_PACKET_BYTES) || syncRepeats(header, 4, M2TS_PACKET_BYTES);
        }

        private static boolean syncRepeats(byte[] header, int first, int packetBytes) {
            int third = first + 2 * packetBytes;
            if (header.length <= third) {
                return false;
            }
            return header[first] == SYNC && header[first + packetBytes] == SYNC && header[third] == SYNC;
        }
    }
}
