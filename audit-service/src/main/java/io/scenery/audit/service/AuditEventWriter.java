package io.scenery.audit.service;

import io.quarkus.logging.Log;
import io.scenery.audit.config.AuditConfig;
import io.scenery.audit.repository.AuditEventRepository;
import io.scenery.events.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores batches of audit events. A batch is committed in one transaction. When PostgreSQL rejects the data of
 * the batch, each event is stored on its own, so that one bad event rejects only itself.
 */
@ApplicationScoped
public class AuditEventWriter {

    private final AuditEventRepository repository;
    private final AuditConfig config;
    private final TrailReceipts receipts;

    public AuditEventWriter(AuditEventRepository repository, AuditConfig config, TrailReceipts receipts) {
        this.repository = repository;
        this.config = config;
        this.receipts = receipts;
    }

    /**
     * Stores the valid events, with audit-service's receipt for each upload among them, and commits them before
     * returning.
     *
     * @return the reason for every event that was not stored, keyed by its position in {@code events}
     * @throws StoreFailedException when PostgreSQL stayed unusable for every configured attempt
     */
    public Map<Integer, String> store(List<AuditEvent> events) {
        Map<Integer, String> rejected = new HashMap<>();
        List<Integer> validPositions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String problem = AuditEventValidator.problem(events.get(i));
            if (problem == null) {
                validPositions.add(i);
            } else {
                rejected.put(i, problem);
            }
        }

        List<AuditEvent> valid = validPositions.stream().map(events::get).toList();
        try {
            insertWithRetries(withReceipts(valid));
            return rejected;
        } catch (SQLException e) {
            if (!isDataError(e)) {
                throw new StoreFailedException(valid.size(), e);
            }
            Log.warnf("PostgreSQL rejected a batch of %d audit events (SQLState %s: %s), so each is stored on its own",
                    valid.size(), e.getSQLState(), e.getMessage());
        }

        for (int position : validPositions) {
            AuditEvent event = events.get(position);
            try {
                insertWithRetries(withReceipts(List.of(event)));
            } catch (SQLException e) {
                if (!isDataError(e)) {
                    throw new StoreFailedException(1, e);
                }
                rejected.put(position, "PostgreSQL rejected event " + event.eventId() + " (SQLState "
                        + e.getSQLState() + "): " + e.getMessage());
            }
        }
        return rejected;
    }

    private List<AuditEvent> withReceipts(List<AuditEvent> events) {
        List<AuditEvent> trailReceipts = receipts.receiptsFor(events);
        if (trailReceipts.isEmpty()) {
            return events;
        }
        List<AuditEvent> all = new ArrayList<>(events);
        all.addAll(trailReceipts);
        return all;
    }

    private void insertWithRetries(List<AuditEvent> events) throws SQLException {
        int attempts = Math.max(1, config.storeAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                repository.insertAll(events);
                return;
            } catch (SQLException e) {
                if (isDataError(e) || attempt >= attempts) {
                    throw e;
                }
                Log.warnf("Storing %d audit events failed on attempt %d of %d (SQLState %s: %s), retrying in %s",
                        events.size(), attempt, attempts, e.getSQLState(), e.getMessage(), config.storeRetryDelay());
                pause();
            }
        }
    }

    /**
     * Distinguishes data errors, which retrying cannot fix, from failures of the connection or the transaction.
     * SQLState class 22 is "data exception" and class 23 is "integrity constraint violation".
     */
    private static boolean isDataError(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private void pause() {
        try {
            Thread.sleep(config.storeRetryDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry storing audit events", e);
        }
    }
}
