"""Word .docx: the body in reading order, as Word lays it out.

Handles, as found in received plans:
- paragraphs and tables interleaved in body order, also inside content controls (``w:sdt``);
- automatic numbering: the labels Word draws from ``numbering.xml`` and are not in the text
  runs (``I.``, ``1.``, ``1.1.``, ``a)``, bullets ``-``/``•``) are rendered into the text, with
  counters per list (``w:numId``) and level, restarts of deeper levels and start overrides;
- the administrative header typed as a two-column table (issuing body | national name and
  motto; ``Số: 05/KH-SGDĐT`` | ``Hưng Yên, ngày ...``): kept as a table block with one row per
  printed line, so each cell is one header line;
- merged cells (``w:gridSpan``, ``w:vMerge``) resolved into a rectangular grid; the text sits
  in the top-left cell of the merged area and the covered cells are empty, as a text export
  prints them (no text is repeated, so no reference is counted twice);
- footnotes and endnotes read from their parts: the reference marks are removed from the
  body, each note becomes a ``footnote`` block with its label (after the paragraph that cites
  it; endnotes at the end);
- text boxes (``w:txbxContent``, once for the drawing and its VML fallback) after the
  paragraph that anchors them;
- page headers and footers are separate parts and never enter the body;
- bold runs → ``Block.bold``; ``Heading n``/``Title`` styles and outline levels → headings;
  deleted revisions and hidden text are skipped, inserted revisions kept;
- line breaks (Shift+Enter) that end a line of the header or a sentence start a new block;
- text typed in the legacy fonts ``.VnTime`` (TCVN3) or ``VNI-Times`` → Unicode.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from lxml import etree

from .. import patterns
from ..model import Block, Cell
from ..normalize import match_text
from . import ReadError, ReadResult
from .encodings import LEGACY_NAMES, convert_legacy, fix_legacy
from .text import BLOCK_START_RE

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _val(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def _on(el: etree._Element | None) -> bool | None:
    """A toggle property (``<w:b/>``, ``<w:b w:val="0"/>``): True, False or None (unset)."""
    if el is None:
        return None
    return _val(el) not in ("0", "false", "off", "none")


def read_docx(path, data: bytes) -> ReadResult:
    if data.startswith(OLE_MAGIC):
        from .doc import read_doc  # a Word 97-2003 file saved under a .docx name

        return read_doc(path, data)
    try:
        import docx  # python-docx

        document = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise ReadError(f"cannot read .docx: not a Word document ({type(exc).__name__})") from exc
    reader = _Reader(document)
    blocks = reader.read()
    return ReadResult(blocks, "docx", reader.n_pages(), reader.warnings)


# --- Styles ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


class _Styles:
    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_paragraph: str | None = None
        self.default_rpr: etree._Element | None = None
        if root is None:
            return
        for s in root.iter(w("style")):
            sid = s.get(w("styleId"))
            if sid is None:
                continue
            self.by_id[sid] = _Style(
                name=(_val(s.find(w("name"))) or "").lower(),
                based_on=_val(s.find(w("basedOn"))),
                ppr=s.find(w("pPr")),
                rpr=s.find(w("rPr")),
            )
            if s.get(w("type")) == "paragraph" and _on_attr(s.get(w("default"))):
                self.default_paragraph = sid
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.default_rpr = defaults.find(f"{w('rPrDefault')}/{w('rPr')}")

    def chain(self, sid: str | None) -> Iterator[_Style]:
        seen: set[str] = set()
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            style = self.by_id[sid]
            yield style
            sid = style.based_on

    def is_heading(self, sid: str | None) -> bool:
        for style in self.chain(sid):
            if re.fullmatch(r"heading \d|title|subtitle", style.name):
                return True
            lvl = _val(style.ppr.find(w("outlineLvl"))) if style.ppr is not None else None
            if lvl is not None and lvl.isdigit() and int(lvl) < 9:
                return True
        return False

    def numpr(self, sid: str | None) -> tuple[str | None, int | None]:
        for style in self.chain(sid):
            if style.ppr is not None and (numpr := style.ppr.find(w("numPr"))) is not None:
                ilvl = _val(numpr.find(w("ilvl")))
                return _val(numpr.find(w("numId"))), int(ilvl) if ilvl else None
        return None, None

    def run_prop(self, sids: list[str | None], tag: str) -> etree._Element | None:
        """The first ``tag`` in the run properties of the styles (most specific first)."""
        for sid in sids:
            for style in self.chain(sid):
                if style.rpr is not None and (el := style.rpr.find(w(tag))) is not None:
                    return el
        if self.default_rpr is not None:
            return self.default_rpr.find(w(tag))
        return None


def _on_attr(value: str | None) -> bool:
    return value is not None and value not in ("0", "false", "off")


# --- Numbering ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None  # w:lvlRestart: 0 = never restart
    legal: bool = False  # w:isLgl: decimal numbers in multi-level labels


def _level(el: etree._Element) -> _Level:
    start = _val(el.find(w("start")))
    restart = _val(el.find(w("lvlRestart")))
    text_el = el.find(w("lvlText"))
    return _Level(
        start=int(start) if start and start.lstrip("-").isdigit() else 1,
        fmt=_val(el.find(w("numFmt"))) or "decimal",
        text=(_val(text_el) or "") if text_el is not None else "",
        restart=int(restart) if restart and restart.isdigit() else None,
        legal=_on(el.find(w("isLgl"))) or False,
    )


# Bullet characters of the Symbol and Wingdings fonts (private-use code points).
_SYMBOL_BULLETS = {0xB7: "•", 0xA7: "▪", 0x2D: "-", 0xD8: "►", 0xFC: "✓", 0x76: "•", 0x6E: "▪"}


def _bullet(text: str) -> str:
    if not text.strip():
        return "•"
    ch = text.strip()[0]
    if 0xF000 <= ord(ch) <= 0xF0FF:
        return _SYMBOL_BULLETS.get(ord(ch) - 0xF000, "•")
    if ch == "o":  # Courier New "o": a hollow bullet
        return "○"
    return ch


def _roman(n: int) -> str:
    out = []
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, aa … zz, aaa …"""
    if n < 1:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n).lower() if n > 0 else str(n)
    if fmt == "upperRoman":
        return _roman(n) if n > 0 else str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal, and the rarer formats


