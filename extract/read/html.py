"""Web copies (.html, .htm) of plans: the page's text in reading order.

Handles, as found on portals and in "Save as web page" exports from Word:
- the charset named by a BOM or ``<meta charset>``/``http-equiv``, else the text decoding
  rules (UTF-8, Windows-1258, legacy fonts);
- headings ``h1``–``h6`` → heading blocks; ``p``/``div``/``li``/``dd``... → one block each; a
  paragraph wholly in ``<b>``/``<strong>`` is bold; ``<br>`` splits a paragraph where a line of
  the header or a sentence ends (``Số: 05/KH-SGDĐT<br>Hưng Yên, ngày ...``);
- ordered lists get the labels the browser draws (``type``/``start``: ``1.``, ``a.``,
  ``I.``); unordered list items are ``list_item`` blocks;
- tables with ``rowspan``/``colspan`` resolved into a rectangular grid (text in the top-left
  cell of a merged area), the administrative header table one row per line;
- footnotes as Word exports them (``<a href="#_ftn1">[1]</a>`` markers and ``<div id="ftn1">``
  bodies) and ``<sup>`` markers: markers removed, bodies become footnote blocks;
- ``script``, ``style``, ``nav``, ``aside``, forms, the ``<head>`` and navigation landmarks
  are dropped;
- text in the legacy fonts (``<font face=".VnTime">``, ``font-family: VNI-Times``) → Unicode.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser
from pathlib import Path

from ..model import Block
from . import ReadError, ReadResult
from .docx import format_number, split_at_breaks, table_blocks
from .encodings import LEGACY_NAMES, convert_legacy, decode_text, fix_legacy

# fmt: off
_DROP = frozenset({
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
    "textarea", "iframe", "svg", "canvas", "head", "title", "object", "embed", "map",
})
_DROP_ROLES = frozenset({"navigation", "banner", "contentinfo", "search", "menu", "menubar"})
_BLOCK = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre",
    "section", "article", "main", "body", "header", "footer", "address", "center",
    "figcaption", "caption", "ul", "ol", "dl", "hr", "fieldset", "legend", "details", "summary",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BOLD = frozenset({"b", "strong"})
_VOID = frozenset({
    "br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "param",
    "source", "track", "wbr",
})
# fmt: on
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_FOOTNOTE_REF_RE = re.compile(r"^#?_?(ftn|edn)(\d+)$", re.I)
_FOOTNOTE_BODY_RE = re.compile(r"^#?_?(ftn|edn)ref(\d+)$", re.I)
_NOTE_DIV_RE = re.compile(r"^(ftn|edn)(\d+)$", re.I)
_SUP_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_WS_RE = re.compile(r"\s+")
_OL_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}


def read_html(path: Path, data: bytes) -> ReadResult:
    text, warnings = _decode(data)
    parser = _Parser()
    try:
        parser.feed(text)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser on broken markup
        raise ReadError(f"cannot parse HTML: {exc}") from exc
    blocks = parser.finish()
    if parser.legacy_used:
        warnings += [f"converted from {LEGACY_NAMES[e]}" for e in sorted(parser.legacy_used)]
    else:
        blocks = _fix_legacy(blocks, warnings)
    if not blocks:
        raise ReadError("no text in the web page")
    return ReadResult(blocks, "html", None, warnings)


def _decode(data: bytes) -> tuple[str, list[str]]:
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    m = _META_CHARSET_RE.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = None
        if codec and codec not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                pass  # a wrong declaration: fall back to the text rules
    return decode_text(data)


def _fix_legacy(blocks: list[Block], warnings: list[str]) -> list[Block]:
    texts = [b.text for b in blocks] + [c.text for b in blocks for r in b.rows or [] for c in r]
    _, encoding = fix_legacy("\n".join(texts))
    if encoding is None:
        return blocks
    for b in blocks:
        b.text = convert_legacy(b.text, encoding)
        for r in b.rows or []:
            for c in r:
                c.text = convert_legacy(c.text, encoding)
    warnings.append(f"converted from {LEGACY_NAMES[encoding]}")
    return blocks


class _Table:
    def __init__(self) -> None:
        self.rows: list[list[tuple[list[str], int, int]]] = []  # (paragraphs, rowspan, colspan)
        self.cell: list[str] | None = None
        self.cell_span = (1, 1)
        self.line: list[str] = []

    def grid(self) -> list[list[list[str]]]:
        """Rows of (paragraphs, rowspan, colspan) → a rectangular grid; covered cells empty."""
        grid: list[list[list[str] | None]] = []
        for r, row in enumerate(self.rows):
            while len(grid) <= r:
                grid.append([])
            col = 0
            for paragraphs, rowspan, colspan in row:
                while col < len(grid[r]) and grid[r][col] is not None:
                    col += 1
                for dr in range(rowspan):
                    while len(grid) <= r + dr:
                        grid.append([])
                    target = grid[r + dr]
                    while len(target) < col + colspan:
                        target.append(None)
                    for dc in range(colspan):
                        target[col + dc] = paragraphs if dr == 0 and dc == 0 else []
                col += colspan
        width = max((len(r) for r in grid), default=0)
        return [[c if c is not None else [] for c in r] + [[]] * (width - len(r)) for r in grid]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.line: list[tuple[str, bool]] = []  # (text, bold) pieces of the current block
        self.lines: list[list[tuple[str, bool]]] = []  # finished lines of the current block
        self.kind = "paragraph"
        self.label: str | None = None
        self.drop_depth = 0
        self.stack: list[tuple[str, bool]] = []  # open tags and whether each dropped content
        self.bold = 0
        self.pre = 0
        self.sup = 0
        self.tables: list[_Table] = []
        self.lists: list[dict] = []
        self.legacy: list[str | None] = []  # legacy font encodings of open elements
        self.legacy_used: set[str] = set()
        self.note: Block | None = None  # a footnote body being read
        self.note_depth = 0  # ... until the stack is shallower than this
        self.skip_depth: int | None = None  # inside a footnote marker

    # Structure ----------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag in _VOID:
            self._void(tag)
            return
        drop = tag in _DROP or a.get("role", "").lower() in _DROP_ROLES
        if self.drop_depth or drop:
            self.drop_depth += 1
            self.stack.append((tag, True))
            return
        self.stack.append((tag, False))
        self.legacy.append(_legacy_of(a))
        if tag in _BOLD:
            self.bold += 1
        elif tag == "pre":
            self.flush()
            self.pre += 1
        elif tag == "sup":
            self.sup += 1
        elif tag == "a":
            self._anchor(a)
        elif tag == "table":
            self.flush()
            self.tables.append(_Table())
        elif tag == "tr" and self.tables:
            self._end_cell()
            self.tables[-1].rows.append([])
        elif tag in ("td", "th") and self.tables:
            self._end_cell()
            table = self.tables[-1]
            if not table.rows:
                table.rows.append([])
            table.cell = []
            table.cell_span = (_int(a.get("rowspan")), _int(a.get("colspan")))
            self.line = []
            self.lines = []
        elif tag == "div" and (m := _NOTE_DIV_RE.match(a.get("id", ""))):
            self.flush()
            self._emit_note()
            self._open_note(m.group(1), m.group(2), len(self.stack))
        elif tag in ("ol", "ul"):
            self.flush()
            fmt = _OL_FORMATS.get(a.get("type", "1"), "decimal") if tag == "ol" else None
            self.lists.append({"fmt": fmt, "n": _int(a.get("start"), default=1) - 1})
        elif tag == "li":
            self.flush()
            if self.lists and self.lists[-1]["fmt"]:
                lst = self.lists[-1]
                lst["n"] = _int(a.get("value"), default=lst["n"] + 1)
                self.label = format_number(lst["n"], lst["fmt"]) + "."
            self.kind = "list_item"
        elif tag in _HEADINGS:
            self.flush()
            self.kind = "heading"
        elif tag in _BLOCK:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        # Close up to the matching open tag (browsers forgive unclosed inline tags).
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                break
        else:
            return
        while len(self.stack) > i:
            open_tag, dropped = self.stack.pop()
            if dropped:
                self.drop_depth -= 1
                continue
            self.legacy.pop()
            if self.skip_depth is not None and len(self.stack) < self.skip_depth:
                self.skip_depth = None
            self._close(open_tag)

    def _close(self, tag: str) -> None:
        if tag in _BOLD:
            self.bold -= 1
        elif tag == "pre":
            self.flush()
            self.pre -= 1
        elif tag == "sup":
            self.sup -= 1
        elif tag in ("td", "th"):
            self._end_cell()
        elif tag == "table" and self.tables:
            self._end_cell()
            table = self.tables.pop()
            grid = table.grid()
            if self.tables and self.tables[-1].cell is not None:
                # A table inside a cell: its rows become lines of that cell.
                self.tables[-1].cell.extend(
                    " ".join(" ".join(c) for c in row if c) for row in grid if any(row)
                )
            elif any(p.strip() for row in grid for c in row for p in c):
                self.blocks.extend(
                    table_blocks([[[_line_block(p) for p in c] for c in row] for row in grid])
                )
        elif tag in ("ol", "ul"):
            self.flush()
            if self.lists:
                self.lists.pop()
        elif tag in _HEADINGS or tag in _BLOCK or tag == "li":
            self.flush()
            if tag in _HEADINGS or tag == "li":
                self.kind, self.label = "paragraph", None
        if self.note is not None and len(self.stack) < self.note_depth:
            self.flush()
            self._emit_note()

    def _void(self, tag: str) -> None:
        if self.drop_depth:
            return
        if tag == "br":
            if self.tables and self.tables[-1].cell is not None:
                self._end_line()
            else:
                self._break()
        elif tag == "hr":
            self.flush()

    def _anchor(self, a: dict[str, str]) -> None:
        href = a.get("href", "")
        target = href[1:] if href.startswith("#") else ""
        if _FOOTNOTE_REF_RE.match(target):
            self.skip_depth = len(self.stack)  # the marker [1] in the body
        elif m := _FOOTNOTE_BODY_RE.match(target):
            # "[1]" opening a footnote body; the note runs to the end of its paragraph
            # (or of its <div id="ftn1">).
            if self.note is None:
                self.flush()
                self._open_note(m.group(1), m.group(2), len(self.stack) - 1)
            self.skip_depth = len(self.stack)

    def _open_note(self, kind: str, number: str, depth: int) -> None:
        label = number if kind.lower() == "ftn" else format_number(int(number), "lowerRoman")
        self.note = Block("footnote", "", label=label)
        self.note_depth = depth

    # Text ---------------------------------------------------------------------------

    def handle_data(self, data: str) -> None:
        if self.drop_depth or not data:
            return
        if self.skip_depth is not None and len(self.stack) >= self.skip_depth:
            return
        if not self.pre:
            data = _WS_RE.sub(" ", data)
        if self.sup and data.strip().isdigit():
            data = data.strip().translate(_SUP_DIGITS)  # a footnote marker, removed later
        encoding = next((e for e in reversed(self.legacy) if e), None)
        if encoding and data.strip():
            data = convert_legacy(data, encoding)
            self.legacy_used.add(encoding)
        if self.pre and "\n" in data:
            first, *rest = data.split("\n")
            self.line.append((first, self.bold > 0))
            for piece in rest:
                self._end_line()
                self.line.append((piece, self.bold > 0))
            return
        self.line.append((data, self.bold > 0))

    def _end_line(self) -> None:
        self.lines.append(self.line)
        self.line = []

    def _break(self) -> None:
        self.line.append(("\n", self.bold > 0))

    def _end_cell(self) -> None:
        if not self.tables:
            return
        table = self.tables[-1]
        if table.cell is None:
            return
        self._end_line()
        for line in self.lines:
            text = "".join(t for t, _ in line).replace("\n", " ").strip()
            if text:
                table.cell.append(text)
        if not table.rows:
            table.rows.append([])
        table.rows[-1].append((table.cell, *table.cell_span))
        table.cell = None
        self.lines = []
        self.line = []

    def flush(self) -> None:
        if self.tables and self.tables[-1].cell is not None:
            self._end_line()  # a block inside a cell: a new line of the cell
            return
        self._end_line()
        pieces = [p for line in self.lines for p in [*line, ("\n", False)]]
        self.lines = []
        text = "".join(t for t, _ in pieces).strip()
        if self.note is not None:
            if text:
                self.note.text = f"{self.note.text}\n{text}".strip()
            return
        if not text:
            return  # <li><p>...: the item's label waits for its text
        inked = [b for t, b in pieces if t.strip()]
        bold = bool(inked) and all(inked)
        kind = self.kind
        if kind == "paragraph" and bold and len(text) < 250:
            kind = "heading"
        if self.label:
            text = f"{self.label} {text}"
        for line in split_at_breaks(text):
            self.blocks.append(Block(kind, line, bold=bold, label=self.label))
        self.kind = "paragraph"
        self.label = None

    def _emit_note(self) -> None:
        if self.note is not None and self.note.text:
            self.blocks.append(self.note)
        self.note = None

    def finish(self) -> list[Block]:
        while self.tables:
            self._close("table")
        self.flush()
        self._emit_note()
        return [b for b in self.blocks if b.text.strip() or b.rows]


def _line_block(text: str) -> Block:
    kind = "list_item" if re.match(r"\s*[-–·•*+○▪►✓]\s", text) else "paragraph"
    return Block(kind, text)


def _int(value: str | None, default: int = 1) -> int:
    try:
        return max(int(str(value).strip()), 0) if value not in (None, "") else default
    except ValueError:
        return default


def _legacy_of(attrs: dict[str, str]) -> str | None:
    face = attrs.get("face", "")
    style = attrs.get("style", "")
    m = re.search(r"font-family\s*:\s*['\"]?([^;'\"]+)", style, re.I)
    for name in (face, m.group(1) if m else ""):
        name = name.strip().lower()
        if name.startswith(".vn"):
            return "tcvn3"
        if name.startswith("vni"):
            return "vni"
    return None
