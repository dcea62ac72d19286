-- Thrive at Work's four KPIs are counted from the employer module's milestones (issue 15).
--
-- counted_from: the day the service began counting a KPI from the record. The quarters before it keep the figures
-- entered by hand (kpi_figure, a baseline per KPI, contract and quarter, shown as entered); milestones dated before
-- it do not count, so nothing is counted twice.
-- SUM_QUANTITY: every milestone counts the number it stands for, such as an engagement's attendees (one milestone
-- per engagement, not one per attendee).
ALTER TABLE kpi_definition ADD COLUMN counted_from DATE;
ALTER TABLE kpi_definition DROP CONSTRAINT ck_kpi_definition_counting;
ALTER TABLE kpi_definition ADD CONSTRAINT ck_kpi_definition_counting
    CHECK (counting_rule IN ('FIRST_PER_CASE', 'EVERY', 'SUM_QUANTITY'));
ALTER TABLE kpi_definition ADD CONSTRAINT ck_kpi_definition_counted_from
    CHECK (counted_from IS NULL OR source = 'MILESTONES');

-- An existing Thrive at Work programme's entered KPIs become counted ones. Counting starts on the first day after
-- the last quarter anyone entered a figure for, and never before 1 April 2024 (the board report's figures to March
-- 2024 stay as entered): quarter index n = financial year * 4 + quarter - 1, and the next quarter's first day.
UPDATE kpi_definition SET
    source = 'MILESTONES',
    milestone_type = CASE code WHEN 'SIGN_UPS' THEN 'EMPLOYER_SIGNED_UP'
                               WHEN 'ACCREDITATIONS' THEN 'EMPLOYER_ACCREDITED'
                               WHEN 'ENGAGEMENTS' THEN 'EMPLOYER_ENGAGEMENT'
                               ELSE 'CASE_STUDY_PUBLISHED' END,
    counting_rule = CASE code WHEN 'ENGAGEMENTS' THEN 'SUM_QUANTITY' ELSE 'EVERY' END,
    counted_from = (
        SELECT CASE WHEN MAX(f.financial_year * 4 + f.quarter) IS NULL
                      OR MAX(f.financial_year * 4 + f.quarter) < 2024 * 4 THEN DATE '2024-04-01'
                    ELSE CAST(CAST((MAX(f.financial_year * 4 + f.quarter) / 4) + (CASE MOD(MAX(f.financial_year * 4 + f.quarter), 4) WHEN 3 THEN 1 ELSE 0 END) AS VARCHAR(4))
                              || CASE MOD(MAX(f.financial_year * 4 + f.quarter), 4)
                                     WHEN 0 THEN '-04-01' WHEN 1 THEN '-07-01' WHEN 2 THEN '-10-01' ELSE '-01-01' END
                              AS DATE) END
        FROM kpi_figure f WHERE f.kpi_definition_id = kpi_definition.id)
WHERE source = 'ENTERED'
  AND code IN ('SIGN_UPS', 'ACCREDITATIONS', 'ENGAGEMENTS', 'CASE_STUDIES')
  AND programme_id IN (SELECT p.id FROM programme p WHERE p.code = 'TAW');
