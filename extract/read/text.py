"""Plain text and Markdown: what careless exports of Word and web pages look like.

Handles, as found in received plans:
- hard-wrapped lines (``... của \\nỦy ban nhân dân Thành phố``) and sentences broken by a
  page break (``Kế hoạch số\\n\\n2336/KH-SGDĐT``), re-joined into paragraphs;
- Markdown emphasis and headings (``### **1. Cải cách thể chế**``), HTML fragments
  (``<b>``, ``<p>``, ``<ul><li>``, ``<i>``, entities);
- tab-separated tables whose rows continue on the next line after a page break
  (``\\tđảm bảo thực hiện ...\\t\\t\\tthuộc``), repeated header rows, and Markdown pipe tables;
- footnotes: inline ``[footnoteRef:1]`` markers with ``[1: ...]`` bodies, and ``¹ ...``
  paragraphs interrupting the body;
- cells flattened by web copies into `` | `` lines.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from ..model import Block, Cell
from ..normalize import leading_footnote_label, nfc
from . import ReadError, ReadResult
from .encodings import decode_text

_TAG_BREAK_RE = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>|<li[^>]*>|</li>|<p[^>]*>|</p>", re.I)
_TAG_RE = re.compile(r"</?[a-zA-Z][^>\n]*>")
_BOLD_RE = re.compile(
    r"^\s*(?:<p[^>]*>\s*)?(?:\*\*|__|<b>|<strong>)(.*?)(?:\*\*|__|</b>|</strong>)\s*(?:</p>)?\s*$",
    re.I,
)
_LI_SPLIT_RE = re.compile(r"(?i)(?=<li[\s>])")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS_RE = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
_INLINE_FOOTNOTE_RE = re.compile(r"\[(\d{1,3}):\s*(.+?)\](?=\s|$)")
_PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_LONE_PIPE_RE = re.compile(r"^\s*\|\s?(.*)$")

# A line starting with one of these opens a new block (section labels, bullets, clauses).
BLOCK_START_RE = re.compile(
    r"""^\s*(?:
        (?:[IVXLC]{1,6}|[A-ZĐ])[.)](?=\s|$)            # I.  II)  A.
      | \d{1,3}(?:\.\d{1,3}){0,4}[.)]?(?=\s)           # 1.  1.1  1.1.2.  3)
      | [a-zđ][.)](?=\s)                               # a)  đ.
      | [-–·•*+○▪►✓](?=\s)                             # bullets
      | (?:Điều|Chương|Mục|Phần|Phụ\ lục|PHỤ\ LỤC|Nơi\ nhận|Kính\ gửi|Căn\ cứ|Số)\b
      | \((?:Ban\ hành\ )?[Kk]èm\ theo
    )""",
    re.X,
)
_TERMINAL = ".;:!?…"
# Words a Vietnamese sentence does not end on: a line ending with one was wrapped.
_OPEN_WORDS = frozenset(
    [
        "của",
        "và",
        "các",
        "số",
        "về",
        "tại",
        "với",
        "cho",
        "theo",
        "ngày",
        "tháng",
        "năm",
        "trong",
        "những",
        "được",
        "là",
        "có",
        "để",
        "từ",
        "đến",
        "trên",
        "dưới",
        "hoặc",
        "nhằm",
        "như",
        "thuộc",
        "giữa",
        "vào",
        "bởi",
        "do",
        "qua",
        "ở",
        "mà",
        "thì",
        "nhưng",
        "cùng",
        "đối",
        "sự",
        "việc",
        "nội",
        "đã",
        "sẽ",
        "đang",
        "một",
        "hai",
        "ba",
        "cơ",
        "quan",
        "đơn",
        "vị",
        "tổ",
        "chức",
    ]
)


def read_txt(path: Path, data: bytes) -> ReadResult:
    text, warnings = decode_text(data)
    return _parse(text, "txt", warnings)


def read_md(path: Path, data: bytes) -> ReadResult:
    text, warnings = decode_text(data)
    return _parse(text, "md", warnings)


_NON_LETTERS_RE = re.compile(r"[\W\d_]+")
_BULLET_RE = re.compile(r"\s*[-–·•*+○▪►✓]\s")


@lru_cache(maxsize=8192)
def _is_caps(line: str) -> bool:
    letters = _NON_LETTERS_RE.sub("", line)
    return len(letters) >= 3 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def strip_markup(line: str, in_cell: bool = False) -> str:
    """Remove Markdown and HTML residue from one line; keep the document's words."""
    # (each pattern is tried only on a line holding the character it needs: most hold none)
    if "<" in line:
        line = _TAG_BREAK_RE.sub(" " if in_cell else "\n", line)
        line = _TAG_RE.sub("", line)
    if "#" in line:
        line = _MD_HEADING_RE.sub("", line)
    if "*" in line or "__" in line:
        line = _MD_EMPHASIS_RE.sub(lambda m: m.group(1) or "", line)
    if "\\" in line:
        line = _MD_ESCAPE_RE.sub(r"\1", line)
    return html.unescape(line)


