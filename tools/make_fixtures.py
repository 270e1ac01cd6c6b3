"""Render the corpus text documents as the files agencies actually send: Word and PDF.

For each ``corpus/<stem>.txt`` the script reads the text with the project's own reader and
structure analysis (blocks, header, sections, tables, footnotes) and writes
``corpus/rendered/<stem>.docx`` the way a clerk's Word file is built:

- the administrative header as a borderless two-column table (issuing body | national name
  and motto; ``Số: ...`` | place and date);
- Word automatic numbering for section labels and items (``I.``, ``1.``, ``a)``, ``-``
  bullets), so the labels are *not* in the text runs; a label Word cannot produce
  (``đ)``, ``1.1.``) stays typed in the text, as clerks do;
- real Word footnotes (python-docx has no footnote API: the footnotes part is written here);
- appendix task tables with a repeated header row, vertically and horizontally merged cells
  and rows long enough to break across pages, in a landscape section;
- DejaVu fonts, so LibreOffice renders the same glyphs everywhere.

Each DOCX is converted to ``<stem>.pdf`` with LibreOffice headless; the first pages of one PDF
are rasterized with pdftoppm and assembled with Pillow into ``<stem>-scan.pdf``, an image-only
PDF without a text layer (for OCR). One document is also written in the legacy font
encodings, ``<stem>-tcvn3.txt`` and ``<stem>-vni.txt``.

Usage::

    .venv/bin/python tools/make_fixtures.py            # all corpus documents
    .venv/bin/python tools/make_fixtures.py --only hungyen --no-pdf

The helpers (:class:`DocxWriter`) are also used by the tests to build small DOCX files.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract import patterns, structure  # noqa: E402
from extract.model import Block  # noqa: E402
from extract.normalize import match_text  # noqa: E402
from extract.read import read_document  # noqa: E402
from extract.read.docx import format_number  # noqa: E402
from extract.read.encodings import encode_legacy_bytes  # noqa: E402

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "DejaVu Serif"
SCAN_SOURCE = "hungyen-sgddt-kh05-cai-cach-hanh-chinh-2022"
LEGACY_SOURCE = "qd51-2025-ttg-bo-tieu-chi-nong-thon-moi"


# --- A small Word writer on top of python-docx -------------------------------------------


class DocxWriter:
    """python-docx plus what it lacks: list numbering, footnotes, text boxes, merged tables."""

    def __init__(self, font: str = FONT, size: float = 12) -> None:
        self.doc = docx.Document()
        self.font = font
        normal = self.doc.styles["Normal"]
        normal.font.name = font
        normal.font.size = Pt(size)
        rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(attr), font)
        normal.paragraph_format.space_after = Pt(4)
        section = self.doc.sections[0]
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin, section.right_margin = Cm(3), Cm(2)
        section.top_margin, section.bottom_margin = Cm(2), Cm(2)
        self.numbering = self.doc.part.numbering_part.element
        self._next_abstract = 100
        self._next_num = 100
        self._notes: dict[str, Any] = {}  # root elements of the notes parts, once made

    # Numbering ---------------------------------------------------------------------

    def abstract_list(self, levels: list[tuple[str, str]]) -> int:
        """A list definition: ``(numFmt, lvlText)`` per level, e.g. ``("upperRoman", "%1.")``."""
        aid = self._next_abstract
        self._next_abstract += 1
        lvls = []
        for ilvl, (fmt, text) in enumerate(levels):
            lvls.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:suff w:val="space"/><w:lvlText w:val="{_xml_attr(text)}"/>'
                f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="567"/></w:pPr>'
                f"</w:lvl>"
            )
        kind = "singleLevel" if len(levels) == 1 else "multilevel"
        el = parse_xml(
            f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{aid}">'
            f'<w:multiLevelType w:val="{kind}"/>{"".join(lvls)}</w:abstractNum>'
        )
        first_num = self.numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(el)
        else:
            self.numbering.append(el)
        return aid

    def start_list(self, abstract_id: int, restart: bool = True) -> int:
        """A list instance (``w:num``); ``restart`` numbers it from the start again."""
        nid = self._next_num
        self._next_num += 1
        override = (
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
            if restart
            else ""
        )
        self.numbering.append(
            parse_xml(
                f'<w:num xmlns:w="{W_NS}" w:numId="{nid}">'
                f'<w:abstractNumId w:val="{abstract_id}"/>{override}</w:num>'
            )
        )
        return nid

    # Paragraphs --------------------------------------------------------------------

    def paragraph(
        self,
        text: str = "",
        *,
        bold: bool = False,
        italic: bool = False,
        align: str | None = None,
        size: float | None = None,
        numbering: tuple[int, int] | None = None,
        indent: bool = False,
        container=None,
        style: str | None = None,
    ):
        target = container if container is not None else self.doc
        p = target.add_paragraph(style=style) if style else target.add_paragraph()
        if text:
            run = p.add_run(text)
            run.bold = bold or None
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
        fmt = p.paragraph_format
        if align:
            fmt.alignment = {
                "center": WD_ALIGN_PARAGRAPH.CENTER,
                "right": WD_ALIGN_PARAGRAPH.RIGHT,
                "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
                "left": WD_ALIGN_PARAGRAPH.LEFT,
            }[align]
        if indent and numbering is None:
            fmt.first_line_indent = Cm(1)
        if numbering is not None:
            self.number(p, numbering, bold=bold)
        return p

    def number(self, paragraph, numbering: tuple[int, int], bold: bool = False) -> None:
        """Make ``paragraph`` an item of list ``numbering`` = (numId, level)."""
        ppr = paragraph._p.get_or_add_pPr()
        ppr.append(
            parse_xml(
                f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{numbering[1]}"/>'
                f'<w:numId w:val="{numbering[0]}"/></w:numPr>'
            )
        )
        if bold:  # the label takes the paragraph mark's formatting
            ppr.append(parse_xml(f'<w:rPr xmlns:w="{W_NS}"><w:b/></w:rPr>'))

    # Footnotes and endnotes --------------------------------------------------------

    def _notes_root(self, kind: str):
        """The root of ``word/footnotes.xml`` or ``word/endnotes.xml``, made on first use."""
        if kind not in self._notes:
            xml = (
                f'<w:{kind}s xmlns:w="{W_NS}">'
                f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/>'
                f"</w:pPr><w:r><w:separator/></w:r></w:p></w:{kind}>"
                f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
                '<w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
                f"</w:{kind}></w:{kind}s>"
            )
            content_type, reltype = {
                "footnote": (CT.WML_FOOTNOTES, RT.FOOTNOTES),
                "endnote": (CT.WML_ENDNOTES, RT.ENDNOTES),
            }[kind]
            part = XmlPart(
                PackURI(f"/word/{kind}s.xml"), content_type, parse_xml(xml), self.doc.part.package
            )
            self.doc.part.relate_to(part, reltype)
            self._notes[kind] = part.element
        return self._notes[kind]

    def footnote(self, paragraph, text: str, kind: str = "footnote") -> int:
        """Append a note reference mark to ``paragraph`` and the note to its part."""
        root = self._notes_root(kind)
        nid = len(root) - 1  # after the two separators: 1, 2, ...
        sup = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        root.append(
            parse_xml(
                f'<w:{kind} xmlns:w="{W_NS}" w:id="{nid}"><w:p><w:pPr><w:spacing w:after="0"/>'
                f'<w:jc w:val="both"/></w:pPr><w:r>{sup}<w:{kind}Ref/></w:r>'
                f'<w:r><w:rPr><w:sz w:val="20"/></w:rPr><w:t xml:space="preserve"> '
                f"{_xml_text(text)}</w:t></w:r></w:p></w:{kind}>"
            )
        )
        paragraph._p.append(
            parse_xml(f'<w:r xmlns:w="{W_NS}">{sup}<w:{kind}Reference w:id="{nid}"/></w:r>')
        )
        return nid

    def endnote(self, paragraph, text: str) -> int:
        return self.footnote(paragraph, text, kind="endnote")

    # Text boxes --------------------------------------------------------------------

    def text_box(self, paragraph, lines: list[str]) -> None:
        """A floating text box anchored in ``paragraph`` (DrawingML with its VML fallback)."""
        body = "".join(
            f'<w:p><w:r><w:t xml:space="preserve">{_xml_text(t)}</w:t></w:r></w:p>' for t in lines
        )
        xml = f"""<w:r xmlns:w="{W_NS}"
  xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
  xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
  xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
  xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
  xmlns:v="urn:schemas-microsoft-com:vml">
