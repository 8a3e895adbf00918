package io.scenery.slicer.service;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the ffmpeg program that the org.bytedeco:ffmpeg artifact bundles, so tests can write videos in formats and
 * codecs the recording generator does not offer without needing an ffmpeg installation.
 */
public final class FfmpegTool {

    private FfmpegTool() {
    }

    /** Runs ffmpeg with the given arguments after {@code -hide_banner -loglevel error -y} and waits for it. */
    public static void run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg did not finish within 5 min: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IOException("ffmpeg failed with exit code " + process.exitValue() + ": " + command + "\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
    }

    /** Writes an MJPEG AVI of the lavfi test source: one JPEG packet per frame. */
    public static Path writeMjpeg(Path file, int width, int height, int frameRate, int seconds)
            throws IOException, InterruptedException {
        run("-f", "lavfi", "-i", "testsrc=size=" + width + "x" + height + ":rate=" + frameRate + ":duration="
                + seconds, "-c:v", "mjpeg", "-q:v", "5", file.toString());
        return file;
    }

    /**
     * Writes a mostly static 1920x1080 H.264 screen recording of the given minutes at 10 frames per second. One
     * minute with a title bar and two panels that appear and go is encoded once and repeated by stream copy, so
     * writing even a long recording takes seconds. Existing files are reused.
     */
    public static Path writeLongScreenRecording(Path file, int minutes) throws IOException, InterruptedException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        Path segment = file.resolveSibling(file.getFileName() + ".minute.mp4");
        run("-f", "lavfi", "-i", "color=c=0xf0f0f0:s=1920x1080:r=10:d=60,"
                + "drawbox=x=0:y=0:w=1920:h=120:color=0x3050a0:t=fill,"
                + "drawbox=x=200:y=300:w=1500:h=600:color=0x208040:t=fill:enable='between(t,15,30)',"
                + "drawbox=x=100:y=200:w=1700:h=800:color=0xa04020:t=fill:enable='between(t,30,45)'",
                "-c:v", "libopenh264", "-b:v", "300k", "-g", "600", segment.toString());
        Path list = file.resolveSibling(file.getFileName() + ".list.txt");
        StringBuilder entries = new StringBuilder();
        for (int i = 0; i < minutes; i++) {
            entries.append("file '").append(segment.toAbsolutePath()).append("'\n");
        }
        Files.writeString(list, entries);
        Path partial = file.resolveSibling(file.getFileName() + ".partial.mp4");
        run("-f", "concat", "-safe", "0", "-i", list.toString(), "-c", "copy", partial.toString());
        Files.move(partial, file);
        Files.delete(list);
        Files.delete(segment);
        return file;
    }

    /**
     * Overwrites the whole JPEG data of the given packets, counted from 0, of an MJPEG AVI with zeros, so the decoder
     * rejects exactly those packets while the container stays intact.
     */
    public static void damageJpegPackets(Path file, int... packetIndexes) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<int[]> packets = new ArrayList<>();
        for (int i = 0; i + 10 < bytes.length; i++) {
            // An AVI video chunk is "00dc", a little-endian size and the data, which for MJPEG starts with FF D8.
            if (bytes[i] == '0' && bytes[i + 1] == '0' && bytes[i + 2] == 'd' && bytes[i + 3] == 'c'
                    && (bytes[i + 8] & 0xff) == 0xff && (bytes[i + 9] & 0xff) == 0xd8) {
                int size = ByteBuffer.wrap(bytes, i + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                packets.add(new int[]{i + 8, size});
            }
        }
        for (int index : packetIndexes) {
            if (index >= packets.size()) {
                throw new IllegalArgumentException("packet " + index + " is beyond the " + packets.size()
                        + " JPEG packets of " + file);
            }
            int[] packet = packets.get(index);
            Arrays.fill(bytes, packet[0], packet[0] + packet[1], (byte) 0);
        }
        Files.write(file, bytes);
    }

    private static String executable() {
        return Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    }
}
