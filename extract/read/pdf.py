"""PDF: text and positions from pypdfium2, tables from pdfplumber where the page has rules.

Handles, as found in received plans:
- characters read with their boxes (pypdfium2's text page) and laid out into lines by
  position, not by the order the producer wrote them: the two-column administrative header
  (issuing body left, ``CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`` right; ``Số:`` left, place and
  date right) becomes one header table block whose cells the header parser reads;
- numbers and days filled in by the signing software (``Số: 565 /TB-UBND``, ``ngày 15``),
  which live in signature form fields, not in the page text: the fields are flattened so
  their text joins the line it is printed on;
- digital-signature stamps (``Ký bởi: ... Cơ quan: ... Thời gian ký: ...``,
  ``TRUNG TÂM CÔNG BÁO VÀ TIN HỌC ttcbth@... 18.11.2024 07:25:14 +07:00``), as form fields or
  as page text, kept out of the header as blocks of kind ``signature``;
- other side-by-side columns (``Nơi nhận:`` list left, signer right) read column by column;
- ruled tables (pdfplumber's table finder, only on pages that draw rules): rows and cells,
  a table continued on the next page merged into one, its repeated header row dropped;
- running headers and footers (lines repeated at the same place on many pages) and bare
  page numbers removed;
- lines re-joined into paragraphs by indentation, line spacing, line ends and the text
  reader's wording rules; ``6138/UBND-`` / ``KGVX`` split symbols and soft hyphens re-joined;
- superscript footnote markers turned into ``¹`` (removed from the text by
  :func:`~extract.read.build_document`), footnote bodies into ``footnote`` blocks;
- pages without a text layer (scans, also scans that carry only a signature stamp as text)
  read by OCR (:mod:`extract.read.ocr`).
"""

from __future__ import annotations

import ctypes
import io
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .. import patterns
from ..model import Block, Cell
from ..normalize import match_text, nfc
from . import _PAGE_MARK_RE, ReadError, ReadResult, page_mark
from .text import _OPEN_WORDS, _is_caps

_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPT_TO_DIGIT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_TERMINAL = ".;:!?…"
_BULLET_RE = re.compile(r"^\s*[-–·•*+○▪►✓](?=\s)")
# A line opening a new block whatever the layout: clause labels, bullets, articles. A bare
# number ("02 Chương trình") is not one: it is a count that a line break put first.
_STRONG_START_RE = re.compile(
    r"""^\s*(?:
        (?:[IVXLC]{1,6}|[A-ZĐ])[.)](?=\s|$)
      | \d{1,3}(?:\.\d{1,3}){0,4}[.)](?=\s)
      | \d{1,3}(?:\.\d{1,3}){1,4}(?=\s)
      | [a-zđ][.)](?=\s)
      | [-–·•*+○▪►✓](?=\s)
      | (?:Điều\s+\d|Chương\s+[IVXLC\d]|Mục\s+\d|Phần\s+[IVXLC\d]|Phụ\s+lục|PHỤ\s+LỤC
         |Nơi\s+nhận|Kính\s+gửi|Căn\s+cứ)
    )""",
    re.X,
)
# A place/date line even when OCR garbled the handwritten day ("ngày ,@3 tháng 01 năm 2025").
_LOOSE_DATE_LINE_RE = re.compile(r",\s*ngày\b.{0,12}\btháng\b.{0,8}\bnăm\s*\d{4}", re.I)
_DASH_WORD_RE = re.compile(r"^\s*[-–]\s+(\w)")
# "... quy định tại khoản 5" + "Điều 3 của Nghị định này": a pinpoint goes on.
# The cited item is a number, a letter or a roman numeral: "điều chỉnh", "mục tiêu" are words.
_PINPOINT_END_RE = re.compile(
    r"(?:khoản|điểm|mục|tiết|Điều|điều|số)\s+(?:\d[\w.]{0,5}|[a-zđ]|[IVXLC]{1,5})$"
)
_PAGE_NUMBER_RE = re.compile(
    r"^[-–—\s]*(?:(?:Trang|trang|Page)\s*)?\d{1,4}(?:\s*(?:/|của|of)\s*\d{1,4})?[-–—\s]*$"
)
_RULE_LINE_RE = re.compile(r"^[-–—_=*.…\s]{3,}$")
_DIGITS_RE = re.compile(r"\d+")
# Text of a digital-signature stamp (VGCA signing software, provincial gazette centres).
_STAMP_RE = re.compile(
    r"(?:Người\s+ký|Ký\s+bởi|Thời\s+gian\s+ký|Ngày\s+ký|Signed\s+by|Signature\s+Not\s+Verified"
    r"|Email\s*:|E-mail\s*:"
    r"|[\w.-]+@[\w-]+(?:\.[\w-]+)+"
    r"|\d{1,2}[./]\d{1,2}[./]\d{4}\s+\d{1,2}:\d{2}(?::\d{2})?"
    r"|[+-]\d{2}:\d{2}\s*$)",
    re.I,
)
# Pages with fewer printable characters than this outside stamps have no text layer.
_MIN_TEXT_CHARS = 25


class _Char:
    """One glyph in top-left page coordinates (points), as the reader lays it out."""

    __slots__ = ("bold", "bottom", "size", "text", "top", "x0", "x1")

    def __init__(
        self, text: str, x0: float, x1: float, top: float, bottom: float, size: float, bold: bool
    ) -> None:
        self.text = text
        self.x0 = x0
        self.x1 = x1
        self.top = top
        self.bottom = bottom
        self.size = size
        self.bold = bold


@dataclass(slots=True)
class _Line:
    chars: list[_Char]
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    base: float  # the baseline region: median bottom of the line's full-size glyphs
    size: float
    bold: bool
    words: list[tuple[float, float]]  # horizontal spans of the words


@dataclass(slots=True)
class _Table:
    top: float
    bottom: float
    x0: float
    x1: float
    cells: list[list[tuple[float, float, float, float] | None]]  # boxes; None: merged away
    rows: list[list[str]] = field(default_factory=list)


@dataclass(slots=True)
class _Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[_Line] = field(default_factory=list)
    tables: list[_Table] = field(default_factory=list)
    stamp_groups: list[list[_Line]] = field(default_factory=list)
    stamp_boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    needs_ocr: bool = False
    ocr: bool = False


# ---------------------------------------------------------------------------------------
# entry point


def read_pdf(path: Path, data: bytes) -> ReadResult:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc)
        if "password" in msg.lower():
            raise ReadError("encrypted PDF (a password is needed to open it)") from exc
        raise ReadError(f"not a readable PDF ({msg.rstrip('.')})") from exc
    try:
        return _read(pdf, data)
    finally:
        pdf.close()


def _read(pdf: pdfium.PdfDocument, data: bytes) -> ReadResult:
    n_pages = len(pdf)
    if n_pages == 0:
        raise ReadError("the PDF has no pages")
    warnings: list[str] = []
    has_forms = _has_widgets(pdf)
    if has_forms:
        pdf.init_forms()
    pages: list[_Page] = []
    plumber = _Plumber(data)
    try:
        for index in range(n_pages):
            pages.append(_read_page(pdf, index, plumber))
    finally:
        plumber.close()
    ocr_pages = [p for p in pages if p.needs_ocr]
    if ocr_pages:
        from . import ocr

        results, notes = ocr.ocr_pages(pdf, [(p.number, p.stamp_boxes) for p in ocr_pages])
        warnings.append(f"OCR: {len(ocr_pages)} page{'s' if len(ocr_pages) > 1 else ''}")
        warnings.extend(notes)
        for p in ocr_pages:
            p.lines = _lines_from_runs(_ocr_runs(results.get(p.number, [])))
            p.ocr = True
            _split_text_stamps(p)
    _drop_running_lines(pages)
    blocks = _assemble(pages)
    if not blocks:
        raise ReadError("no text in the PDF")
    return ReadResult(blocks, "pdf", n_pages, warnings, ocr=bool(ocr_pages))


