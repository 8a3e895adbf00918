package io.scenery.audit.zeroloss;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** Reads the rows of audit.audit_event that one publishing service wrote, over plain JDBC. */
final class AuditTable {

    private final String jdbcUrl;
    private final String user;

    AuditTable(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    /** Returns the number of rows of the service, or -1 while the table does not exist yet. */
    long countRows(String service) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM audit.audit_event WHERE service = ?")) {
            query.setString(1, service);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
                return -1;
            }
            throw new IllegalStateException("audit rows not countable: " + e.getMessage(), e);
        }
    }

    /** Returns the number of rows of the service whose event id another row of the service also has. */
    long countDuplicates(String service) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) - count(DISTINCT event_id) FROM audit.audit_event WHERE service = ?")) {
            query.setString(1, service);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit duplicates not countable: " + e.getMessage(), e);
        }
    }

    Set<UUID> eventIds(String service) {
        Set<UUID> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             PreparedStatement query = connection.prepareStatement(
                     "SELECT event_id FROM audit.audit_event WHERE service = ?")) {
            query.setString(1, service);
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getObject(1, UUID.class));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("audit event ids not readable: " + e.getMessage(), e);
        }
    }
}
