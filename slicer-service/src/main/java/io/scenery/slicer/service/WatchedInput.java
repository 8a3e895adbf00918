package io.scenery.slicer.service;

import io.quarkus.logging.Log;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A video file read through a {@link FileChannel}, for FFmpeg's custom input. A read that delivers no byte for the
 * read timeout is aborted: a watchdog closes the channel, which wakes the thread blocked in the read with an
 * {@link java.nio.channels.AsynchronousCloseException}, so FFmpeg gets a read error and the decode loop ends.
 * Reading the file from FFmpeg's own file protocol would block inside native code, where no Java thread can free
 * it.
 *
 * <p>Mark, reset and skip move the channel's position, so FFmpeg's seeks cost nothing. A pipe cannot seek: there
 * reset fails and skip skips nothing, and FFmpeg treats the input as not seekable. After close, reset does nothing,
 * because FFmpegFrameGrabber resets its input when it is closed.
 *
 * <p>NOTE: closing the channel ends reads that wait interruptibly, as on pipes (tested) and sockets. A read stuck in
 * an uninterruptible kernel wait, as on a hard NFS mount, keeps its thread until the kernel returns.
 */
final class WatchedInput extends InputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "slicer-read-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** Maximum time between two checks of a pending read. */
    private static final long MAX_CHECK_PERIOD_NANOS = Duration.ofSeconds(1).toNanos();

    private final UUID taskId;
    private final FileChannel channel;
    private final boolean seekable;
    private final long timeoutNanos;
    private final ScheduledFuture<?> check;
    private long position;
    private long markedPosition;
    private volatile long readStartedNanos;
    private volatile boolean reading;
    private volatile boolean stalled;

    private WatchedInput(UUID taskId, FileChannel channel, boolean seekable, Duration readTimeout) {
        this.taskId = taskId;
        this.channel = channel;
        this.seekable = seekable;
        this.timeoutNanos = readTimeout.toNanos();
        long periodNanos = Math.max(1, Math.min(timeoutNanos / 4, MAX_CHECK_PERIOD_NANOS));
        this.check = WATCHDOG.scheduleAtFixedRate(this::abortIfStalled, periodNanos, periodNanos,
                TimeUnit.NANOSECONDS);
    }

    /** Opens the file. Opening a pipe blocks until a writer opens it too, like any reader of a pipe. */
    static WatchedInput open(UUID taskId, Path file, Duration readTimeout) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new WatchedInput(taskId, channel, Files.isRegularFile(file), readTimeout);
    }

    /** Returns true when the watchdog aborted a read that made no progress for the read timeout. */
    boolean stalled() {
        return stalled;
    }

    /** Returns the read timeout in whole seconds, for messages. */
    long timeoutSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(timeoutNanos);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int count = read(one, 0, 1);
        return count < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        readStartedNanos = System.nanoTime();
        reading = true;
        try {
            int count = channel.read(ByteBuffer.wrap(buffer, offset, length));
            if (count > 0) {
                position += count;
            }
            return count;
        } finally {
            reading = false;
        }
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public synchronized void mark(int readLimit) {
        markedPosition = position;
    }

    @Override
    public synchronized void reset() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        if (!seekable) {
            throw new IOException("the input is a pipe and cannot seek back");
        }
        channel.position(markedPosition);
        position = markedPosition;
    }

    @Override
    public long skip(long count) throws IOException {
        if (!seekable || count <= 0) {
            return 0;
        }
        // FFmpegFrameGrabber skips Long.MAX_VALUE bytes to find the end, so position + count would overflow.
        long skipped = Math.max(0, Math.min(count, channel.size() - position));
        position += skipped;
        channel.position(position);
        return skipped;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        channel.close();
    }

    private void abortIfStalled() {
        if (!reading || System.nanoTime() - readStartedNanos < timeoutNanos) {
            return;
        }
        stalled = true;
        check.cancel(false);
        Log.warnf("Task %s: no data read for %d s; closing the input", taskId, timeoutSeconds());
        try {
            channel.close();
        } catch (IOException e) {
            Log.warnf(e, "Task %s: could not close the stalled input", taskId);
        }
    }
}
