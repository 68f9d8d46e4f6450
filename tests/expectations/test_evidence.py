"""The report's page crops: the cells outlined where they are printed, on a scanned page too."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np
from PIL import Image

from expectations.evidence import pdf_crop
from extract.ocr_image import skew_angle
from extract.ocr_page import OCR_DPI
from tests.fixtures.pdf.scan import scan_pdf

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "pdf"
ORIGINAL = FIXTURES / "004_split_codes_ruled.pdf"
ROWS = (60.0, 200.0, 780.0, 260.0)  # a band of 004 page 6's 一般公共预算支出预算表, in points of the upright page


def _grey(uri: str) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1]))).convert("L"), dtype=np.float32)


def _likeness(a: np.ndarray, b: np.ndarray) -> float:
    """Correlation of two crops' ink at a quarter of their resolution (scan noise and blur aside)."""
    small = [np.asarray(Image.fromarray(x).resize((x.shape[1] // 4, x.shape[0] // 4))).ravel() for x in (a, b)]
    return float(np.corrcoef(*small)[0, 1])


def test_a_page_scanned_sideways_is_shown_as_it_was_read_upright(tmp_path):
    """004 page 6 laid on the scanner sideways (turned 90°; OCR stands it upright by 3 quarter
    turns): its crop around the cells' boxes, measured on the upright page, is the crop of the
    text-layer page; shown as scanned it is another picture (the page's width is its height)."""
    scan = scan_pdf(ORIGINAL, tmp_path / "sideways.pdf", range(6, 7), seed=21, quarter=90)
    skew = _skew_read(scan, 3)
    printed = _grey(pdf_crop(ORIGINAL, 6, [ROWS]))
    upright = _grey(pdf_crop(scan, 1, [ROWS], quarter_turns=3, skew_deg=skew))
    assert upright.shape == printed.shape
    assert _likeness(upright, printed) > 0.95  # measured 0.99
    # not straightened, the band's rows drift across the rules (0.71); on its head, 0.53
    assert _likeness(_grey(pdf_crop(scan, 1, [ROWS], quarter_turns=3)), printed) < 0.8
    assert _likeness(_grey(pdf_crop(scan, 1, [ROWS], quarter_turns=1, skew_deg=skew)), printed) < 0.8
    assert _grey(pdf_crop(scan, 1, [ROWS])).shape[1] == 1190  # as scanned: 595 pt wide at scale 2


def _skew_read(scan: Path, quarter_turns: int) -> float:
    """The skew OCR straightens the page by (extract/ocr_image.skew_angle), without the engine."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scan))
    grey = pdf[0].render(scale=OCR_DPI / 72, grayscale=True).to_numpy()
    pdf.close()
    return skew_angle(np.ascontiguousarray(np.rot90(grey, quarter_turns)))


def test_a_text_layer_page_crop_is_the_whole_page_rendered_and_cut_at_the_cells():
    """Only the band around the cells is rendered (expectations/evidence._rendered_band): the crop
    is the one cut from the whole page's render, the cells outlined in the same place."""
    from expectations import evidence

    boxes = [ROWS, (300.5, 231.25, 420.0, 247.75)]
    band = _grey(pdf_crop(ORIGINAL, 6, boxes))
    size, page = evidence._rendered_page(str(ORIGINAL), evidence.stamp(ORIGINAL), 6)
    whole = np.asarray(evidence._outlined(page.copy(), size, boxes, 0).convert("L"), dtype=np.float32)
    assert band.shape == whole.shape == (int((260 + 36) * 2) - int((200 - 36) * 2), 1683)  # a landscape page, 842 pt wide
    assert np.abs(band - whole).max() <= 40 and float(np.mean(band != whole)) < 0.002
    red = np.asarray(Image.open(io.BytesIO(base64.b64decode(pdf_crop(ORIGINAL, 6, boxes).split(",", 1)[1]))))
    outlined = (red[..., 0] > 200) & (red[..., 1] < 60)
    assert outlined[36 * 2, 60 * 2 : 780 * 2].mean() > 0.95  # the first box's top edge, 36 pt under the crop's top
