-- Per department and 功能科目 class: 一般公共预算支出 of year $1 against the year before,
-- with the change in 元 and in percent (NULL where the class was not printed the year before),
-- from v_budget_lines's class rows summed in advance (agg_budget_class).
WITH by_year AS (
    SELECT department, fiscal_year, class_code, sum(amount_yuan) AS amount_yuan
    FROM agg_budget_class
    WHERE fiscal_year IN ($1, $1 - 1)
      AND statement = 'general_budget_expenditure' AND measure = 'total'
    GROUP BY ALL
)
SELECT cur.department, cur.class_code,
       prev.amount_yuan AS previous_yuan,
       cur.amount_yuan AS current_yuan,
       cur.amount_yuan - prev.amount_yuan AS change_yuan,
       round(100 * (cur.amount_yuan - prev.amount_yuan) / nullif(prev.amount_yuan, 0), 1) AS change_pct
FROM by_year cur
LEFT JOIN by_year prev
       ON prev.department = cur.department AND prev.class_code = cur.class_code
      AND prev.fiscal_year = cur.fiscal_year - 1
WHERE cur.fiscal_year = $1
ORDER BY cur.department, cur.class_code;
