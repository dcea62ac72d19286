-- A milestone's attributes as rows, one per name, so that figures filter on them with an index rather than with
-- LIKE on the key=value;key=value text. ordinal keeps the order they were given in, which the case timeline shows.
-- The text columns milestone.attributes and milestone_first.attributes stay, written as a copy for people and
-- exports that read the database; no code reads or filters on them any more.
CREATE TABLE milestone_attribute (
    milestone_id  BIGINT         NOT NULL,
    name          VARCHAR(100)   NOT NULL,
    ordinal       INTEGER        NOT NULL,
    content       VARCHAR(2000)  NOT NULL,
    CONSTRAINT pk_milestone_attribute PRIMARY KEY (milestone_id, name),
    -- The rows are part of their milestone: were a milestone ever deleted, its attributes go with it.
    CONSTRAINT fk_milestone_attribute_milestone FOREIGN KEY (milestone_id) REFERENCES milestone (id) ON DELETE CASCADE
);
CREATE INDEX idx_milestone_attribute_name_content ON milestone_attribute (name, content, milestone_id);

-- Each stored text split into its pairs, in the same way Milestones read it: pairs are separated by ';', the name
-- is what comes before the first '=', and a pair without a name is skipped. Plain SQL that H2 and PostgreSQL share.
INSERT INTO milestone_attribute (milestone_id, name, ordinal, content)
WITH RECURSIVE pair (milestone_id, ordinal, item, rest) AS (
    SELECT m.id, 1,
           CAST(CASE WHEN POSITION(';' IN m.attributes) > 0
                     THEN SUBSTRING(m.attributes FROM 1 FOR POSITION(';' IN m.attributes) - 1)
                     ELSE m.attributes END AS VARCHAR(2000)),
           CAST(CASE WHEN POSITION(';' IN m.attributes) > 0
                     THEN SUBSTRING(m.attributes FROM POSITION(';' IN m.attributes) + 1) END AS VARCHAR(2000))
    FROM milestone m
    WHERE m.attributes IS NOT NULL AND m.attributes <> ''
    UNION ALL
    SELECT p.milestone_id, p.ordinal + 1,
           CAST(CASE WHEN POSITION(';' IN p.rest) > 0
                     THEN SUBSTRING(p.rest FROM 1 FOR POSITION(';' IN p.rest) - 1)
                     ELSE p.rest END AS VARCHAR(2000)),
           CAST(CASE WHEN POSITION(';' IN p.rest) > 0
                     THEN SUBSTRING(p.rest FROM POSITION(';' IN p.rest) + 1) END AS VARCHAR(2000))
    FROM pair p
    WHERE p.rest IS NOT NULL
)
SELECT p.milestone_id, SUBSTRING(p.item FROM 1 FOR POSITION('=' IN p.item) - 1), p.ordinal,
       SUBSTRING(p.item FROM POSITION('=' IN p.item) + 1)
FROM pair p
WHERE POSITION('=' IN p.item) > 1;
