-- Two people entering the first figure of the same quarter at once must not both succeed: a
-- correction is guarded by the unique supersedes_id, and a first entry by this marker, which is
-- TRUE on first entries and NULL on corrections (NULLs never clash in a unique constraint).
ALTER TABLE kpi_figure ADD COLUMN first_entry BOOLEAN;
UPDATE kpi_figure SET first_entry = TRUE WHERE supersedes_id IS NULL
    AND id = (SELECT MIN(o.id) FROM kpi_figure o WHERE o.supersedes_id IS NULL
              AND o.kpi_definition_id = kpi_figure.kpi_definition_id AND o.contract_id = kpi_figure.contract_id
              AND o.financial_year = kpi_figure.financial_year AND o.quarter = kpi_figure.quarter);
ALTER TABLE kpi_figure ADD CONSTRAINT uq_kpi_figure_first_entry
    UNIQUE (kpi_definition_id, contract_id, financial_year, quarter, first_entry);
ALTER TABLE kpi_figure ADD CONSTRAINT ck_kpi_figure_first_entry
    CHECK (first_entry IS NULL OR (first_entry = TRUE AND supersedes_id IS NULL));
