"""The pure parts of the OCR route, on images drawn here: skew, which way up a page lies, ruled
lines, pieces of a line cut at their gaps, dotted thousands, and a page built with a stand-in reader
going through the same lattice reader as a text-layer page. No OCR engine runs."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from extract.ocr_engine import OcrChar, _parts, thousands_commas
from extract.ocr_image import skew_angle, straighten
from extract.ocr_orientation import VOTE_LINES, VOTE_PIECE_ASPECT, page_turns, rotated_box
from extract.ocr_page import EM_PER_BOX_HEIGHT, closed_gaps, full_width, ocr_layout, off_rules
from extract.ocr_rules import image_rules
from extract.pdf_geometry import Glyph, Rule
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

    layout = ocr_layout(_grid_page(), 1, 2339 / PX_PER_PT, 1654 / PX_PER_PT, reader=reader, orient=lambda image, chars: 0)
    assert layout.read_by == "ocr" and len(layout.glyphs) == 21
    lines = page_lines(layout)
    assert [ln.method for ln in lines] == ["lattice"] * 3
    assert [ln.cells for ln in lines] == [("", "", "1234.56")] * 3
    assert [ln.confidences for ln in lines] == [(None, None, 0.97)] * 3


def test_a_box_turned_with_its_image_covers_the_same_ink():
    image = np.zeros((300, 500), np.uint8)
    image[40:60, 100:400] = 255  # a line of 'text' 300 px wide, 20 px high
    turned = np.rot90(image, 1)
    ys, xs = np.nonzero(turned)
    assert rotated_box((100, 40, 400, 60), image.shape[1]) == (xs.min(), ys.min(), xs.max() + 1, ys.max() + 1)


def _page_lines(tall: bool) -> list[tuple[float, float, float, float]]:
    """Boxes of ten text lines as a detector gives them: wide, or tall on a page turned a quarter."""
    wide = [(100.0, 100.0 + 40 * k, 900.0, 130.0 + 40 * k) for k in range(10)]
    return [rotated_box(b, 1200) for b in wide] if tall else wide


@pytest.mark.parametrize(
    ("tall", "upside_down", "turns"), [(False, False, 0), (False, True, 2), (True, False, 1), (True, True, 3)]
)
def test_which_way_up_a_page_lies_is_read_from_its_lines(tall, upside_down, turns):
    """Tall lines: a quarter turn; then the classifier's vote on pieces of the longest lines,
    cut to its input shape, says whether a half turn is needed too."""
    grey = np.full((1200, 1200), 255, np.uint8)
    seen = []

    def classify(pieces):
        seen.extend(p.shape for p in pieces)
        return [-0.9 if upside_down else 0.9] * len(pieces)

    assert page_turns(grey, [], boxes_of=lambda image, side: _page_lines(tall), upright_of=classify) == turns
    assert len(seen) == VOTE_LINES and all(w <= VOTE_PIECE_ASPECT * h for h, w in seen)


def test_lines_read_across_the_page_are_the_first_look_and_too_few_look_again():
    def char(line, x0, top, x1, bottom):
        return OcrChar("字", x0, top, x1, bottom, 0.99, line)

    chars = [char(k, 100, 100 + 40 * k, 900, 130 + 40 * k) for k in range(4)]
    grey = np.full((1200, 1200), 255, np.uint8)
    looked = []

    def detector(image, side):
        looked.append(side)
        return _page_lines(tall=True)

    assert page_turns(grey, chars, boxes_of=detector, upright_of=lambda p: [0.9] * len(p)) == 0 and not looked
    assert page_turns(grey, chars[:2], boxes_of=detector, upright_of=lambda p: [0.9] * len(p)) == 1 and looked


def test_a_page_found_sideways_is_read_again_upright_with_its_size_in_points_swapped():
    """The grid page lies turned a quarter clockwise (a landscape table scanned sideways): the
    second reading gets the upright image, and the layout is the landscape page's."""
    upright = _grid_page()
    sideways = np.ascontiguousarray(np.rot90(upright, -1))
    read = []

    def reader(image):
        read.append(image.shape)
        return []

    layout = ocr_layout(sideways, 1, 1654 / PX_PER_PT, 2339 / PX_PER_PT, reader=reader, orient=lambda image, chars: 1)
    assert read == [sideways.shape, upright.shape]
    assert (layout.width, layout.height) == pytest.approx((2339 / PX_PER_PT, 1654 / PX_PER_PT))
    assert layout.quarter_turns == 1
    verticals = sorted(round(r.x0) for r in layout.rules if not r.horizontal)
    assert verticals == pytest.approx([108, 324, 540, 720], abs=2)


def test_full_width_punctuation_takes_its_em_as_in_a_text_layer():
    """'单位：元' as read from a scan: the colon's ink is a narrow column in the middle of its em;
    widened to the em, it stands as close to 元 as in the text layer, and the line stays whole."""
    h = 20 / EM_PER_BOX_HEIGHT  # em 20 px
    chars = [OcrChar("位", 0, 0, 20, h, 1.0), OcrChar("：", 26, 0, 30, h, 1.0), OcrChar("元", 44, 0, 64, h, 1.0, spaced=True)]
    out = full_width(chars)
    assert (out[1].x0, out[1].x1) == (20, 38)  # 8 px each side, but not over 位
    assert out[0] == chars[0] and out[2] == chars[2]
    assert full_width([OcrChar("1", 26, 0, 30, h, 1.0)]) == [OcrChar("1", 26, 0, 30, h, 1.0)]


def test_a_stroke_read_on_a_ruled_line_is_the_rule_and_a_digit_there_is_kept():
    """The 合计 line of 万里街道 2024 page 15, scanned: '0|' against each cell's right border. The
    '|' takes in the border (x = 620) and goes; a '|' between cells, and a '1' on the border, stay."""
    border = Rule(620.0, 70.7, 620.0, 94.8)
    zero, stroke = Glyph("0", 607.6, 77.9, 614.6, 86.9), Glyph("|", 614.6, 77.9, 620.9, 86.9)
    apart, one = Glyph("|", 590.0, 77.9, 596.0, 86.9), Glyph("1", 616.0, 77.9, 621.0, 86.9)
    assert off_rules([zero, stroke, apart, one], [border, Rule(57.4, 70.7, 783.0, 70.7)]) == [zero, apart, one]
