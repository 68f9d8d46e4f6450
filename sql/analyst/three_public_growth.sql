-- Departments whose 三公 grew: each department's “三公”经费 budget total (the 三公 line, else the
-- table's 合计; 财政拨款, else 一般公共预算, else every fund) of each year against the previous year
-- it has, with the change in 元 and percent; only the years that grew.
WITH totals AS (
    SELECT a.department_id, x.fiscal_year, x.source_file, x.category, x.fund_source, x.amount_yuan
    FROM v_three_public x
    JOIN department_alias a ON a.source_file = x.source_file AND a.name_printed = x.department
    WHERE x.year = x.fiscal_year AND x.phase = 'budget' AND x.category IN ('three_public', 'total')
    QUALIFY row_number() OVER (PARTITION BY x.source_file
        ORDER BY CASE x.category WHEN 'three_public' THEN 1 ELSE 2 END,
                 CASE x.fund_source WHEN 'appropriation' THEN 1 WHEN 'general_budget' THEN 2 ELSE 3 END, x.line) = 1
), by_year AS (
    SELECT department_id, fiscal_year, sum(amount_yuan) AS amount_yuan, string_agg(source_file, '; ') AS source_files
    FROM totals GROUP BY ALL
), compared AS (
    SELECT *, lag(fiscal_year) OVER w AS previous_year, lag(amount_yuan) OVER w AS previous_yuan
    FROM by_year WINDOW w AS (PARTITION BY department_id ORDER BY fiscal_year)
)
SELECT c.department_id, d.department, d.province, d.city, d.county, c.previous_year, c.fiscal_year,
       c.previous_yuan, c.amount_yuan, c.amount_yuan - c.previous_yuan AS change_yuan,
       CAST(100 * (c.amount_yuan - c.previous_yuan) / nullif(c.previous_yuan, 0) AS DECIMAL(9, 1)) AS change_pct,
       c.source_files
FROM compared c JOIN dim_department d USING (department_id)
WHERE c.previous_yuan IS NOT NULL AND c.amount_yuan > c.previous_yuan
ORDER BY change_yuan DESC, d.department;