class _Numbering:
    """Renders list labels the way Word counts them."""

    def __init__(self, root: etree._Element | None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        if root is None:
            return
        for a in root.iter(w("abstractNum")):
            levels = {int(lv.get(w("ilvl"), "0")): _level(lv) for lv in a.iter(w("lvl"))}
            self.abstract[a.get(w("abstractNumId"), "")] = levels
        for n in root.iter(w("num")):
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for ov in n.iter(w("lvlOverride")):
                ilvl = int(ov.get(w("ilvl"), "0"))
                if (so := _val(ov.find(w("startOverride")))) is not None and so.isdigit():
                    starts[ilvl] = int(so)
                if (lv := ov.find(w("lvl"))) is not None:
                    levels[ilvl] = _level(lv)
            self.nums[n.get(w("numId"), "")] = (
                _val(n.find(w("abstractNumId"))) or "",
                starts,
                levels,
            )

    def _levels(self, num_id: str) -> dict[int, _Level]:
        abstract_id, _, overrides = self.nums[num_id]
        return self.abstract.get(abstract_id, {}) | overrides

    def label(self, num_id: str | None, ilvl: int | None) -> tuple[str, bool] | None:
        """The label of the next paragraph of list ``num_id`` at ``ilvl``; (text, is_bullet)."""
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        ilvl = ilvl or 0
        abstract_id, starts, _ = self.nums[num_id]
        levels = self._levels(num_id)
        lvl = levels.get(ilvl)
        if lvl is None:
            return None
        # Lists without a start override continue the numbering of their abstract list.
        key = f"n{num_id}" if starts else f"a{abstract_id}"
        counts = self.counters.setdefault(key, [None] * 10)

        def start_of(k: int) -> int:
            return starts.get(k, levels[k].start if k in levels else 1)

        counts[ilvl] = start_of(ilvl) if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 10):
            d = levels.get(deeper)
            if d is None or d.restart != 0:
                counts[deeper] = None
        if lvl.fmt == "bullet":
            return _bullet(lvl.text), True

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            value = counts[k] if counts[k] is not None else start_of(k)
            fmt = levels[k].fmt if k in levels else "decimal"
            if lvl.legal and fmt != "none":
                fmt = "decimal"
            return format_number(value, fmt)

        return re.sub(r"%([1-9])", fill, lvl.text).strip(), False


