"""OCR for PDF pages without a text layer: Tesseract's Vietnamese model, through its CLI.

Handles, as found in received plans:
- scanned reports whose only text layer is the digital-signature stamp added after
  scanning (the PDF reader finds those pages and masks the stamps before OCR);
- red seals printed over the text: the page is read from its red channel, where red ink
  is nearly white and black print stays black;
- pages read in parallel, one Tesseract process per CPU with one thread each (Tesseract's
  own threading is slower than that on small machines);
- a number or day written by hand into the header's blanks (``Số: 23 /BC-UBND``,
  ``ngày 23 tháng 01``) and read as something else is read again with digits only.

The result is words with their boxes in PDF points (top-left origin), grouped in the lines
Tesseract found; the PDF reader lays them out like the glyphs of a text layer.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from xml.etree import ElementTree

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from . import ReadError

DPI = 300
LANG = "vie"
# The Tesseract executable; ``$VNPLAN_TESSERACT`` points to another one.
TESSERACT_CMD = os.environ.get("VNPLAN_TESSERACT", "tesseract")
_TIMEOUT_S = 300
_SCALE = DPI / 72
# Tesseract's x_size (ascender to descender of a line, in pixels) per point of font size.
_XSIZE_PER_POINT = 1.16 * _SCALE
_XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float  # an estimate of the font size in points
    conf: float


Box = tuple[float, float, float, float]  # x0, top, x1, bottom in points


@cache
def _languages(cmd: str) -> frozenset[str] | None:
    """Languages Tesseract has models for; None when Tesseract cannot be run."""
    exe = shutil.which(cmd)
    if exe is None:
        return None
    try:
        out = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    lines = (out.stdout + "\n" + out.stderr).splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and " " not in ln.strip())


def check_available(page_number: int) -> None:
    """Raise the one-line :class:`ReadError` users see when OCR is impossible here."""
    langs = _languages(TESSERACT_CMD)
    if langs is None or LANG not in langs:
        raise ReadError(
            f"page {page_number} has no text layer and Tesseract (tesseract-ocr-{LANG}) "
            "is not installed"
        )


def ocr_pages(
    pdf: pdfium.PdfDocument, pages: list[tuple[int, list[Box]]]
) -> tuple[dict[int, list[list[Word]]], list[str]]:
    """OCR the given pages (1-based numbers, with boxes to blank out first).

    Returns the words of each page by line, and notes on fields re-read as digits.
    """
    if not pages:
        return {}, []
    check_available(pages[0][0])
    exe = shutil.which(TESSERACT_CMD) or TESSERACT_CMD
    workers = max(1, min(len(pages), os.cpu_count() or 1))
    results: dict[int, list[list[Word]]] = {}
    notes: list[str] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {}
        for number, masks in pages:
            image, png = _render(pdf, number - 1, masks)
            futures[number] = (pool.submit(_tesseract, exe, png, "hocr"), image)
        for number, (future, image) in futures.items():
            lines = _parse_hocr(future.result(), number)
            notes.extend(_reread_fields(exe, image, lines, number))
            results[number] = lines
    return results, notes


def _render(pdf: pdfium.PdfDocument, index: int, masks: list[Box]) -> tuple[Image.Image, bytes]:
    page = pdf[index]
    try:
        image = page.render(scale=_SCALE).to_pil()
    finally:
        page.close()
    gray = image.getchannel("R") if image.mode in ("RGB", "RGBA") else image.convert("L")
    if masks:
        draw = ImageDraw.Draw(gray)
        for x0, top, x1, bottom in masks:
            draw.rectangle(
                [x0 * _SCALE - 4, top * _SCALE - 4, x1 * _SCALE + 4, bottom * _SCALE + 4], fill=255
            )
    return gray, _png(gray)


def _png(image: Image.Image) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


def _tesseract(exe: str, png: bytes, output: str, *options: str) -> tuple[int, str, str]:
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    cmd = [exe, "stdin", "stdout", "-l", LANG, "--dpi", str(DPI), *options, output]
    try:
        out = subprocess.run(
            cmd, input=png, capture_output=True, timeout=_TIMEOUT_S, env=env, check=False
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"Tesseract took longer than {_TIMEOUT_S} s"
    except OSError as exc:
        return -1, "", str(exc)
    return (
        out.returncode,
        out.stdout.decode("utf-8", "replace"),
        out.stderr.decode("utf-8", "replace"),
    )


_LINE_CLASSES = ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat")
_BBOX_RE = re.compile(r"bbox (\d+) (\d+) (\d+) (\d+)")
_BASELINE_RE = re.compile(r"baseline (-?[\d.]+) (-?[\d.]+)")
_XSIZE_RE = re.compile(r"x_size ([\d.]+)")
_CONF_RE = re.compile(r"x_wconf (\d+)")


def _parse_hocr(result: tuple[int, str, str], number: int) -> list[list[Word]]:
    """Words with boxes in points; a word's ``bottom`` is the line's baseline under it."""
    code, hocr, err = result
    if code != 0:
        reason = next((ln for ln in err.splitlines() if ln.strip()), f"exit code {code}")
        raise ReadError(f"OCR failed on page {number}: {reason.strip()}")
    try:
        root = ElementTree.fromstring(hocr)
    except ElementTree.ParseError as exc:
        raise ReadError(f"OCR failed on page {number}: unreadable Tesseract output") from exc
    out: list[list[Word]] = []
    for span in root.iter(_XHTML + "span"):
        if span.get("class") not in _LINE_CLASSES:
            continue
        title = span.get("title", "")
        box = _BBOX_RE.search(title)
        if box is None:
            continue
        lx0, _, _, ly1 = (int(v) for v in box.groups())
        slope, offset = 0.0, 0.0
        if m := _BASELINE_RE.search(title):
            slope, offset = float(m.group(1)), float(m.group(2))
        x_size = float(m.group(1)) if (m := _XSIZE_RE.search(title)) else 0.0
        words: list[Word] = []
        for w in span.iter(_XHTML + "span"):
            if w.get("class") != "ocrx_word":
                continue
            text = "".join(w.itertext()).strip()
            wbox = _BBOX_RE.search(w.get("title", ""))
            if not text or wbox is None:
                continue
            x0, y0, x1, y1 = (int(v) for v in wbox.groups())
            base = ly1 + offset + slope * ((x0 + x1) / 2 - lx0)
            size = x_size / _XSIZE_PER_POINT if x_size else (y1 - y0) / _SCALE / 1.25
            conf = float(m.group(1)) if (m := _CONF_RE.search(w.get("title", ""))) else -1.0
            words.append(
                Word(text, x0 / _SCALE, x1 / _SCALE, y0 / _SCALE, base / _SCALE, size, conf)
            )
        words = _clean_line(words)
        if words:
            out.append(words)
    return out


_SPLIT_SYMBOL_RE = re.compile(r"^\d{1,5}[a-zđ]?/[\wĐđ/.&-]*-$")
_SYMBOL_TAIL_RE = re.compile(r"^[A-ZĐ][A-ZĐ0-9&-]*[a-zđ]?[A-ZĐ0-9&-]*[,;.:)]*$")


def _clean_line(words: list[Word]) -> list[Word]:
    """Undo what Tesseract does to these documents: ``Ð`` for ``Đ`` (``QĐÐ``), a symbol cut
    at its hyphen by a justified line's wide spacing (``1368/QĐ-`` ``UBND``), and specks of
    seals and rules read as punctuation (``À .^A .À k4``)."""
    cleaned: list[Word] = []
    for w in words:
        text = w.text.replace("Ð", "Đ").replace("ĐĐ", "Đ")
        if cleaned and _SPLIT_SYMBOL_RE.match(cleaned[-1].text) and _SYMBOL_TAIL_RE.match(text):
            prev = cleaned.pop()
            w = Word(prev.text + text, prev.x0, w.x1, prev.top, prev.bottom, prev.size, prev.conf)
            text = w.text
        cleaned.append(
            Word(text, w.x0, w.x1, w.top, w.bottom, w.size, w.conf) if text != w.text else w
        )
    chars = "".join(w.text for w in cleaned)
    alnum = sum(ch.isalnum() for ch in chars)
    if not chars or alnum < 0.6 * len(chars):
        return []
    confs = [w.conf for w in cleaned if w.conf >= 0]
    if len(cleaned) <= 2 and confs and sum(confs) / len(confs) < 45:
        return []
    return cleaned


# Handwritten numbers in the header: "Số: 23 /BC-UBND", "ngày 23 tháng 01 năm 2025".
_DAY_CONTEXT = (re.compile(r"^ngày$", re.I), re.compile(r"^tháng$", re.I))
_NUMBER_CONTEXT = (re.compile(r"^Số\s*:?$"), re.compile(r"^/"))
_MONTH_CONTEXT = (re.compile(r"^tháng$", re.I), re.compile(r"^năm$", re.I))
_DIGIT_LOOKALIKES = str.maketrans("Il|OoQ", "111000")


def _reread_fields(exe: str, image: Image.Image, lines: list[list[Word]], number: int) -> list[str]:
    """Re-read with digits only a header blank filled in by hand that OCR did not read as
    digits (``ngày ,@3 tháng``); return a note for each one changed."""
    notes: list[str] = []
    for words in lines[:12]:
        for i in range(1, len(words) - 1):
            before, word, after = words[i - 1], words[i], words[i + 1]
            if re.fullmatch(r"\d{1,4}", word.text):
                continue
            if _MONTH_CONTEXT[0].match(before.text) and _MONTH_CONTEXT[1].match(after.text):
                # a printed month read with letters for digits: "I1" → "11"
                fixed = word.text.translate(_DIGIT_LOOKALIKES)
                if fixed.isdigit() and 1 <= int(fixed) <= 12:
                    words[i] = Word(fixed, word.x0, word.x1, word.top, word.bottom, word.size, -1)
                continue
            for (first, last), valid in ((_DAY_CONTEXT, _valid_day), (_NUMBER_CONTEXT, None)):
                if not (first.match(before.text) and last.match(after.text)):
                    continue
                digits = _read_digits(exe, image, word)
                if digits and (valid is None or valid(digits)):
                    notes.append(f"page {number}: handwritten {word.text!r} read as {digits!r}")
                    words[i] = Word(digits, word.x0, word.x1, word.top, word.bottom, word.size, -1)
                elif valid is not None:
                    # An unreadable day is left blank, as on a draft, rather than guessed.
                    notes.append(f"page {number}: handwritten day {word.text!r} not readable")
                    words[i] = Word("", word.x0, word.x1, word.top, word.bottom, word.size, -1)
                break
    for k, words in enumerate(lines):
        lines[k] = [w for w in words if w.text]
    return notes


def _valid_day(digits: str) -> bool:
    return 1 <= int(digits) <= 31


def _read_digits(exe: str, image: Image.Image, word: Word) -> str | None:
    pad = 0.3 * word.size * _SCALE
    crop = image.crop(
        (
            max(0, int(word.x0 * _SCALE - pad)),
            max(0, int(word.top * _SCALE - pad)),
            int(word.x1 * _SCALE + pad),
            int(word.bottom * _SCALE + 2 * pad),
        )
    )
    png = _png(crop)
    readings = []
    # Handwriting reads differently under each segmentation mode: take the majority, else
    # the single-word reading.
    for psm in ("8", "7", "13"):
        code, text, _ = _tesseract(
            exe, png, "txt", "--psm", psm, "-c", "tessedit_char_whitelist=0123456789"
        )
        text = re.sub(r"\s+", "", text)
        readings.append(text if code == 0 and re.fullmatch(r"\d{1,4}", text) else None)
    counts = Counter(r for r in readings if r)
    if counts:
        best, n = counts.most_common(1)[0]
        if n >= 2:
            return best
    return readings[0]
