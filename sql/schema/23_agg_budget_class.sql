-- The class-level (类) budget lines of v_budget_lines summed in advance, for the analyst queries
-- that read whole years of them (sql/analyst/by_function_class.sql, by_department_year.sql,
-- year_over_year.sql): one row per department (as printed) × year × statement × measure × fund
-- source × phase × class. Derived: rebuilt from the facts with the dimensions
-- (sql/refresh/agg_budget_class.sql), never loaded.
CREATE TABLE IF NOT EXISTS agg_budget_class (
    department  VARCHAR,                  -- fact_budget_amount.department, as v_budget_lines shows it
    fiscal_year INTEGER,
    statement   VARCHAR NOT NULL,         -- the table's statement kind (source_table.statement)
    measure     VARCHAR NOT NULL,
    fund_source VARCHAR NOT NULL,
    phase       VARCHAR,
    class_code  VARCHAR NOT NULL,         -- the 3-digit function_code of a class row
    amount_yuan DECIMAL(38, 2) NOT NULL,  -- sum() of the facts' DECIMAL(18, 2): exact, never a float
    n_facts     BIGINT NOT NULL           -- the facts summed (printed class rows)
);