<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>
<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1"
  behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">
<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>
</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>
<wp:extent cx="2743200" cy="914400"/><wp:effectExtent l="0" t="0" r="0" b="0"/>
<wp:wrapSquare wrapText="bothSides"/>
<wp:docPr id="{self._next_num + 1000}" name="Text Box"/><wp:cNvGraphicFramePr/>
<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>
<a:ext cx="2743200" cy="914400"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>
</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>
<mc:Fallback><w:pict><v:shape style="width:216pt;height:72pt" type="#_x0000_t202">
<v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
</mc:AlternateContent></w:r>"""
        paragraph._p.append(parse_xml(xml))

    # Tables ------------------------------------------------------------------------

    def table(
        self,
        rows: list[list[list[str] | str]],
        *,
        merges: list[tuple[int, int, int, int]] = (),
        header_rows: int = 0,
        borders: bool = True,
        widths: list[float] | None = None,
        size: float | None = None,
        bold_cells: set[tuple[int, int]] = frozenset(),
        align: dict[tuple[int, int], str] | None = None,
    ):
        """A table; each cell a string or a list of paragraphs; merges ``(r0, c0, r1, c1)``."""
        n_cols = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=n_cols)
        if borders:
            table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(rows):
            for c in range(n_cols):
                value = row[c] if c < len(row) else ""
                paragraphs = value if isinstance(value, list) else [value]
                cell = table.cell(r, c)
                for k, text in enumerate(paragraphs):
                    p = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
                    p.paragraph_format.space_after = Pt(0)
                    where = (align or {}).get((r, c))
                    if where:
                        p.alignment = {
                            "center": WD_ALIGN_PARAGRAPH.CENTER,
                            "left": WD_ALIGN_PARAGRAPH.LEFT,
                        }[where]
                    if text:
                        run = p.add_run(text)
                        run.bold = (r < header_rows or (r, c) in bold_cells) or None
                        if size:
                            run.font.size = Pt(size)
        if widths:
            table.autofit = False
            for c, column in enumerate(table.columns):
                if c < len(widths):
                    column.width = Cm(widths[c])
            for row in table.rows:
                for c, cell in enumerate(row.cells[: len(widths)]):
                    cell.width = Cm(widths[c])
        for r0, c0, r1, c1 in merges:
            table.cell(r0, c0).merge(table.cell(r1, c1))
        for r in range(header_rows):
            tr_pr = table.rows[r]._tr.get_or_add_trPr()
            tr_pr.append(parse_xml(f'<w:tblHeader xmlns:w="{W_NS}"/>'))
        return table

    # Sections ----------------------------------------------------------------------

    def landscape(self, on: bool = True) -> None:
        """A new page in landscape (``on``) or portrait orientation."""
        current = self.doc.sections[-1]
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        width, height = sorted((current.page_width, current.page_height))
        if on:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height

    def save(self, path: Path) -> None:
        self.doc.save(str(path))


def _xml_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _xml_attr(text: str) -> str:
    return _xml_text(text).replace('"', "&quot;")


# --- Word numbering for the labels of the text ------------------------------------------

# Label style (patterns/structure.yaml) → (numFmt, lvlText) Word can draw.
NUMBERED = {
    "roman": ("upperRoman", "%1."),
    "alpha_upper": ("upperLetter", "%1."),
    "decimal": ("decimal", "%1."),
    "decimal_paren": ("decimal", "%1)"),
    "letter": ("lowerLetter", "%1)"),
    "letter_dot": ("lowerLetter", "%1."),
}
BULLETS = ("dash", "star", "dot", "other_bullet")


@dataclass
class _ListState:
    num_id: int
    last: int


@dataclass
class Lists:
    """Decides, label by label, whether Word's automatic numbering can print it."""

    writer: DocxWriter
    abstracts: dict[str, int] = field(default_factory=dict)
    states: dict[str, _ListState] = field(default_factory=dict)

    def numbering_for(self, style: str, label: str) -> tuple[int, int] | None:
        if style in BULLETS:
            key = f"bullet{label}"
            if key not in self.abstracts:
                self.abstracts[key] = self.writer.abstract_list([("bullet", label)])
            if key not in self.states:
                self.states[key] = _ListState(self.writer.start_list(self.abstracts[key]), 0)
            return self.states[key].num_id, 0
        if style == "alpha_upper" and label[0] in "IVXLC":
            # "I." is a roman numeral unless it continues an A., B., ... series (as structure).
            prev = self.states.get("alpha_upper")
            if prev is None or ord(label[0]) - 64 != prev.last + 1:
                style = "roman"
        if style not in NUMBERED:
            return None
        fmt, text = NUMBERED[style]
        value = _label_value(label, fmt)
        if value is None or text.replace("%1", format_number(value, fmt)) != label:
            return None  # Word cannot print this label (đ), 1.1.): keep it typed
        state = self.states.get(style)
        if state is not None and value == state.last + 1:
            state.last = value
            return state.num_id, 0
        if value != 1:
            return None
        if style not in self.abstracts:
            self.abstracts[style] = self.writer.abstract_list([(fmt, text)])
        self.states[style] = _ListState(self.writer.start_list(self.abstracts[style]), 1)
        return self.states[style].num_id, 0


