package io.scenery.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real Kafka broker for a Quarkus test run and points every Kafka channel at it. The broker is stopped
 * when the run ends.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private KafkaBrokerProcess broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBrokerProcess.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
