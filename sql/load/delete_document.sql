-- Everything a document contributed; run before its rows are (re)loaded. $1 = source_file.
DELETE FROM fact_budget_amount WHERE source_file = $1;
DELETE FROM unplaced_cell WHERE source_file = $1;
DELETE FROM source_table WHERE source_file = $1;
DELETE FROM source_page WHERE source_file = $1;
DELETE FROM source_document WHERE source_file = $1;
DELETE FROM ingest_error WHERE source_file = $1;
DELETE FROM dq_finding WHERE source_file = $1;
