package io.scenery.vlm.vision;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ModelCircuitTest {

    @Test
    void opensAfterThresholdAndRecovers() throws Exception {
        ModelCircuit circuit = new ModelCircuit(2, Duration.ofMillis(200));
        assertThat(circuit.allows()).isTrue();

        circuit.recordFailure();
        assertThat(circuit.allows()).as("one failure of two").isTrue();
        circuit.recordFailure();
        assertThat(circuit.allows()).as("open after two failures in a row").isFalse();

        Thread.sleep(250);
        assertThat(circuit.allows()).as("trial calls after the open duration").isTrue();
        circuit.recordFailure();
        assertThat(circuit.allows()).as("a failed trial opens it again at once").isFalse();

        circuit.recordSuccess();
        assertThat(circuit.allows()).isTrue();
    }

    @Test
    void successResetsFailureCount() {
        ModelCircuit circuit = new ModelCircuit(2, Duration.ofSeconds(30));

        circuit.recordFailure();
        circuit.recordSuccess();
        circuit.recordFailure();

        assertThat(circuit.allows()).as("failures were not in a row").isTrue();
    }
}
