-- One-off start-up jobs of the referral module that have run on this database, so that they run once.
CREATE TABLE referral_backfill (
    name    VARCHAR(100) NOT NULL,
    done_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_referral_backfill PRIMARY KEY (name)
);
