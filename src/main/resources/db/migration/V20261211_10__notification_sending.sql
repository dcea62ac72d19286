-- Sending messages through GOV.UK Notify (docs/messages.md). Without a Notify key a message is still KEPT; with one
-- it is queued PENDING, claimed by the sending worker (SENDING, until next_attempt_at: the lease), then SENT with
-- Notify's id, and later DELIVERED or a failure from Notify's delivery receipt. A refused or too often failed send
-- ends as PERMANENT_FAILURE or TECHNICAL_FAILURE with a code in failure_reason (never personal data).
ALTER TABLE notification_message DROP CONSTRAINT ck_notification_message_status;
ALTER TABLE notification_message ADD CONSTRAINT ck_notification_message_status CHECK (status IN ('KEPT', 'PENDING',
    'SENDING', 'SENT', 'DELIVERED', 'PERMANENT_FAILURE', 'TEMPORARY_FAILURE', 'TECHNICAL_FAILURE'));
ALTER TABLE notification_message ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
-- PENDING: when to try (again); SENDING: when the claim lapses and another run may take the message.
ALTER TABLE notification_message ADD COLUMN next_attempt_at TIMESTAMP;
-- The run that claimed the message, so that it sends only what it claimed.
ALTER TABLE notification_message ADD COLUMN claim VARCHAR(36);
ALTER TABLE notification_message ADD COLUMN notify_id VARCHAR(36);
ALTER TABLE notification_message ADD COLUMN sent_at TIMESTAMP;
ALTER TABLE notification_message ADD COLUMN status_at TIMESTAMP;
ALTER TABLE notification_message ADD COLUMN failure_reason VARCHAR(40);
UPDATE notification_message SET status_at = created_at;
ALTER TABLE notification_message ALTER COLUMN status_at SET NOT NULL;
ALTER TABLE notification_message ADD CONSTRAINT uq_notification_message_notify_id UNIQUE (notify_id);
ALTER TABLE notification_message ADD CONSTRAINT ck_notification_message_attempts CHECK (attempts >= 0);
-- The worker's pick: due messages waiting or whose claim has lapsed, soonest first.
CREATE INDEX idx_notification_message_due ON notification_message (status, next_attempt_at);

-- db-scheduler's table (recurring tasks run once across nodes: the Notify worker, platform.DailyJob). Its PostgreSQL
-- schema with VARCHAR keys, as H2 makes TEXT a CLOB, which cannot be in a primary key (docs/decisions/0001).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    CONSTRAINT pk_scheduled_tasks PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX idx_scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX idx_scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX idx_scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
