package io.scenery.ingest;

/**
 * Lifecycle of a task. The working states advance in declaration order, from PENDING to COMPLETED; FAILED and
 * CANCELLED can be reached from every working state. COMPLETED, FAILED and CANCELLED are terminal.
 */
public enum TaskStatus {
    PENDING,
    SLICING,
    SLICED,
    ANALYZING,
    COMPLETED,
    FAILED,
    CANCELLED;

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /**
     * Tells whether a task in this status may move to the target: never out of a terminal status, and never back
     * to an earlier working status. Staying in the same working status is allowed, so that progress updates apply.
     */
    public boolean canMoveTo(TaskStatus target) {
        if (isTerminal()) {
            return false;
        }
        if (target == FAILED || target == CANCELLED) {
            return true;
        }
        return target.ordinal() >= ordinal();
    }

    /**
     * Returns the short name of the service that moves a task on from this working status, for timeout messages.
     *
     * @throws IllegalStateException for a terminal status, which no service moves on
     */
    public String responsibleService() {
        return switch (this) {
            case PENDING, SLICING -> "slicer";
            case SLICED, ANALYZING -> "vlm";
            case COMPLETED, FAILED, CANCELLED -> throw new IllegalStateException("no service works on a " + this + " task");
        };
    }
}
