"""The document model and the record types every stage exchanges.

A reader turns a file into a :class:`Document`: one normalized text plus ordered
:class:`Block` s that index into it. Extractors read the document and return records;
the dataset is built from those records in one place (``extract.dataset``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

BLOCK_KINDS = (
    "header",  # the administrative header (issuing body, motto, number, place/date)
    "heading",
    "paragraph",
    "list_item",
    "table",
    "footnote",
    "signature",
    "recipients",  # the "Nơi nhận:" list
)


@dataclass(slots=True)
class Cell:
    text: str
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Block:
    """A unit of reading order; ``start``/``end`` index ``Document.text``."""

    kind: str
    text: str
    start: int = 0
    end: int = 0
    page: int | None = None
    rows: list[list[Cell]] | None = None  # tables only
    label: str | None = None  # footnote number, list/section label
    bold: bool = False
    # Where the block goes on onto another page (a paragraph or a table cut by a page break):
    # (offset into ``text``, page) in text order; ``page`` is where the block starts.
    pages: list[tuple[int, int]] | None = None


@dataclass(slots=True)
class Document:
    doc_id: str
    source_path: str
    source_format: str
    sha256: str
    text: str = ""
    blocks: list[Block] = field(default_factory=list)
    n_pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    ocr: bool = False

    def page_at(self, offset: int) -> int | None:
        """Page where the text at ``offset`` is printed (blocks are sorted by start)."""
        lo, hi = 0, len(self.blocks)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.blocks[mid].end <= offset:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(self.blocks) and self.blocks[lo].start <= offset:
            block = self.blocks[lo]
            page = block.page
            for at, p in block.pages or ():
                if block.start + at > offset:
                    break
                page = p
            return page
        return None


@dataclass(slots=True)
class DocumentInfo:
    """What the administrative header and title say about the document itself."""

    doc_type: str | None = None
    doc_number: str | None = None
    doc_symbol: str | None = None  # the symbol part, also when the number is left blank
    issue_date: date | None = None
    header_year: int | None = None  # the year printed in the date line, even when the day is blank
    place: str | None = None
    issuer: str | None = None
    title: str | None = None
    period: str | None = None
    period_start: int | None = None
    period_end: int | None = None


@dataclass(slots=True)
class Section:
    section_id: str
    parent_id: str | None
    level: int
    label: str
    title: str
    char_start: int
    char_end: int
    # The section tells what was done (KẾT QUẢ THỰC HIỆN ..., Đánh giá chung): its figures are
    # results and its dates history (set by structure; read by the targets and deadlines).
    looks_back: bool = False


@dataclass(slots=True)
class LegalRef:
    ref_id: str
    ref_key: str
    ref_type: str | None
    number: str | None
    year: int | None
    symbol: str | None
    issue_date: date | None
    issuer: str | None
    subject: str | None
    pinpoint: str | None
    relation: str
    is_self: bool
    quote: str
    char_start: int
    char_end: int
    page: int | None = None
    section_id: str | None = None
    type_source: str = "text"  # "text" when the word is printed, "symbol" when implied


@dataclass(slots=True)
class Target:
    target_id: str
    value: float
    value_max: float | None
    unit: str | None
    comparator: str
    qualifier: str | None
    subject: str | None
    due: str | None
    kind: str
    quote: str
    char_start: int
    char_end: int
    page: int | None = None
    section_id: str | None = None
    section_title: str | None = None
    baseline: str | None = None


@dataclass(slots=True)
class Deadline:
    deadline_id: str
    kind: str
    start_date: date | None
    end_date: date | None
    recurrence: str | None
    quote: str
    char_start: int
    char_end: int
    page: int | None = None
    task_id: str | None = None
    section_id: str | None = None


@dataclass(slots=True)
class Task:
    task_id: str
    text: str
    lead_units: list[str]
    support_units: list[str]
    deadline_id: str | None
    deadline_text: str | None
    output: str | None
    source: str
    char_start: int
    char_end: int
    page: int | None = None
    section_id: str | None = None
    report_to: list[str] = field(default_factory=list)  # units the task reports to
    group: str | None = None  # table group rows above the task ("I. CÔNG TÁC CHỈ ĐẠO ...")


@dataclass(slots=True)
class Unit:
    unit_id: str
    task_id: str | None
    name: str
    name_raw: str
    unit_type: str
    role: str


@dataclass(slots=True)
class Extraction:
    """Everything one document yields; the dataset writer consumes a list of these."""

    document: Document
    status: str = "ok"
    error: str | None = None
    info: DocumentInfo = field(default_factory=DocumentInfo)
    sections: list[Section] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
