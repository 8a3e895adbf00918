package io.scenery.e2e;

import io.scenery.cli.SceneryClient;
import io.scenery.testing.KafkaBrokerProcess;
import io.scenery.testing.PostgresTestResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole system on 127.0.0.1 as separate processes: a real Kafka broker, the four packaged services on free
 * ports, the machine's PostgreSQL (a fresh database {@value #DATABASE}) and Redis.
 */
final class LocalStack implements AutoCloseable {

    static final String DATABASE = "scenery_e2e";

    private final KafkaBrokerProcess broker;
    private final Map<String, ServiceProcess> services;
    private final Path storage;

    private LocalStack(KafkaBrokerProcess broker, Map<String, ServiceProcess> services, Path storage) {
        this.broker = broker;
        this.services = services;
        this.storage = storage;
    }

    static LocalStack start() throws IOException, InterruptedException {
        recreateDatabase();
        Path storage = Path.of("target", "e2e-storage").toAbsolutePath();
        deleteRecursively(storage);
        Files.createDirectories(storage);

        KafkaBrokerProcess broker = KafkaBrokerProcess.start();
        Map<String, String> config = Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.datasource.jdbc.url", PostgresTestResource.SERVER_URL + DATABASE,
                "quarkus.datasource.username", PostgresTestResource.USER,
                "scenery.storage.root", storage.toString());

        Map<String, ServiceProcess> services = new LinkedHashMap<>();
        LocalStack stack = new LocalStack(broker, services, storage);
        try {
            for (String name : List.of("ingest-service", "slicer-service", "vlm-service", "audit-service")) {
                services.put(name, ServiceProcess.start(name, KafkaBrokerProcess.freePort(), config));
            }
            for (ServiceProcess service : services.values()) {
                service.awaitReady();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    SceneryClient client() {
        return new SceneryClient(services.get("ingest-service").baseUri(), services.get("slicer-service").baseUri(),
                services.get("vlm-service").baseUri(), services.get("audit-service").baseUri());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Path storage() {
        return storage;
    }

    static Connection openDatabase() throws SQLException {
        return DriverManager.getConnection(PostgresTestResource.SERVER_URL + DATABASE, PostgresTestResource.USER, "");
    }

    @Override
    public void close() {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::close);
        broker.close();
    }

    private static void recreateDatabase() {
        try (Connection connection = DriverManager.getConnection(PostgresTestResource.SERVER_URL + "postgres",
                PostgresTestResource.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("could not recreate database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