def _label_value(label: str, fmt: str) -> int | None:
    core = label.rstrip(".)")
    if fmt == "decimal":
        return int(core) if core.isdigit() else None
    if fmt in ("lowerLetter", "upperLetter"):
        c = core.lower()
        return ord(c) - 96 if len(c) == 1 and "a" <= c <= "z" else None
    if fmt == "upperRoman":
        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
        total = 0
        for i, ch in enumerate(core):
            if ch not in values:
                return None
            v = values[ch]
            total += -v if i + 1 < len(core) and values.get(core[i + 1], 0) > v else v
        return total or None
    return None


# --- Corpus text → DOCX ---------------------------------------------------------------


def _rules() -> dict[str, re.Pattern[str]]:
    data = patterns.load("structure")
    return {
        "national": re.compile(data["national_name"], re.I),
        "motto": re.compile(data["motto"], re.I),
        "number": re.compile(data["number_line"]),
        "place_date": re.compile(data["place_date"], re.I),
    }


_RULE_RE = re.compile(r"\s*[-–_=*]{3,}\s*")


def _header_lines(block: Block) -> list[str]:
    """The printed lines of a header block (a typed table's cells are split at the rules)."""
    rules = _rules()
    texts = [c.text for row in block.rows for c in row] if block.rows else [block.text]
    lines: list[str] = []
    for text in texts:
        for part in _RULE_RE.split(text):
            part = part.strip()
            if not part:
                continue
            m = rules["motto"].search(match_text(part))
            if m and m.start() > 0:
                lines += [part[: m.start()].strip(), part[m.start() :].strip()]
            else:
                lines.append(part)
    return lines


