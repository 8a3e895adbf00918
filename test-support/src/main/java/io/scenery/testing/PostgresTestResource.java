package io.scenery.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Uses the machine's PostgreSQL on 127.0.0.1:5432 and creates the test database {@value #DATABASE} when missing,
 * so tests never touch the database of a local run.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "scenery_test";
    public static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    @Override
    public Map<String, String> start() {
        ensureDatabase(DATABASE);
        return Map.of(
                "quarkus.datasource.jdbc.url", SERVER_URL + DATABASE,
                "quarkus.datasource.username", USER);
    }

    @Override
    public void stop() {
        // The database stays; each service's Flyway migrations keep its schema current.
    }

    /** Creates the database when it does not exist yet. */
    public static void ensureDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL + "postgres", USER, "")) {
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet result = query.executeQuery()) {
                    if (result.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                // Another test JVM may have created it in the meantime ("42P04": duplicate_database).
                if (!"42P04".equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on 127.0.0.1:5432 is not usable (" + e.getMessage()
                    + "); start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start", e);
        }
    }
}
