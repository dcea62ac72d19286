-- The contract step of milestone_attribute (V20261209_30): the key=value;key=value text columns were kept as a copy
-- while code moved to the rows. Nothing reads them now, and a copy that erasure has to chase is one more place for
-- personal data to linger, so they go.
ALTER TABLE milestone DROP COLUMN attributes;
ALTER TABLE milestone_first DROP COLUMN attributes;
