-- The records a page showed: a list page writes one audit_event and one row here for each record on it, so that
-- "who has seen this referral?" finds the queues and lists that showed it as well as its own page.
-- Append-only like audit_event.
CREATE TABLE audit_event_record (
    audit_event_id  BIGINT      NOT NULL,
    record_type     VARCHAR(60) NOT NULL,
    record_id       VARCHAR(60) NOT NULL,
    CONSTRAINT fk_audit_event_record_event FOREIGN KEY (audit_event_id) REFERENCES audit_event (id)
);
CREATE INDEX idx_audit_event_record_event ON audit_event_record (audit_event_id);
CREATE INDEX idx_audit_event_record_record ON audit_event_record (record_type, record_id);