def _header_table(writer: DocxWriter, lines: list[str]) -> None:
    """Issuing body | national name and motto; Số | place and date — as Nghị định 30 lays it."""
    rules = _rules()
    left1, right1, left2, right2 = [], [], [], []
    for line in lines:
        folded = match_text(line)
        if rules["national"].search(folded) or rules["motto"].search(folded):
            right1.append(line)
        elif rules["number"].match(folded):
            left2.append(line)
        elif rules["place_date"].match(folded):
            right2.append(line)
        elif left2 and not right2:
            left2.append(line)  # "V/v ..." under the number
        else:
            left1.append(line)
    if (left2 or right2) and not right1:
        # Every header prints the national name and motto; text copies often drop them.
        right1 = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    if left1:
        left1.append("-------")
    if right1:
        right1.append("---------------")
    rows: list[list[list[str] | str]] = []
    bold: set[tuple[int, int]] = set()
    if left1 or right1:
        rows.append([left1, right1])
        bold |= {(0, 0), (0, 1)}
    if left2 or right2:
        rows.append([left2, right2])
    if not rows:
        return
    align = {(r, c): "center" for r in range(len(rows)) for c in range(2)}
    table = writer.table(
        rows, borders=False, widths=[5.6, 10.4], size=10.5, bold_cells=bold, align=align
    )
    if right2:  # the place and date line is italic
        for p in table.cell(len(rows) - 1, 1).paragraphs:
            for run in p.runs:
                run.italic = True
    writer.paragraph("")


def _merges(rows: list[list[str]], header_rows: int) -> list[tuple[int, int, int, int]]:
    """Merged areas a clerk would make: group rows across the width, repeated cells down."""
    merges: list[tuple[int, int, int, int]] = []
    width = max(len(r) for r in rows)
    spanned: set[int] = set()
    for r, row in enumerate(rows):
        filled = [c for c in range(width) if c < len(row) and row[c].strip()]
        if r >= header_rows and filled and max(filled) <= 1 and width - max(filled) >= 3:
            merges.append((r, max(filled), r, width - 1))  # a group heading row
            spanned.add(r)
    for c in range(width):
        r = 1
        while r < len(rows):
            above = rows[r - 1][c] if c < len(rows[r - 1]) else ""
            run = 0
            while (
                r + run < len(rows)
                and r + run not in spanned
                and r - 1 not in spanned
                and not (rows[r + run][c] if c < len(rows[r + run]) else "").strip()
                and sum(1 for x in rows[r + run] if x.strip()) >= 2
                and run < 6
            ):
                run += 1
            if above.strip() and run and r - 1 >= header_rows:
                merges.append((r - 1, c, r - 1 + run, c))
            r += max(run, 1)
    return merges


