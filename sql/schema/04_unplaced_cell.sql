-- Numeric cells that did not become facts, and why (README: unplaced reasons).
CREATE TABLE IF NOT EXISTS unplaced_cell (
    source_file   VARCHAR NOT NULL,
    table_index   INTEGER NOT NULL,
    row_index     INTEGER NOT NULL,
    col_index     INTEGER,           -- empty for a token of a space-aligned row whose column is unknown
    line          INTEGER,
    page          INTEGER,
    cell_box      VARCHAR,  -- PDF: 'x0,top,x1,bottom' in points from the page's top-left
    cell_text     VARCHAR NOT NULL,
    row_label     VARCHAR,
    column_header VARCHAR,
    reason        VARCHAR NOT NULL
);
ALTER TABLE unplaced_cell ALTER COLUMN col_index DROP NOT NULL;
ALTER TABLE unplaced_cell ADD COLUMN IF NOT EXISTS cell_box VARCHAR;
-- How the cell was read: 'text' (a PDF's text layer, a text file) or 'ocr' (a scanned page's image,
-- extract/ocr_page.py), and for OCR the recognition score (0–1) of the cell's least sure character.
ALTER TABLE unplaced_cell ADD COLUMN IF NOT EXISTS read_by VARCHAR;
ALTER TABLE unplaced_cell ADD COLUMN IF NOT EXISTS ocr_confidence DOUBLE;
ALTER TABLE unplaced_cell ADD COLUMN IF NOT EXISTS ocr_reread BOOLEAN;  -- OCR'd: its text is a second reading's
