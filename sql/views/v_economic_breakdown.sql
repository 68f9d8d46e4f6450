-- Spending by economic subject (部门 code with its 政府 pair) per department and year, from
-- the economic-classification statements, one row per printed line and measure.
CREATE OR REPLACE VIEW v_economic_breakdown AS
SELECT f.department, f.fiscal_year, t.statement, t.title AS table_title,
       f.economic_scheme, f.economic_code, coalesce(f.economic_name, d.name) AS economic_name,
       f.gov_economic_code, f.gov_economic_name,
       CASE length(f.economic_code) WHEN 3 THEN '类' WHEN 5 THEN '款' END AS level,
       f.measure, f.fund_source, f.amount_yuan, f.source_file, f.line
FROM fact_budget_amount f
JOIN source_table t USING (source_file, table_index)
LEFT JOIN dim_economic d ON d.scheme = f.economic_scheme AND d.code = f.economic_code
WHERE f.economic_code IS NOT NULL;
