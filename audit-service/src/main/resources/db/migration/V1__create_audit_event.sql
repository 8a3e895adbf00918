-- One row per audit event. Flyway runs this with search_path set to the audit schema.
CREATE TABLE audit_event (
    event_id        uuid        PRIMARY KEY,
    trace_id        text,
    service         text        NOT NULL,
    action          text        NOT NULL,
    actor           text,
    target          text,
    outcome         text        NOT NULL,
    duration_micros bigint      NOT NULL,
    attributes      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at     timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX audit_event_target_idx ON audit_event (target);
CREATE INDEX audit_event_trace_id_idx ON audit_event (trace_id);

-- Serves keyset pagination ordered by (occurred_at, event_id) and the retention delete by occurred_at.
CREATE INDEX audit_event_occurred_at_event_id_idx ON audit_event (occurred_at, event_id);
