package io.scenery.slicer.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs FFmpeg's own scene detectors on a file and returns the times of the cuts they report. */
final class FfmpegDetectors {

    private static final Pattern SHOWINFO_TIME = Pattern.compile("Parsed_showinfo.*\\bpts_time:\\s*([0-9.]+)");
    private static final Pattern SCDET_TIME = Pattern.compile("lavfi\\.scd\\.time:\\s*([0-9.]+)");

    private FfmpegDetectors() {
    }

    /** Cut times from {@code select='gt(scene,T)'}, T from 0 to 1. */
    static List<Double> sceneScore(Path file, double threshold) throws IOException, InterruptedException {
        return run(file, "select='gt(scene," + threshold + ")',showinfo", SHOWINFO_TIME);
    }

    /** Cut times from the {@code scdet} filter, threshold from 0 to 100. */
    static List<Double> scdet(Path file, double threshold) throws IOException, InterruptedException {
        return run(file, "scdet=threshold=" + threshold, SCDET_TIME);
    }

    private static List<Double> run(Path file, String filter, Pattern time) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("ffmpeg", "-hide_banner", "-nostats", "-loglevel", "info", "-i",
                file.toString(), "-an", "-vf", filter, "-f", "null", "-").redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("ffmpeg failed on " + file + ": " + output.lines().reduce((a, b) -> b).orElse(""));
        }
        List<Double> times = new ArrayList<>();
        Matcher matcher = time.matcher(output);
        while (matcher.find()) {
            times.add(Double.parseDouble(matcher.group(1)));
        }
        return times;
    }
}
