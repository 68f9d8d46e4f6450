-- Whether each OCR'd fact of the validated documents is proven by a sum that holds (validation
-- registers its proofs as ocr_proofs: source_file, table_index, row_index, col_index, ocr_proof).
UPDATE fact_budget_amount AS f
SET verified = (p.ocr_proof = 'proven')
FROM ocr_proofs AS p
WHERE f.source_file = p.source_file AND f.table_index = p.table_index
  AND f.row_index = p.row_index AND f.col_index = p.col_index
