package io.scenery.vlm;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.scenery.events.DetectType;
import io.scenery.events.SceneRef;
import io.scenery.events.ScenesReady;
import io.scenery.events.SlicingStats;
import io.scenery.storage.BlobStore;
import io.scenery.testing.KafkaTestResource;
import io.scenery.testing.PostgresTestResource;
import io.scenery.testing.MockModelServer.Reply;
import io.scenery.vlm.service.AnalysisRunner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scenes per second of a whole analysis in vlm mode, with the mock model replying after a fixed latency L, at
 * concurrency C (model calls in flight; scene workers are 2C). Runs only when {@code scenery.bench.concurrency} is set:
 * {@code mvn -pl vlm-service verify -Dtest=ThroughputBenchmark -Dscenery.bench.concurrency=4
 * -Dscenery.bench.latency-ms=500 -Dscenery.bench.scenes=40}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(value = MockModelResource.class, restrictToAnnotatedClass = true)
class ThroughputBenchmark {

    @Inject
    AnalysisRunner runner;

    @Inject
    BlobStore blobStore;

    @Test
    void scenesPerSecondNearConcurrencyOverLatency() throws Exception {
        String concurrencyProperty = System.getProperty("scenery.bench.concurrency");
        assumeTrue(concurrencyProperty != null, "set scenery.bench.concurrency to run the benchmark");
        int concurrency = Integer.parseInt(concurrencyProperty);
        long latencyMillis = Long.getLong("scenery.bench.latency-ms", 500);
        int sceneCount = Integer.getInteger("scenery.bench.scenes", 40);

        UUID taskId = UUID.randomUUID();
        byte[] jpeg = SyntheticScreen.render().encode(".jpg");
        List<SceneRef> scenes = new ArrayList<>();
        for (int number = 1; number <= sceneCount; number++) {
            String key = "keyframes/" + taskId + "/" + number + ".jpg";
            blobStore.write(key, jpeg);
            scenes.add(new SceneRef(UUID.randomUUID(), number, key));
        }
        MockModelResource.server.script(Reply.content("{\"elements\":[{\"type\":\"button\",\"label\":\"OK\","
                + "\"box\":[10,10,110,50]}]}").after(latencyMillis));

        long start = System.nanoTime();
        runner.run(new ScenesReady(ScenesReady.SCHEMA_VERSION, taskId, scenes.size(), scenes,
                new SlicingStats(100, 0, 1.5, 66.7, SyntheticScreen.WIDTH, SyntheticScreen.HEIGHT, 4.0),
                List.of(DetectType.CONTROL), null, Instant.now()));
        double seconds = (System.nanoTime() - start) / 1e9;

        double rate = sceneCount / seconds;
        double target = 0.9 * concurrency / (latencyMillis / 1000.0);
        System.out.printf("THROUGHPUT scenes=%d C=%d L=%dms: %.2f s, %.2f scenes/s, target 0.9*C/L = %.2f "
                + "scenes/s, model calls %d%n", sceneCount, concurrency, latencyMillis, seconds, rate, target,
                MockModelResource.server.calls());
        assertThat(MockModelResource.server.calls()).isEqualTo(sceneCount);
        assertThat(rate).isGreaterThanOrEqualTo(target);
    }
}
