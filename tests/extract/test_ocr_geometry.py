"""The pure parts of the OCR route, on images drawn here: skew, ruled lines, pieces of a line cut
at their gaps, dotted thousands, and a page built with a stand-in reader going through the same
lattice reader as a text-layer page. No OCR engine runs."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from extract.ocr_engine import OcrChar, _parts, thousands_commas
from extract.ocr_image import skew_angle, straighten
from extract.ocr_page import EM_PER_BOX_HEIGHT, closed_gaps, ocr_layout
from extract.ocr_rules import image_rules
from extract.pdf_page import page_lines

PX_PER_PT = 200 / 72


def _grid_page(turn_deg: float = 0.0) -> np.ndarray:
    """A white A4-landscape page at 200 dpi with a ruled 3 × 3 table, turned counter-clockwise."""
    page = np.full((1654, 2339), 255, np.uint8)
    xs, ys = [300, 900, 1500, 2000], [300, 400, 500, 600]
    for x in xs:
        cv2.line(page, (x, ys[0]), (x, ys[-1]), 0, 3)
    for y in ys:
        cv2.line(page, (xs[0], y), (xs[-1], y), 0, 3)
    for y in (350, 450, 550):  # a line of "text" in each row
        cv2.putText(page, "1234.56", (1650, y + 15), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    if turn_deg:
        m = cv2.getRotationMatrix2D((page.shape[1] / 2, page.shape[0] / 2), turn_deg, 1.0)
        page = cv2.warpAffine(page, m, (page.shape[1], page.shape[0]), borderValue=255)
    return page


@pytest.mark.parametrize("turn", [0.4, -0.35, 1.2])
def test_the_skew_of_a_turned_page_is_measured_to_a_twentieth_of_a_degree(turn):
    assert skew_angle(_grid_page(turn)) == pytest.approx(turn, abs=0.05)


def test_a_straight_page_is_left_as_it_is():
    page = _grid_page()
    straight, angle = straighten(page)
    assert angle == 0.0 and straight is page


def test_ruled_lines_of_a_straightened_scan_are_the_grid_in_points():
    straight, _ = straighten(_grid_page(0.4))
    rules, text_only = image_rules(straight, PX_PER_PT)
    verticals = sorted(round(r.x0) for r in rules if not r.horizontal)
    horizontals = sorted(round(r.top) for r in rules if r.horizontal)
    assert verticals == pytest.approx([108, 324, 540, 720], abs=2)  # 300, 900, 1500, 2000 px
    assert horizontals == pytest.approx([108, 144, 180, 216], abs=2)
    assert (text_only[300:600, 300] == 255).all()  # the long borders are painted out for the reader
    assert (text_only < 128).any()  # the figures are not


def test_a_piece_read_with_a_space_is_cut_at_its_widest_blank_run():
    ink = np.zeros((10, 100), bool)
    ink[:, 5:20] = ink[:, 24:27] = ink[:, 60:90] = True  # '12' then a narrow gap, then a wide one
    assert _parts("123 456", 0, 100, 0, 9, ink) == [("123", 5, 27), ("456", 60, 90)]
    assert _parts("123", 0, 100, 0, 9, ink) == [("123", 0, 100)]


def test_dots_between_groups_of_three_digits_are_thousands_commas():
    assert thousands_commas("11.316.59") == "11,316.59"
    assert thousands_commas("3.014.300.00") == "3,014,300.00"
    assert thousands_commas("1.5") == "1.5" and thousands_commas("11.31.59") == "11.31.59"


def test_narrow_gaps_inside_a_word_close_and_a_code_stays_apart_from_its_name():
    h = 20 / EM_PER_BOX_HEIGHT  # boxes whose em is 20 px
    chars = [
        OcrChar("0", 0, 0, 10, h, 1.0),
        OcrChar("1", 10, 0, 20, h, 1.0),  # '01'
        OcrChar("住", 46, 0, 66, h, 1.0),  # 26 px = 1.3 em after the code: another cell
        OcrChar("房", 70, 0, 90, h, 1.0),
    ]  # 4 px = 0.2 em inside the name: closed
    out = closed_gaps(chars)
    assert out[1].x1 == 20 and out[2].x0 == 46
    assert out[2].x1 == out[3].x0 == 68


def test_a_scanned_page_goes_through_the_lattice_reader_with_its_scores():
    """A stand-in reader puts '1234.56' in each row's last cell: the page's rows are the grid's."""

    def reader(image):
        return [
            OcrChar(ch, 1650 + 25 * k, y - 20, 1675 + 25 * k, y + 20, 0.97)
            for y in (350, 450, 550)
            for k, ch in enumerate("1234.56")
        ]

    layout = ocr_layout(_grid_page(), 1, 2339 / PX_PER_PT, 1654 / PX_PER_PT, reader=reader)
    assert layout.read_by == "ocr" and len(layout.glyphs) == 21
    lines = page_lines(layout)
    assert [ln.method for ln in lines] == ["lattice"] * 3
    assert [ln.cells for ln in lines] == [("", "", "1234.56")] * 3
    assert [ln.confidences for ln in lines] == [(None, None, 0.97)] * 3
