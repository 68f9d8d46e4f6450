-- The document's own list of tables (目录 with 是否空表 / 公开空表理由), one row per 表N it names, and
-- whether the document prints that table (the tables suite reports one listed but not printed).
CREATE TABLE IF NOT EXISTS listed_table (
    source_file   VARCHAR NOT NULL,
    line          INTEGER,
    page          INTEGER,
    department    VARCHAR,
    fiscal_year   INTEGER,
    table_number  VARCHAR NOT NULL,  -- 表N
    title         VARCHAR,           -- as listed
    listed_empty  BOOLEAN,           -- 是否空表: 是 = true, 否 = false
    listed_reason VARCHAR,           -- 公开空表理由
    printed       BOOLEAN NOT NULL,  -- a table with this 表N is in the document
    table_index   INTEGER            -- that table, in source_table
);
