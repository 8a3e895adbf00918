package io.scenery.ingest.service;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class VideoFormatTest {

    static Stream<Arguments> knownHeaders() {
        return Stream.of(
                Arguments.of("mp4", header(ascii("\0\0\0\u0020ftypisom")), VideoFormat.MP4),
                Arguments.of("3gp", header(ascii("\0\0\0\u0014ftyp3gp4")), VideoFormat.MP4),
                Arguments.of("old mov", header(ascii("\0\0\u0010\0moov")), VideoFormat.QUICKTIME),
                Arguments.of("webm", header(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86)), VideoFormat.MATROSKA),
                Arguments.of("avi", header(ascii("RIFF\u0010\0\0\0AVI LIST")), VideoFormat.AVI),
                Arguments.of("gif87a", header(ascii("GIF87a")), VideoFormat.GIF),
                Arguments.of("gif89a", header(ascii("GIF89a")), VideoFormat.GIF),
                Arguments.of("flv", header(bytes('F', 'L', 'V', 0x01, 0x05)), VideoFormat.FLV),
                Arguments.of("ogg", header(ascii("OggS\0\u0002")), VideoFormat.OGG),
                Arguments.of("mpeg-ps", header(bytes(0x00, 0x00, 0x01, 0xBA, 0x44)), VideoFormat.MPEG_PS),
                Arguments.of("mpeg-ts", transportStream(0, 188), VideoFormat.MPEG_TS),
                Arguments.of("m2ts", transportStream(4, 192), VideoFormat.MPEG_TS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownHeaders")
    void detectKnownFormat(String name, byte[] header, VideoFormat expected) {
        assertThat(VideoFormat.detect(header)).contains(expected);
    }

    @Test
    void detectRejectsText() {
        assertThat(VideoFormat.detect(header(ascii("Hello, this is text and not a video file at all."))))
                .isEmpty();
    }

    @Test
    void detectRejectsSingleSyncByte() {
        byte[] header = header(ascii("G"));

        assertThat(VideoFormat.detect(header)).isEmpty();
    }

    @Test
    void detectRejectsRiffWithoutAvi() {
        assertThat(VideoFormat.detect(header(ascii("RIFF\u0010\0\0\0WAVEfmt ")))).isEmpty();
    }

    @Test
    void detectHandlesShortInput() {
        assertThat(VideoFormat.detect(new byte[0])).isEqualTo(Optional.empty());
        assertThat(VideoFormat.detect(ascii("\0\0\0"))).isEmpty();
    }

    @Test
    void acceptedFormatsListsContainers() {
        assertThat(VideoFormat.acceptedFormats())
                .isEqualTo("MP4/MOV/3GP, Matroska/WebM, AVI, GIF, MPEG-TS, FLV, Ogg, MPEG-PS");
    }

    /** Pads the start of a file to the full header length with spaces, as a long file would continue. */
    private static byte[] header(byte[] start) {
        byte[] header = new byte[VideoFormat.HEADER_BYTES];
        java.util.Arrays.fill(header, (byte) ' ');
        System.arraycopy(start, 0, header, 0, start.length);
        return header;
    }

    private static byte[] transportStream(int first, int packetBytes) {
        byte[] header = new byte[VideoFormat.HEADER_BYTES];
        for (int offset = first; offset < header.length; offset += packetBytes) {
            header[offset] = 0x47;
        }
        return header;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }
}
