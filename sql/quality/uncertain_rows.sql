-- Rows holding a number whose column is unknown: their sums cannot be checked. $1 = source files,
-- $2 = the reasons that say a column is unknown (transform/sink.UNKNOWN_COLUMN).
SELECT DISTINCT source_file, table_index, row_index
FROM unplaced_cell
WHERE list_contains($2, reason) AND list_contains($1, source_file) AND source_file BETWEEN list_min($1) AND list_max($1)
