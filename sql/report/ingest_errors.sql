-- Files that could not be loaded, for the quality report.
SELECT source_file, stage, message, occurred_at FROM ingest_error ORDER BY source_file
