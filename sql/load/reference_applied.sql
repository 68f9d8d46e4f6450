-- The md5 of the reference file ($1 = its name) the dimensions were last built with.
SELECT md5 FROM reference_applied WHERE name = $1
