package io.scenery.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parsed command line of {@link SceneryCli}. */
record CliOptions(String command, Path video, Path outRoot, Map<String, String> uploadFields, Duration timeout,
                  ServiceUrls urls) {

    static final String USAGE = """
            usage: scenery process VIDEO [options]
              --out DIR                 where result folders are written (default: out)
              --detect-types LIST       comma-separated: control, text, all (default: control)
              --threshold N             cut threshold on the 0-255 scale: how much the settled picture
                                        must differ from the scene's keyframe (default: the slicer's)
              --min-scene-seconds N     shortest scene in seconds (default: the slicer's)
              --min-changed-area N      share of the frame, 0 to 1, that must change for a frame
                                        to count as moving (default: the slicer's)
              --min-scene-area N        share of the frame, 0 to 1, that must differ from the
                                        keyframe for a new scene (default: the slicer's)
              --settle-frames N         still frames that end a change (default: the slicer's)
              --timeout DURATION        how long to wait for the task, e.g. 600s or 30m (default: 30m)
              --ingest-url URL          default http://127.0.0.1:8080 (likewise --slicer-url 8081,
                                        --vlm-url 8082, --audit-url 8083)""";

    static CliOptions parse(String[] args) {
        if (args.length < 2 || !"process".equals(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        Path video = Path.of(args[1]);
        Path outRoot = Path.of("out");
        Map<String, String> fields = new LinkedHashMap<>();
        Duration timeout = Duration.ofMinutes(30);
        ServiceUrls urls = ServiceUrls.local();

        for (int i = 2; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--out" -> outRoot = Path.of(value);
                case "--detect-types" -> fields.put("detectTypes", value);
                case "--threshold" -> fields.put("threshold", value);
                case "--min-scene-seconds" -> fields.put("minSceneSeconds", value);
                case "--min-changed-area" -> fields.put("minChangedArea", value);
                case "--min-scene-area" -> fields.put("minSceneArea", value);
                case "--settle-frames" -> fields.put("settleFrames", value);
                case "--timeout" -> timeout = parseDuration(value);
                case "--ingest-url" -> urls = new ServiceUrls(URI.create(value), urls.slicer(), urls.vlm(), urls.audit());
                case "--slicer-url" -> urls = new ServiceUrls(urls.ingest(), URI.create(value), urls.vlm(), urls.audit());
                case "--vlm-url" -> urls = new ServiceUrls(urls.ingest(), urls.slicer(), URI.create(value), urls.audit());
                case "--audit-url" -> urls = new ServiceUrls(urls.ingest(), urls.slicer(), urls.vlm(), URI.create(value));
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        return new CliOptions("process", video, outRoot, fields, timeout, urls);
    }

    private static Duration parseDuration(String value) {
        String trimmed = value.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (trimmed.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            }
            if (trimmed.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid --timeout '" + value + "': expected seconds such as 600s or minutes such as 30m");
        }
    }
}
