-- Each case's first current milestone of each type, kept by Milestones whenever it records or corrects one.
-- The milestone record stays append-only; this is a projection of it, like an index, so that "first per
-- case" counts (engagements, job starts) read one row per case rather than search every case's history:
-- on 10,000,000 milestones that search made a hub's KPI table take seconds.
CREATE TABLE milestone_first (
    case_id          BIGINT        NOT NULL,
    type             VARCHAR(40)   NOT NULL,
    milestone_id     BIGINT        NOT NULL,
    contract_id      BIGINT,
    organisation_id  BIGINT        NOT NULL,
    occurred_on      DATE          NOT NULL,
    attributes       VARCHAR(2000),
    CONSTRAINT pk_milestone_first PRIMARY KEY (case_id, type),
    CONSTRAINT fk_milestone_first_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id),
    CONSTRAINT uq_milestone_first_milestone UNIQUE (milestone_id)
);
CREATE INDEX idx_milestone_first_contract ON milestone_first (contract_id, type, occurred_on);
CREATE INDEX idx_milestone_first_organisation ON milestone_first (organisation_id, type, occurred_on);

INSERT INTO milestone_first (case_id, type, milestone_id, contract_id, organisation_id, occurred_on, attributes)
SELECT case_id, type, id, contract_id, organisation_id, occurred_on, attributes
FROM (SELECT m.case_id, m.type, m.id, m.contract_id, m.organisation_id, m.occurred_on, m.attributes,
             ROW_NUMBER() OVER (PARTITION BY m.case_id, m.type ORDER BY m.occurred_on, m.id) AS position
      FROM milestone m
      WHERE m.case_id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)) ranked
WHERE position = 1;
