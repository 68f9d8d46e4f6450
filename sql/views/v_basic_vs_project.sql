-- Basic vs project spending per department, year and function subject, from the statement
-- of each document that splits the two (支出总表, else 一般公共预算支出表).
CREATE OR REPLACE VIEW v_basic_vs_project AS
WITH ranked AS (
    SELECT f.*, t.statement,
           CASE t.statement WHEN 'expenditure' THEN 1 WHEN 'general_budget_expenditure' THEN 2 END AS preference
    FROM fact_budget_amount f JOIN source_table t USING (source_file, table_index)
    WHERE t.statement IN ('expenditure', 'general_budget_expenditure')
      AND f.measure IN ('total', 'basic', 'project') AND f.economic_code IS NULL
), chosen AS (
    SELECT * FROM ranked
    QUALIFY preference = min(preference) FILTER (WHERE measure IN ('basic', 'project'))
                         OVER (PARTITION BY source_file)
)
SELECT department, fiscal_year, function_code, any_value(function_name) AS function_name,
       sum(amount_yuan) FILTER (WHERE measure = 'total')   AS total_yuan,
       sum(amount_yuan) FILTER (WHERE measure = 'basic')   AS basic_yuan,
       sum(amount_yuan) FILTER (WHERE measure = 'project') AS project_yuan,
       any_value(statement) AS statement, source_file
FROM chosen
GROUP BY department, fiscal_year, function_code, source_file, table_index, row_index;
