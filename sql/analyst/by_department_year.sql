-- Total expenditure per department and fiscal year: the 合计 column of 支出总表 summed over its
-- 功能科目 classes (the class rows only: 款 and 项 rows break the same money down), from
-- v_budget_lines's class rows summed in advance (agg_budget_class; class_rows: the facts summed).
SELECT department, fiscal_year, sum(amount_yuan) AS amount_yuan, CAST(sum(n_facts) AS BIGINT) AS class_rows
FROM agg_budget_class
WHERE statement = 'expenditure' AND measure = 'total'
GROUP BY department, fiscal_year
ORDER BY department, fiscal_year;
