-- Every file with rows in the warehouse: loaded, failed, or with findings.
SELECT source_file FROM source_document
UNION SELECT source_file FROM ingest_error
UNION SELECT source_file FROM dq_finding;