def _looks_like_header_row(row: list[str]) -> bool:
    """Column titles (``STT | Nội dung | Đơn vị chủ trì ...``), not a row of data."""
    cells = [c.strip() for c in row]
    return all(cells) and max(len(c) for c in cells) <= 60 and not cells[0][:1].isdigit()


def _widths(rows: list[list[str]], total: float) -> list[float]:
    width = max(len(r) for r in rows)
    lengths = [
        (sum(len(r[c]) for r in rows if c < len(r)) / len(rows) + 4) ** 0.5 for c in range(width)
    ]
    scale = total / sum(lengths)
    widths = [max(1.6, x * scale) for x in lengths]
    factor = total / sum(widths)
    return [x * factor for x in widths]


def render_docx(txt: Path) -> DocxWriter:
    """The Word file a clerk would have sent for the text ``txt``."""
    doc = read_document(txt)
    info, _ = structure.analyze(doc)
    writer = DocxWriter()
    lists = Lists(writer)
    blocks = doc.blocks
    # The header: the header blocks before the type line.
    first_body = next((i for i, b in enumerate(blocks) if b.kind != "header"), len(blocks))
    header = [line for b in blocks[:first_body] for line in _header_lines(b)]
    _header_table(writer, header)
    title = match_text(info.title or "")
    landscape = False
    in_appendix = False
    last_paragraph = None
    pending_notes: list[Block] = []
    closing_done: set[int] = set()
    for i, b in enumerate(blocks[first_body:], start=first_body):
        if i in closing_done:
            continue
        if b.kind == "recipients" and not closing_done:
            closing_done = _closing_table(writer, lists, blocks, i)
            if closing_done:
                continue
        if b.kind == "footnote":
            if last_paragraph is not None:
                writer.footnote(last_paragraph, b.text)
            else:
                pending_notes.append(b)
            continue
        if b.rows is not None:
            rows = [[c.text for c in row] for row in b.rows]
            wide = max(len(r) for r in rows) >= 5
            if wide and not landscape:
                writer.landscape(True)
                landscape = True
            total = 25.0 if landscape else 15.5
            header_rows = 1 if len(rows) > 3 and _looks_like_header_row(rows[0]) else 0
            writer.table(
                rows,
                merges=_merges(rows, header_rows) if len(rows) > 3 and len(rows[0]) >= 3 else [],
                header_rows=header_rows,
                widths=_widths(rows, total),
                size=10 if landscape else 11,
            )
            writer.paragraph("")
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if landscape and not in_appendix and nxt is not None and nxt.rows is None:
                writer.landscape(False)
                landscape = False
            continue
        found = structure.label_of(b.text)
        if found and found[0] == "appendix":
            in_appendix = True
            upcoming = next((x for x in blocks[i + 1 : i + 6] if x.rows is not None), None)
            if upcoming is not None and max(len(r) for r in upcoming.rows) >= 5 and not landscape:
                writer.landscape(True)
                landscape = True
        numbering = None
        text = b.text
        if found and b.kind in ("paragraph", "heading", "list_item", "recipients"):
            style, label = found
            numbering = lists.numbering_for(style, label)
            if numbering is not None:
                text = b.text.lstrip()[len(label) :].lstrip()
        folded = match_text(b.text)
        centered = (b.kind == "heading" and not found and i < first_body + 3) or bool(
            title and folded in title and i < first_body + 8
        )
        align = "center" if b.kind == "signature" or centered else "justify"
        p = writer.paragraph(
            text,
            bold=b.bold or centered or (b.kind == "signature" and _is_caps(b.text)),
            align=align,
            numbering=numbering,
            indent=align == "justify" and b.kind == "paragraph",
        )
        last_paragraph = p
        for note in pending_notes:
            writer.footnote(p, note.text)
        pending_notes = []
    return writer


