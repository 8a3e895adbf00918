package io.scenery.testing;

import java.util.concurrent.TimeUnit;

/** Stops the child JVMs that tests start: brokers and packaged services. */
public final class ChildProcesses {

    private static final long GRACE_SECONDS = 20;
    private static final long KILL_WAIT_SECONDS = 5;

    private ChildProcesses() {
    }

    /** Asks the process to exit, waits up to 20 seconds, then kills it. Does nothing when it has already exited. */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
