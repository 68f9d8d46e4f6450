"""The parser version a loaded document is stamped with."""

# Bumped whenever extraction or normalization changes what a document yields: a file loaded
# by an older parser is re-ingested even if its bytes did not change.
PARSER_VERSION = "0.6.4"
