-- Rebuilt from the facts (both the scheme's code and the paired 政府 code) and the reference.
DELETE FROM dim_economic;
INSERT INTO dim_economic
WITH printed AS (
    SELECT economic_scheme AS scheme, economic_code AS code, economic_name AS name
    FROM fact_budget_amount WHERE economic_code IS NOT NULL
    UNION ALL
    SELECT 'government', gov_economic_code, gov_economic_name
    FROM fact_budget_amount WHERE gov_economic_code IS NOT NULL
), counted AS (
    SELECT scheme, code, name, count(*) AS n FROM printed GROUP BY ALL
), codes AS (
    SELECT scheme, code, first(name ORDER BY name IS NULL, n DESC, name) AS printed_name FROM counted GROUP BY scheme, code
    UNION ALL
    SELECT scheme, code, NULL FROM ref_classification r WHERE scheme IN ('department', 'government')
      AND NOT EXISTS (SELECT 1 FROM counted c WHERE c.scheme = r.scheme AND c.code = r.code)
)
SELECT c.scheme, c.code,
       coalesce(r.name, c.printed_name),
       CASE length(c.code) WHEN 3 THEN '类' WHEN 5 THEN '款' END,
       CASE length(c.code) WHEN 5 THEN left(c.code, 3) END
FROM codes c
LEFT JOIN ref_classification r ON r.scheme = c.scheme AND r.code = c.code;