def _hyphen_wrap(line: str) -> bool:
    """``- xã hội``: a compound wrapped at its hyphen (a bullet starts with a capital)."""
    stripped = line.lstrip()
    return stripped[:1] in "-–" and stripped[1:].lstrip()[:1].islower()


class _Lines:
    """Non-table text lines accumulated into paragraphs with the re-join rules."""

    def __init__(self, wrap_width: int) -> None:
        self.wrap_width = wrap_width
        self.blocks: list[Block] = []
        self.current: list[str] = []
        self.bold = False
        self.heading = False
        self.pending_notes: list[Block] = []
        self.blank_since = 0
        self.list_item = False
        # A footnote printed at the foot of a page, inside a sentence that goes on after it:
        # the note waits in pending_notes and takes the lines right below it.
        self.open_note: Block | None = None

    def continues(self, nxt: str) -> bool:
        if not self.current:
            return False
        prev = self.current[-1].rstrip()
        if not prev or _is_caps(prev) or _is_caps(nxt):
            return False
        if prev[-1] in _TERMINAL and not (
            prev[-1] in ";," and not self.blank_since and nxt.lstrip()[:1].islower()
        ):
            return False
        if BLOCK_START_RE.match(nxt) and not _hyphen_wrap(nxt):
            return False
        first = nxt.lstrip()[:1]
        last_word = prev.rsplit(None, 1)[-1].lower()
        if self.blank_since:
            # Across blank lines only a page break splits a sentence.
            return first.islower() or (first.isdigit() and last_word in ("số", "ngày", "năm"))
        if first.islower() or last_word in _OPEN_WORDS:
            return True
        return self.wrap_width > 0 and len(prev) >= self.wrap_width

    def add(self, line: str, bold: bool, heading: bool, list_item: bool = False) -> None:
        note = self.open_note
        if (
            note is not None
            and not self.blank_since
            and not BLOCK_START_RE.match(line)
            and (note.text.rstrip()[-1:] not in _TERMINAL or line[:1].islower())
        ):
            note.text += "\n" + line  # the footnote's own wrapped lines
            return
        self.open_note = None
        if not list_item and self.continues(line):
            self.current.append(line)
            self.bold = self.bold and bold
        else:
            self.flush()
            self.current = [line]
            self.bold, self.heading, self.list_item = bold, heading, list_item
        self.blank_since = 0

    def footnote(self, label: str, body: str) -> None:
        note = Block("footnote", body, label=label)
        if self.current and self.current[-1].rstrip()[-1:] not in _TERMINAL:
            self.pending_notes.append(note)  # the sentence above may go on below the note
            self.open_note = note
        else:
            self.flush()
            self.blocks.append(note)
            self.open_note = note
        self.blank_since = 0

    def blank(self) -> None:
        self.blank_since += 1
        self.open_note = None

    def flush(self) -> None:
        if self.current:
            text = "\n".join(self.current)
            kind = "heading" if self.heading or (self.bold and len(text) < 250) else "paragraph"
            if kind == "paragraph" and (self.list_item or _BULLET_RE.match(text)):
                kind = "list_item"
            self.blocks.append(Block(kind, text, bold=self.bold))
            self.current = []
        self.blocks.extend(self.pending_notes)
        self.pending_notes = []


