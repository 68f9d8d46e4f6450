-- Spending per function class (类), department and year, from the most complete expenditure
-- statement each document has (支出总表, else 一般公共预算支出表, else 收支总表), per phase
-- (a 决算 printing 预算数 | 决算数 gives a row for each).
CREATE OR REPLACE VIEW v_spending_by_function_class AS
WITH ranked AS (
    SELECT f.*, t.statement, t.title,
           CASE t.statement WHEN 'expenditure' THEN 1 WHEN 'general_budget_expenditure' THEN 2
                            WHEN 'summary' THEN 3 END AS preference
    FROM fact_budget_amount f JOIN source_table t USING (source_file, table_index)
    WHERE f.measure = 'total' AND length(f.function_code) = 3
      AND t.statement IN ('expenditure', 'general_budget_expenditure', 'summary')
), chosen AS (
    SELECT * FROM ranked
    QUALIFY preference = min(preference) OVER (PARTITION BY source_file)
)
SELECT c.department, c.fiscal_year, c.function_code AS class_code,
       coalesce(d.name, any_value(c.function_name)) AS class_name,
       sum(c.amount_yuan) AS amount_yuan,
       any_value(c.statement) AS statement, any_value(c.title) AS table_title, c.source_file, c.phase
FROM chosen c LEFT JOIN dim_function d ON d.code = c.function_code
WHERE c.fund_source IN ('all', 'general_budget')
GROUP BY c.department, c.fiscal_year, c.function_code, d.name, c.source_file, c.phase;