# --- The header table --------------------------------------------------------------------


@cache
def _header_rules() -> list[re.Pattern[str]]:
    data = patterns.load("structure")
    return [re.compile(data[k], re.I) for k in ("national_name", "motto")]


@cache
def _header_line_rules() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = patterns.load("structure")
    return re.compile(data["number_line"]), re.compile(data["place_date"], re.I)


@cache
def _recipients_rule() -> re.Pattern[str]:
    return re.compile(patterns.load("structure")["recipients"], re.I)


def is_signature_table(grid: list[list[list[str]]]) -> bool:
    """The closing laid out as a borderless table: ``Nơi nhận:`` list | signature block."""
    if not grid or len(grid) > 4 or max(len(r) for r in grid) > 3:
        return False
    rule = _recipients_rule()
    return any(
        rule.match(next((p.strip() for p in cell if p.strip()), "")) for row in grid for cell in row
    )


def table_blocks(grid: list[list[list[Block]]]) -> list[Block]:
    """A grid of cells (each a list of paragraph blocks) → the blocks it reads as.

    The signature table (recipients | signature) is layout, not data: its paragraphs are
    read cell by cell, as a text export prints them; other tables become one table block.
    """
    texts = [[[b.text for b in cell] for cell in row] for row in grid]
    if is_signature_table(texts):
        return [b for row in grid for cell in row for b in cell if b.text.strip()]
    return [table_block(texts)]


def is_header_table(grid: list[list[list[str]]]) -> bool:
    """The administrative header laid out as a small table (national name, Số, date)."""
    if not grid or len(grid) > 6 or max(len(r) for r in grid) > 3:
        return False
    lines = [match_text(p.strip()) for row in grid for cell in row for p in cell]
    joined = " ".join(lines)
    if any(rx.search(joined) for rx in _header_rules()):
        return True
    number, place_date = _header_line_rules()
    return any(number.match(x) for x in lines) and any(place_date.match(x) for x in lines)


def table_block(grid: list[list[list[str]]]) -> Block:
    """A grid of cells (each a list of paragraph texts) → a table block.

    The header table becomes one row per printed line, so ``Số: ...`` and the place and date
    are cells of their own; other tables keep one row per table row, paragraphs joined.
    """
    width = max((len(r) for r in grid), default=0)
    rows: list[list[str]] = []
    if is_header_table(grid):
        for row in grid:
            cells = [[p for p in cell if p.strip()] for cell in row]
            for i in range(max((len(c) for c in cells), default=0)):
                rows.append([c[i] if i < len(c) else "" for c in cells])
    else:
        rows = [[" ".join(p.strip() for p in cell if p.strip()) for cell in row] for row in grid]
    return Block(
        "table",
        "",
        rows=[[Cell(t) for t in r + [""] * (width - len(r))] for r in rows],
    )


# --- The body ----------------------------------------------------------------------------


_TERMINAL_RE = re.compile(r"[.;:!?…]\s*$")


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


def split_at_breaks(text: str) -> list[str]:
    """Lines joined by manual line breaks → blocks: split where a header line or a sentence
    ends (``Số: 05/KH-SGDĐT`` / ``Hưng Yên, ngày ...``, ``KẾ HOẠCH`` / title), or where the
    next line opens with a label; a sentence wrapped by a break stays one block (its lines
    joined by ``\\n``, which the document layout turns into a space)."""
    number, place_date = _header_line_rules()
    pieces = text.split("\n")
    lines = [pieces[0]]
    for nxt in pieces[1:]:
        prev = lines[-1].strip()
        if (
            not prev
            or not nxt.strip()
            or _is_caps(prev)
            or _TERMINAL_RE.search(prev)
            or BLOCK_START_RE.match(nxt)
            or number.match(match_text(prev))
            or place_date.match(match_text(nxt.strip()))
        ):
            lines.append(nxt)
        else:
            lines[-1] = f"{lines[-1]}\n{nxt}"
    return lines