def _ocr_runs(lines: list[list]) -> list[list[_Char]]:
    """OCR words (one list per line Tesseract found) as runs of glyph-like items.

    Tesseract's size estimate wavers from line to line with the accents a line holds; sizes
    within 40% of the page's usual size are taken as that size.
    """
    sizes = sorted(w.size for words in lines for w in words)
    usual = sizes[len(sizes) // 2] if sizes else 12.0
    runs = []
    for words in lines:
        run: list[_Char] = []
        for w in words:
            size = usual if abs(w.size - usual) < 0.4 * usual else w.size
            if run:
                run.append(_Char(" ", run[-1].x1, run[-1].x1, w.top, w.bottom, size, False))
            run.append(_Char(nfc(w.text), w.x0, w.x1, w.top, w.bottom, size, False))
        if run:
            runs.append(run)
    return runs


def _has_widgets(pdf: pdfium.PdfDocument) -> bool:
    for index in range(len(pdf)):
        page = pdf[index]
        try:
            if pdfium_c.FPDFPage_GetAnnotCount(page.raw) > 0:
                return True
        finally:
            page.close()
    return False


# ---------------------------------------------------------------------------------------
# one page: characters, stamps, tables, lines


def _read_page(pdf: pdfium.PdfDocument, index: int, plumber: _Plumber) -> _Page:
    page = pdf[index]
    left, bottom_y, right, top_y = page.get_mediabox()
    width, height = right - left, top_y - bottom_y
    result = _Page(index + 1, width, height)
    widgets = _widget_rects(page)
    n_before = 0
    if widgets:
        textpage = page.get_textpage()
        n_before = textpage.count_chars()
        textpage.close()
        page.flatten()  # fill-in numbers and stamps become page text, appended at the end
        page.close()
        page = pdf[index]
    textpage = page.get_textpage()
    try:
        chars, field_chars, unmapped = _page_chars(
            textpage, left, top_y, n_before if widgets else None
        )
        rulings = _rulings(page)
        images = _image_coverage(page, width, height) if len(chars) < 400 else 0.0
    finally:
        textpage.close()
        page.close()
    # Text in form fields: short fill-ins (a number, a day) join the page text; anything else
    # is a signature stamp.
    for rect, fchars in _by_widget(field_chars, widgets, left, top_y):
        text = "".join(c.text for c in fchars).strip()
        if _is_fill_in(text):
            chars.extend(fchars)
        else:
            result.stamp_boxes.append(rect)
            stamp_lines = _lines_from_runs(_runs(fchars))
            if stamp_lines:
                result.stamp_groups.append(stamp_lines)
    result.lines = _lines_from_runs(_runs(chars))
    field_stamps = len(result.stamp_groups), len(result.stamp_boxes)
    _split_text_stamps(result)
    # Only a stamp as text (a scan signed after scanning), or glyphs without Unicode: OCR.
    printable = sum(len(ln.text) - ln.text.count(" ") for ln in result.lines)
    if images > 0.3 and (printable < _MIN_TEXT_CHARS or unmapped > 0.5 * printable):
        result.needs_ocr = True
        result.lines = []
        return result
    if rulings:
        tables = plumber.tables(index)
        if tables:
            result.tables = tables
            result.lines = _lines_from_runs(_runs(_take_table_chars(chars, tables)))
            del result.stamp_groups[field_stamps[0] :], result.stamp_boxes[field_stamps[1] :]
            _split_text_stamps(result)
    return result


def _widget_rects(page: pdfium.PdfPage) -> list[tuple[float, float, float, float]]:
    rects = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        if not annot:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_WIDGET:
                r = pdfium_c.FS_RECTF()
                if pdfium_c.FPDFAnnot_GetRect(annot, r):
                    rects.append((r.left, min(r.bottom, r.top), r.right, max(r.bottom, r.top)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return rects


def _page_chars(
    textpage: pdfium.PdfTextPage, left: float, top_y: float, field_from: int | None
) -> tuple[list[_Char], list[_Char], int]:
    """Glyphs of the page text and (after flattening) of the form fields; unmapped count."""
    raw = textpage.raw
    n = textpage.count_chars()
    rect = pdfium_c.FS_RECTF()
    get_unicode = pdfium_c.FPDFText_GetUnicode
    loose_box = pdfium_c.FPDFText_GetLooseCharBox
    is_generated = pdfium_c.FPDFText_IsGenerated
    font_size = pdfium_c.FPDFText_GetFontSize
    text_object = pdfium_c.FPDFText_GetTextObject
    map_error = pdfium_c.FPDFText_HasUnicodeMapError
    chars: list[_Char] = []
    fields: list[_Char] = []
    unmapped = 0
    bold_objects: dict[int, bool] = {}
    for i in range(n):
        code = get_unicode(raw, i)
        if code in (0, 0xFFFE, 0xFFFF) or code in (0x0D, 0x0A) or is_generated(raw, i) == 1:
            continue
        if code == 0x02:  # pdfium's mark for a hyphen at a line end
            text = "-"
        elif code < 0x20:
            continue
        else:
            text = chr(code)
        if not loose_box(raw, i, rect):
            continue
        size = font_size(raw, i)
        obj = text_object(raw, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or 0
        bold = bold_objects.get(key)
        if bold is None:
            bold = bold_objects[key] = _is_bold(obj) if key else False
        if map_error(raw, i) == 1:
            unmapped += 1
        c = _Char(
            text,
            rect.left - left,
            rect.right - left,
            top_y - rect.top,
            top_y - rect.bottom,
            size if size > 0 else (rect.top - rect.bottom),
            bold,
        )
        if field_from is not None and i >= field_from:
            fields.append(c)
        else:
            chars.append(c)
    return chars, fields, unmapped


def _is_bold(obj: object) -> bool:
    """Bold by the font's weight, its name (``TimesNewRomanPS-BoldMT``), its ForceBold flag,
    or text both filled and stroked (how Word thickens a font that has no bold face)."""
    if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) == pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE:
        return True
    font = pdfium_c.FPDFTextObj_GetFont(obj)
    if not font:
        return False
    if pdfium_c.FPDFFont_GetWeight(font) >= 600:
        return True
    if pdfium_c.FPDFFont_GetFlags(font) & (1 << 18):
        return True
    buf = ctypes.create_string_buffer(256)
    n = pdfium_c.FPDFFont_GetBaseFontName(font, buf, 256)
    name = buf.raw[: max(0, n - 1)].decode("latin-1", "replace")
    return bool(re.search(r"bold|black|heavy|semibold|demi", name, re.I))


def _by_widget(
    chars: list[_Char], rects: list[tuple[float, float, float, float]], left: float, top_y: float
) -> list[tuple[tuple[float, float, float, float], list[_Char]]]:
    """Field glyphs grouped by the widget whose rectangle holds them (top-left coordinates)."""
    boxes = [(r[0] - left, top_y - r[3], r[2] - left, top_y - r[1]) for r in rects]
    # Flattening appends the fields' text in field order, so a field's glyphs are contiguous;
    # overlapping field rectangles are told apart by that order.
    groups: dict[int, list[_Char]] = {}
    current = -1
    for c in chars:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        inside = [
            i
            for i, (x0, t, x1, b) in enumerate(boxes)
            if x0 - 2 <= cx <= x1 + 2 and t - 2 <= cy <= b + 2
        ]
        if current in inside:
            best = current
        elif inside:
            later = [i for i in inside if i > current]
            best = later[0] if later else inside[0]
            current = best
        else:
            best = -1
        groups.setdefault(best, []).append(c)
    out = []
    for i, group in groups.items():
        if i >= 0:
            box = boxes[i]
        else:
            box = (
                min(c.x0 for c in group),
                min(c.top for c in group),
                max(c.x1 for c in group),
                max(c.bottom for c in group),
            )
        out.append((box, group))
    return out


def _is_fill_in(text: str) -> bool:
    """``565``, ``15``, ``08``: what the signing software writes into the header's blanks."""
    return bool(text) and len(text) <= 12 and not _STAMP_RE.search(text) and "\n" not in text


def _image_coverage(page: pdfium.PdfPage, width: float, height: float) -> float:
    """Share of the page covered by its largest image (1.0 for a full-page scan)."""
    best = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        x0, y0, x1, y1 = obj.get_bounds()
        best = max(best, max(0.0, x1 - x0) * max(0.0, y1 - y0) / (width * height))
    return best


# ---------------------------------------------------------------------------------------
# ruling lines and tables


def _rulings(page: pdfium.PdfPage) -> bool:
    """Whether the page draws a grid: dark thin strokes or stroked boxes, both ways.

    White rectangles (Word paints them behind highlighted paragraphs) and the short rules
    under the header lines do not make a table.
    """
    horizontal = vertical = 0
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    fill_mode = ctypes.c_int()
    stroke = ctypes.c_int()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=2):
        x0, y0, x1, y1 = obj.get_bounds()
        w, h = x1 - x0, y1 - y0
        if max(w, h) < 6:
            continue
        pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(fill_mode), ctypes.byref(stroke))
        dark = False
        if stroke.value:
            pdfium_c.FPDFPageObj_GetStrokeColor(obj.raw, r, g, b, a)
            dark = a.value > 0 and (r.value + g.value + b.value) < 3 * 235
        if not dark and fill_mode.value:
            pdfium_c.FPDFPageObj_GetFillColor(obj.raw, r, g, b, a)
            dark = a.value > 0 and (r.value + g.value + b.value) < 3 * 235
        if not dark:
            continue
        if h <= 3 and w >= 6:
            horizontal += 1
        elif w <= 3 and h >= 6:
            vertical += 1
        elif stroke.value:
            horizontal += 2
            vertical += 2
    return horizontal >= 2 and vertical >= 2


class _Plumber:
    """pdfplumber opened lazily, only for pages that draw a grid."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pdf = None

    def tables(self, index: int) -> list[_Table]:
        import pdfplumber

        if self.pdf is None:
            self.pdf = pdfplumber.open(io.BytesIO(self.data))
        page = self.pdf.pages[index]
        try:
            grid = page.filter(_is_grid_object)
            found = grid.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"})
            out = []
            for t in found:
                cells = [list(row.cells) for row in t.rows]
                if len(cells) < 2 and all(len(r) < 2 for r in cells):
                    continue  # a framed box, not a table
                out.append(_Table(t.bbox[1], t.bbox[3], t.bbox[0], t.bbox[2], cells))
            return out
        finally:
            page.close()

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _is_grid_object(obj: dict) -> bool:
    kind = obj.get("object_type")
    if kind == "char":
        return False
    if kind not in ("rect", "line", "curve"):
        return False

    def light(color: object) -> bool:
        if color is None:
            return True
        values = color if isinstance(color, (tuple, list)) else (color,)
        try:
            nums = [float(v) for v in values]
        except (TypeError, ValueError):
            return False
        if len(nums) == 4:  # CMYK
            return sum(nums) < 0.08
        return bool(nums) and min(nums) > 0.92

    if kind == "rect":
        thin = min(obj["width"], obj["height"]) <= 3
        if obj.get("stroke") and not light(obj.get("stroking_color")):
            return True
        return bool(obj.get("fill")) and thin and not light(obj.get("non_stroking_color"))
    return not light(obj.get("stroking_color"))


def _take_table_chars(chars: list[_Char], tables: list[_Table]) -> list[_Char]:
    """Fill the tables' cells with the page's glyphs; return the glyphs outside the tables."""
    rest: list[_Char] = []
    found: list[list[list[list[_Char]]]] = [[[[] for _ in r] for r in t.cells] for t in tables]
    spans = [
        [
            (min(c[1] for c in r if c), max(c[3] for c in r if c)) if any(r) else (0.0, -1.0)
            for r in t.cells
        ]
        for t in tables
    ]
    for ch in chars:
        cx, cy = (ch.x0 + ch.x1) / 2, (ch.top + ch.bottom) / 2
        ti = next(
            (
                i
                for i, t in enumerate(tables)
                if t.x0 - 1 <= cx <= t.x1 + 1 and t.top - 1 <= cy <= t.bottom + 1
            ),
            None,
        )
        if ti is None:
            rest.append(ch)
            continue
        # A cell merged down over the rows below makes its row's span cover theirs: the
        # glyph goes to the cell whose box holds it, in whichever row that cell starts.
        cell = next(
            (
                (ri, ci)
                for ri, (top, bottom) in enumerate(spans[ti])
                if top <= cy <= bottom
                for ci, box in enumerate(tables[ti].cells[ri])
                if box and box[0] <= cx <= box[2] and box[1] <= cy <= box[3]
            ),
            None,
        )
        if cell is not None:
            found[ti][cell[0]][cell[1]].append(ch)
    for t, rows in zip(tables, found, strict=True):
        t.rows = [
            [_join_lines(_lines_from_runs(_runs(cc))) if cc else "" for cc in r] for r in rows
        ]
    return rest


# ---------------------------------------------------------------------------------------
# glyphs → lines


def _runs(chars: Sequence[_Char]) -> list[list[_Char]]:
    """Consecutive glyphs (in the producer's order) that sit on one baseline, left to right."""
    runs: list[list[_Char]] = []
    current: list[_Char] = []
    for c in chars:
        if current:
            p = current[-1]
            tol = 0.5 * max(min(p.size, c.size), 1.0)
            if abs(c.bottom - p.bottom) <= tol and c.x0 >= p.x0 - tol:
                current.append(c)
                continue
            runs.append(current)
        current = [c]
    if current:
        runs.append(current)
    return runs


def _lines_from_runs(runs: Iterable[list[_Char]]) -> list[_Line]:
    """Runs that overlap vertically form one line; lines top to bottom."""
    boxes = []
    for run in runs:
        run = [c for c in run if c.bottom > c.top or c.text.isspace()]
        if not run:
            continue
        top = min(c.top for c in run)
        bottom = max(c.bottom for c in run)
        boxes.append((top, bottom, run))
    boxes.sort(key=lambda b: (b[0] + b[1]) / 2)
    groups: list[list] = []  # [top, bottom, chars, horizontal spans of the runs]
    for top, bottom, run in boxes:
        height = max(bottom - top, 0.1)
        pieces = _pieces(run)
        for g in reversed(groups[-4:]):
            overlap = min(bottom, g[1]) - max(top, g[0])
            if overlap < 0.5 * min(height, max(g[1] - g[0], 0.1)):
                continue
            # Two lines close together are not one line: their words would overlap.
            if all(x1 <= a + 1 or x0 >= b - 1 for x0, x1 in pieces for a, b in g[3]):
                g[0], g[1] = min(g[0], top), max(g[1], bottom)
                g[2].extend(run)
                g[3].extend(pieces)
                break
        else:
            groups.append([top, bottom, list(run), pieces])
    lines = [line for g in groups if (line := _make_line(g[2])) is not None]
    lines.sort(key=lambda ln: (ln.top + ln.bottom) / 2)
    return lines


def _pieces(run: list[_Char]) -> list[tuple[float, float]]:
    """Horizontal spans of the run's words (glyphs closer than half their size)."""
    spans: list[list[float]] = []
    for c in sorted((c for c in run if not c.text.isspace()), key=lambda c: c.x0):
        if spans and c.x0 - spans[-1][1] < 0.5 * c.size:
            spans[-1][1] = max(spans[-1][1], c.x1)
        else:
            spans.append([c.x0, c.x1])
    return [(a, b) for a, b in spans]


def _make_line(chars: list[_Char]) -> _Line | None:
    chars = sorted(chars, key=lambda c: c.x0)
    sized = [c.size for c in chars if not c.text.isspace()]
    if not sized:
        return None
    size = max(sized)
    full = [c for c in chars if c.size >= 0.8 * size and not c.text.isspace()]
    base = statistics.median(c.bottom for c in full) if full else max(c.bottom for c in chars)
    out: list[str] = []
    words: list[tuple[float, float]] = []
    prev: _Char | None = None
    for c in chars:
        if prev is not None and c.text == prev.text and abs(c.x0 - prev.x0) < 0.2 * c.size:
            continue  # a glyph printed twice (fake bold)
        text = c.text
        small = c.size < 0.8 * size
        if small and text.isdigit() and c.bottom < base - 0.2 * size:
            text = text.translate(_SUPERSCRIPT_DIGITS)  # a footnote marker
        if text.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            prev = c
            continue
        if prev is not None and out and out[-1] != " ":
            gap = c.x0 - prev.x1
            if gap > 0.2 * max(min(c.size, prev.size), 1.0):
                out.append(" ")
        if not out or out[-1] == " ":
            words.append((c.x0, c.x1))
        else:
            words[-1] = (words[-1][0], max(words[-1][1], c.x1))
        out.append(text)
        prev = c
    text = "".join(out).strip()
    if not text:
        return None
    ink = [c for c in chars if not c.text.isspace()]
    letters = [c for c in ink if c.text.isalpha()] or ink
    return _Line(
        chars=chars,
        text=nfc(text),
        x0=min(c.x0 for c in ink),
        x1=max(c.x1 for c in ink),
        top=min(c.top for c in ink),
        bottom=max(c.bottom for c in ink),
        base=base,
        size=statistics.median(c.size for c in full) if full else size,
        bold=sum(c.bold for c in letters) > 0.6 * len(letters),
        words=words,
    )


def _sub_line(line: _Line, keep) -> _Line | None:
    return _make_line([c for c in line.chars if keep((c.x0 + c.x1) / 2)])


# ---------------------------------------------------------------------------------------
# stamps given as page text


def _split_text_stamps(page: _Page) -> None:
    """Lines of a signature stamp printed as page text go to ``page.stamp_groups``.

    A stamp line names the signer, the time of signing or an e-mail address
    (``Người ký: ...``, ``Thời gian ký: ...``, ``ttcbth@quangngai.gov.vn``); its neighbours in
    the same small box (``TRUNG TÂM CÔNG BÁO`` / ``VÀ TIN HỌC``, ``Cơ quan: ...``) go with it.
    """
    lines = page.lines
    if not lines:
        return
    body = _body_size(lines)
    flagged = [False] * len(lines)
    for i, ln in enumerate(lines):
        in_margin = ln.bottom < 0.2 * page.height or ln.top > 0.85 * page.height
        if _STAMP_RE.search(ln.text) and (in_margin or ln.size < 0.85 * body):
            flagged[i] = True
    if not any(flagged):
        return
    changed = True
    while changed:
        changed = False
        for i, ln in enumerate(lines):
            if flagged[i]:
                continue
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and flagged[j]:
                    o = lines[j]
                    close = abs(ln.top - o.top) < 2.2 * max(o.size, ln.size)
                    same_box = ln.x0 < o.x1 and o.x0 < ln.x1 and abs(ln.size - o.size) < 1.5
                    national = _header_rules()["national"].search(match_text(ln.text))
                    if close and same_box and not national and len(ln.text) < 90:
                        flagged[i] = changed = True
                        break
    group: list[_Line] = []
    kept: list[_Line] = []
    for i, ln in enumerate(lines):
        if flagged[i]:
            group.append(ln)
            page.stamp_boxes.append((ln.x0, ln.top, ln.x1, ln.bottom))
            continue
        if group:
            page.stamp_groups.append(group)
            group = []
        kept.append(ln)
    if group:
        page.stamp_groups.append(group)
    page.lines = kept


# ---------------------------------------------------------------------------------------
# running headers, footers, page numbers


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove bare page numbers and lines repeated at the same place across pages."""
    counts: Counter[tuple[int, str]] = Counter()
    keys: list[list[tuple[int, tuple[int, str]]]] = []
    for p in pages:
        page_keys = []
        for i, ln in enumerate(p.lines):
            if _in_margin_band(ln, p):
                key = (round(ln.top / 6), _DIGITS_RE.sub("#", ln.text.casefold()))
                page_keys.append((i, key))
        keys.append(page_keys)
        counts.update({k for _, k in page_keys})
    threshold = 2 if len(pages) == 2 else max(3, (len(pages) + 1) // 2)
    for p, page_keys in zip(pages, keys, strict=True):
        drop = {i for i, k in page_keys if counts[k] >= threshold and len(pages) >= 2}
        for i, ln in enumerate(p.lines):
            if i in drop:
                continue
            if _PAGE_NUMBER_RE.match(ln.text) and _is_edge_line(p, i):
                drop.add(i)
        if drop:
            p.lines = [ln for i, ln in enumerate(p.lines) if i not in drop]


def _in_margin_band(ln: _Line, p: _Page) -> bool:
    return ln.bottom < 0.1 * p.height or ln.top > 0.9 * p.height


def _is_edge_line(p: _Page, i: int) -> bool:
    """The first or last line of the page, in the top or bottom margin band."""
    ln = p.lines[i]
    if not (ln.bottom < 0.12 * p.height or ln.top > 0.88 * p.height):
        return False
    return i == 0 or i == len(p.lines) - 1


# ---------------------------------------------------------------------------------------
# reading order within a page


@dataclass(slots=True)
class _Item:
    kind: str  # "line", "break", "table", "header", "stamp"
    top: float
    line: _Line | None = None
    rows: list[list[str]] | None = None
    table: _Table | None = None
    flow: int = 0  # lines of one flow may join into paragraphs; a column is its own flow


@cache
def _header_rules() -> dict[str, re.Pattern[str]]:
    data = patterns.load("structure")
    return {
        "national": re.compile(data["national_name"], re.I),
        "motto": re.compile(data["motto"], re.I),
        "place_date": re.compile(data["place_date"], re.I),
        "number": re.compile(data["number_line"]),
    }


def _page_items(p: _Page) -> list[_Item]:
    """Lines, tables and stamps of one page in reading order."""
    items: list[_Item] = []
    for group in p.stamp_groups:
        items.append(_Item("stamp", min(ln.top for ln in group), rows=[[ln.text] for ln in group]))
    lines = p.lines
    used = [False] * len(lines)
    header = _header_zone(p)
    flow = 1
    if header is not None:
        rows, members, top = header
        for i in members:
            used[i] = True
        items.append(_Item("header", top, rows=rows))
    for zone in _column_zones(lines, used):
        left, right, top = zone
        for i in left[0] + right[0]:
            used[i] = True
        items.append(_Item("break", top - 0.002))
        for k, ln in enumerate(left[1]):
            items.append(_Item("line", top + 0.00001 * k, line=ln, flow=flow))
        flow += 1
        items.append(_Item("break", top + 0.001))
        for k, ln in enumerate(right[1]):
            items.append(_Item("line", top + 0.0011 + 0.00001 * k, line=ln, flow=flow))
        flow += 1
        items.append(_Item("break", top + 0.002))
    for i, ln in enumerate(lines):
        if not used[i]:
            items.append(_Item("line", ln.top, line=ln, flow=0))
    for t in p.tables:
        items.append(_Item("table", t.top, rows=t.rows, table=t))
    items.sort(key=lambda it: it.top)
    return items


def _header_zone(p: _Page) -> tuple[list[list[str]], list[int], float] | None:
    """The two-column administrative header as table rows, when the page has one.

    The column boundary is where the national name starts; lines above and below it belong
    to the header while no word crosses that boundary, down to the place/date and number
    lines (and a ``V/v`` subject line under the number).
    """
    rules = _header_rules()
    lines = p.lines
    found = None
    for rx, back in ((_NATIONAL_FOLDED_RE, 1.0), (_MOTTO_FOLDED_RE, 12.0)):
        for i, ln in enumerate(lines):
            if m := rx.search(_fold_marks(ln.text)):
                found = (i, m.start(), back)
                break
        if found:
            break
    if found is None:
        return None
    k, start, back = found
    nat = lines[k]
    split = _x_at(nat, start) - back
    margin = min(ln.x0 for ln in lines)
    if split < margin + 40:
        return None  # national name at the left margin: no second column
    members = [k]
    size = nat.size

    def halves(ln: _Line) -> tuple[_Line | None, _Line | None] | None:
        """The line cut at its gap nearest the column boundary; None when no gap is there."""
        gaps = [
            (b, a)
            for (_, b), (a, _) in pairwise(ln.words)
            if a - b >= 0.8 * ln.size and b - 60 < split < a + 60
        ]
        if gaps:
            g0, g1 = min(gaps, key=lambda g: max(0.0, g[0] - split, split - g[1]))
            cut = (g0 + g1) / 2
            return _sub_line(ln, lambda x: x < cut), _sub_line(ln, lambda x: x >= cut)
        if ln.x1 <= split + 0.5 * ln.size:
            return ln, None
        if ln.x0 >= split - 0.5 * ln.size:
            return None, ln
        return None  # a line across both columns

    parts: dict[int, tuple[_Line | None, _Line | None]] = {}
    if (h := halves(nat)) is None:
        return None
    parts[k] = h
    i = k - 1
    while i >= 0:
        ln = lines[i]
        h = halves(ln)
        if h is None or lines[members[0]].top - ln.bottom > 2.5 * size:
            break
        left = h[0]
        if left is not None and not _is_caps(left.text) and not _RULE_LINE_RE.match(left.text):
            break  # text above the header (a form's title), not the issuing body
        parts[i] = h
        members.insert(0, i)
        i -= 1
    seen_number = seen_date = False
    i = k + 1
    while i < len(lines):
        ln = lines[i]
        prev = lines[members[-1]]
        h = halves(ln)
        if h is None or ln.top - prev.bottom > 3.0 * size:
            break
        left, right = h
        lt = match_text(left.text) if left else ""
        rt = match_text(right.text) if right else ""
        if (
            seen_number
            and seen_date
            and not (left and not right and (lt.startswith("V/v") or lt[:1].islower()))
        ):
            break
        if right and not left and _is_caps(right.text) and not rules["motto"].search(rt):
            tight = ln.top - prev.bottom < 0.8 * size  # "NAM" wrapped from the national name
            if seen_number or seen_date or not tight:
                break  # the type line (THÔNG BÁO) under the header
        seen_number = seen_number or bool(rules["number"].match(lt))
        seen_date = seen_date or bool(
            rules["place_date"].match(rt)
            or rules["place_date"].match(lt)
            or _LOOSE_DATE_LINE_RE.search(rt)
        )
        parts[i] = h
        members.append(i)
        i += 1
    left_lines = [parts[i][0] for i in members if parts[i][0] is not None]
    right_lines = [parts[i][1] for i in members if parts[i][1] is not None]
    left_cells = _header_cells(left_lines)
    right_cells = _header_cells(right_lines)
    rows = _pair_cells(left_cells, right_cells)
    if not rows:
        return None
    return rows, members, min(lines[i].top for i in members)


# The national name and motto without tone marks, as OCR may misread them ("CHÚ NGHĨA").
_NATIONAL_FOLDED_RE = re.compile(r"CONG\s*HOA\s+XA\s+HOI\s+CHU\s+NGHIA\s+VIET\s+NAM", re.I)
_MOTTO_FOLDED_RE = re.compile(r"Doc\s+lap\s*[-–]\s*Tu\s+do\s*[-–]\s*Hanh\s+phuc", re.I)


@cache
def _fold_char(ch: str) -> str:
    if ch in "Đđ":
        return "D" if ch == "Đ" else "d"
    return unicodedata.normalize("NFD", ch)[:1] or ch


def _fold_marks(text: str) -> str:
    """Same-length copy of ``text`` without tone and vowel marks."""
    return "".join(_fold_char(ch) for ch in text)


def _x_at(line: _Line, offset: int) -> float:
    """Left edge of the glyph at ``offset`` in the line's text."""
    count = 0
    for c in line.chars:
        pos = line.text.find(c.text, count)
        if pos < 0:
            continue
        if pos >= offset:
            return c.x0
        count = pos + 1
    return line.x0


def _header_cells(lines: list[_Line]) -> list[tuple[float, float, str]]:
    """Lines of one header column grouped into cells: the body's name, the number, ..."""
    rules = _header_rules()
    cells: list[tuple[float, float, list[_Line]]] = []
    for ln in lines:
        text = ln.text.strip()
        if _RULE_LINE_RE.match(text):
            if cells:
                cells.append((ln.top, ln.bottom, []))  # a rule closes the cell above it
            continue
        mt = match_text(text)
        starts_new = (
            not cells
            or not cells[-1][2]
            or rules["number"].match(mt)
            or rules["place_date"].match(mt)
            or _LOOSE_DATE_LINE_RE.search(mt)
            or mt.startswith("V/v")
            or ln.bold != cells[-1][2][-1].bold
            or ln.top - cells[-1][2][-1].bottom > 1.2 * ln.size
            or rules["number"].match(match_text(cells[-1][2][-1].text))
            or rules["place_date"].match(match_text(cells[-1][2][-1].text))
            or _LOOSE_DATE_LINE_RE.search(match_text(cells[-1][2][-1].text))
        )
        if starts_new and mt[:1].islower() and cells and cells[-1][2]:
            starts_new = False  # a wrapped V/v line or place
        if starts_new:
            cells.append((ln.top, ln.bottom, [ln]))
        else:
            top, _, group = cells[-1]
            group.append(ln)
            cells[-1] = (top, ln.bottom, group)
    return [(t, b, _join_lines(group)) for t, b, group in cells if group]


def _pair_cells(
    left: list[tuple[float, float, str]], right: list[tuple[float, float, str]]
) -> list[list[str]]:
    """Rows of (left, right) cells that sit side by side; a lone cell gets an empty partner."""
    rows: list[list[str]] = []
    i = j = 0
    while i < len(left) or j < len(right):
        a = left[i] if i < len(left) else None
        b = right[j] if j < len(right) else None
        if a and b and min(a[1], b[1]) - max(a[0], b[0]) > -2:
            rows.append([a[2], b[2]])
            i += 1
            j += 1
        elif b is None or (a is not None and a[0] < b[0]):
            rows.append([a[2], ""])
            i += 1
        else:
            rows.append(["", b[2]])
            j += 1
    return rows


def _column_zones(lines: list[_Line], used: list[bool]):
    """Runs of lines printed in two columns (recipients left, signer right).

    A zone starts at a line with a wide gap between words; lines above and below join it
    while a common gutter stays free of words and the line spacing stays close. A zone
    needs at least two lines with words on both sides.
    """
    zones = []
    i = 0
    n = len(lines)
    while i < n:
        if used[i]:
            i += 1
            continue
        gutter = _wide_gap(lines[i])
        if gutter is None:
            i += 1
            continue
        members = [i]
        lo, hi = gutter
        j = i - 1
        while j >= 0 and not used[j]:
            g = _free_part(lines[j], lo, hi)
            if g is None or lines[members[0]].top - lines[j].bottom > 2.0 * lines[j].size:
                break
            if lines[j].x1 <= hi:
                break  # a short last line of the text above, not a column
            lo, hi = g
            members.insert(0, j)
            j -= 1
        j = i + 1
        while j < n and not used[j]:
            g = _free_part(lines[j], lo, hi)
            if g is None or lines[j].top - lines[members[-1]].bottom > 2.5 * lines[j].size:
                break
            if len(members) >= 2:
                deltas = sorted(b.base - a.base for a, b in pairwise(lines[m] for m in members))
                if lines[j].base - lines[members[-1]].base > 1.8 * deltas[len(deltas) // 2] + 2:
                    break  # set apart from the columns, like the PHỤ LỤC title below them
            lo, hi = g
            members.append(j)
            j += 1
        mid = (lo + hi) / 2
        both = sum(
            1
            for m in members
            if any(b <= mid for _, b in lines[m].words) and any(a >= mid for a, _ in lines[m].words)
        )
        if both >= 2 or (both >= 1 and len(members) >= 3):
            left = ([], [])
            right = ([], [])
            for m in members:
                if (a := _sub_line(lines[m], lambda x, mid=mid: x < mid)) is not None:
                    left[0].append(m)
                    left[1].append(a)
                if (b := _sub_line(lines[m], lambda x, mid=mid: x >= mid)) is not None:
                    right[0].append(m)
                    right[1].append(b)
            for m in members:
                used[m] = True
            zones.append((left, right, lines[members[0]].top))
            i = members[-1] + 1
        else:
            i += 1
    return zones


def _wide_gap(line: _Line) -> tuple[float, float] | None:
    threshold = max(2.5 * line.size, 18.0)
    best = None
    for (_, b), (a, _) in pairwise(line.words):
        if a - b > threshold and (best is None or a - b > best[1] - best[0]):
            best = (b + 1, a - 1)
    return best


def _free_part(line: _Line, lo: float, hi: float) -> tuple[float, float] | None:
    """The widest part of the gutter ``lo..hi`` that no word of the line covers (>= 6 pt)."""
    free = [(lo, hi)]
    for a, b in line.words:
        nxt = []
        for x, y in free:
            if b <= x or a >= y:
                nxt.append((x, y))
                continue
            if a > x:
                nxt.append((x, a))
            if b < y:
                nxt.append((b, y))
        free = nxt
    free = [f for f in free if f[1] - f[0] >= 6]
    if not free:
        return None
    return max(free, key=lambda f: f[1] - f[0])


# ---------------------------------------------------------------------------------------
# lines → blocks


@dataclass(slots=True)
class _PageStats:
    size: float
    pitch: float
    left: float
    right: float
    justified: bool
    spaced: bool  # paragraphs are set apart by extra space
    edge: float = 2.5  # how close to the right margin a justified line ends
    # The text area of pages of this size over the whole document (a page with a few short
    # lines does not show its margins): left and right edges.
    frame: tuple[float, float] | None = None


def _body_size(lines: list[_Line]) -> float:
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size * 2) / 2] += len(ln.text)
    return weights.most_common(1)[0][0] if weights else 12.0


def _stats(lines: list[_Line], ocr: bool = False) -> _PageStats:
    size = _body_size(lines)
    body = [ln for ln in lines if abs(ln.size - size) <= 1.0]
    deltas = Counter(
        round(b.base - a.base)
        for a, b in pairwise(body)
        if 0.8 * size < b.base - a.base < 2.5 * size
    )
    pitch = deltas.most_common(1)[0][0] if deltas else 1.2 * size
    # Candidates for the pitch within ±1 pt are the same spacing measured on other lines.
    if deltas:
        near = [d for d in deltas if abs(d - pitch) <= 1]
        pitch = max(near)
    lefts = Counter(round(ln.x0) for ln in body)
    left = min(lefts.most_common(3))[0] if lefts else 0.0
    rights = sorted(ln.x1 for ln in body)
    right = rights[int(0.9 * (len(rights) - 1))] if rights else 0.0
    long_lines = [ln for ln in body if ln.x1 - ln.x0 > 0.5 * (right - left)]
    # Justified lines end within a hair of the margin; on a scan, within the skew.
    tolerance = 0.6 * size if ocr else 2.5
    at_right = sum(1 for ln in long_lines if ln.x1 >= right - tolerance)
    justified = bool(long_lines) and at_right >= 0.55 * len(long_lines)
    wide = sum(v for d, v in deltas.items() if 1.3 * pitch < d < 3 * pitch)
    spaced = wide >= max(2, 0.08 * sum(deltas.values()))
    return _PageStats(size, float(pitch), float(left), right, justified, spaced, tolerance)


class _Builder:
    """Accumulates lines into paragraphs; decides where a paragraph ends."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.lines: list[_Line] = []
        self.line_pages: list[int] = []  # the page of each line
        self.page = 0
        self.stats: _PageStats | None = None
        self.flow_right = 0.0
        self.last_page_of_para = 0
        self.last_stats: _PageStats | None = None
        self.pending_notes: list[Block] = []
        self.column = False  # the line is in a side-by-side column, not the page's text

    def add(
        self, ln: _Line, page: int, stats: _PageStats, flow_right: float, column: bool = False
    ) -> None:
        self.column = column
        if self.lines and self._continues(ln, page, stats, flow_right):
            self.lines.append(ln)
            self.line_pages.append(page)
        else:
            self.flush()
            self.lines = [ln]
            self.line_pages = [page]
            self.page = page
        self.last_page_of_para = page
        self.last_stats = stats
        self.flow_right = flow_right

    def _continues(self, n: _Line, page: int, stats: _PageStats, flow_right: float) -> bool:
        """Whether line ``n`` goes on with the paragraph whose last line is ``self.lines[-1]``.

        Geometry first (paragraph spacing, first-line indent, a short last line), then the
        wording rules of the text reader (caps lines stand alone; a line ending on ``của``
        or a comma goes on; a clause label starts a block).
        """
        p = self.lines[-1]
        prev_stats = self.last_stats or stats
        ptext, ntext = p.text.rstrip(), n.text.lstrip()
        if not ptext or not ntext or ntext[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            return False
        if abs(n.size - p.size) > 1.0:
            return False
        if _is_caps(ptext) or _is_caps(ntext):
            # Caps lines stand alone, unless the line ran out of room: a long heading or
            # title wrapped ("... TỪ NAY ĐẾN" + "NĂM 2020"), a symbol carried over ("GD&ĐT.").
            return self._wrapped(p, n, page, stats, flow_right)
        last_char = ptext[-1]
        terminal = last_char in _TERMINAL
        first = ntext[:1]
        last_word = ptext.rsplit(None, 1)[-1].lower()
        open_end = (
            last_word in _OPEN_WORDS
            or last_char in ",-("
            or last_word in ("-", "–")
            or bool(_PINPOINT_END_RE.search(ptext))
        )
        wrap = _DASH_WORD_RE.match(ntext)
        # "kinh tế" + "- xã hội": a wrapped compound, not a bullet (bullets start a capital)
        strong = bool(_STRONG_START_RE.match(ntext)) and not (wrap and wrap.group(1).islower())
        if self.last_page_of_para != page:
            # Across a page break only the wording and the margins tell.
            if terminal or strong:
                return False
            indented = n.x0 > stats.left + 0.8 * stats.size
            full = p.x1 >= prev_stats.right - 1.5 * prev_stats.size
            return first.islower() or (not indented and (open_end or full))
        size = max(p.size, n.size)
        pitch = stats.pitch * size / stats.size if stats.size else 1.2 * size
        if n.base <= p.base or n.base - p.base > 1.45 * max(pitch, size):
            return False  # spacing between paragraphs, or not below
        if p.bold != n.bold and (terminal or strong or not first.islower()):
            return False
        full = p.x1 >= flow_right - 1.5 * size
        indented = n.x0 > p.x0 + 0.6 * size

        # Centred on the text area (a page holding one narrow column does not show it).
        left, right = (
            (stats.left, stats.right) if self.column or stats.frame is None else stats.frame
        )
        centre = (left + right) / 2

        def centred(ln: _Line) -> bool:
            return (
                abs((ln.x0 + ln.x1) / 2 - centre) < 1.5 * size
                and ln.x0 > left + size
                and ln.x1 < right - size
            )

        if centred(p) and centred(n) and not terminal and p.bold == n.bold:
            return True  # a title set in centred lines
        if centred(p) and not centred(n):
            return False  # the text after a centred title
        if (
            indented
            and stats.justified
            and not self.column
            and p.x1 < min(flow_right, stats.right) - stats.edge
            and not (centred(n) and abs((p.x0 + p.x1) / 2 - centre) < 0.3 * size)
        ):
            # The last line of a justified paragraph stops short of the margin (this page's,
            # and the document's for pages of this size); a wrapped centred title (its first
            # line as wide as the text) goes on.
            return False
        if indented and (not full or terminal):
            return False
        if strong and (indented or not full or terminal):
            return False
        if strong and not stats.justified and not open_end and not stats.spaced:
            return False
        if not full:
            if stats.spaced and not stats.justified:
                # Ragged lines, paragraphs set apart by space: a short line ends nothing.
                return not (terminal and (first.isupper() or first.isdigit()))
            if terminal or not (first.islower() or open_end):
                return False
        return True

    def _wrapped(self, p: _Line, n: _Line, page: int, stats: _PageStats, flow_right: float) -> bool:
        """Whether ``n`` is the rest of line ``p`` that did not fit: the same style just below,
        ``p`` not closed by punctuation, and the first word of ``n`` too wide for what is left
        of the line ``p`` is set in (its column, or the text width when ``p`` is centred)."""
        if self.column or self.last_page_of_para != page or p.bold != n.bold or not n.words:
            return False
        ptext, ntext = p.text.rstrip(), n.text.lstrip()
        if ptext[-1] in _TERMINAL:
            return False
        wrap = _DASH_WORD_RE.match(ntext)
        if _STRONG_START_RE.match(ntext) and not (
            wrap and (wrap.group(1).islower() or wrap.group(1).isdigit())
        ):
            return False  # a label or bullet opens its own block ("- 2030" goes on a range)
        size = max(p.size, n.size)
        pitch = stats.pitch * size / stats.size if stats.size else 1.2 * size
        if n.base <= p.base or n.base - p.base > 1.45 * max(pitch, size):
            return False
        left, right = stats.frame or (stats.left, stats.right)
        centre = (left + right) / 2
        p_off, n_off = abs((p.x0 + p.x1) / 2 - centre), abs((n.x0 + n.x1) / 2 - centre)
        # A centred title: its lines centred, the first one maybe as wide as the text.
        centred = (
            n_off < 1.5 * size
            and n.x0 > left + size
            and ((p_off < 1.5 * size and p.x0 > left + size) or p_off < 0.3 * size)
        )
        if not centred and n.x0 > p.x0 + 0.6 * size and p.x0 < left + 0.5 * size:
            return False  # a line at the margin, then an indented one: a new paragraph
        room = right - left if centred else max(right, flow_right) - p.x0
        first_word = n.words[0][1] - n.words[0][0]
        return (p.x1 - p.x0) + 0.25 * size + first_word > room - 0.2 * size

    def flush(self) -> None:
        """Close the paragraph; the footnotes of its page follow it."""
        self._flush()
        self.blocks.extend(self.pending_notes)
        self.pending_notes = []

    def _flush(self) -> None:
        if not self.lines:
            return
        lines = self.lines
        self.lines = []
        text = _join_lines(lines, sep="\n", pages=self.line_pages)
        bold = all(ln.bold for ln in lines)
        first = lines[0].text.lstrip()
        if first[:1] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            m = re.match(r"([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*", text)
            label = m.group(1).translate(_SUPERSCRIPT_TO_DIGIT)
            self.blocks.append(Block("footnote", text[m.end() :], page=self.page, label=label))
            return
        if bold and len(text) < 250:
            kind = "heading"
        elif _BULLET_RE.match(first):
            kind = "list_item"
        else:
            kind = "paragraph"
        self.blocks.append(Block(kind, text, page=self.page, bold=bold))


def _join_lines(lines: Sequence[_Line], sep: str = " ", pages: Sequence[int] | None = None) -> str:
    """Lines of one paragraph or cell as one text; split symbols and hyphenation re-joined.

    ``số 6138/UBND-`` + ``KGVX ngày`` → ``6138/UBND-KGVX``; a soft hyphen is dropped;
    ``kinh tế -`` + ``xã hội`` keeps its spaces. With the ``pages`` of the lines, a page mark
    goes where the text goes on onto the next page.
    """
    out = ""
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if not t:
            continue
        if pages is not None and i > 0 and pages[i] != pages[i - 1]:
            t = page_mark(pages[i]) + t
        if not out:
            out = t
        elif out.endswith("\u00ad"):
            out = out[:-1] + t
        elif re.search(r"[^\s-]-$", out):
            out = out + t  # "186/KH-" + "UBND", "lô-" + "gic", "2021-" + "2025"
        else:
            out = out + sep + t
    return out.replace("\u00ad", "")


def _assemble(pages: list[_Page]) -> list[Block]:
    builder = _Builder()
    blocks = builder.blocks
    pending_table: tuple[_Table, Block] | None = None  # the last table, open for continuation
    body_size = _body_size([ln for p in pages for ln in p.lines])
    last_note: Block | None = None
    last_note_page = 0
    page_stats = {
        p.number: _stats(p.lines, p.ocr)
        if p.lines
        else _PageStats(12.0, 14.0, 0.0, p.width, False, False)
        for p in pages
    }
    frames = _frames(pages, page_stats)
    for p in pages:
        if not p.lines and not p.tables and not p.stamp_groups:
            continue
        stats = page_stats[p.number]
        # The text area of the pages of this size, else the widest thing on the page (its
        # lines, its tables).
        stats.frame = frames.get(_size_key(p)) or (
            stats.left,
            max([stats.right] + [ln.x1 for ln in p.lines] + [t.x1 for t in p.tables]),
        )
        carried, notes = _footnotes(
            p, body_size, last_note is not None and last_note_page == p.number - 1
        )
        if carried and last_note is not None:
            last_note.text = f"{last_note.text} {page_mark(p.number)}{carried}"
        if notes:
            last_note, last_note_page = notes[-1], p.number
        elif carried:
            last_note_page = p.number
        items = _page_items(p)
        flow_rights: dict[int, float] = {}
        for it in items:
            if it.kind == "line" and it.line is not None:
                flow_rights[it.flow] = max(flow_rights.get(it.flow, 0.0), it.line.x1)
        # Where the page's lines end; a page with a few lines does not show it.
        flow_rights[0] = stats.right if len(p.lines) >= _FRAME_LINES else stats.frame[1]
        first_content = True
        current_flow = None
        for it in items:
            if it.kind == "stamp":
                text = " ".join(r[0] for r in it.rows or [])
                builder.flush()
                blocks.append(Block("signature", text, page=p.number))
                continue
            if it.kind == "break":
                builder.flush()
                current_flow = None
                continue
            if it.kind == "header":
                builder.flush()
                blocks.append(
                    Block("header", "", page=p.number, rows=[[Cell(c) for c in r] for r in it.rows])
                )
                first_content = False
                pending_table = None
                continue
            if it.kind == "table" and it.table is not None:
                builder.flush()
                t = it.table
                if (
                    first_content
                    and pending_table is not None
                    and blocks
                    and blocks[-1] is pending_table[1]
                    and _same_columns(pending_table[0], t)
                ):
                    _continue_table(blocks[-1], t, p.number)
                else:
                    blocks.append(_table_block(t, p.number))
                pending_table = (t, blocks[-1])
                first_content = False
                continue
            ln = it.line
            if ln is None:
                continue
            if current_flow is not None and it.flow != current_flow:
                builder.flush()
            current_flow = it.flow
            builder.add(
                ln, p.number, stats, flow_rights.get(it.flow, stats.right), column=it.flow > 0
            )
            first_content = False
            pending_table = None
        # The page's footnotes wait for the paragraph that the page break may have cut.
        builder.pending_notes.extend(notes)
        if not builder.lines:
            builder.flush()
    builder.flush()
    return _place_footnotes(blocks)


_MARKERS_RE = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


def _marker_labels(text: str) -> set[int]:
    """The note numbers a text's superscript markers may stand for. Markers of notes cited
    together touch (``⁸⁹¹⁰`` is 8, 9 and 10): a run is read as one number and as every
    series of consecutive numbers it spells (``¹²`` is 12, or 1 and 2)."""
    found: set[int] = set()
    for m in _MARKERS_RE.finditer(text):
        run = m.group().translate(_SUPERSCRIPT_TO_DIGIT)
        found.add(int(run))
        for k in range(1, len(run)):
            n, rest, series = int(run[:k]), run[k:], [int(run[:k])]
            while rest and rest.startswith(str(n + 1)):
                n += 1
                rest = rest[len(str(n)) :]
                series.append(n)
            if not rest:
                found.update(series)
    return found


def _place_footnotes(blocks: list[Block]) -> list[Block]:
    """Each footnote right after the paragraph (or table) whose text carries its marker, as
    the other readers place them; a note whose marker is not found stays where the page put
    it (after the paragraph that the page break cut, or at the end of its page)."""
    out: list[Block] = []
    for b in blocks:
        if b.kind != "footnote" or not (b.label or "").isdigit():
            out.append(b)
            continue
        label = int(b.label)
        at = None
        for i in range(len(out) - 1, -1, -1):
            o = out[i]
            if o.page is not None and b.page is not None and o.page < b.page - 3:
                break  # a long note may push the next ones a page or two further on
            if o.kind == "footnote":
                continue
            texts = [o.text] if o.rows is None else [c.text for row in o.rows for c in row]
            if any(label in _marker_labels(t) for t in texts):
                at = i + 1
                break
        if at is None:
            out.append(b)
            continue
        while at < len(out) and out[at].kind == "footnote":
            at += 1
        out.insert(at, b)
    return out


_FRAME_LINES = 8  # lines enough for a page to show its own margins


def _size_key(p: _Page) -> tuple[int, int]:
    return round(p.width), round(p.height)


def _frames(
    pages: list[_Page], stats: dict[int, _PageStats]
) -> dict[tuple[int, int], tuple[float, float]]:
    """The text area (left and right edges) of each page size, from the pages with enough
    text to show it: the median of their margins."""
    edges: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for p in pages:
        if len(p.lines) >= _FRAME_LINES:
            st = stats[p.number]
            edges.setdefault(_size_key(p), []).append((st.left, st.right))
    return {
        key: (statistics.median(a for a, _ in v), statistics.median(b for _, b in v))
        for key, v in edges.items()
    }


_NOTE_LABEL_RE = re.compile(r"^\s*(\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,4})(?=\s*(?:[^\W\d_]|[*“\"(]))\s*")


def _footnotes(p: _Page, body_size: float, continued: bool) -> tuple[str, list[Block]]:
    """Footnotes at the foot of the page: the trailing lines in a size smaller than the
    document's text, the first of them opening with its number (``15 Tiếp tục thực hiện``,
    ``¹ Ban hành ...``). They are taken out of the page's lines. Returns the text that goes
    on with the previous page's last footnote (``continued``: that page had footnotes) and
    the new ``footnote`` blocks."""
    lines = p.lines
    k = len(lines)
    while k > 0 and lines[k - 1].size <= 0.9 * body_size:
        k -= 1
    labelled = [i for i in range(k, len(lines)) if _NOTE_LABEL_RE.match(lines[i].text)]
    if not labelled and not (continued and k < len(lines)):
        return "", []
    start = k if continued else labelled[0]
    left = min(ln.x0 for ln in lines[start:])
    carried: list[_Line] = []
    notes: list[tuple[str, list[_Line]]] = []
    for ln in lines[start:]:
        m = _NOTE_LABEL_RE.match(ln.text)
        label = m.group(1).translate(_SUPERSCRIPT_TO_DIGIT) if m else ""
        # Notes are numbered in order: "04 tháng ..." inside a note is not note 4.
        in_order = not notes or int(label or 0) == int(notes[-1][0]) + 1
        if m and ln.x0 <= left + 0.5 * ln.size and in_order:
            notes.append((label, [ln]))
        elif notes:
            notes[-1][1].append(ln)
        else:
            carried.append(ln)
    p.lines = lines[:start]
    blocks = []
    for label, group in notes:
        text = _join_lines(group)
        m = _NOTE_LABEL_RE.match(text)
        blocks.append(Block("footnote", text[m.end() :] if m else text, page=p.number, label=label))
    return _join_lines(carried), blocks


def _table_block(t: _Table, page: int) -> Block:
    rows = [r for r in t.rows if any(c.strip() for c in r)]
    return Block("table", "", page=page, rows=[[Cell(c) for c in r] for r in rows])


def _same_columns(a: _Table, b: _Table) -> bool:
    width_a = max((len(r) for r in a.rows), default=0)
    width_b = max((len(r) for r in b.rows), default=0)
    return width_a == width_b and abs(a.x0 - b.x0) <= 6 and abs(a.x1 - b.x1) <= 6


def _cut_row(rows: list[list[Cell]], first: list[str]) -> bool:
    """Whether ``first``, the first row on the new page, is the rest of the last row above.

    Under a table's only row (its heading), a row with an empty first cell may be a second
    heading row whose first cell is merged with the one above; it is a continuation when its
    text goes on with a lowercase word (``Dự kiến 08 tháng cuối`` + ``năm 2022``).
    """
    if len(rows) > 1:
        return True
    prev = rows[-1]
    return any(
        c.strip()[:1].islower() and i < len(prev) and prev[i].text.strip()
        for i, c in enumerate(first)
    )


def _page_before(block: Block, row: int) -> int | None:
    """The page the table ``block`` is on where its row ``row`` starts (its page marks)."""
    assert block.rows is not None
    page = block.page
    for r in block.rows[:row]:
        for c in r:
            for m in _PAGE_MARK_RE.finditer(c.text):
                page = int(m.group(1))
    first = block.rows[row][0].text if row < len(block.rows) and block.rows[row] else ""
    if m := _PAGE_MARK_RE.match(first):
        page = int(m.group(1))
    return page


def _continue_table(block: Block, t: _Table, page: int) -> None:
    """Rows of ``t`` (the same table on page ``page``) appended to ``block``; a page mark
    where the text goes on onto the new page."""
    assert block.rows is not None
    header = [c.text.strip() for c in block.rows[0]] if block.rows else []
    rows = [r for r in t.rows if any(c.strip() for c in r)]
    if rows and [c.strip() for c in rows[0]] == header:
        rows = rows[1:]  # the heading row repeated on the new page
    current = _page_before(block, len(block.rows))
    for k, raw in enumerate(rows):
        if k == 0 and not raw[0].strip() and block.rows and _cut_row(block.rows, raw):
            # the first row goes on with the row the page break cut: each cell's rest is on
            # the new page, the next cell starts back on the old one
            prev = block.rows[-1]
            old = current = _page_before(block, len(block.rows) - 1)
            for i, cell in enumerate(prev):
                text = cell.text
                more = raw[i].strip() if i < len(raw) else ""
                if text.strip() and current != old:
                    text, current = page_mark(old) + text, old
                if more:
                    mark = page_mark(page) if current != page else ""
                    text, current = f"{text} {mark}{more}".strip(), page
                prev[i] = Cell(text)
            continue
        cells = [Cell(c) for c in raw]
        if current != page and cells:
            cells[0] = Cell(page_mark(page) + cells[0].text)
            current = page
        block.rows.append(cells)


__all__ = ["read_pdf"]
