-- DuckDB's own scan of the fact table, the yardstick of the analyst queries' latency (bench/analyst_queries.py).
SELECT sum(amount_yuan) FROM fact_budget_amount;
