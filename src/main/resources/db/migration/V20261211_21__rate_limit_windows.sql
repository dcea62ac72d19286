-- Per-client limits count calls in fixed one-minute windows: one row a client a minute, not one a call, so that a
-- busy client costs the database an update, not a growing table.
CREATE TABLE rate_limit_window (
    bucket        VARCHAR(40) NOT NULL,
    client_key    VARCHAR(64) NOT NULL,
    window_start  TIMESTAMP   NOT NULL,
    uses          INTEGER     NOT NULL,
    CONSTRAINT pk_rate_limit_window PRIMARY KEY (bucket, client_key, window_start)
);
CREATE INDEX idx_rate_limit_window_start ON rate_limit_window (window_start);
