package io.scenery.bench.audit;

import io.scenery.testing.PostgresTestResource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/** The benchmark's own database {@value #NAME}, emptied before each run so that counts cover one run only. */
final class BenchDatabase {

    static final String NAME = "scenery_bench";
    static final String URL = PostgresTestResource.SERVER_URL + NAME;

    private BenchDatabase() {
    }

    /**
     * Rows of one action: all of them, their distinct event ids, and when the last one was inserted (the start time
     * of its transaction, by PostgreSQL's clock on this machine).
     */
    record StoredRows(long rows, long distinctIds, Instant lastReceivedAt) {
    }

    static void create() {
        PostgresTestResource.ensureDatabase(NAME);
    }

    /** Deletes every audit row; does nothing while audit-service has not created the table yet. */
    static void truncate() {
        try (Connection connection = DriverManager.getConnection(URL, PostgresTestResource.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE audit.audit_event");
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState()) && !"3F000".equals(e.getSQLState())) {
                throw new IllegalStateException("audit table not emptied: " + e.getMessage(), e);
            }
        }
    }

    /** Returns the stored rows of an action, or none while the table does not exist. */
    static StoredRows count(String action) {
        try (Connection connection = DriverManager.getConnection(URL, PostgresTestResource.USER, "");
             PreparedStatement query = connection.prepareStatement("SELECT count(*), count(DISTINCT event_id), "
                     + "max(received_at) FROM audit.audit_event WHERE action = ?")) {
            query.setString(1, action);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                Timestamp last = result.getTimestamp(3);
                return new StoredRows(result.getLong(1), result.getLong(2), last == null ? null : last.toInstant());
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return new StoredRows(0, 0, null);
            }
            throw new IllegalStateException("audit rows not countable: " + e.getMessage(), e);
        }
    }
}
