"""Bytes of a text disclosure -> str, with the encoding detected rather than assumed."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from extract.errors import EmptyDocument, UndecodableText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding). UTF-8 first (the common case), then BOMs, then detection."""
    if not data.strip():
        raise EmptyDocument("the file is empty")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise UndecodableText(
                    f"the file starts with a {name} byte-order mark but is not valid {name} "
                    f"at byte {exc.start} of {len(data)} (truncated or damaged?)"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for name in ("gb18030",):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, name
    best = from_bytes(data).best()
    if best is None or not _looks_like_text(str(best)):
        raise UndecodableText("the text is in no encoding we can detect (binary file?)")
    return str(best), best.encoding


def _looks_like_text(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    return controls <= len(text) // 100
