-- 一般公共预算支出 by 功能科目 class (类) in one fiscal year ($1), over all departments: the 合计
-- column of each 一般公共预算支出表 at class level (classes are printed rows, so nothing is counted twice).
SELECT left(l.function_code, 3) AS class_code,
       any_value(d.name) AS class_name,
       count(DISTINCT l.department) AS departments,
       sum(l.amount_yuan) AS amount_yuan
FROM v_budget_lines l
LEFT JOIN dim_function d ON d.code = left(l.function_code, 3)
WHERE l.fiscal_year = $1
  AND l.statement = 'general_budget_expenditure' AND l.measure = 'total' AND length(l.function_code) = 3
GROUP BY 1
ORDER BY amount_yuan DESC;
