"""The OCR engine behind scanned pages: RapidOCR (PP-OCR models run by onnxruntime).

Why RapidOCR: its wheel ships the detection, direction and recognition models (PP-OCRv6 small,
``rapidocr/models/``), so it installs from PyPI and runs with no network — nothing is ever
downloaded at run time (RapidOCR would only download a model that is missing from that folder;
``engine()`` checks they are there and fails with a clear message otherwise). It reads the
characters of each text line with a box and a score per character (``return_word_box``), which
is what the glyph model of ``extract/pdf_geometry.py`` needs. Measured against tesseract in
``/work/notes/ocr.md`` and the README ("Scanned pages").

This module is the only one that imports the engine; it is created once per process (the
models take ~2 s to load) and reused for every page the process reads.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from extract.errors import ExtractError

# The engine's own limit on the longer side of the image it detects text in (default 2000 px):
# a 150-dpi A4 scan (1754 px) and a 200-dpi render are read at their own size, never shrunk.
MAX_SIDE_PX = 4000
# Text is detected on a copy whose longer side is at most this (px); recognition still reads
# each line from the full-resolution page. Measured on the committed scans (200-dpi render,
# 2,339 px wide): detection 3.3 s -> 1.0 s a page with the same lines found; at 960 px the
# detector starts merging neighbouring header cells.
DETECT_SIDE_PX = 1280
# Threads of each onnxruntime session (its default: one per core). The per-file workers already run
# one per core (setting workers, 0 = one per CPU), and a machine shared with other work has fewer
# cores free than it has: measured 2026-12-01 on 2 shared cores (load 3), the same 11 pages (004
# scan, corpus page images) read identically in 27.7 s with 1 thread, 35.3 s with 2 and 36.1 s with
# the default, each the mean of 3 interleaved rounds (/work/notes/ocr2.md). A smaller detection
# copy (1,024 px) was faster too but read 4 of the 22 pages differently: not taken.
SESSION_THREADS = 1
# Lines the engine scores under this are dropped by it as noise (its default). Every character of
# a kept line is kept whatever its own score: a figure read with a low score is one to check, not
# to drop; its ocr_confidence says so and the document's sums decide (expectations/checks/ocr_proof.py).
LINE_SCORE_MIN = 0.5

# A figure read with dots between its groups of three digits ('11.316.59'): the recogniser reads a
# thousands comma whose tail the scan lost as a dot. More than one dot makes it no number at all;
# the groups of three say which dots are commas. (Whether the figure is then right, the sums decide.)
_DOTTED_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+\.\d{1,2}$")


_ENGINE = None
_LOCK = threading.Lock()
# RapidOCR keeps the use_det / use_cls / use_rec of its last call as its own state: every call here
# names all three and holds this lock, so a detection-only call never leaves recognition off.
_CALL_LOCK = threading.Lock()


class OcrUnavailable(ExtractError):
    pass


@dataclass(frozen=True)
class OcrChar:
    """One recognised character: its box in pixels of the image read, and its score (0–1)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    score: float
    line: int = 0  # which recognised text line it belongs to
    spaced: bool = False  # the recogniser read a space before it


def engine():
    """The process's RapidOCR, created on first use from the models inside its wheel."""
    global _ENGINE
    with _LOCK:
        if _ENGINE is None:
            try:
                import rapidocr
                from rapidocr import RapidOCR
            except ImportError as exc:  # pragma: no cover - the dependency is declared
                raise OcrUnavailable(f"OCR is not installed (rapidocr): {exc}") from None
            models = Path(rapidocr.__file__).parent / "models"
            if not all(any(models.glob(f"*{task}*.onnx")) for task in ("det", "cls", "rec")):
                raise OcrUnavailable(f"the OCR models are missing from {models}; reinstall rapidocr from the constraints")
            _ENGINE = RapidOCR(
                params={
                    "Global.log_level": "error",
                    "Global.max_side_len": MAX_SIDE_PX,
                    "Global.text_score": LINE_SCORE_MIN,
                    # pages are deskewed and upright before they are read: the 0/180° classifier
                    # costs a third of the time and only ever turns a figure upside down
                    "Global.use_cls": False,
                    "Det.limit_type": "max",
                    "Det.limit_side_len": DETECT_SIDE_PX,
                    "EngineConfig.onnxruntime.intra_op_num_threads": SESSION_THREADS,
                    "EngineConfig.onnxruntime.inter_op_num_threads": SESSION_THREADS,
                }
            )
        return _ENGINE


def _run(image: np.ndarray, det: bool, cls: bool, rec: bool, word_box: bool = False):
    with _CALL_LOCK:
        return engine()(image, use_det=det, use_cls=cls, use_rec=rec, return_word_box=word_box)


def text_boxes(image: np.ndarray, side_px: int) -> list[tuple[float, float, float, float]]:
    """The text lines the detector finds on a copy of ``image`` at most ``side_px`` on its longer
    side, as (x0, top, x1, bottom) in pixels of ``image``; no recognition."""
    scale = min(1.0, side_px / max(image.shape[:2]))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
    boxes = getattr(_run(small, det=True, cls=False, rec=False), "boxes", None)
    out = []
    for quad in boxes if boxes is not None else ():
        xs, ys = [p[0] / scale for p in quad], [p[1] / scale for p in quad]
        out.append((float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))))
    return out


