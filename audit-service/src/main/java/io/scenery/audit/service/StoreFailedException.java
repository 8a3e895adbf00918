package io.scenery.audit.service;

import java.sql.SQLException;

/** PostgreSQL could not store a batch of audit events for reasons other than the events' data. */
public class StoreFailedException extends RuntimeException {

    public StoreFailedException(int eventCount, SQLException cause) {
        super("storing " + eventCount + " audit events failed (SQLState " + cause.getSQLState() + "): "
                + cause.getMessage(), cause);
    }
}
