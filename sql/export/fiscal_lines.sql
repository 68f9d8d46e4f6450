-- The budget lines as the Fiscal Data Package's one fiscal resource (budget-etl export --format
-- datapackage): v_budget_lines' columns, then the classifications as hierarchies (class 类 ⊃ group
-- 款 ⊃ item 项; economic 类 ⊃ 款) and the direction of the money.
SELECT l.*,
       left(l.function_code, 3) AS function_class,
       CASE WHEN length(l.function_code) >= 5 THEN left(l.function_code, 5) END AS function_group,
       CASE WHEN length(l.function_code) = 7 THEN l.function_code END AS function_item,
       left(l.economic_code, 3) AS economic_class,
       CASE WHEN length(l.economic_code) = 5 THEN l.economic_code END AS economic_item,
       CASE WHEN l.measure = 'income' THEN 'revenue' ELSE 'expenditure' END AS direction
FROM v_budget_lines l
