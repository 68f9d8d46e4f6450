CREATE TABLE IF NOT EXISTS dim_statement (
    statement    VARCHAR PRIMARY KEY,
    statement_zh VARCHAR NOT NULL
);
