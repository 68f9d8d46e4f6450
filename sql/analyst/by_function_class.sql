-- 一般公共预算支出 by 功能科目 class (类) in one fiscal year ($1), over all departments: the 合计
-- column of each 一般公共预算支出表 at class level (classes are printed rows, so nothing is counted twice),
-- from v_budget_lines's class rows summed in advance (agg_budget_class).
SELECT a.class_code,
       any_value(d.name) AS class_name,
       count(DISTINCT a.department) AS departments,
       sum(a.amount_yuan) AS amount_yuan
FROM agg_budget_class a
LEFT JOIN dim_function d ON d.code = a.class_code
WHERE a.fiscal_year = $1
  AND a.statement = 'general_budget_expenditure' AND a.measure = 'total'
GROUP BY 1
ORDER BY amount_yuan DESC;
