package io.scenery.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in a child JVM, started from the classpath that the kafka-broker module copies to
 * {@code kafka-broker/target/lib}. The broker listens on 127.0.0.1 on a free port and stores its log under
 * the calling module's {@code target/} directory.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    /** JVM options for tests: a broker that starts fast and stays small, at the cost of peak throughput. */
    public static final List<String> TEST_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx256m");

    private final Process process;
    private final int port;
    private final Path logFile;

    private KafkaBrokerProcess(Process process, int port, Path logFile) {
        this.process = process;
        this.port = port;
        this.logFile = logFile;
    }

    /** Starts a broker on a free port and returns once it responds to metadata requests and every topic exists. */
    public static KafkaBrokerProcess start() {
        int port = freePort();
        Path workDir = Path.of("target", "kafka-" + port).toAbsolutePath();
        return start(port, freePort(), workDir.resolve("data"), workDir.resolve("broker.log"), TEST_JVM_OPTIONS);
    }

    /**
     * Starts a broker on the given ports with its log directory in {@code dataDir}, appending its output to
     * {@code dataDir/broker.log}. Starting again on the ports and directory of a killed broker brings back that
     * broker with the records in its log directory.
     */
    public static KafkaBrokerProcess start(int port, int controllerPort, Path dataDir) {
        return start(port, controllerPort, dataDir, TEST_JVM_OPTIONS);
    }

    /** Starts a broker as {@link #start(int, int, Path)} does, with the given JVM options instead of the test ones. */
    public static KafkaBrokerProcess start(int port, int controllerPort, Path dataDir, List<String> jvmOptions) {
        Path absoluteDataDir = dataDir.toAbsolutePath();
        return start(port, controllerPort, absoluteDataDir, absoluteDataDir.resolve("broker.log"), jvmOptions);
    }

    private static KafkaBrokerProcess start(int port, int controllerPort, Path dataDir, Path logFile,
                                            List<String> jvmOptions) {
        Path brokerModule = ProjectLayout.moduleDirectory("kafka-broker");
        Path jar = brokerModule.resolve("target/kafka-broker-0.1.0-SNAPSHOT.jar");
        Path lib = brokerModule.resolve("target/lib");
        if (!Files.isRegularFile(jar) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("Kafka broker classpath not found under " + brokerModule.resolve("target")
                    + "; build it first with: mvn -B -pl kafka-broker -am package");
        }

        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            List<String> command = new ArrayList<>();
            command.add(javaExecutable());
            command.addAll(jvmOptions);
            command.addAll(List.of(
                    "-cp", jar + File.pathSeparator + lib + File.separator + "*",
                    "io.scenery.kafka.LocalKafkaBroker", "start",
                    "--port", Integer.toString(port),
                    "--controller-port", Integer.toString(controllerPort),
                    "--data-dir", dataDir.toString()));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            KafkaBrokerProcess broker = new KafkaBrokerProcess(process, port, logFile);
            Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
            broker.awaitReady();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        Set<String> expected = ExpectedTopics.names();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka broker exited with code " + process.exitValue()
                        + "; see " + logFile);
            }
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                if (admin.listTopics().names().get(5, TimeUnit.SECONDS).containsAll(expected)) {
                    return;
                }
            } catch (Exception e) {
                // Not ready yet: the port is closed or the topics are still being created.
            }
            sleep(300);
        }
        close();
        throw new IllegalStateException("Kafka broker did not become ready within " + START_TIMEOUT.toSeconds()
                + " s; see " + logFile);
    }

    /** Stops the broker process and waits up to 20 seconds for it to exit. */
    @Override
    public void close() {
        ChildProcesses.stop(process);
    }

    /** Kills the broker at once, as a crash would, leaving its log directory as it is. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
    }
}
