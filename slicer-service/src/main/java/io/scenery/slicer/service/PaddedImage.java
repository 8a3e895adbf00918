package io.scenery.slicer.service;

import org.bytedeco.javacpp.BytePointer;

/**
 * A native image buffer that swscale may write into. swscale's SIMD code writes whole vectors, so it writes past
 * the end of rows whose length is not a multiple of the vector size. A buffer of exactly width x height x channels
 * bytes then corrupts the native heap: a 200x200 video, whose BGR rows are 600 bytes, aborted the JVM with
 * "free(): invalid pointer". Rows here start at 64-byte boundaries and a spare row follows the image.
 */
final class PaddedImage implements AutoCloseable {

    private static final int ALIGNMENT = 64;

    final int stride;
    final int rows;
    final BytePointer data;

    PaddedImage(int bytesPerRow, int rows) {
        this.stride = (bytesPerRow + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        this.rows = rows;
        this.data = new BytePointer((long) stride * (rows + 1) + ALIGNMENT);
    }

    /** Returns true when this buffer fits an image of the given size without reallocation. */
    boolean fits(int bytesPerRow, int imageRows) {
        return stride == (bytesPerRow + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT && rows == imageRows;
    }

    /** Copies the image rows, without their padding, into a new array. */
    byte[] toArray(int bytesPerRow) {
        byte[] image = new byte[bytesPerRow * rows];
        for (int row = 0; row < rows; row++) {
            data.position((long) row * stride).get(image, row * bytesPerRow, bytesPerRow);
        }
        data.position(0);
        return image;
    }

    @Override
    public void close() {
        data.close();
    }
}
