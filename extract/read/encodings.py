"""Bytes → text for text-like inputs: BOMs, UTF-16, UTF-8, Windows-1258."""

from __future__ import annotations

import codecs

from . import ReadError


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > 0.05 * len(sample)


def decode_text(data: bytes) -> tuple[str, list[str]]:
    """Decode a text file; return the text and warnings about how it was decoded."""
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), warnings
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(enc, errors="replace"), warnings
    # UTF-16 without BOM: every other byte is NUL for Vietnamese/ASCII text.
    head = data[:2000]
    if len(head) > 8 and head[1::2].count(0) > 0.3 * len(head[1::2]):
        return data.decode("utf-16-le", errors="replace"), ["decoded as UTF-16-LE (no BOM)"]
    if len(head) > 8 and head[0::2].count(0) > 0.3 * len(head[0::2]):
        return data.decode("utf-16-be", errors="replace"), ["decoded as UTF-16-BE (no BOM)"]
    if _looks_binary(data):
        raise ReadError("binary content, not a text file")
    try:
        return data.decode("utf-8"), warnings
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    text = data.decode("cp1258", errors="replace")
    if text.count("\ufffd") > 0.01 * len(text):
        raise ReadError(f"undecodable text (not UTF-8 at byte {bad_at}, not Windows-1258)")
    warnings.append("decoded as Windows-1258 (not valid UTF-8)")
    return text, warnings
