package io.scenery.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskStatusTest {

    @Test
    void workingStatusMovesForward() {
        assertThat(TaskStatus.PENDING.canMoveTo(TaskStatus.SLICING)).isTrue();
        assertThat(TaskStatus.SLICING.canMoveTo(TaskStatus.SLICING)).isTrue();
        assertThat(TaskStatus.SLICED.canMoveTo(TaskStatus.COMPLETED)).isTrue();
    }

    @Test
    void workingStatusNeverMovesBack() {
        assertThat(TaskStatus.ANALYZING.canMoveTo(TaskStatus.SLICING)).isFalse();
        assertThat(TaskStatus.SLICED.canMoveTo(TaskStatus.PENDING)).isFalse();
    }

    @Test
    void workingStatusCanFailOrCancel() {
        for (TaskStatus status : new TaskStatus[]{TaskStatus.PENDING, TaskStatus.SLICING, TaskStatus.SLICED,
                TaskStatus.ANALYZING}) {
            assertThat(status.canMoveTo(TaskStatus.FAILED)).as(status + " to FAILED").isTrue();
            assertThat(status.canMoveTo(TaskStatus.CANCELLED)).as(status + " to CANCELLED").isTrue();
        }
    }

    @Test
    void terminalStatusNeverMoves() {
        for (TaskStatus terminal : new TaskStatus[]{TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED}) {
            for (TaskStatus target : TaskStatus.values()) {
                assertThat(terminal.canMoveTo(target)).as(terminal + " to " + target).isFalse();
            }
        }
    }

    @Test
    void responsibleServiceOfTerminalStatus() {
        assertThat(TaskStatus.SLICING.responsibleService()).isEqualTo("slicer");
        assertThat(TaskStatus.ANALYZING.responsibleService()).isEqualTo("vlm");
        assertThatThrownBy(TaskStatus.COMPLETED::responsibleService).isInstanceOf(IllegalStateException.class);
    }
}