def _wrap_width(lines: list[str]) -> int:
    """Typical width of hard-wrapped lines, or 0 when the text is not hard-wrapped."""
    wrapped = [
        len(a.rstrip())
        for a, b in pairwise(lines)
        if a.strip() and b[:1].islower() and a.rstrip()[-1:] not in _TERMINAL
    ]
    nonblank = sum(1 for line in lines if line.strip())
    if nonblank == 0 or len(wrapped) < max(3, 0.05 * nonblank):
        return 0
    wrapped.sort()
    return wrapped[len(wrapped) // 5]  # the short end of the wrap widths


def _split_cells(line: str) -> list[str]:
    if _PIPE_ROW_RE.match(line):
        return [c for c in line.strip().strip("|").split("|")]
    return line.rstrip("\n").split("\t")


def _table_block(rows: list[tuple[list[str], bool]]) -> Block:
    """Rows of raw cells → a table block; page-split rows merged, repeated headers dropped."""
    merged: list[list[str]] = []
    for cells, after_blank in rows:
        cells = [strip_markup(c, in_cell=True).strip() for c in cells]
        if merged and merged[0] == cells and len(merged) > 1:
            continue  # the header row repeated after a page break
        is_continuation = (
            merged
            and not cells[0]
            and (after_blank or sum(1 for c in cells if c) < sum(1 for c in merged[-1] if c))
        )
        if is_continuation:
            prev = merged[-1]
            prev.extend([""] * (len(cells) - len(prev)))
            for i, c in enumerate(cells):
                if c:
                    prev[i] = f"{prev[i]} {c}".strip()
        else:
            merged.append(cells)
    width = max(len(r) for r in merged)
    return Block(
        "table",
        "",
        rows=[[Cell(c) for c in r + [""] * (width - len(r))] for r in merged],
    )


# The administrative header sits in the first lines; there, columns aligned with runs of
# spaces are the two columns of the header table.
_HEADER_LINES = 25
_SPACED_COLUMNS_RE = re.compile(r"(?<=\S) {5,}(?=\S)")


def _is_table_line(line: str) -> bool:
    if line.count("|") >= 3 and _PIPE_ROW_RE.match(line):
        return True
    return line.count("\t") >= 2 and bool(line.strip())


def _parse(text: str, fmt: str, warnings: list[str]) -> ReadResult:
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:
        raise ReadError("binary content (NUL bytes) in a text file")
    raw_lines = text.split("\n")
    lines = _Lines(_wrap_width(raw_lines))
    table_rows: list[tuple[list[str], bool]] = []
    blanks_in_table = 0

    def close_table() -> None:
        nonlocal table_rows
        if table_rows:
            lines.flush()
            lines.blocks.append(_table_block(table_rows))
            table_rows = []

    for n, raw in enumerate(raw_lines):
        if "-" in raw and _PIPE_RULE_RE.match(raw):
            continue
        if n < _HEADER_LINES and "\t" not in raw and _SPACED_COLUMNS_RE.search(raw.strip()):
            # The two-column header typed with spaces: "Số: 123/KH-UBND      Bắc Giang, ngày ..."
            cells = _SPACED_COLUMNS_RE.split(raw.strip())
            table_rows.append((cells, blanks_in_table > 0 and bool(table_rows)))
            blanks_in_table = 0
            continue
        if _is_table_line(raw):
            table_rows.append((_split_cells(raw), blanks_in_table > 0))
            blanks_in_table = 0
            continue
        if not raw.strip():
            if table_rows:
                blanks_in_table += 1
            else:
                lines.blank()
            continue
        close_table()
        blanks_in_table = 0
        lone = _LONE_PIPE_RE.match(raw) if "|" in raw else None
        if lone and not _PIPE_ROW_RE.match(raw):
            # A web copy's flattened table cell: the pipe closes the previous block.
            lines.flush()
            raw = lone.group(1)
            if not raw.strip():
                continue
        heading = "#" in raw and bool(_MD_HEADING_RE.match(raw))
        bold = ("*" in raw or "_" in raw or "<" in raw) and bool(_BOLD_RE.match(raw))
        notes: list[Block] = []
        if "[" in raw:
            raw = _extract_inline_notes(raw, notes)
        for segment in _LI_SPLIT_RE.split(raw) if "<" in raw else [raw]:
            is_li = segment[:3].lower() == "<li"
            for piece in strip_markup(segment).split("\n"):
                piece = piece.strip()
                if not piece:
                    continue
                # (a footnote label is a superscript digit: other pieces need no look)
                label, body = leading_footnote_label(piece) if piece[0].isdigit() else (None, piece)
                if label is not None and not lines.continues(piece):
                    lines.footnote(label, body)
                    continue
                lines.add(piece, bold, heading, list_item=is_li)
                is_li = False
        lines.pending_notes.extend(notes)  # after the paragraph that carries the markers
    close_table()
    lines.flush()
    if not lines.blocks:
        raise ReadError("no text in file")
    return ReadResult(lines.blocks, fmt, None, warnings)


def _extract_inline_notes(line: str, notes: list[Block]) -> str:
    """Pull ``[1: footnote text]`` bodies out of the line; they follow the paragraph."""

    def keep(m: re.Match[str]) -> str:
        notes.append(Block("footnote", strip_markup(m.group(2)), label=m.group(1)))
        return ""

    return _INLINE_FOOTNOTE_RE.sub(keep, line)
