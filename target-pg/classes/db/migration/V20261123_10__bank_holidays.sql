-- England and Wales bank holidays, which working-day deadlines skip. Loaded on first start from the
-- GOV.UK file shipped with the service; administrators add and remove them afterwards.
-- source says where a row came from (the shipped file, an uploaded GOV.UK file or an administrator).
CREATE TABLE bank_holiday (
    holiday_date  DATE          NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    source        VARCHAR(40)   NOT NULL,
    added_at      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_bank_holiday PRIMARY KEY (holiday_date)
);
