-- Basic vs project spending per department, year and function subject (NULL code = the 合计
-- row), from one table per document: its 支出总表, else its 一般公共预算支出表 by function.
-- basic_yuan is the printed 基本支出 or, where only 人员/公用 are printed, their sum.
CREATE OR REPLACE VIEW v_basic_vs_project AS
WITH candidates AS (
    SELECT f.source_file, f.table_index, t.statement,
           CASE t.statement WHEN 'expenditure' THEN 1 ELSE 2 END AS preference
    FROM fact_budget_amount f JOIN source_table t USING (source_file, table_index)
    WHERE t.statement IN ('expenditure', 'general_budget_expenditure')
      AND f.function_code IS NOT NULL
      AND f.measure IN ('basic', 'project', 'personnel', 'operating')
    GROUP BY ALL
), chosen AS (
    SELECT * FROM candidates
    QUALIFY row_number() OVER (PARTITION BY source_file ORDER BY preference, table_index) = 1
)
SELECT f.department, f.fiscal_year, f.function_code, any_value(f.function_name) AS function_name,
       sum(f.amount_yuan) FILTER (WHERE f.measure = 'total') AS total_yuan,
       coalesce(sum(f.amount_yuan) FILTER (WHERE f.measure = 'basic'),
                sum(f.amount_yuan) FILTER (WHERE f.measure IN ('personnel', 'operating'))) AS basic_yuan,
       sum(f.amount_yuan) FILTER (WHERE f.measure = 'project') AS project_yuan,
       c.statement, f.source_file, any_value(f.line) AS line, f.phase
FROM fact_budget_amount f
JOIN chosen c USING (source_file, table_index)
WHERE f.fund_source IN ('all', 'general_budget')
GROUP BY f.department, f.fiscal_year, f.function_code, c.statement, f.source_file, f.row_index, f.phase;
