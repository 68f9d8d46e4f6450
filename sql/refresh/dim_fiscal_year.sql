DELETE FROM dim_fiscal_year;
INSERT INTO dim_fiscal_year
SELECT DISTINCT fiscal_year FROM source_table WHERE fiscal_year IS NOT NULL
UNION
SELECT fiscal_year FROM source_document WHERE fiscal_year IS NOT NULL;
