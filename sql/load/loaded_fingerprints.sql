-- (source_file, sha256, parser_version) of every loaded document: what a run compares files with.
SELECT source_file, sha256, parser_version FROM source_document;