@dataclass(slots=True)
class _Para:
    """One paragraph's text as runs; the blocks it adds after itself (notes, text boxes)."""

    parts: list[tuple[str, bool]] = field(default_factory=list)
    after: list[Block] = field(default_factory=list)
    notes: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(t for t, _ in self.parts)

    @property
    def bold(self) -> bool:
        inked = [b for t, b in self.parts if t.strip()]
        return bool(inked) and all(inked)


class _Reader:
    def __init__(self, document) -> None:
        self.document = document
        part = document.part
        self.styles = _Styles(document.styles.element)
        try:
            numbering_root = part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering_root = None
        self.numbering = _Numbering(numbering_root)
        self.footnotes = self._notes_part(part, "footnotes", "footnote")
        self.endnotes = self._notes_part(part, "endnotes", "endnote")
        self.n_footnotes = 0
        self.n_endnotes = 0
        self.endnote_blocks: list[Block] = []
        self.warnings: list[str] = []
        self.legacy_used: set[str] = set()

    @staticmethod
    def _notes_part(part, reltype: str, tag: str) -> dict[str, etree._Element]:
        for rel in part.rels.values():
            if rel.is_external or not rel.reltype.endswith("/" + reltype):
                continue
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                return {}
            return {
                n.get(w("id"), ""): n
                for n in root.iter(w(tag))
                if n.get(w("type")) in (None, "normal")
            }
        return {}

    def n_pages(self) -> int | None:
        for part in self.document.part.package.iter_parts():
            if str(part.partname) == "/docProps/app.xml":
                m = re.search(rb"<(?:\w+:)?Pages>(\d+)<", part.blob)
                return int(m.group(1)) if m else None
        return None

    # Body ---------------------------------------------------------------------------

    def read(self) -> list[Block]:
        body = self.document.element.body
        blocks = list(self._content(body))
        blocks.extend(self.endnote_blocks)
        if self.legacy_used:
            self.warnings.extend(
                f"converted from {LEGACY_NAMES[e]}" for e in sorted(self.legacy_used)
            )
        else:
            blocks = self._fix_legacy_text(blocks)
        return blocks

    def _fix_legacy_text(self, blocks: list[Block]) -> list[Block]:
        """Legacy-font text without its font name (pasted, or fonts substituted)."""
        texts = [b.text for b in blocks] + [
            c.text for b in blocks if b.rows for row in b.rows for c in row
        ]
        _, encoding = fix_legacy("\n".join(texts))
        if encoding is None:
            return blocks
        for b in blocks:
            b.text = convert_legacy(b.text, encoding)
            for row in b.rows or []:
                for c in row:
                    c.text = convert_legacy(c.text, encoding)
        self.warnings.append(f"converted from {LEGACY_NAMES[encoding]}")
        return blocks

    def _content(self, parent: etree._Element) -> Iterator[Block]:
        """Blocks of a body, cell, text box or note: paragraphs and tables in order."""
        for child in parent:
            tag = child.tag
            if tag == w("p"):
                yield from self._paragraph_blocks(child)
            elif tag == w("tbl"):
                yield from self._table_blocks(child)
            elif tag in (w("sdt"),):
                content = child.find(w("sdtContent"))
                if content is not None:
                    yield from self._content(content)
            elif tag in (w("customXml"), w("ins")):
                yield from self._content(child)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                if choice is not None:
                    yield from self._content(choice)

    # Paragraphs ---------------------------------------------------------------------

    def _paragraph_blocks(self, p: etree._Element) -> Iterator[Block]:
        ppr = p.find(w("pPr"))
        style_id = _val(ppr.find(w("pStyle"))) if ppr is not None else None
        style_id = style_id or self.styles.default_paragraph
        para = self._read_runs(p, style_id)
        label = self._label(ppr, style_id)
        lines = split_at_breaks(para.text)
        if label is not None and lines:
            lines[0] = f"{label[0]} {lines[0].lstrip()}"
        heading = self.styles.is_heading(style_id)
        for text in lines:
            if not text.strip():
                continue
            if heading:
                kind = "heading"
            elif label is not None and label[1]:
                kind = "list_item"
            elif para.bold and len(text) < 250:
                kind = "heading"
            else:
                kind = "paragraph"
            yield Block(
                kind,
                text,
                bold=para.bold,
                label=label[0] if label is not None and not label[1] else None,
            )
            label = None if label is None or not label[1] else label
        yield from para.after
        yield from para.notes

    def _label(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str, bool] | None:
        num_id: str | None = None
        ilvl: int | None = None
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr.find(w("numId")))
            lvl = _val(numpr.find(w("ilvl")))
            ilvl = int(lvl) if lvl and lvl.isdigit() else None
        style_num, style_ilvl = self.styles.numpr(style_id)
        if num_id is None:
            num_id = style_num
        if ilvl is None:
            ilvl = style_ilvl
        label = self.numbering.label(num_id, ilvl)
        if label is None or not label[0]:
            return None
        return label

    def _read_runs(self, p: etree._Element, style_id: str | None) -> _Para:
        para = _Para()
        state = {"field_code": False, "custom_mark": False}
        self._walk(p, style_id, para, state)
        return para

    def _walk(self, el: etree._Element, style_id: str | None, para: _Para, state: dict) -> None:
        for child in el:
            tag = child.tag
            if tag == w("r"):
                self._run(child, style_id, para, state)
            elif tag in (
                w("hyperlink"), w("smartTag"), w("ins"), w("fldSimple"), w("customXml"),
                w("dir"), w("bdo"), w("moveTo"),
            ):  # fmt: skip
                self._walk(child, style_id, para, state)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self._walk(content, style_id, para, state)
            elif tag == f"{{{MC_NS}}}AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                if choice is not None:
                    self._walk(choice, style_id, para, state)

    def _run(self, r: etree._Element, style_id: str | None, para: _Para, state: dict) -> None:
        rpr = r.find(w("rPr"))
        run_style = _val(rpr.find(w("rStyle"))) if rpr is not None else None

        def prop(tag: str) -> etree._Element | None:
            if rpr is not None and (el := rpr.find(w(tag))) is not None:
                return el
            return self.styles.run_prop([run_style, style_id], tag)

        if _on(prop("vanish")) or _on(prop("webHidden")):
            return
        bold = bool(_on(prop("b")))
        fonts = prop("rFonts")
        font = (_val(fonts, "ascii") or _val(fonts, "hAnsi") or "") if fonts is not None else ""
        texts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == w("fldChar"):
                kind = _val(child, "fldCharType")
                state["field_code"] = kind == "begin"
            elif state["field_code"]:
                continue
            elif tag == w("t"):
                if state["custom_mark"]:
                    state["custom_mark"] = False
                    para.notes[-1].label = child.text or para.notes[-1].label
                    continue
                texts.append(child.text or "")
            elif tag in (w("tab"), w("ptab")):
                texts.append("\t")
            elif tag in (w("br"), w("cr")):
                if _val(child, "type") not in ("page", "column"):
                    texts.append("\n")
            elif tag == w("noBreakHyphen"):
                texts.append("-")
            elif tag == w("sym"):
                code = _val(child, "char") or ""
                if re.fullmatch(r"[0-9A-Fa-f]{4}", code):
                    ch = chr(int(code, 16))
                    texts.append(_bullet(ch) if 0xF000 <= ord(ch) <= 0xF0FF else ch)
            elif tag == w("footnoteReference"):
                self._note_ref(child, para, state, endnote=False)
            elif tag == w("endnoteReference"):
                self._note_ref(child, para, state, endnote=True)
            elif tag in (w("drawing"), w("pict"), f"{{{MC_NS}}}AlternateContent", w("object")):
                para.after.extend(self._text_boxes(child))
        text = "".join(texts)
        if not text:
            return
        encoding = _legacy_font(font)
        if encoding is not None:
            text = convert_legacy(text, encoding)
            if font.rstrip().endswith("H"):  # the capitals fonts: .VnTimeH, .VnArialH
                text = text.upper()
            self.legacy_used.add(encoding)
        para.parts.append((text, bold))

    def _text_boxes(self, el: etree._Element) -> list[Block]:
        if el.tag == f"{{{MC_NS}}}AlternateContent":
            choice = el.find(f"{{{MC_NS}}}Choice")
            el = choice if choice is not None else el
        blocks: list[Block] = []
        for box in el.iter(w("txbxContent")):
            if any(a.tag == w("txbxContent") for a in box.iterancestors()):
                continue  # a text box inside a text box is read with its parent
            blocks.extend(self._content(box))
        return blocks

    # Notes --------------------------------------------------------------------------

    def _note_ref(self, ref: etree._Element, para: _Para, state: dict, endnote: bool) -> None:
        note_id = _val(ref, "id") or ""
        source = self.endnotes if endnote else self.footnotes
        if endnote:
            self.n_endnotes += 1
            label = format_number(self.n_endnotes, "lowerRoman")
        else:
            self.n_footnotes += 1
            label = str(self.n_footnotes)
        custom = _on(ref.find(w("customMarkFollows"))) or _on_attr(ref.get(w("customMarkFollows")))
        note = source.get(note_id)
        text = self._note_text(note) if note is not None else ""
        block = Block("footnote", text, label=label)
        if endnote:
            self.endnote_blocks.append(block)
            return
        para.notes.append(block)
        if custom:
            state["custom_mark"] = True

    def _note_text(self, note: etree._Element) -> str:
        lines = []
        for block in self._content(note):
            if block.rows is not None:
                lines.extend(" ".join(c.text for c in row) for row in block.rows)
            else:
                lines.append(block.text)
        return "\n".join(line for line in lines if line.strip())

    # Tables -------------------------------------------------------------------------

    def _table_blocks(self, tbl: etree._Element) -> Iterator[Block]:
        notes: list[Block] = []
        grid = self._grid(tbl, notes)
        if any(b.text.strip() for row in grid for cell in row for b in cell):
            yield from table_blocks(grid)
        yield from notes

    def _grid(self, tbl: etree._Element, notes: list[Block]) -> list[list[list[Block]]]:
        grid: list[list[list[Block]]] = []
        # column → (row, col) of the cell a vertical merge continues
        origin: dict[int, tuple[int, int]] = {}
        for tr in _children(tbl, "tr"):
            trpr = tr.find(w("trPr"))
            col = int(_val(trpr.find(w("gridBefore"))) or 0) if trpr is not None else 0
            row: list[list[Block]] = [[] for _ in range(col)]
            for tc in _children(tr, "tc"):
                tcpr = tc.find(w("tcPr"))
                span = _val(tcpr.find(w("gridSpan"))) if tcpr is not None else None
                span_n = int(span) if span and span.isdigit() else 1
                vmerge = tcpr.find(w("vMerge")) if tcpr is not None else None
                paragraphs = self._cell_paragraphs(tc, notes)
                if vmerge is not None and _val(vmerge) != "restart" and col in origin:
                    r0, c0 = origin[col]
                    grid[r0][c0].extend(p for p in paragraphs if p.text.strip())
                    paragraphs = []
                else:
                    origin[col] = (len(grid), len(row))
                row.append(paragraphs)
                row.extend([] for _ in range(span_n - 1))
                for c in range(col, col + span_n):
                    if vmerge is None:
                        origin.pop(c, None)
                    elif c != col:
                        origin[c] = origin[col]
                col += span_n
            grid.append(row)
        width = max((len(r) for r in grid), default=0)
        return [r + [[] for _ in range(width - len(r))] for r in grid]

    def _cell_paragraphs(self, tc: etree._Element, notes: list[Block]) -> list[Block]:
        out: list[Block] = []
        for block in self._content(tc):
            if block.kind == "footnote":
                notes.append(block)
            elif block.rows is not None:  # a table inside the cell: its rows as lines
                out.extend(
                    Block("paragraph", " ".join(c.text for c in row if c.text.strip()))
                    for row in block.rows
                )
            else:
                out.append(block)
        return out


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """``tag`` children, also those wrapped in content controls or custom XML."""
    for child in el:
        if child.tag == w(tag):
            yield child
        elif child.tag in (w("sdt"), w("customXml")):
            inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if inner is not None:
                yield from _children(inner, tag)


def _legacy_font(font: str) -> str | None:
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3"
    if name.startswith("vni"):
        return "vni"
    return None
