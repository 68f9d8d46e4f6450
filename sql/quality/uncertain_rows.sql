-- Rows holding a number whose column is unknown: their sums cannot be checked. $1 = source files.
SELECT DISTINCT source_file, table_index, row_index
FROM unplaced_cell
WHERE reason = 'ambiguous_column' AND list_contains($1, source_file)
