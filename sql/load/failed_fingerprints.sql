-- (source_file, sha256, parser_version) of every file whose last attempt failed after it was read.
SELECT source_file, sha256, parser_version FROM ingest_error WHERE sha256 IS NOT NULL;
