CREATE TABLE IF NOT EXISTS dim_fiscal_year (
    fiscal_year INTEGER PRIMARY KEY
);
