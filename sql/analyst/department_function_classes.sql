-- One department's spending by 功能科目 class (类) over every year it has ($1 = department_id, from
-- dim_department): the budget figures of v_spending_by_function_class (the document's 支出总表, else
-- 一般公共预算支出表, else 收支总表), whatever name the department printed that year.
SELECT s.fiscal_year, s.class_code, s.class_name, sum(s.amount_yuan) AS amount_yuan,
       string_agg(DISTINCT s.department, '; ') AS printed_as, string_agg(DISTINCT s.source_file, '; ') AS source_files
FROM v_spending_by_function_class s
JOIN department_alias a ON a.source_file = s.source_file AND a.name_printed = s.department
WHERE a.department_id = $1 AND s.phase = 'budget'
GROUP BY s.fiscal_year, s.class_code, s.class_name
ORDER BY s.class_code, s.fiscal_year;
