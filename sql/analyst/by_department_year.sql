-- Total expenditure per department and fiscal year: the 合计 column of 支出总表 summed over its
-- 功能科目 classes (the class rows only: 款 and 项 rows break the same money down).
SELECT department, fiscal_year, sum(amount_yuan) AS amount_yuan, count(*) AS class_rows
FROM v_budget_lines
WHERE statement = 'expenditure' AND measure = 'total' AND length(function_code) = 3
GROUP BY department, fiscal_year
ORDER BY department, fiscal_year;
