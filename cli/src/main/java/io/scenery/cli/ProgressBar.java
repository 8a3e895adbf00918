package io.scenery.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.Locale;

/** Draws a one-line progress bar for a task on a terminal, or one line per change when output is not a terminal. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private String lastLine = "";

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    void update(JsonNode task) {
        double percent = task.path("percent").asDouble(0);
        String status = task.path("status").asText("?");
        int filled = (int) Math.round(WIDTH * Math.max(0, Math.min(100, percent)) / 100.0);
        String line = String.format(Locale.ROOT, "[%s%s] %5.1f%%  %-10s %d/%d",
                "#".repeat(filled), ".".repeat(WIDTH - filled), percent, status,
                task.path("processed").asLong(0), task.path("total").asLong(0));
        if (line.equals(lastLine)) {
            return;
        }
        lastLine = line;
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    void finish() {
        if (terminal) {
            out.println();
        }
    }
}
