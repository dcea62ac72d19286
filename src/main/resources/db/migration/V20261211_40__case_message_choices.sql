-- How the person a case is about wants the service's messages (appointment confirmations and reminders, their action
-- plan), as a practitioner recorded their choice. No row: the way they asked to be contacted on their referral.
-- NONE sends them nothing; reminders FALSE leaves out the day-before reminder only.
CREATE TABLE case_message_choice (
    case_id      BIGINT      NOT NULL,
    channel      VARCHAR(10) NOT NULL,
    reminders    BOOLEAN     NOT NULL,
    recorded_by  BIGINT      NOT NULL,
    recorded_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_case_message_choice PRIMARY KEY (case_id),
    CONSTRAINT fk_case_message_choice_case FOREIGN KEY (case_id) REFERENCES support_case (id),
    CONSTRAINT fk_case_message_choice_recorded_by FOREIGN KEY (recorded_by) REFERENCES person (id),
    CONSTRAINT ck_case_message_choice_channel CHECK (channel IN ('EMAIL', 'SMS', 'NONE'))
);
