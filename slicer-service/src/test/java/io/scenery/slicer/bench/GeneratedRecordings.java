package io.scenery.slicer.bench;

import io.scenery.testing.ScreenScript;
import io.scenery.testing.ScreenScript.Action;
import io.scenery.testing.ScreenScript.Options;
import io.scenery.testing.ScreenScript.Step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.scenery.testing.ScreenScript.Action.CLOSE_DIALOG;
import static io.scenery.testing.ScreenScript.Action.CLOSE_MENU;
import static io.scenery.testing.ScreenScript.Action.FADE;
import static io.scenery.testing.ScreenScript.Action.HOLD;
import static io.scenery.testing.ScreenScript.Action.NAVIGATE;
import static io.scenery.testing.ScreenScript.Action.OPEN_DIALOG;
import static io.scenery.testing.ScreenScript.Action.OPEN_MENU;
import static io.scenery.testing.ScreenScript.Action.SCROLL;
import static io.scenery.testing.ScreenScript.Action.TYPE;

/** The generated screen recordings of the accuracy benchmark, each with its true cuts. */
public final class GeneratedRecordings {

    /** A named recording setup. */
    record Spec(String name, int width, int height, double frameRate, boolean variableFrames, long seed) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("ui-640x400-12fps", 640, 400, 12, false, 1),
            new Spec("ui-1280x720-30fps", 1280, 720, 30, false, 2),
            new Spec("ui-1920x1080-25fps", 1920, 1080, 25, false, 3),
            new Spec("ui-1024x768-15fps", 1024, 768, 15, false, 4),
            new Spec("ui-1280x720-vfr", 1280, 720, 60, true, 5));

    private GeneratedRecordings() {
    }

    /** Returns the script, with step lengths in seconds turned into frames at the given rate. */
    public static List<Step> script(double framesPerSecond) {
        List<Step> steps = new ArrayList<>();
        add(steps, framesPerSecond, HOLD, 1.5, 0);
        add(steps, framesPerSecond, TYPE, 2.0, 0);
        add(steps, framesPerSecond, NAVIGATE, 2.0, 0);
        add(steps, framesPerSecond, OPEN_MENU, 1.5, 0);
        add(steps, framesPerSecond, CLOSE_MENU, 1.5, 0);
        add(steps, framesPerSecond, OPEN_DIALOG, 2.0, 0.2);
        add(steps, framesPerSecond, TYPE, 1.5, 0);
        add(steps, framesPerSecond, CLOSE_DIALOG, 2.0, 0);
        add(steps, framesPerSecond, SCROLL, 2.5, 1.0);
        add(steps, framesPerSecond, HOLD, 1.5, 0);
        add(steps, framesPerSecond, FADE, 2.5, 0.7);
        add(steps, framesPerSecond, NAVIGATE, 2.0, 0);
        add(steps, framesPerSecond, SCROLL, 3.0, 1.5);
        add(steps, framesPerSecond, OPEN_DIALOG, 2.0, 0.3);
        add(steps, framesPerSecond, CLOSE_DIALOG, 1.5, 0);
        add(steps, framesPerSecond, FADE, 2.0, 0.5);
        add(steps, framesPerSecond, OPEN_MENU, 1.5, 0.1);
        add(steps, framesPerSecond, CLOSE_MENU, 1.5, 0);
        add(steps, framesPerSecond, HOLD, 1.0, 0);
        return steps;
    }

    /** Writes the recording of a spec into the directory. */
    static ScreenScript.Result write(Path directory, Spec spec) throws java.io.IOException {
        Files.createDirectories(directory);
        // A variable frame rate puts 2.5 ticks between frames on average.
        double framesPerSecond = spec.variableFrames() ? spec.frameRate() / 2.5 : spec.frameRate();
        Options options = new Options(spec.width(), spec.height(), spec.frameRate(), spec.variableFrames(),
                spec.seed(), script(framesPerSecond));
        return ScreenScript.write(directory.resolve(spec.name() + ".mp4"), options);
    }

    private static void add(List<Step> steps, double framesPerSecond, Action action, double seconds,
                            double transitionSeconds) {
        int frames = Math.max(1, (int) Math.round(seconds * framesPerSecond));
        int transition = Math.max(1, Math.min(frames, (int) Math.round(transitionSeconds * framesPerSecond)));
        steps.add(new Step(action, frames, transition));
    }
}
