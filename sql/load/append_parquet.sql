-- Staged documents' rows of one table, in one insert: DuckDB reads their Parquet files itself
-- ($1: the files; {table}: the warehouse table, a name of ours). A table a document has no
-- rows for has no file in the list; columns are matched by name.
INSERT INTO {table} BY NAME SELECT * FROM read_parquet($1, union_by_name = true);
