-- Budget execution per department, fiscal year and function subject (类 / 款 / 项): what was
-- budgeted, the adjusted budget, what was spent, the execution rate, and where each figure was
-- read. General-budget appropriation (一般公共预算财政拨款), the money both documents detail by subject.
--   budget: the year's 预算 document (一般公共预算支出表, if loaded), else the 决算's 年初预算数 column,
--           else the 决算 narrative's 年初预算;
--   adjusted_budget: the 决算's 全年预算数 / 调整预算数 column, else its narrative's 全年预算 of the 项;
--   final: the 决算's 一般公共预算财政拨款支出决算表 (决算数).
-- execution_rate = final / adjusted_budget (else / budget); NULL where that is missing or zero.
-- Departments are joined by name as printed; the 合计 row has function_code NULL.
CREATE OR REPLACE VIEW v_budget_execution AS
WITH figures AS (
    SELECT f.department, f.fiscal_year, f.function_code, f.function_name, f.phase, f.amount_yuan,
           CASE WHEN d.document_kind = 'budget' THEN 1 ELSE 2 END AS preference,
           f.source_file || coalesce(' page ' || f.page, '') || coalesce(' line ' || f.line, '')
               || ' (' || t.title || ')' AS read_from
    FROM fact_budget_amount f
    JOIN source_table t USING (source_file, table_index)
    JOIN source_document d USING (source_file)
    WHERE t.statement = 'general_budget_expenditure' AND f.measure = 'total'
      AND f.fund_source IN ('general_budget', 'all', 'appropriation') AND f.economic_code IS NULL
      AND (f.function_code IS NOT NULL OR f.line_role = 'total')
      AND (d.document_kind = 'final_accounts' OR f.phase = 'budget')
    UNION ALL
    SELECT n.department, n.fiscal_year, n.function_code, NULL, n.phase, n.amount_yuan, 3,
           n.source_file || coalesce(' page ' || n.page, '') || coalesce(' line ' || n.line, '') || ' (narrative)'
    FROM narrative_fact n
    WHERE n.topic IN ('execution_budget', 'execution_adjusted') AND n.function_code IS NOT NULL
), per_subject AS (
    SELECT department, fiscal_year, function_code,
           arg_min(amount_yuan, preference) FILTER (WHERE phase = 'budget') AS budget_yuan,
           arg_min(read_from, preference) FILTER (WHERE phase = 'budget') AS budget_from,
           arg_min(amount_yuan, preference) FILTER (WHERE phase = 'adjusted_budget') AS adjusted_budget_yuan,
           arg_min(read_from, preference) FILTER (WHERE phase = 'adjusted_budget') AS adjusted_budget_from,
           arg_min(amount_yuan, preference) FILTER (WHERE phase = 'final') AS final_yuan,
           arg_min(read_from, preference) FILTER (WHERE phase = 'final') AS final_from,
           any_value(function_name) AS printed_name
    FROM figures
    GROUP BY department, fiscal_year, function_code
)
SELECT p.department, p.fiscal_year, p.function_code, coalesce(p.printed_name, df.name) AS function_name,
       CASE length(p.function_code) WHEN 3 THEN '类' WHEN 5 THEN '款' WHEN 7 THEN '项' ELSE '合计' END AS level,
       p.budget_yuan, p.adjusted_budget_yuan, p.final_yuan,
       CAST(p.final_yuan / nullif(coalesce(p.adjusted_budget_yuan, p.budget_yuan), 0) AS DECIMAL(12, 6)) AS execution_rate,
       CASE WHEN p.adjusted_budget_yuan IS NOT NULL THEN 'adjusted_budget'
            WHEN p.budget_yuan IS NOT NULL THEN 'budget' END AS rate_base,
       p.budget_from, p.adjusted_budget_from, p.final_from
FROM per_subject p
LEFT JOIN dim_function df ON df.code = p.function_code
WHERE p.final_yuan IS NOT NULL OR p.budget_yuan IS NOT NULL AND EXISTS (
    SELECT 1 FROM source_document d WHERE d.department = p.department AND d.fiscal_year = p.fiscal_year
      AND d.document_kind = 'final_accounts');
