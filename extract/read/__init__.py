"""Readers: one module per input format behind one interface.

A reader is a function ``read(path, data) -> list[Block]`` (plus page count and warnings)
that returns blocks in reading order with their *raw* text. :func:`build_document` is the
one place that normalizes block text (NFC, control characters, footnote markers, spaces)
and lays the blocks out into the document text that every offset indexes.
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Block, Cell, Document
from ..normalize import collapse_spaces, nfc, split_footnote_markers, strip_controls


class ReadError(Exception):
    """A file that cannot be read; the message is the one-line reason users see."""


@dataclass(slots=True)
class ReadResult:
    blocks: list[Block]
    source_format: str
    n_pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False


Reader = Callable[[Path, bytes], ReadResult]


# Extension → (module in extract.read, function). A format's reader lives in its own module;
# adding a format is one line here and one module.
READERS: dict[str, tuple[str, str]] = {
    ".txt": ("text", "read_txt"),
    ".md": ("text", "read_md"),
    ".markdown": ("text", "read_md"),
    ".html": ("html", "read_html"),
    ".htm": ("html", "read_html"),
    ".docx": ("docx", "read_docx"),
    ".doc": ("doc", "read_doc"),
    ".pdf": ("pdf", "read_pdf"),
}
SUPPORTED = tuple(READERS)


def _reader_for(suffix: str) -> Reader | None:
    entry = READERS.get(suffix)
    if entry is None:
        return None
    module, func = entry
    try:
        mod = importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"{__name__}.{module}":
            return None  # the format's reader is not part of this build
        raise
    return getattr(mod, func)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_document(path: Path) -> Document:
    """Read one file into a normalized :class:`Document`; raise :class:`ReadError`."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot open file: {exc.strerror or exc}") from exc
    digest = sha256_of(data)
    reader = _reader_for(path.suffix.lower())
    if reader is None:
        raise ReadError(f"unsupported file type {path.suffix or '(no extension)'!r}")
    if not data.strip():
        raise ReadError("empty file")
    result = reader(path, data)
    doc = Document(
        doc_id=digest[:16],
        source_path=str(path),
        source_format=result.source_format,
        sha256=digest,
        n_pages=result.n_pages,
        warnings=list(result.warnings),
        ocr=result.ocr,
    )
    build_document(doc, result.blocks)
    if not doc.text.strip():
        raise ReadError("no text could be read from the file")
    return doc


# A page break inside a block: readers put ``page_mark(n)`` where the text goes on onto page
# ``n``; build_document takes the marks out into ``Block.pages``. Noncharacters never occur in
# documents and survive normalization.
_PAGE_MARK_RE = re.compile("\ufdd0(\\d+)\ufdd1")


def page_mark(page: int) -> str:
    return f"\ufdd0{page}\ufdd1"


def _take_page_marks(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its page marks, and (offset, page) for each of them. A mark left
    between two spaces by the normalization (a footnote marker removed after it) takes one
    of them along, as collapsing the spaces would have."""
    if "\ufdd0" not in text:
        return text, []
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    size = 0
    pos = 0
    for m in _PAGE_MARK_RE.finditer(text):
        piece = text[pos : m.start()]
        rest = text[m.end() :]
        if ((not piece and size == 0) or piece.endswith(" ")) and rest.startswith(" "):
            pos = m.end() + 1  # the space after the mark goes with it
        else:
            pos = m.end()
        out.append(piece)
        size += len(piece)
        marks.append((size, int(m.group(1))))
    out.append(text[pos:])
    clean = "".join(out).rstrip()
    return clean, [(min(at, len(clean)), page) for at, page in marks]


def clean_inline(text: str) -> str:
    """Normalize one line of block text: NFC, no controls, no footnote markers, one space."""
    text, _ = split_footnote_markers(strip_controls(nfc(text)))
    return collapse_spaces(text)


# Between the texts of a document cleaned together: a noncharacter, which each step of
# clean_inline leaves alone and which no pattern of theirs matches across or takes for a letter.
_SEPARATOR = "\ufdd2"


def clean_inline_all(texts: list[str]) -> list[str]:
    """``[clean_inline(t) for t in texts]`` in one pass over all of them (the steps act
    within a text; one call each per document instead of one per block)."""
    if not texts:
        return []
    joined = _SEPARATOR.join(texts)
    if joined.count(_SEPARATOR) != len(texts) - 1:
        return [clean_inline(t) for t in texts]  # a text holding the separator itself
    joined, _ = split_footnote_markers(strip_controls(nfc(joined)))
    return [t.strip() for t in collapse_spaces(joined).split(_SEPARATOR)]


def build_document(doc: Document, blocks: list[Block]) -> None:
    """Normalize the blocks' text and lay them out, one block per line, into ``doc.text``.

    Table rows become lines with tab-separated cells, so a table reads like a spreadsheet
    row in ``texts/<doc_id>.txt`` and every cell keeps exact offsets.
    """
    raw: list[str] = []
    for block in blocks:
        if block.rows is not None:
            raw.extend(c.text for r in block.rows for c in r)
        else:
            # Lines of one block are one paragraph: cleaned together, joined by a space.
            raw.append(block.text.replace("\n", " "))
    cleaned = iter(clean_inline_all(raw))
    parts: list[str] = []
    pos = 0
    kept: list[Block] = []
    for block in blocks:
        pages: list[tuple[int, int]] = []
        if block.rows is not None:
            rows: list[list[Cell]] = []
            row_texts: list[str] = []
            cursor = pos
            pending: list[tuple[int, int]] = []  # marks of a dropped empty row
            for raw_row in block.rows:
                row: list[Cell] = []
                cell_texts: list[str] = []
                row_marks: list[tuple[int, int]] = []
                row_start = cursor
                for _cell in raw_row:
                    t = next(cleaned).replace("\t", " ")
                    t, marks = _take_page_marks(t)
                    row_marks.extend((cursor - pos + at, page) for at, page in marks)
                    row.append(Cell(t, cursor, cursor + len(t)))
                    cell_texts.append(t)
                    cursor += len(t) + 1  # the tab (or newline after the last cell)
                if not any(cell_texts):
                    cursor -= sum(len(t) + 1 for t in cell_texts)
                    pending.extend(row_marks)
                    continue
                if pending:
                    pages.append((row_start - pos, pending[-1][1]))
                    pending = []
                pages.extend(row_marks)
                rows.append(row)
                row_texts.append("\t".join(cell_texts))
            text = "\n".join(row_texts)
            if not text.strip():
                continue
            block.rows = rows
        else:
            text, pages = _take_page_marks(next(cleaned))
            if not text:
                continue
        block.pages = [(at, page) for at, page in pages if at < len(text)] or None
        block.text = text
        block.start, block.end = pos, pos + len(text)
        parts.append(text)
        pos += len(text) + 1
        kept.append(block)
    doc.text = "\n".join(parts)
    doc.blocks = kept
