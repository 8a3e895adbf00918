package io.scenery.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Uploads a screen recording to a running Scenery stack, shows the task's progress, prints the scenes and the
 * elements found in each, and writes {@code <out>/<task-id>/result.json} and {@code report.html}.
 *
 * <p>Exit codes: 0 the task COMPLETED; 1 it ended FAILED or CANCELLED; 2 invalid arguments or the upload was
 * rejected; 3 a service was unreachable or the task did not finish within the timeout.
 */
public final class SceneryCli {

    private static final Set<String> TERMINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");
    private static final long POLL_MILLIS = 500;

    private final PrintStream out;
    private final PrintStream err;

    SceneryCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SceneryCli(System.out, System.err).run(args));
    }

    int run(String[] args) {
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!Files.isRegularFile(options.video())) {
            err.println("video not found: " + options.video().toAbsolutePath() + "; pass the path of a recording file");
            return 2;
        }

        SceneryClient client = new SceneryClient(options.urls());
        try {
            return process(client, options);
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return e.status() >= 400 && e.status() < 500 ? 2 : 3;
        } catch (ConnectException e) {
            ServiceUrls urls = options.urls();
            err.println("error: a Scenery service is not reachable (" + e.getClass().getSimpleName()
                    + "); the client uses ingest-service at " + urls.ingest() + ", slicer-service at " + urls.slicer()
                    + ", vlm-service at " + urls.vlm() + " and audit-service at " + urls.audit()
                    + "; start the stack with ./run-local.sh up");
            return 3;
        } catch (IOException e) {
            err.println("error: " + e);
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 3;
        }
    }

    private int process(SceneryClient client, CliOptions options) throws IOException, InterruptedException {
        long started = System.nanoTime();
        JsonNode accepted = client.upload(options.video(), options.uploadFields());
        String taskId = accepted.path("taskId").asText();
        out.println("uploaded " + options.video().getFileName() + " as task " + taskId);

        JsonNode task = awaitTerminal(client, taskId, options);
        if (task == null) {
            err.println("error: task " + taskId + " did not finish within " + options.timeout().toSeconds()
                    + " s; check it with GET /api/v1/tasks/" + taskId);
            return 3;
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        Path outDir = options.outRoot().resolve(taskId);
        Files.createDirectories(outDir);
        ObjectNode result = new TaskResult().collect(client, task, outDir);
        new HtmlReport().write(result, outDir.resolve("report.html"));

        printSummary(result, seconds);
        out.println("wrote " + outDir.resolve("result.json") + " and " + outDir.resolve("report.html"));
        return "COMPLETED".equals(task.path("status").asText()) ? 0 : 1;
    }

    private JsonNode awaitTerminal(SceneryClient client, String taskId, CliOptions options)
            throws IOException, InterruptedException {
        ProgressBar bar = new ProgressBar(err, System.console() != null);
        long deadline = System.nanoTime() + options.timeout().toNanos();
        try {
            while (System.nanoTime() < deadline) {
                JsonNode task = client.task(taskId);
                bar.update(task);
                if (TERMINAL.contains(task.path("status").asText())) {
                    return task;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return null;
        } finally {
            bar.finish();
        }
    }

    private void printSummary(JsonNode result, double seconds) {
        JsonNode task = result.path("task");
        out.printf(Locale.ROOT, "task %s: %s after %.1f s%n", task.path("taskId").asText(),
                task.path("status").asText(), seconds);
        if (task.hasNonNull("error")) {
            out.println("reason: " + task.path("error").asText());
        }
        for (JsonNode scene : result.path("scenes")) {
            out.printf(Locale.ROOT, "scene %3d  %7.2f s - %7.2f s  frames %5d-%-5d  motion %6.2f  %3d element%s%s%n",
                    scene.path("sceneNumber").asInt(), scene.path("startSeconds").asDouble(),
                    scene.path("endSeconds").asDouble(), scene.path("startFrame").asLong(),
                    scene.path("endFrame").asLong(), scene.path("motion").asDouble(),
                    scene.path("elements").size(), scene.path("elements").size() == 1 ? "" : "s",
                    labels(scene.path("elements")));
        }
    }

    /** Returns up to four labelled elements of a scene as "type 'label'", and how many more it contains. */
    static String labels(JsonNode elements) {
        StringBuilder text = new StringBuilder();
        int shown = 0;
        for (JsonNode element : elements) {
            String label = element.path("label").asText("");
            if (label.isBlank() || shown == 4) {
                continue;
            }
            text.append(shown == 0 ? ": " : ", ").append(element.path("type").asText()).append(" '")
                    .append(label.length() > 24 ? label.substring(0, 24) + "..." : label).append('\'');
            shown++;
        }
        int rest = elements.size() - shown;
        if (shown > 0 && rest > 0) {
            text.append(", ").append(rest).append(" more");
        }
        return text.toString();
    }
}
