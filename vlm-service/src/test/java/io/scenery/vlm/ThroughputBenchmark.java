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
import io.scenery.testing.MockModelServer;
import io.scenery.testing.MockModelServer.Reply;
import io.scenery.vlm.service.AnalysisRunner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Scenes per second of a whole analysis in vlm mode, with the mock model replying after a fixed latency L, at
 * concurrency C (model calls in flight; scene workers are 2C). A first analysis of 2C scenes (or
 * {@code scenery.bench.warm-up-scenes}) warms the process up (JIT, first queries, first Kafka sends) and its rate is
 * printed as the cold figure; the second, timed analysis is held to 0.9 x C / L. Runs only when {@code scenery.bench.concurrency} is set:
 * {@code mvn -B -pl vlm-service -am verify -Dtest=ThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dscenery.bench.concurrency=4 -Dscenery.bench.latency-ms=500 -Dscenery.bench.scenes=100}.
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
        byte[] jpeg = SyntheticScreen.render().encode(".jpg");
        MockModelServer server = MockModelResource.server;
        server.script(Reply.content("{\"elements\":[{\"type\":\"button\",\"label\":\"OK\","
                + "\"box\":[10,10,110,50]}]}").after(latencyMillis));

        int warmUpScenes = Integer.getInteger("scenery.bench.warm-up-scenes", 2 * concurrency);
        double coldSeconds = analyse(writeScenes(jpeg, warmUpScenes));
        System.out.printf("THROUGHPUT first analysis after start: %d scenes in %.2f s, %.2f scenes/s%n",
                warmUpScenes, coldSeconds, warmUpScenes / coldSeconds);
        server.script(Reply.content("{\"elements\":[{\"type\":\"button\",\"label\":\"OK\","
                + "\"box\":[10,10,110,50]}]}").after(latencyMillis));

        List<SceneRef> scenes = writeScenes(jpeg, sceneCount);
        long cpuBefore = processCpuNanos();
        long start = System.nanoTime();
        double seconds = analyse(scenes);
        double cpuMillisPerScene = (processCpuNanos() - cpuBefore) / 1e6 / sceneCount;
        int calls = server.calls();
        double firstCallMillis = (server.firstCallNanos() - start) / 1e6;
        int warm = Math.min(2 * concurrency, calls - 1);
        double steadyRate = (calls - 1 - warm) / (server.millisBetween(warm, calls - 1) / 1000.0);
        System.out.printf("THROUGHPUT first call after %.0f ms; calls %d to %d arrived at %.2f calls/s; process CPU "
                + "%.1f ms per scene (service and mock server)%n", firstCallMillis, warm + 1, calls, steadyRate,
                cpuMillisPerScene);

        double rate = sceneCount / seconds;
        double target = 0.9 * concurrency / (latencyMillis / 1000.0);
        System.out.printf("THROUGHPUT scenes=%d C=%d L=%dms: %.2f s, %.2f scenes/s (%.0f%% of C/L), target 0.9*C/L = "
                + "%.2f scenes/s, model calls %d%n", sceneCount, concurrency, latencyMillis, seconds, rate,
                100 * rate * latencyMillis / 1000.0 / concurrency, target, calls);
        assertThat(calls).isEqualTo(sceneCount);
        assertThat(rate).isGreaterThanOrEqualTo(target);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private List<SceneRef> writeScenes(byte[] jpeg, int count) throws Exception {
        UUID taskId = UUID.randomUUID();
        List<SceneRef> scenes = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            String key = "keyframes/" + taskId + "/" + number + ".jpg";
            blobStore.write(key, jpeg);
            scenes.add(new SceneRef(UUID.randomUUID(), number, key));
        }
        return scenes;
    }

    /** Runs one control analysis over the scenes of a new task and returns its wall-clock time in seconds. */
    private double analyse(List<SceneRef> scenes) {
        UUID taskId = UUID.fromString(scenes.get(0).keyframeKey().split("/")[1]);
        long start = System.nanoTime();
        runner.run(new ScenesReady(ScenesReady.SCHEMA_VERSION, taskId, scenes.size(), scenes,
                new SlicingStats(100, 0, 1.5, 66.7, SyntheticScreen.WIDTH, SyntheticScreen.HEIGHT, 4.0),
                List.of(DetectType.CONTROL), null, Instant.now()));
        return (System.nanoTime() - start) / 1e9;
    }
}
