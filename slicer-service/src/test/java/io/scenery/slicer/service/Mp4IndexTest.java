package io.scenery.slicer.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class Mp4IndexTest {

    @TempDir
    Path directory;

    @Test
    void mdatWithoutMoovIsMissingIndex() throws IOException {
        Path file = write("cut.mp4", box("ftyp", 12), boxHeader("mdat", 1_000_000), new byte[500]);

        assertThat(Mp4Index.isMp4WithoutIndex(file)).isTrue();
    }

    @Test
    void moovAfterMdatIsIndexed() throws IOException {
        Path file = write("whole.mp4", box("ftyp", 12), box("mdat", 100), box("moov", 40));

        assertThat(Mp4Index.isMp4WithoutIndex(file)).isFalse();
    }

    @Test
    void largeSizeBoxIsSkipped() throws IOException {
        ByteBuffer large = ByteBuffer.allocate(16 + 20);
        large.putInt(1).put("mdat".getBytes(StandardCharsets.ISO_8859_1)).putLong(36);
        Path file = write("large.mp4", box("ftyp", 12), large.array(), box("moov", 8));

        assertThat(Mp4Index.isMp4WithoutIndex(file)).isFalse();
    }

    @Test
    void otherFormatsAreNotMp4() throws IOException {
        Path text = write("notes.mp4", "not a video at all, just words".getBytes(StandardCharsets.UTF_8));
        Path webm = write("a.webm", new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 0, 0, 0, 0});

        assertThat(Mp4Index.isMp4WithoutIndex(text)).isFalse();
        assertThat(Mp4Index.isMp4WithoutIndex(webm)).isFalse();
    }

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            bytes.write(part);
        }
        return Files.write(directory.resolve(name), bytes.toByteArray());
    }

    private static byte[] box(String type, int payloadBytes) {
        ByteBuffer box = ByteBuffer.allocate(8 + payloadBytes);
        box.putInt(8 + payloadBytes).put(type.getBytes(StandardCharsets.ISO_8859_1));
        return box.array();
    }

    private static byte[] boxHeader(String type, int declaredSize) {
        ByteBuffer header = ByteBuffer.allocate(8);
        header.putInt(declaredSize).put(type.getBytes(StandardCharsets.ISO_8859_1));
        return header.array();
    }
}
