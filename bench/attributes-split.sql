-- The staged key=value;key=value text of the milestones written by this script, as milestone_attribute rows in
-- the order given (as the service's AttributeRows writes them), then the staging column goes.
INSERT INTO milestone_attribute (milestone_id, name, ordinal, content)
SELECT m.id, substr(p.pair, 1, strpos(p.pair, '=') - 1), p.ordinal, substr(p.pair, strpos(p.pair, '=') + 1)
FROM milestone m
CROSS JOIN LATERAL unnest(string_to_array(m.bench_attributes, ';')) WITH ORDINALITY AS p(pair, ordinal)
WHERE m.bench_attributes IS NOT NULL AND strpos(p.pair, '=') > 1;
ALTER TABLE milestone DROP COLUMN bench_attributes;
ANALYZE milestone_attribute;
