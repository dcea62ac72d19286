-- The optional messages a member of staff has chosen not to get (StaffMessageCategory). No row: they get it.
-- Messages they must act on (a return or claim sent to them, or back to them) have no category and cannot be refused.
CREATE TABLE person_message_opt_out (
    person_id     BIGINT      NOT NULL,
    category      VARCHAR(40) NOT NULL,
    opted_out_at  TIMESTAMP   NOT NULL,
    CONSTRAINT pk_person_message_opt_out PRIMARY KEY (person_id, category),
    CONSTRAINT fk_person_message_opt_out_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_person_message_opt_out_category
        CHECK (category IN ('OVERDUE_REFERRALS', 'PRACTITIONER_DIGEST', 'DUE_REMINDERS'))
);