def upright_scores(crops: list[np.ndarray]) -> list[float]:
    """Per crop of one text line: the direction classifier's score, positive when the line reads
    upright, negative when it is upside down (0–1 either way)."""
    out = []
    for crop in crops:
        result = getattr(_run(crop, det=False, cls=True, rec=False), "cls_res", None)
        if result:
            label, score = result[0]
            out.append(float(score) if str(label) == "0" else -float(score))
    return out


def read_text(image: np.ndarray) -> tuple[str, float]:
    """The text of a small image (one cell cropped from a page): its pieces left to right, joined,
    and the lowest of their scores ('' and 0 when nothing is read)."""
    result = _run(image, det=True, cls=False, rec=True)
    txts, scores, boxes = getattr(result, "txts", None), getattr(result, "scores", None), getattr(result, "boxes", None)
    if not txts:
        return "", 0.0
    pieces = sorted(zip((min(p[0] for p in quad) for quad in boxes), txts, scores))
    return thousands_commas("".join(str(t).strip() for _, t, _ in pieces)), float(min(s for _, _, s in pieces))


def read_characters(image: np.ndarray) -> list[OcrChar]:
    """Every character the engine reads in a grey image, with its box and score.

    A word the engine returns as one piece (digits often are) is split into its characters with
    the box shared evenly among them; a piece holding spaces ('11,316.59 11,290.59': two cells of
    an unruled table read as one line) is first cut at its widest blank runs of pixels, so the
    gap between the cells is where it is printed, and the stream reader sees two segments."""
    result = _run(image, det=True, cls=False, rec=True, word_box=True)
    if not result.txts:  # nothing detected: the engine's empty result has no word boxes to read
        return []
    # ink: darker than the page's Otsu threshold (small print on a 150-dpi scan is mid-grey, not black)
    level, _ = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    ink = image < level
    out: list[OcrChar] = []
    for number, line in enumerate(result.word_results or ()):
        for piece in line or ():
            if not isinstance(piece, (tuple, list)) or len(piece) != 3:
                continue
            text, score, quad = piece
            xs = [p[0] for p in quad]
            ys = [p[1] for p in quad]
            x0, x1, top, bottom = float(min(xs)), float(max(xs)), float(min(ys)), float(max(ys))
            for n_part, (part, p0, p1) in enumerate(_parts(text, x0, x1, top, bottom, ink)):
                p0, p1 = _ink_span(ink, p0, p1, top, bottom)
                chars = list(thousands_commas(part))
                step = (p1 - p0) / max(len(chars), 1)
                for k, ch in enumerate(chars):
                    out.append(
                        OcrChar(
                            ch,
                            p0 + k * step,
                            top,
                            p0 + (k + 1) * step,
                            bottom,
                            float(score),
                            number,
                            spaced=k == 0 and (n_part > 0 or text[:1].isspace()),
                        )
                    )
    return out


def _ink_span(ink: np.ndarray, x0: float, x1: float, top: float, bottom: float) -> tuple[float, float]:
    """A piece's x-range narrowed to where its ink is: the engine's boxes are padded and its
    character boxes (estimated from the recogniser's time steps) run into the next gap, which
    would close the gap between a code and its name, or between two cells."""
    strip = ink[max(0, int(top)) : int(bottom) + 1, max(0, int(x0)) : int(x1) + 1]
    if not strip.size:
        return x0, x1
    inked = np.flatnonzero(strip.any(axis=0))
    if not inked.size:
        return x0, x1
    return max(0, int(x0)) + float(inked[0]), max(0, int(x0)) + float(inked[-1]) + 1


def thousands_commas(text: str) -> str:
    """'11.316.59' -> '11,316.59'; any other text as read."""
    if _DOTTED_THOUSANDS.match(text):
        head, _, tail = text.rpartition(".")
        return head.replace(".", ",") + "." + tail
    return text


def _parts(text: str, x0: float, x1: float, top: float, bottom: float, ink: np.ndarray) -> list[tuple[str, float, float]]:
    """The space-separated parts of a piece with the x-range each covers in the image."""
    parts = text.split()
    if len(parts) <= 1:
        return [(text.strip() or text, x0, x1)]
    strip = ink[max(0, int(top)) : int(bottom) + 1, max(0, int(x0)) : int(x1) + 1]
    dark = strip.any(axis=0) if strip.size else np.zeros(0, dtype=bool)
    gaps: list[tuple[int, int]] = []  # blank runs inside the ink: (start, end) columns
    inked = np.flatnonzero(dark)
    if inked.size:
        start = None
        for i in range(int(inked[0]), int(inked[-1]) + 1):
            if not dark[i] and start is None:
                start = i
            elif dark[i] and start is not None:
                gaps.append((start, i))
                start = None
    widest = sorted(sorted(gaps, key=lambda g: g[1] - g[0], reverse=True)[: len(parts) - 1])
    if len(widest) < len(parts) - 1:  # no blank to cut at: share the box by characters
        total = sum(len(p) for p in parts) + len(parts) - 1
        out, at = [], x0
        for p in parts:
            w = (x1 - x0) * len(p) / total
            out.append((p, at, at + w))
            at += w + (x1 - x0) / total
        return out
    bounds = [int(inked[0])] + [x for g in widest for x in g] + [int(inked[-1]) + 1]
    return [(p, x0 + bounds[2 * k], x0 + bounds[2 * k + 1]) for k, p in enumerate(parts)]
