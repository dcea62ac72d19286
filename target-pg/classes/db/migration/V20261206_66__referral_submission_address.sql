-- One row per address that has sent a public referral. A submission locks its address's row while it counts the
-- last hour's submissions and takes a place, so submissions sent at the same moment are counted one at a time.
CREATE TABLE referral_submission_address (
    client_address  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_referral_submission_address PRIMARY KEY (client_address)
);
