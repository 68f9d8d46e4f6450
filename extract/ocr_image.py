"""A scanned page's image made ready for OCR: grey, upright, straight (pure numpy/OpenCV).

A page scanned a few tenths of a degree askew drifts by several pixels across a table (0.4° over
1,750 px is 12 px, half a row of a small table), which breaks both the ruled lines found in the
image and the rows the glyphs form. The skew is measured from the image itself: text lines and
table rules make the row profile sharpest when they are horizontal.
"""

from __future__ import annotations

import cv2
import numpy as np

# Skews searched: scanners and phone captures of printed pages stay within ±3°; a page turned
# by a quarter turn is a different case (``upright``).
MAX_SKEW_DEG = 3.0
# Coarse step, then a fine search around the best: 0.05° keeps the drift under 1.5 px over an
# A4 width at 150 dpi (sin 0.05° × 1,754 px).
COARSE_STEP_DEG = 0.25
FINE_STEP_DEG = 0.05
# The profile is measured on a copy this wide: the skew is a property of the whole page, and a
# small copy makes each tried angle cost under a millisecond.
PROFILE_WIDTH_PX = 1000
# Below this the page is left as it is (rotating resamples every pixel, which costs sharpness).
MIN_CORRECTION_DEG = 0.05


def to_grey(image: np.ndarray) -> np.ndarray:
    if image.ndim == 3:
        return cv2.cvtColor(image, cv2.COLOR_RGB2GRAY if image.shape[2] == 3 else cv2.COLOR_RGBA2GRAY)
    return image


def ink(grey: np.ndarray) -> np.ndarray:
    """Dark marks as 255 on 0 (Otsu's threshold: scans differ in paper tone and contrast)."""
    _, out = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    return out


def skew_angle(grey: np.ndarray) -> float:
    """Degrees the page content is turned counter-clockwise (rotate by minus this to straighten)."""
    scale = min(1.0, PROFILE_WIDTH_PX / grey.shape[1])
    small = cv2.resize(ink(grey), None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else ink(grey)
    if not small.any():
        return 0.0

    def sharpness(angle: float) -> float:
        rows = _rotated(small, angle).sum(axis=1, dtype=np.float64)
        return float(np.square(np.diff(rows)).sum())

    def best(angles: np.ndarray) -> float:
        return float(max(angles, key=sharpness))

    coarse = best(np.arange(-MAX_SKEW_DEG, MAX_SKEW_DEG + 1e-9, COARSE_STEP_DEG))
    fine = best(np.arange(coarse - COARSE_STEP_DEG, coarse + COARSE_STEP_DEG + 1e-9, FINE_STEP_DEG))
    return -fine


# Isolated dark specks (dust, sensor noise) up to this size in pixels are removed before reading:
# the recogniser reads a speck beside a figure as a decimal point ('.400.00', '166.00.'). A 3 px
# median keeps strokes of 1.5 px and more, which body text has at OCR_DPI (5 pt text at 200 dpi).
DESPECKLE_PX = 3


def despeckle(grey: np.ndarray) -> np.ndarray:
    return cv2.medianBlur(grey, DESPECKLE_PX)


def straighten(grey: np.ndarray) -> tuple[np.ndarray, float]:
    """The page turned upright by its measured skew, and that skew in degrees."""
    angle = skew_angle(grey)
    if abs(angle) < MIN_CORRECTION_DEG:
        return grey, 0.0
    return _rotated(grey, -angle, border=255), angle


def _rotated(image: np.ndarray, angle: float, border: int = 0) -> np.ndarray:
    """``image`` turned counter-clockwise by ``angle`` degrees about its centre, same size."""
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
