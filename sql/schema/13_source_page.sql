-- One row per page of a PDF document: did it have a text layer, and how were its rows read.
CREATE TABLE IF NOT EXISTS source_page (
    source_file    VARCHAR NOT NULL,
    page           INTEGER NOT NULL,  -- 1-based
    status         VARCHAR NOT NULL,  -- text | ocr (no text layer, its image read by OCR) | needs_ocr (a scan OCR found no text on) | blank
    n_glyphs       INTEGER NOT NULL,  -- characters in the text layer
    n_lines        INTEGER NOT NULL,  -- lines read (plain lines and table rows)
    n_lattice_rows INTEGER NOT NULL,  -- table rows read from ruled cells
    n_stream_rows  INTEGER NOT NULL,  -- table rows read from text positions (unruled tables)
    n_images       INTEGER NOT NULL,
    quarter_turns  INTEGER,           -- OCR'd page: quarter turns counter-clockwise that stood its image upright (0-3)
    skew_deg       DOUBLE             -- OCR'd page: the tilt its image was straightened by, degrees (boxes are on the straightened page)
);
ALTER TABLE source_page ADD COLUMN IF NOT EXISTS quarter_turns INTEGER;
ALTER TABLE source_page ADD COLUMN IF NOT EXISTS skew_deg DOUBLE;
