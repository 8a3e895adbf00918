package io.scenery.events.audit.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.scenery.testing.KafkaBrokerProcess;

import java.nio.file.Path;
import java.util.Map;

/** Starts a real Kafka broker that a test can kill and start again on the same ports and log directory. */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static int port;
    private static int controllerPort;
    private static Path dataDir;
    private static KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        port = KafkaBrokerProcess.freePort();
        controllerPort = KafkaBrokerProcess.freePort();
        dataDir = Path.of("target", "kafka-" + port).toAbsolutePath();
        broker = KafkaBrokerProcess.start(port, controllerPort, dataDir);
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        broker.close();
    }

    static String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Kills the broker as a crash would. */
    static void kill() {
        broker.kill();
    }

    /** Starts the killed broker again and returns once every topic is back. */
    static void restart() {
        broker = KafkaBrokerProcess.start(port, controllerPort, dataDir);
    }
}
