package io.scenery.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Tunables of audit-service, under {@code scenery.audit}. */
@ConfigMapping(prefix = "scenery.audit")
public interface AuditConfig {

    /** Age, measured from each event's occurred_at, after which the retention job deletes the event. */
    @WithDefault("365d")
    Duration retention();

    /**
     * Interval between two runs of the retention job, in the Quarkus scheduler's {@code every} syntax
     * (for example {@code 1h} or {@code 30m}). The scheduler reads this key directly.
     */
    @WithDefault("1h")
    String retentionInterval();

    /** Maximum number of rows one retention delete statement removes, so no single transaction grows unbounded. */
    @WithDefault("10000")
    int retentionDeleteBatchSize();

    /**
     * Number of attempts to store a batch when PostgreSQL fails for a reason other than the events' data (any SQLState
     * outside classes 22 and 23), for example when it is unreachable or aborts the transaction.
     */
    @WithDefault("5")
    int storeAttempts();

    /** Pause between two attempts to store a batch. */
    @WithDefault("2s")
    Duration storeRetryDelay();

    /** Page size of the query endpoint when the request sets no limit. */
    @WithDefault("100")
    int defaultPageSize();

    /** Maximum page size the query endpoint accepts. */
    @WithDefault("1000")
    int maxPageSize();
}
