-- Rebuilt from the facts and the reference, so its content never depends on ingestion order.
DELETE FROM dim_function;
INSERT INTO dim_function
WITH printed AS (
    SELECT function_code AS code, function_name AS name, count(*) AS n
    FROM fact_budget_amount WHERE function_code IS NOT NULL
    GROUP BY ALL
), codes AS (
    SELECT code, first(name ORDER BY name IS NULL, n DESC, name) AS printed_name FROM printed GROUP BY code
    UNION ALL
    SELECT code, NULL FROM ref_classification r WHERE scheme = 'function'
      AND NOT EXISTS (SELECT 1 FROM printed p WHERE p.code = r.code)
)
SELECT c.code,
       coalesce(r.name, c.printed_name),
       CASE length(c.code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' END,
       CASE length(c.code) WHEN 7 THEN left(c.code, 5) WHEN 5 THEN left(c.code, 3) END,
       left(c.code, 3)
FROM codes c
LEFT JOIN ref_classification r ON r.scheme = 'function' AND r.code = c.code;
