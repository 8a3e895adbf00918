package io.scenery.slicer.service;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads the top-level boxes of an ISO base media file (MP4, MOV, 3GP) to tell why FFmpeg could not open it. A
 * recorder that writes its index (the {@code moov} box) last leaves a file without one when recording or upload
 * stops early, and FFmpeg then reports only that it found no index.
 */
final class Mp4Index {

    private static final int HEADER_BYTES = 8;
    private static final int MAX_BOXES = 10_000;

    private Mp4Index() {
    }

    /** Returns true when the file starts with an {@code ftyp} box and no top-level {@code moov} box follows. */
    static boolean isMp4WithoutIndex(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            boolean first = true;
            for (int boxes = 0; boxes < MAX_BOXES && position + HEADER_BYTES <= size; boxes++) {
                ByteBuffer header = ByteBuffer.allocate(16);
                channel.position(position);
                readFully(channel, header.limit(HEADER_BYTES));
                long boxSize = Integer.toUnsignedLong(header.getInt(0));
                String type = new String(header.array(), 4, 4, StandardCharsets.ISO_8859_1);

                if (first && !"ftyp".equals(type)) {
                    return false;
                }
                first = false;
                if ("moov".equals(type)) {
                    return false;
                }

                if (boxSize == 1) {
                    if (position + 16 > size) {
                        break;
                    }
                    readFully(channel, header.limit(16).position(HEADER_BYTES));
                    boxSize = header.getLong(HEADER_BYTES);
                } else if (boxSize == 0) {
                    break;
                }
                if (boxSize < HEADER_BYTES) {
                    break;
                }
                position += boxSize;
            }
            return !first;
        }
    }

    private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("the file ended inside a box header");
            }
        }
    }
}
