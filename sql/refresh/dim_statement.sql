DELETE FROM dim_statement;
INSERT INTO dim_statement
SELECT statement, min(statement_zh) FROM source_table GROUP BY statement;
