package io.scenery.kafka;

import io.scenery.events.Topics;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs a single-node Apache Kafka broker in KRaft combined mode (broker and controller in one process) on
 * 127.0.0.1, and creates the Scenery topics once it responds to metadata requests.
 *
 * <pre>
 * java -cp kafka-broker.jar:lib/* io.scenery.kafka.LocalKafkaBroker start --port 9092 --data-dir var/kafka
 * java -cp kafka-broker.jar:lib/* io.scenery.kafka.LocalKafkaBroker check --port 9092
 * </pre>
 *
 * {@code start} blocks while the broker runs. {@code check} exits 0 once the broker responds and every topic exists,
 * and 1 otherwise.
 */
public final class LocalKafkaBroker {

    private static final String HOST = "127.0.0.1";

    private LocalKafkaBroker() {
    }

    public static void main(String[] args) throws Exception {
        BrokerOptions options = BrokerOptions.parse(args);
        switch (options.command()) {
            case "start" -> start(options);
            case "check" -> System.exit(check(options.port()) ? 0 : 1);
            default -> throw new IllegalArgumentException("unknown command '" + options.command()
                    + "'; expected start or check");
        }
    }

    private static void start(BrokerOptions options) throws IOException {
        Path dataDir = options.dataDir().toAbsolutePath();
        Path logDir = dataDir.resolve("logs");
        Path propertiesFile = dataDir.resolve("server.properties");
        Files.createDirectories(dataDir);
        writeProperties(propertiesFile, logDir, options.port(), options.controllerPort());

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(propertiesFile);
        }

        Thread topicCreator = new Thread(() -> createTopicsWhenReady(options.port()), "topic-creator");
        topicCreator.setDaemon(true);
        topicCreator.start();

        kafka.Kafka.main(new String[] {propertiesFile.toString()});
    }

    private static void writeProperties(Path file, Path logDir, int port, int controllerPort) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", "1");
        properties.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        properties.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", logDir.toString());
        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("num.partitions", "1");
        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("offsets.topic.num.partitions", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
        properties.setProperty("share.coordinator.state.topic.min.isr", "1");
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // The default 128 MiB dedupe buffer is sized for production brokers; a one-node test broker needs little.
        properties.setProperty("log.cleaner.dedupe.buffer.size", "2097152");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by LocalKafkaBroker; rewritten at every start");
        }
    }

    private static void format(Path propertiesFile) {
        String clusterId = base64Uuid();
        int exitCode = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", propertiesFile.toString()},
                new PrintStream(System.out, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed with exit code " + exitCode);
        }
    }

    /**
     * Returns a KRaft cluster id: 16 random bytes in URL-safe base64 without padding, as {@code kafka-storage
     * random-uuid} prints. An id that starts with '-' is drawn again, because the format command would read it as
     * an option.
     */
    private static String base64Uuid() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(16);
            buffer.putLong(uuid.getMostSignificantBits());
            buffer.putLong(uuid.getLeastSignificantBits());
            String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    private static void createTopicsWhenReady(int port) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(adminConfig(port))) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                createMissingTopics(admin);
                System.out.println("LocalKafkaBroker: topics ready on " + HOST + ":" + port);
                return;
            } catch (Exception e) {
                sleepQuietly(500);
            }
        }
        System.err.println("LocalKafkaBroker: the broker did not answer within 2 minutes; topics were not created");
    }

    private static void createMissingTopics(Admin admin) throws Exception {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            if (!existing.contains(spec.name())) {
                missing.add(new NewTopic(spec.name(), spec.partitions(), (short) 1));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private static boolean check(int port) {
        try (Admin admin = Admin.create(adminConfig(port))) {
            admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
            Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
            for (Topics.TopicSpec spec : Topics.ALL) {
                if (!existing.contains(spec.name())) {
                    System.err.println("topic " + spec.name() + " does not exist yet");
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            System.err.println("Kafka on " + HOST + ":" + port + " is not ready: " + e.getMessage());
            return false;
        }
    }

    private static Map<String, Object> adminConfig(int port) {
        return Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