def _closing_table(writer: DocxWriter, lists: Lists, blocks: list[Block], start: int) -> set[int]:
    """``Nơi nhận:`` list | signature block, side by side in a borderless table."""
    end = start
    while end < len(blocks) and blocks[end].kind == "recipients":
        end += 1
    sig_end = end
    while sig_end < len(blocks) and blocks[sig_end].kind == "signature":
        sig_end += 1
    if sig_end == end:
        return set()
    left = [b.text for b in blocks[start:end]]
    right = [b.text for b in blocks[end:sig_end]]
    table = writer.table([[left, right]], borders=False, widths=[8.0, 8.0], size=10)
    for k, p in enumerate(table.cell(0, 0).paragraphs):
        found = structure.label_of(p.text)
        if k == 0:
            for run in p.runs:
                run.bold, run.italic = True, True
        elif found and (numbering := lists.numbering_for(*found)) is not None:
            p.runs[0].text = p.text[len(found[1]) :].lstrip()
            writer.number(p, numbering)
    for p in table.cell(0, 1).paragraphs:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in p.runs:
            run.bold = _is_caps(p.text) or None
            run.font.size = Pt(12)
    writer.paragraph("")
    return set(range(start, sig_end))


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= 0.85 * len(letters)


# --- Conversions ------------------------------------------------------------------------


def soffice_to_pdf(docx_files: list[Path], out_dir: Path, timeout: int = 600) -> None:
    """DOCX → PDF with LibreOffice headless and a private profile."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is not installed: cannot make the PDFs")
    with tempfile.TemporaryDirectory(prefix="vnplan-lo-") as profile:
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ]
        subprocess.run(cmd, check=True, timeout=timeout, capture_output=True)


def scan_pdf(pdf: Path, out: Path, pages: int = 3, dpi: int = 200) -> None:
    """An image-only PDF of the first ``pages`` pages of ``pdf`` (no text layer).

    Pages are rasterized, turned a little as on a scanner glass and thresholded to black and
    white (CCITT G4 in the PDF, about 45 KB a page), as office scanners deliver them.
    """
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="vnplan-scan-") as tmp:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(dpi),
                "-gray",
                "-png",
                "-f",
                "1",
                "-l",
                str(pages),
                str(pdf),
                f"{tmp}/page",
            ],
            check=True,
            timeout=300,
        )
        images = []
        for k, png in enumerate(sorted(Path(tmp).glob("page*.png"))):
            im = Image.open(png).convert("L")
            # A slightly crooked sheet on the scanner glass.
            im = im.rotate(0.4 if k % 2 == 0 else -0.3, fillcolor=255, expand=False)
            images.append(im.point(lambda v: 255 if v > 160 else 0).convert("1"))
        if not images:
            raise SystemExit(f"pdftoppm produced no pages for {pdf}")
        images[0].save(out, "PDF", save_all=True, append_images=images[1:], resolution=float(dpi))


def write_legacy(txt: Path, out_dir: Path) -> list[Path]:
    """``<stem>-tcvn3.txt`` and ``<stem>-vni.txt``: the text in the legacy font encodings."""
    text = txt.read_text(encoding="utf-8")
    written = []
    for encoding in ("tcvn3", "vni"):
        path = out_dir / f"{txt.stem}-{encoding}.txt"
        path.write_bytes(encode_legacy_bytes(text, encoding))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "corpus" / "rendered")
    parser.add_argument("--only", help="only documents whose name contains this")
    parser.add_argument("--no-pdf", action="store_true", help="DOCX only, no LibreOffice")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    sources = sorted(p for p in args.corpus.glob("*.txt") if not args.only or args.only in p.name)
    made: list[Path] = []
    for txt in sources:
        out = args.out / f"{txt.stem}.docx"
        render_docx(txt).save(out)
        made.append(out)
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")
    legacy = args.corpus / f"{LEGACY_SOURCE}.txt"
    if legacy in sources:
        for path in write_legacy(legacy, args.out):
            print(path.name)
    if args.no_pdf or not made:
        return 0
    soffice_to_pdf(made, args.out)
    for d in made:
        print(d.with_suffix(".pdf").name)
    scan_source = args.out / f"{SCAN_SOURCE}.pdf"
    if scan_source.exists() and shutil.which("pdftoppm"):
        scan_pdf(scan_source, args.out / f"{SCAN_SOURCE}-scan.pdf")
        print(f"{SCAN_SOURCE}-scan.pdf")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
