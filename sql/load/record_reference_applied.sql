-- The dimensions were built with this version ($2 = md5) of a reference file ($1 = its name).
INSERT OR REPLACE INTO reference_applied VALUES ($1, $2)
