-- A place's departments ranked by one function subject in one year: $1 = division code (a
-- province 310000, a city 611000 or a county 310107: every department within it), $2 = the
-- 功能科目 code (类 / 款 / 项, e.g. 2101202), $3 = fiscal year. The subject's total of each document,
-- from its 支出总表, else its 一般公共预算支出表; budget figures.
WITH place AS (
    SELECT CASE WHEN $1 LIKE '__0000' THEN left($1, 2) WHEN $1 LIKE '____00' THEN left($1, 4) ELSE $1 END AS prefix
), lines AS (
    SELECT l.department_id, l.source_file, l.statement, sum(l.amount_yuan) AS amount_yuan
    FROM v_budget_lines l
    WHERE l.function_code = $2 AND l.fiscal_year = $3 AND l.measure = 'total' AND l.phase = 'budget'
      AND l.statement IN ('expenditure', 'general_budget_expenditure') AND l.fund_source IN ('all', 'general_budget')
    GROUP BY l.department_id, l.source_file, l.statement
    QUALIFY row_number() OVER (PARTITION BY l.source_file
                               ORDER BY CASE l.statement WHEN 'expenditure' THEN 1 ELSE 2 END) = 1
)
SELECT rank() OVER (ORDER BY sum(l.amount_yuan) DESC) AS rank, d.department_id, d.department,
       d.province, d.city, d.county, d.division_code, sum(l.amount_yuan) AS amount_yuan,
       string_agg(l.source_file, '; ' ORDER BY l.source_file) AS source_files
FROM lines l
JOIN dim_department d USING (department_id), place p
WHERE starts_with(d.division_code, p.prefix)
GROUP BY d.department_id, d.department, d.province, d.city, d.county, d.division_code
ORDER BY rank, d.department;
