-- How many current milestones, and how many first-per-case ones, each contract has of each type on each day, and the
-- same added up by month: projections of the milestone record (like milestone_first, kept by Milestones as it
-- records, corrects and withdraws), so that a dashboard over every hub adds up a row per contract, type and month
-- (and the days of a month it covers only in part) instead of reading millions of milestones and checking that
-- each is not superseded. Only milestones under a contract are counted here; counts that name no contract, or
-- filter on attributes or organisations, still read the record.
--   current_count: current milestones (not superseded, not withdrawals), with or without a case;
--   first_count:   each case's first current milestone of the type (the milestone_first rows) plus the current
--                  milestones that belong to no case, which always count as firsts.
-- A row whose counts have fallen to 0 after a correction may stay; readers leave out groups that add up to 0.
CREATE TABLE milestone_day_count (
    contract_id    BIGINT       NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    occurred_on    DATE         NOT NULL,
    current_count  BIGINT       NOT NULL,
    first_count    BIGINT       NOT NULL,
    CONSTRAINT pk_milestone_day_count PRIMARY KEY (contract_id, type, occurred_on)
);
CREATE TABLE milestone_month_count (
    contract_id    BIGINT       NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    month_start    DATE         NOT NULL,
    current_count  BIGINT       NOT NULL,
    first_count    BIGINT       NOT NULL,
    CONSTRAINT pk_milestone_month_count PRIMARY KEY (contract_id, type, month_start)
);

INSERT INTO milestone_day_count (contract_id, type, occurred_on, current_count, first_count)
SELECT contract_id, type, occurred_on, SUM(current_count), SUM(first_count)
FROM (SELECT m.contract_id, m.type, m.occurred_on, 1 AS current_count,
             CASE WHEN m.case_id IS NULL THEN 1 ELSE 0 END AS first_count
      FROM milestone m
      WHERE m.contract_id IS NOT NULL AND m.withdrawn = FALSE
        AND NOT EXISTS (SELECT 1 FROM milestone s WHERE s.supersedes_id = m.id)
      UNION ALL
      SELECT f.contract_id, f.type, f.occurred_on, 0, 1
      FROM milestone_first f
      WHERE f.contract_id IS NOT NULL) counted
GROUP BY contract_id, type, occurred_on;

INSERT INTO milestone_month_count (contract_id, type, month_start, current_count, first_count)
SELECT contract_id, type, CAST(DATE_TRUNC('MONTH', occurred_on) AS DATE), SUM(current_count), SUM(first_count)
FROM milestone_day_count
GROUP BY contract_id, type, CAST(DATE_TRUNC('MONTH', occurred_on) AS DATE);
