-- A warehouse made before agg_budget_class: the schema creates the table empty, and the
-- dimensions' refresh, which fills it, runs at that write (load/warehouse.py).
SELECT count(*) FILTER (WHERE table_name = 'fact_budget_amount') > 0
       AND count(*) FILTER (WHERE table_name = 'agg_budget_class') = 0 AS missing
FROM information_schema.tables
