"""Tasks: who does what by when — appendix tables, assignment blocks, duties, inline assignments.

Forms handled (all seen in received plans; the words live in ``patterns/tasks.yaml``, unit
names in ``patterns/units.yaml``):

- task tables (``Phụ lục``): the header row is found by its column names (``Nội dung công tác``
  / ``Nhiệm vụ, giải pháp``; ``Cơ quan chủ trì`` / ``Chủ trì``; ``Cơ quan phối hợp``;
  ``Thời gian thực hiện``; ``Dự kiến kết quả đạt được`` / ``Sản phẩm``; ``STT`` / ``Số TT``).
  One task per row; repeated header rows are skipped; a table that goes on after a heading
  without its header (same number of columns) continues the task table. Group rows
  (``I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC``, ``3. Thí điểm ...`` with no units, a row numbered
  ``3.`` above rows ``3.1``) are not tasks: they give the tasks under them their ``group``, and
  their lead/support units to sub-rows that leave those cells blank. A cell holding a list
  (``- Niêm yết ... - Triển khai thực hiện.``) is one task; its time cell is its deadline text
  (``Tháng 6/2022 Tháng 7-12/2022``, two deadline rows both linked to it; up to its first
  ``;``). A table exported one cell per line (``TT`` / ``Nội dung nhiệm vụ`` / ... then
  ``1`` / ``Rà soát ...`` / ...) is read as a table; a row cut by a page break (``7 Xây dựng
  ... và`` + page number + ``vùng đồi | Trung tâm ... |``) is joined again. ``Sở Y tế (Chi
  cục ATVSTP)`` names both units; without a support column, ``phối hợp với X`` in the task
  names its support;
- assignment blocks: items followed by role lines — ``a) ...  e) ...`` then ``- Cơ quan chủ
  trì: Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục.`` and ``- Thời gian thực
  hiện: Thường xuyên.``; or ``1. Nội dung, biện pháp`` / ``a) ...`` then ``2. Cơ quan chủ trì,
  phối hợp`` / ``a) Cơ quan chủ trì`` / ``- Ban Chỉ đạo quốc gia.`` / ``b) Cơ quan phối hợp`` /
  ... / ``3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.`` The items above the role
  lines are one task;
- the ``TỔ CHỨC THỰC HIỆN`` section: each heading that names units (``1. Văn phòng Sở GDĐT:``,
  ``3. Trách nhiệm của các Bộ, ngành, địa phương; ...``, ``3. Bộ Nội vụ có trách nhiệm:``) is
  followed by its duties, one task per item or paragraph, the heading's units as lead; a duty
  that names its own subject (``Các phòng Sở có giải pháp ...``) has that subject as lead; a
  ``Thời gian thực hiện:`` line after a duty is its deadline. Without unit headings the
  section lists the issuing body's own duties;
- a heading that names units and ends with a colon, in any section (``6. UBND các huyện, thị
  xã, thành phố chịu trách nhiệm:``), or a numbered heading made of units alone (``2.1. Sở
  Tài nguyên và Môi trường``, ``1. Công an tỉnh (Cơ quan Thường trực ...)``, ``7. Đề nghị Ủy
  ban MTTQ ...``), followed by its duties; a numbered heading the reader joined with its duty
  (``2.4. Sở Tài chính, Cục Thuế tỉnh Phối hợp với ...``) is that duty;
- an item that names its units in a closing parenthesis (``- Rà soát ... (Phòng Tổ chức cán bộ
  chủ trì, phối hợp với Văn phòng Sở; hoàn thành trong Quý III/2022).``);
- inline: ``Phòng Kế hoạch tài chính: Chủ trì triển khai ...``; a sentence whose subject is a
  unit (``Các đơn vị giáo dục triển khai ...``, ``Bộ Quốc phòng chỉ đạo ...``, ``Công an tỉnh
  (Phòng Cảnh sát kinh tế) chủ động ...``, ``Các doanh nghiệp viễn thông bảo đảm ...``);
  ``X chủ trì, phối hợp với Y ...`` (Y supports, also inside duties), and ``X chủ trì`` inside
  a sentence the reader joined to its heading; ``Giao Sở Nội vụ chủ trì ...``, ``..., giao Sở
  Tài chính chủ trì ...`` and ``...: giao ...``; ``Đối với kiến nghị ...: Sở Tài chính tổng
  hợp ...``; ``Sở Tài chính theo chức năng, nhiệm vụ tích cực hướng dẫn ...``; ``báo cáo kết
  quả ... về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) trước ngày 30/9/2022`` (``report_to``
  units, and that deadline is the task's).

Not tasks: lists that name no unit (``· Kiện toàn Ban Chỉ đạo CCHC theo quy định mới.``), the
preamble (``... xây dựng kế hoạch ... như sau:``), the plan's closing (``Trên đây là ...``), a
notice's closing (``Văn phòng UBND tỉnh thông báo để ... biết, thực hiện.``), and in a report
(``Báo cáo``) what it says was done, outside its forward-looking sections (``PHẦN II`` over
``PHƯƠNG HƯỚNG, NHIỆM VỤ ...``), and its requests to the bodies above it (``KIẾN NGHỊ``).

Every deadline inside a task's row, block or item gets the task's ``task_id``; the task's
own ``deadline_id``/``deadline_text`` is the printed time (column or line) or, in running
text, the time of the task's first clause, of the report it sends, or the time a clause closes
with (``...; hoàn thành trước ngày 31/5/2024.``; see tasks.yaml, 6).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from .. import patterns
from ..model import Block, Cell, Deadline, Document, DocumentInfo, Section, Task, Unit
from ..normalize import match_text
from ..patterns import alternation as _alt
from ..structure import label_of, section_at
from . import units as U

_SKIP_KINDS = frozenset({"header", "signature", "recipients", "footnote"})
_BULLET_STYLES = frozenset({"dash", "dot", "star", "other_bullet"})


def _key(text: str) -> str:
    # " ".join(split()): every run of whitespace one space (the ends go with the strip)
    return " ".join(match_text(text).split()).strip(" .:;*").casefold()


_W = r"(?![\w])"


@dataclass(slots=True)
class _Vocab:
    # a folded column name, whole or then a non-letter ("Thời gian thực hiện (dự kiến)",
    # "Cơ quan chủ trì (1)"; not "Phối hợp với Sở ..."), longest first
    column_re: re.Pattern[str]
    column_roles: dict[str, str]  # folded column name → role
    role_label_re: re.Pattern[str]
    inner_role_re: re.Pattern[str]  # a further role label on the same line
    role_of: dict[str, str]  # folded label or joiner → role
    impl_re: re.Pattern[str]
    heading_prefix_re: re.Pattern[str]
    heading_tail_re: re.Pattern[str]  # after a heading's units: adverbial, then a suffix
    adverbial_re: re.Pattern[str]
    closing_re: re.Pattern[str]
    plan_closing_re: re.Pattern[str]
    subject_cue_re: re.Pattern[str]
    mid_cue_re: re.Pattern[str]
    support_cue_re: re.Pattern[str]
    past_re: re.Pattern[str]
    preamble_re: re.Pattern[str]
    report_cue_re: re.Pattern[str]
    report_to_re: re.Pattern[str]
    via_re: re.Pattern[str]
    report_noun_re: re.Pattern[str]
    concrete: frozenset[str]
    descriptive_types: frozenset[str]
    forward_re: re.Pattern[str]
    time_word_re: re.Pattern[str]  # a time word opening a time expression: "trước", "trong"
    time_opener_re: re.Pattern[str]  # "Trong quý III/2024, ": a time before the subject
    lead_cue_re: re.Pattern[str]
    lead_cue_any_re: re.Pattern[str]
    lead_cue_words: tuple[str, ...]  # the first words of the lead cues (a cheap test first)
    notice_re: re.Pattern[str]
    request_re: re.Pattern[str]
    time_word_end_re: re.Pattern[str]  # ... or just before it
    periodic_re: re.Pattern[str]
    closing_kinds: frozenset[str]


@cache
def _vocab() -> _Vocab:
    v = patterns.load("tasks")
    dl = patterns.load("deadlines")
    columns = sorted(
        ((_key(name), role) for role, names in v["columns"].items() for name in names),
        key=lambda c: len(c[0]),
        reverse=True,
    )
    role_of = {_key(w): role for role, words in v["role_labels"].items() for w in words}
    role_of.update({_key(w): role for w, role in v["role_joiners"].items()})
    labels = _alt([w for words in v["role_labels"].values() for w in words])
    joiners = _alt(list(v["role_joiners"]))
    roles: dict[str, str] = {}
    for name, role in columns:
        roles.setdefault(name, role)
    return _Vocab(
        column_re=re.compile(
            rf"(?P<name>{'|'.join(re.escape(name) for name, _ in columns)})(?:\Z|\s*[(/\d*])"
        ),
        column_roles=roles,
        role_label_re=re.compile(
            rf"(?P<labels>(?:{labels}){_W}(?:\s*,\s*(?:{labels}|{joiners}){_W})*)"
            r"\s*(?:$|:\s*(?P<rest>.*?)\s*$)",
            re.I | re.S,
        ),
        inner_role_re=re.compile(
            rf"[;.,]\s*(?P<labels>(?:{labels}){_W}(?:\s*,\s*(?:{labels}|{joiners}){_W})*)\s*:\s*",
            re.I,
        ),
        role_of=role_of,
        impl_re=re.compile(rf"^\s*(?:{_alt(v['implementation_sections'])}){_W}", re.I),
        heading_prefix_re=re.compile(rf"(?:{_alt(v['unit_heading_prefixes'])})\s+", re.I),
        heading_tail_re=re.compile(
            rf"\s*,?\s*(?:(?:{_alt(v['subject_adverbials'])})\s*,?\s*)?"
            rf"(?:(?:{_alt(v['unit_heading_suffixes'])}){_W})?\s*",
            re.I,
        ),
        adverbial_re=re.compile(rf"\s*,?\s*(?:{_alt(v['subject_adverbials'])})\s*,?\s*", re.I),
        closing_re=re.compile(
            rf"\s*(?:{_alt(v['plan_closings'] + v['closing_openers'])}){_W}", re.I
        ),
        plan_closing_re=re.compile(rf"\s*(?:{_alt(v['plan_closings'])}){_W}", re.I),
        subject_cue_re=re.compile(rf"(?:{_alt(v['subject_cues'])})\s+", re.I),
        mid_cue_re=re.compile(rf"[,;:]\s+(?P<cue>(?:{_alt(v['mid_sentence_cues'])})\s)", re.I),
        support_cue_re=re.compile(rf"(?<![\w])(?:{_alt(v['support_cues'])})\s+", re.I),
        past_re=re.compile(rf"\s*(?:{_alt(v['past_markers'])}){_W}"),
        preamble_re=re.compile(rf"(?:{_alt(v['preamble_endings'])})\s*:\s*$", re.I),
        report_cue_re=re.compile(rf"(?<![\w])(?:{_alt(v['report_cues'])}){_W}", re.I),
        report_to_re=re.compile(rf"(?<![\w])(?:{_alt(v['report_to_words'])})\s+", re.I),
        via_re=re.compile(rf"\(\s*(?:{_alt(v['report_via_words'])})\s+", re.I),
        report_noun_re=re.compile(rf"(?<![\w])(?:{_alt(dl['report_nouns'])}){_W}", re.I),
        concrete=frozenset(v["concrete_kinds"]),
        descriptive_types=frozenset(_key(t) for t in dl["descriptive_doc_types"]),
        forward_re=re.compile(rf"(?<![\w])(?:{_alt(dl['forward_section_words'])}){_W}", re.I),
        time_word_re=re.compile(rf"(?:{_alt(v['time_words'])}){_W}", re.I),
        time_opener_re=re.compile(rf"(?:{_alt(v['time_openers'])}){_W}[^,;:.\n]{{0,60}},\s+", re.I),
        lead_cue_re=re.compile(rf"\s*(?:{_alt(v['lead_cues'])}){_W}"),
        lead_cue_any_re=re.compile(rf"(?<![\w])(?:{_alt(v['lead_cues'])}){_W}"),
        lead_cue_words=tuple({patterns.folded(w).split(" ")[0] for w in v["lead_cues"]}),
        notice_re=re.compile(rf"\s*(?:{_alt(v['notice_verbs'])}){_W}"),
        request_re=re.compile(rf"(?<![\w])(?:{_alt(v['request_sections'])}){_W}", re.I),
        time_word_end_re=re.compile(rf"(?<![\w])(?:{_alt(v['time_words'])})\s*$", re.I),
        periodic_re=re.compile(rf"(?:{_alt(v['periodic_words'])}){_W}", re.I),
        closing_kinds=frozenset(v["closing_time_kinds"]),
    )


# --- drafts ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    start: int
    end: int
    source: str
    lead: list[U.UnitName] = field(default_factory=list)
    support: list[U.UnitName] = field(default_factory=list)
    report_to: list[U.UnitName] = field(default_factory=list)
    lead_role: str = "lead"
    output: str | None = None
    time_span: tuple[int, int] | None = None  # a printed time: table cell or label line
    time_zone: tuple[int, int] | None = None  # where the times found are the task's own
    link_end: int = 0  # deadlines up to here (row, block, role lines) belong to the task
    link_start: int = 0
    group: str | None = None
    last_block: int = -1
    running: bool = True  # read deadlines, support and report units from the text


@dataclass(slots=True)
class _Ctx:
    doc: Document
    info: DocumentInfo
    mt: str
    sections: list[Section]
    level: dict[int, int]  # block start → level of the section it opens
    body_start: int
    report: bool = False  # a report: what it says was done is not a task
    titles: dict[str, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)  # indexes of blocks already read
    by_id: dict[str, Section] = field(default_factory=dict)
    # per block of doc.blocks (by identity: they live as long as the context), as the passes
    # ask about the same blocks again and again
    labels: dict[int, tuple[str, str] | None] = field(default_factory=dict)
    items: dict[int, tuple[str | None, int]] = field(default_factory=dict)
    role_labels: dict[int, tuple[str, tuple[int, int] | None] | None] = field(default_factory=dict)
    assigning: dict[int, bool] = field(default_factory=dict)  # assigns() by position
    parsed: dict[str, list[U.UnitName]] = field(default_factory=dict)  # U.parse by text

    def units(self, text: str) -> list[U.UnitName]:
        """``U.parse(text)``: the passes read the same cells and headings more than once."""
        found = self.parsed.get(text)
        if found is None:
            found = self.parsed[text] = U.parse(text)
        return list(found)

    def label(self, b: Block) -> tuple[str, str] | None:
        """``label_of`` the block's text."""
        key = id(b)
        if key not in self.labels:
            self.labels[key] = label_of(b.text)
        return self.labels[key]

    def item(self, b: Block) -> tuple[str | None, int]:
        """The block's list style (``decimal``, ``letter``, ``dash`` ...) and where its text
        starts."""
        key = id(b)
        found = self.items.get(key)
        if found is None:
            found = self.items[key] = _item(b, self.label(b))
        return found

    def assigns(self, pos: int) -> bool:
        """Can running text at ``pos`` assign work? Not in a report's account of the past,
        only in its forward-looking sections ("PHƯƠNG HƯỚNG, NHIỆM VỤ ... TIẾP THEO")."""
        if not self.report:
            return True
        if pos not in self.assigning:  # the passes ask for the same blocks
            self.assigning[pos] = self._assigns(section_at(self.sections, pos))
        return self.assigning[pos]

    def _assigns(self, sec: Section | None) -> bool:
        while sec is not None:
            title = match_text(self.title(sec))
            if _vocab().request_re.search(title):
                return False  # "III. ĐỀ XUẤT, KIẾN NGHỊ": requests to the bodies above
            if _vocab().forward_re.search(title) or _vocab().impl_re.match(title):
                return True  # "IV. TỔ CHỨC THỰC HIỆN" of a report assigns what comes next
            sec = self.by_id.get(sec.parent_id) if sec.parent_id else None
        return False

    def title(self, sec: Section) -> str:
        """The section's title; for a label printed alone (``PHẦN II`` over ``PHƯƠNG HƯỚNG,
        NHIỆM VỤ NĂM 2024``), the line after it."""
        if sec.title.strip():
            return sec.title
        if sec.section_id not in self.titles:
            nxt = next((b for b in self.doc.blocks if b.start > sec.char_start), None)
            ok = nxt is not None and nxt.rows is None and nxt.start < sec.char_end
            self.titles[sec.section_id] = nxt.text[:200] if ok else ""
        return self.titles[sec.section_id]


def _item(b: Block, found: tuple[str, str] | None) -> tuple[str | None, int]:
    """The list style and text start of block ``b`` whose label is ``found``."""
    text = b.text
    lead = len(text) - len(text.lstrip())
    if found is None:
        return None, b.start + lead
    style, label = found
    pos = lead + len(label)
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    return style, b.start + pos


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without surrounding spaces and the closing ``.`` / ``./.`` / ``;``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;,/"):
        end -= 1
    return start, end


# --- 1. tables ------------------------------------------------------------------------------

_ROMAN_RE = re.compile(
    r"^(?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})\b"
)
_NUMBER_RE = re.compile(r"^\d+(?:\.\d+)*\.?$")
_COLUMN_NO_RE = re.compile(r"^\(?\d{1,2}\)?$|^\([a-z]\)$")


def _column_role(text: str, merged: bool = False) -> str | None:
    """The role of a header cell: ``Cơ quan chủ trì`` → lead ... With ``merged``, a cell whose
    two header rows the reader joined (``Đơn vị thực hiện Chủ trì``) has its last name's role."""
    key = _key(text)
    if not key:
        return None
    vocab = _vocab()
    m = vocab.column_re.match(key)
    if m:
        return vocab.column_roles[m.group("name")]
    if merged:  # the longest name the key ends with, after a space
        space = key.find(" ")
        while space >= 0:
            role = vocab.column_roles.get(key[space + 1 :])
            if role and _column_role(key[: space + 1]):
                return role
            space = key.find(" ", space + 1)
    return None


def _header(rows: list[list]) -> tuple[dict[str, int], int] | None:
    """Column map (role → column) and the number of header rows, or None."""
    for ri, row in enumerate(rows[:3]):
        cmap: dict[str, int] = {}
        for ci, cell in enumerate(row):
            role = _column_role(cell.text, merged=True)
            if role and role not in cmap:
                cmap[role] = ci
        if "task" in cmap and ({"lead", "support", "responsible", "time"} & set(cmap)):
            n = ri + 1
            if n < len(rows):  # "Cơ quan thực hiện" over "Chủ trì | Phối hợp"
                extra: dict[str, int] = {}
                for ci, cell in enumerate(rows[n]):
                    role = _column_role(cell.text)
                    if role and role not in cmap:
                        extra.setdefault(role, ci)
                if extra and not (
                    rows[n][cmap["task"]].text.strip() if cmap["task"] < len(rows[n]) else ""
                ):
                    taken = set(extra.values())
                    cmap = {r: c for r, c in cmap.items() if c not in taken} | extra
                    n += 1
            return cmap, n
    return None


def _is_header_row(row: list) -> bool:
    return sum(1 for c in row if _column_role(c.text)) >= 2


def _number_level(number: str) -> int:
    number = number.strip()
    if _ROMAN_RE.match(number) or re.match(r"^[A-ZĐ]\.", number):
        return 0
    m = re.match(r"^(\d+(?:\.\d+)*)", number)
    return m.group(1).count(".") + 1 if m else 1


_WORD_AFTER_SPACE_RE = re.compile(r"(?<=\s)\S")
_PAGE_NUMBER_RE = re.compile(r"^\s*(?:-\s*)?\d{1,3}(?:\s*-)?\s*$")
_CUT_ROW_RE = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)*\.?)\s+(?=\S)")


def _table_blocks(ctx: _Ctx) -> list[tuple[list[int], Block]]:
    """The blocks in reading order, each with its index; a table exported one cell per line
    (a run of blocks that are column names, then one block per cell, each row opening with its
    number) comes as one table block made of those cells, with the indexes of its blocks."""
    blocks = ctx.doc.blocks
    out: list[tuple[list[int], Block]] = []
    k = 0
    while k < len(blocks):
        found = _cell_per_line_table(ctx, k)
        if found is None:
            out.append(([k], blocks[k]))
            k += 1
            continue
        indexes, table = found
        out.append((indexes, table))
        k = indexes[-1] + 1
    return out


def _cell_per_line_table(ctx: _Ctx, k: int) -> tuple[list[int], Block] | None:
    """``TT`` / ``Nội dung nhiệm vụ`` / ``Đơn vị chủ trì`` / ... one per line, then ``1`` /
    ``Rà soát ...`` / ``Văn phòng Sở`` / ...: the table those lines print, or None."""
    blocks, text = ctx.doc.blocks, ctx.doc.text
    header: list[str] = []
    j = k
    while j < len(blocks) and blocks[j].rows is None and len(blocks[j].text) < 60:
        role = _column_role(blocks[j].text)
        if role is None or role in header or (not header and role != "number"):
            break
        header.append(role)
        j += 1
    if (
        len(header) < 3
        or header[0] != "number"
        or "task" not in header
        or not {"lead", "support", "responsible", "time"} & set(header)
    ):
        return None
    head_row = [Cell(blocks[i].text.strip(), blocks[i].start, blocks[i].end) for i in range(k, j)]
    rows: list[list[Cell]] = [head_row]
    indexes = list(range(k, j))
    row: list[int] = []

    def close(row: list[int]) -> None:
        if row:
            rows.append(_fit_cells(ctx, row, header))
            indexes.extend(row)

    while j < len(blocks):
        b = blocks[j]
        found = ctx.label(b)
        if (
            b.rows is not None
            or b.kind in ("signature", "recipients")
            or (found and found[0] == "appendix")
            or len(b.text) >= 300
        ):
            break
        if _NUMBER_RE.match(b.text.strip()):
            close(row)
            row = [j]
        elif row:
            row.append(j)
        else:
            break
        j += 1
    close(row)
    if len(rows) < 2:
        return None
    first, last = blocks[k], blocks[indexes[-1]]
    table = Block("table", text[first.start : last.end], first.start, last.end, rows=rows)
    return indexes, table


def _fit_cells(ctx: _Ctx, row: list[int], header: list[str]) -> list[Cell]:
    """The cells of one row printed one per line: the number's line, then one line per column.
    A task line that the reader joined with the unit line after it (``Rà soát ... Tổ giúp việc
    Văn phòng HĐND và UBND huyện``) is cut before the units; extra lines continue the task."""
    blocks = ctx.doc.blocks
    spans = [(blocks[i].start, blocks[i].end) for i in row]
    need = len(header)
    task_col = header.index("task")
    while len(spans) > need and task_col + 1 < len(spans):  # the task printed on two lines
        spans[task_col : task_col + 2] = [(spans[task_col][0], spans[task_col + 1][1])]
    if len(spans) < need and task_col < len(spans):
        cut = _units_tail(ctx, *spans[task_col])
        if cut is not None:
            s, e = spans[task_col]
            spans[task_col : task_col + 1] = [_trim(ctx.doc.text, s, cut), (cut, e)]
    spans += [(spans[-1][1], spans[-1][1])] * (need - len(spans))
    return [Cell(ctx.doc.text[s:e].strip(), s, e) for s, e in spans[:need]]


def _units_tail(ctx: _Ctx, start: int, end: int) -> int | None:
    """Where a list of units that runs to ``end`` starts inside ``start..end``: the first unit
    that does not follow a verb, a function word or ``và`` (those are the task's objects)."""
    mt = ctx.mt
    for w in _WORD_AFTER_SPACE_RE.finditer(mt[start:end]):
        p = start + w.start()
        if U.start_at(mt, p) is None or U.units_at(mt, p, end) != end:
            continue
        words = mt[start:p].split()
        if (
            not words
            or words[-1][-1] in ",;:("
            or U.joiner_at(words[-1])
            or any(U.stop_at(" ".join(words[-n:])) for n in (1, 2, 3))
        ):
            continue
        return p
    return None


def _tables(ctx: _Ctx) -> list[_Draft]:
    drafts: list[_Draft] = []
    state: tuple[int, dict[str, int]] | None = None  # (columns, column map) of the open table
    groups: list[tuple[int, str, list, list]] = []
    cut_row: tuple[str, int, int] | None = None  # "7 Xây dựng ..." before a page break
    cut_groups: list[tuple[int, str, list, list]] = []
    for indexes, b in _table_blocks(ctx):
        bi = indexes[-1]
        if b.rows is None:
            if state is None:
                continue
            found = ctx.label(b)
            if (
                (found and found[0] == "appendix")
                or b.kind in _SKIP_KINDS - {"footnote"}
                or b.kind == "list_item"
                or len(b.text) >= 200
            ):
                state = None  # a new appendix, running text, or the end of the body
            elif _PAGE_NUMBER_RE.match(b.text):
                pass  # the page number between two parts of a table
            elif b.kind in ("heading", "paragraph"):
                # "VI. CẢI CÁCH TÀI CHÍNH CÔNG" between two parts of one table: a group row;
                # or "7 Xây dựng ... đồng bằng và", the start of a row a page break cut
                # (its other cells come in the first row after the break: see _join_cut_row)
                level = _number_level(found[1]) if found else 0
                saved = list(groups)
                groups[:] = [g for g in groups if g[0] < level]
                groups.append((level, b.text.strip(), [], []))
                m = _CUT_ROW_RE.match(b.text)
                cut_row = (m.group("number").rstrip("."), b.start + m.end(), b.end) if m else None
                cut_groups = saved
            continue
        ncols = max(len(r) for r in b.rows)
        head = _header(b.rows)
        if head is not None:
            cmap, skip = head
            groups = []
        elif state is not None and state[0] == ncols:
            cmap, skip = state[1], 0
        else:
            state = None
            continue
        state = (ncols, cmap)
        ctx.used.update(indexes)
        rows = b.rows[skip:]
        if cut_row is not None and rows and skip == 0:
            joined = _join_cut_row(ctx, cut_row, rows[0], cmap, ncols)
            if joined is not rows[0]:
                rows = [joined, *rows[1:]]
                groups = cut_groups  # the cut row was no group row
        cut_row = None
        for ri, row in enumerate(rows):
            if _is_header_row(row):
                continue
            cells = {r: row[ci] for r, ci in cmap.items() if ci < len(row)}
            text = {r: c.text.strip() for r, c in cells.items()}
            if all(_COLUMN_NO_RE.match(c.text.strip()) or not c.text.strip() for c in row):
                continue
            number = text.get("number", "")
            task_text = text.get("task", "")
            unit_cells = [text.get(r) for r in ("lead", "support", "responsible")]
            lead = _cell_units(ctx, text.get("lead", ""))
            support = _cell_units(ctx, text.get("support", ""))
            responsible = _cell_units(ctx, text.get("responsible", ""))
            has_more = any(unit_cells) or text.get("time") or text.get("output")
            nxt = rows[ri + 1] if ri + 1 < len(rows) else None
            nxt_number = (
                nxt[cmap["number"]].text.strip()
                if nxt is not None and "number" in cmap and cmap["number"] < len(nxt)
                else ""
            )
            parent = bool(
                _NUMBER_RE.match(number)
                and nxt_number.startswith(number.rstrip(".") + ".")
                and _NUMBER_RE.match(nxt_number)
            )
            title_in_number = len(number) > 6 and not task_text
            if (
                (number and _ROMAN_RE.match(number) and not has_more)
                or title_in_number
                or not has_more
                or parent
            ):
                level = _number_level(number)
                groups[:] = [g for g in groups if g[0] < level]
                title = f"{number} {task_text}".strip()
                groups.append((level, title, lead or responsible, support))
                continue
            if not task_text:
                continue
            if not lead and not responsible:
                lead = next((g[2] for g in reversed(groups) if g[2]), [])
            if not support:
                support = next((g[3] for g in reversed(groups) if g[3]), [])
            role = "lead"
            if responsible:
                if lead:
                    support = support + responsible
                else:
                    lead, role = responsible, "responsible"
            tc = cells["task"]
            time_cell = cells.get("time")
            filled = [c for c in row if c.text.strip()]
            output_cell = cells.get("output")
            d = _Draft(
                start=tc.start,
                end=tc.end,
                source="table",
                lead=lead,
                support=support,
                lead_role=role,
                output=text.get("output") or None,
                time_span=(time_cell.start, time_cell.end)
                if time_cell and text.get("time")
                else None,
                link_start=filled[0].start,
                link_end=filled[-1].end,
                group=" > ".join(g[1] for g in groups) or None,
                last_block=bi,
                running=False,
            )
            if "support" not in cmap:  # no support column: "... phối hợp với X" in the task
                leads = {u.name for u in d.lead}
                found = _support_in(ctx, tc.start, tc.end)
                d.support = _merge(d.support, [u for u in found if u.name not in leads])
            d.report_to = _report_to(ctx, tc.start, tc.end)
            if output_cell is not None and text.get("output"):
                d.report_to = _merge(
                    d.report_to, _report_to(ctx, output_cell.start, output_cell.end)
                )
            drafts.append(d)
    return drafts


_INNER_PAREN_RE = re.compile(r"\(([^()]{2,120})\)")


def _cell_units(ctx: _Ctx, text: str) -> list[U.UnitName]:
    """The units of a table cell; a unit named in parentheses after another is named too:
    ``Sở Y tế (Chi cục ATVSTP)`` is the department and the sub-department that does the work
    (``UBND thành phố (để b/c)`` names one unit)."""
    found = ctx.units(text)
    for m in _INNER_PAREN_RE.finditer(text):
        if U.is_unit(m.group(1)):
            found = _merge(found, ctx.units(m.group(1)))
    return found


def _join_cut_row(
    ctx: _Ctx, cut: tuple[str, int, int], row: list, cmap: dict[str, int], ncols: int
) -> list:
    """A row cut by a page break: its number and first words before the break (``7 Xây dựng
    ... đồng bằng và``), the rest of its task cell and its other cells after it (``vùng đồi |
    Trung tâm Khuyến nông tỉnh | ... |`` — one column short, the last cell empty)."""
    number, start, end = cut
    filled = [c for c in row if c.text.strip()]
    if (
        not filled
        or _NUMBER_RE.match(row[0].text.strip())
        or len(filled) != ncols - 1
        or row[-1].text.strip()
        or cmap.get("number") != 0
        or cmap.get("task") != 1
    ):
        return row
    first = row[0]
    task = Cell(f"{ctx.doc.text[start:end].strip()} {first.text.strip()}", start, first.end)
    return [Cell(number, start, start), task, *row[1:-1]]


# --- 2. assignment blocks -------------------------------------------------------------------


def _role_label(ctx: _Ctx, b: Block) -> tuple[str, tuple[int, int] | None] | None:
    """``("lead" | "support" | "responsible" | "time" | "header", rest span)`` of a role line."""
    key = id(b)
    if key in ctx.role_labels:
        return ctx.role_labels[key]
    found = None
    if b.rows is None:
        _, pos = ctx.item(b)
        m = _vocab().role_label_re.match(ctx.mt, pos, b.end)
        if m:
            rest = (m.start("rest"), m.end("rest")) if m.group("rest") else None
            found = _roles_named(m.group("labels")), rest
    ctx.role_labels[key] = found
    return found


def _roles_named(labels: str) -> str:
    names = [_key(x) for x in re.split(r"\s*,\s*", labels)]
    roles = {_vocab().role_of.get(n, "support") for n in names}
    return "header" if len(roles) > 1 else roles.pop()


def _role_parts(ctx: _Ctx, kind: str, rest: tuple[int, int]) -> list[tuple[str, tuple[int, int]]]:
    """``Sở Nội vụ; Cơ quan phối hợp: Sở Tài chính; Thời hạn: Quý II/2022`` after a first
    label: each role with its own part of the line."""
    parts: list[tuple[str, tuple[int, int]]] = []
    start = rest[0]
    for m in _vocab().inner_role_re.finditer(ctx.mt, rest[0], rest[1]):
        parts.append((kind, (start, m.start())))
        kind, start = _roles_named(m.group("labels")), m.end()
    parts.append((kind, (start, rest[1])))
    return parts


def _assignments(ctx: _Ctx) -> list[_Draft]:
    blocks = ctx.doc.blocks
    drafts: list[_Draft] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if i in ctx.used or b.start < ctx.body_start or b.kind in _SKIP_KINDS:
            i += 1
            continue
        if _role_label(ctx, b) is None:
            i += 1
            continue
        roles: dict[str, list[U.UnitName]] = {"lead": [], "support": [], "responsible": []}
        time_span: tuple[int, int] | None = None
        current: str | None = None
        j = i
        while j < len(blocks):
            bj = blocks[j]
            if bj.rows is not None or bj.kind in _SKIP_KINDS:
                break
            lab = _role_label(ctx, bj)
            style, pos = ctx.item(bj)
            if lab is not None:
                kind, rest = lab
                current = None if rest else kind
                for part_kind, (s, e) in _role_parts(ctx, kind, rest) if rest else []:
                    if part_kind == "time":
                        time_span = _trim(ctx.doc.text, s, e)
                    elif part_kind in roles:
                        roles[part_kind] += ctx.units(ctx.doc.text[s:e])
                j += 1
                continue
            text = ctx.doc.text[pos : bj.end]
            if text.startswith("("):  # a note between the role lines
                j += 1
                continue
            if current in roles and (style is None or style in _BULLET_STYLES) and len(text) < 300:
                found = ctx.units(text)
                if found:
                    roles[current] += found
                    j += 1
                    continue
            break
        if not any(roles.values()):
            i += 1  # a "Thời gian thực hiện:" line alone belongs to the task above it
            continue
        items = _items_above(ctx, i)
        if items:
            first, last = blocks[items[0]], blocks[items[-1]]
            style, start = ctx.item(first)
            lead, role, support = roles["lead"], "lead", roles["support"]
            if roles["responsible"]:
                if lead:
                    support = support + roles["responsible"]
                else:
                    lead, role = roles["responsible"], "responsible"
            d = _Draft(
                start=start,
                end=_trim(ctx.doc.text, start, last.end)[1],
                source="list" if style else "paragraph",
                lead=lead,
                support=support,
                lead_role=role,
                time_span=time_span,
                link_start=start,
                link_end=blocks[j - 1].end,
                last_block=j - 1,
                running=False,
            )
            d.report_to = _report_to(ctx, d.start, d.end)
            drafts.append(d)
            ctx.used.update(items)
        ctx.used.update(range(i, j))
        i = j
    return drafts


def _items_above(ctx: _Ctx, i: int) -> list[int]:
    """The blocks above role line ``i`` that make its task, back to the heading they hang from."""
    blocks = ctx.doc.blocks
    items: list[int] = []
    first_level: int | None = None
    k = i - 1
    while k >= 0:
        b = blocks[k]
        if (
            k in ctx.used
            or b.start < ctx.body_start
            or b.rows is not None
            or b.kind in _SKIP_KINDS
            or _role_label(ctx, b) is not None
        ):
            break
        if _PAGE_NO_RE.match(b.text):  # a page number between the item and its role lines
            k -= 1
            continue
        level = ctx.level.get(b.start)
        if level is not None and _wrapped_bullet(ctx, k):
            level = None  # '"Đăng ký khai tử' / '- Xóa đăng ký thường trú ..."': a wrapped line
        if level is not None:
            if first_level is None:
                text = b.text.rstrip()
                style = ctx.item(b)[0]
                if items and len(text) < 150 and text[-1:] not in ".;" and style != "letter":
                    break  # "2. Cải cách tài chính công" above a paragraph: its heading
                first_level = level
            elif level < first_level:
                break
        items.insert(0, k)
        k -= 1
    return items


_PAGE_NO_RE = re.compile(r"^\s*(?:-+\s*)?\d{1,3}(?:\s*-+)?\s*$")


def _wrapped_bullet(ctx: _Ctx, k: int) -> bool:
    """Is dash block ``k`` a wrapped line of the block above (which stops inside a quotation:
    ``... "Đăng ký khai tử`` / ``- Xóa đăng ký thường trú ..." trên toàn tỉnh.``)?"""
    if k == 0 or ctx.item(ctx.doc.blocks[k])[0] != "dash":
        return False
    above = ctx.doc.blocks[k - 1].text.rstrip()
    return above.count('"') % 2 == 1 or (above.count("\u201c") > above.count("\u201d"))


# --- 3. duties under unit headings ---------------------------------------------------------


def _unit_heading(ctx: _Ctx, b: Block) -> tuple[list[U.UnitName], tuple[int, int] | None] | None:
    """Units named by a heading (``1. Văn phòng Sở GDĐT:``) and the duty on its line, if any."""
    vocab = _vocab()
    mt = ctx.mt
    _, pos = ctx.item(b)
    end = b.end
    m = vocab.heading_prefix_re.match(mt, pos, end)
    if m:
        pos = m.end()
    colon = mt.find(":", pos, end)
    unit_end = colon if colon >= 0 else end
    duty: tuple[int, int] | None = None
    if colon >= 0:
        duty = _trim(ctx.doc.text, colon + 1, end)
        if duty[0] >= duty[1]:
            duty = None
    unit_end = _trim(mt, pos, unit_end)[1]
    if unit_end <= pos or unit_end - pos > 300:
        return None
    reach = U.units_at(mt, pos, unit_end)
    if reach is None:
        return None
    after = _skip_space(mt, reach)
    if mt[after : after + 1] == "(":  # "1. Công an tỉnh (Cơ quan Thường trực Ban ...)"
        close = mt.find(")", after, unit_end)
        after = close + 1 if close > 0 else after
    verb = _skip_space(mt, after)
    if verb < end and U.cap_verb_at(mt, verb):
        # "2.4. Sở Tài chính, Cục Thuế tỉnh Phối hợp với ...": the heading joined with its duty
        found = ctx.units(ctx.doc.text[pos:reach])
        return (found, _trim(ctx.doc.text, verb, end)) if found else None
    # what may follow the units: "theo chức năng, nhiệm vụ" and "chịu trách nhiệm"
    tail = vocab.heading_tail_re.match(mt, after, unit_end)
    if tail is None or _trim(mt, tail.end(), unit_end)[0] < unit_end:
        return None
    unit_end = reach
    if duty is not None and not U.verb_at(mt, duty[0]) and not mt[duty[0]].isupper():
        return None
    found = ctx.units(ctx.doc.text[pos:unit_end])
    return (found, duty) if found else None


def _time_line(ctx: _Ctx, b: Block) -> tuple[int, int] | None:
    lab = _role_label(ctx, b)
    if lab and lab[0] == "time" and lab[1]:
        return _trim(ctx.doc.text, *lab[1])
    return None


def _implementation(ctx: _Ctx) -> list[_Draft]:
    vocab = _vocab()
    blocks = ctx.doc.blocks
    drafts: list[_Draft] = []
    by_start = {s.char_start: s for s in ctx.sections}
    for sec in ctx.sections:
        title = match_text(sec.title)
        m = vocab.impl_re.match(title)
        # "IV. TỔ CHỨC THỰC HIỆN", "Điều 3. Tổ chức thực hiện"; not the bullet "· Tổ chức thực
        # hiện hiệu quả Luật ..." (a title of a few words only, under a numbered label)
        if (
            not m
            or sec.char_start < ctx.body_start
            or not ctx.assigns(sec.char_start)
            or len(title[m.end() :].split()) > 3
            or sec.label[:1] in "-–·•*+○▪►✓"
        ):
            continue
        idx = [k for k, b in enumerate(blocks) if sec.char_start < b.start <= sec.char_end]
        idx = _until_end_of_body(ctx, idx)
        headings = {k: h for k in idx if k not in ctx.used and (h := _unit_heading(ctx, blocks[k]))}
        if headings:
            for k, (found, duty) in headings.items():
                b = blocks[k]
                if duty:
                    drafts.append(_duty(ctx, k, k, found, start=duty[0]))
                    ctx.used.add(k)
                    continue
                sub = by_start.get(b.start)  # an unnumbered heading runs to the next one
                end = sub.char_end if sub else sec.char_end
                nxt = min((h for h in headings if h > k), default=len(blocks))
                members = [m for m in idx if k < m < nxt and blocks[m].start <= end]
                drafts += _duties(ctx, members, found)
                ctx.used.add(k)
        elif not any(
            (st := ctx.item(blocks[k])[0]) is not None and st not in _BULLET_STYLES for k in idx
        ):
            issuer = ctx.units(ctx.info.issuer or "")[:1]
            issuer = [
                U.UnitName(
                    u.raw,
                    u.name[0] + u.name[1:].lower() if u.name.isupper() else u.name,
                    u.unit_type,
                )
                for u in issuer
            ]
            members = [k for k in idx if not vocab.closing_re.match(ctx.mt, ctx.item(blocks[k])[1])]
            drafts += _duties(ctx, members, issuer, every_block=True)
    return drafts


def _headed_duties(ctx: _Ctx) -> list[_Draft]:
    """``6. UBND các huyện, thị xã, thành phố chịu trách nhiệm:`` followed by its duties, in any
    section: a heading that names units and ends with a colon, or a numbered heading made of
    units alone (``2.1. Sở Tài nguyên và Môi trường``) over its items or paragraphs. A numbered
    heading joined with its first duty (``2.4. Sở Tài chính, Cục Thuế tỉnh Phối hợp với ...``)
    is that duty."""
    blocks = ctx.doc.blocks
    drafts: list[_Draft] = []
    for k, b in enumerate(blocks):
        text = b.text.rstrip()
        level = ctx.level.get(b.start)
        numbered = level is not None and ctx.item(b)[0] not in (None, *_BULLET_STYLES)
        if (
            k in ctx.used
            or b.rows is not None
            or b.start < ctx.body_start
            or b.kind in _SKIP_KINDS
            or not (text.endswith(":") or numbered)
            or not ctx.assigns(b.start)
        ):
            continue
        head = _unit_heading(ctx, b)
        if head is None:
            continue
        if head[1] is not None:
            if not text.endswith(":") and ":" not in ctx.mt[b.start : head[1][0]]:
                drafts.append(_duty(ctx, k, k, head[0], start=head[1][0]))
                ctx.used.add(k)
            continue
        if not text.endswith(":") and (text.endswith((".", ";")) or len(text) > 200):
            continue
        members = []
        for m in range(k + 1, len(blocks)):
            bm = blocks[m]
            if bm.rows is not None or bm.kind in _SKIP_KINDS or m in ctx.used:
                break
            lm = ctx.level.get(bm.start)
            if lm is not None and level is not None and lm <= level:
                break
            if lm is None and level is None:
                break
            members.append(m)
        found = _duties(ctx, members, head[0])
        if found:
            drafts += found
            ctx.used.add(k)
    return drafts


def _until_end_of_body(ctx: _Ctx, idx: list[int]) -> list[int]:
    out = []
    for k in idx:
        b = ctx.doc.blocks[k]
        found = ctx.label(b)
        if b.kind in ("signature", "recipients", "header") or (found and found[0] == "appendix"):
            break
        if b.rows is None and b.kind != "footnote":
            out.append(k)
    return out


def _duties(
    ctx: _Ctx, members: list[int], found: list[U.UnitName], every_block: bool = False
) -> list[_Draft]:
    """One task per item (or paragraph) of a unit heading's list of duties."""
    vocab = _vocab()
    blocks = ctx.doc.blocks
    groups: list[list[int]] = []
    first_style: str | None = None
    started = False
    for k in members:
        if k in ctx.used:
            continue
        b = blocks[k]
        style, pos = ctx.item(b)
        if vocab.plan_closing_re.match(ctx.mt, pos):
            break
        time = _time_line(ctx, b)
        if time is not None:
            if groups:
                groups[-1].append(k)
            continue
        if ctx.doc.text[pos : pos + 1] == "(" and groups:
            groups[-1].append(k)
            continue
        if not started:
            first_style, started = style, True
            groups.append([k])
        elif every_block or style == first_style:
            prev = blocks[groups[-1][-1]]
            if style is None and prev.text.rstrip().endswith(":") and not every_block:
                groups[-1].append(k)
            else:
                groups.append([k])
        elif style is None:
            break  # a paragraph after the list closes it ("Trong quá trình thực hiện ...")
        else:
            groups[-1].append(k)
    drafts = []
    for g in groups:
        drafts.append(_duty(ctx, g[0], g[-1], found))
        ctx.used.update(g)
    return drafts


def _duty(
    ctx: _Ctx, first: int, last: int, found: list[U.UnitName], start: int | None = None
) -> _Draft:
    blocks = ctx.doc.blocks
    style, pos = ctx.item(blocks[first])
    start = pos if start is None else start
    text_blocks = [k for k in range(first, last + 1) if _time_line(ctx, blocks[k]) is None]
    end_block = blocks[text_blocks[-1]] if text_blocks else blocks[first]
    d = _Draft(
        start=start,
        end=_trim(ctx.doc.text, start, end_block.end)[1],
        source="list" if style else "paragraph",
        lead=list(found),
        link_start=start,
        link_end=blocks[last].end,
        last_block=last,
    )
    for k in range(first, last + 1):
        t = _time_line(ctx, blocks[k])
        if t is not None and d.time_span is None:
            d.time_span = t
    subject = _subject_in(ctx, d.start, d.end)
    if subject:
        d.lead = subject
    return d


def _subject_in(ctx: _Ctx, start: int, end: int) -> list[U.UnitName]:
    """Units a duty names as the subject of one of its sentences (``Các phòng Sở có ...``)."""
    for s in _sentence_starts(ctx.mt, start, end):
        hit = _subject_at(ctx, s, end) if ctx.mt[s : s + 1].isupper() else None
        if hit:
            return hit[0]
    return []


# --- 4. inline assignments ------------------------------------------------------------------

# the stop is matched, not looked behind for, so that the search can skip to it
_SENTENCE_RE = re.compile(r"[.;!?]\s+(?=\S)")


def _sentence_starts(mt: str, start: int, end: int) -> list[int]:
    out = [start]
    for m in _SENTENCE_RE.finditer(mt, max(start - 1, 0), end):
        if mt[m.end()].isupper():
            out.append(m.end())
    return out


def _subject_at(ctx: _Ctx, pos: int, end: int) -> tuple[list[U.UnitName], int, bool] | None:
    """A unit subject at ``pos``: its units, where the task's text starts, a ``X:`` form flag."""
    vocab = _vocab()
    mt = ctx.mt
    opener = vocab.time_opener_re.match(mt, pos, end)
    # "Trong quý III/2024, Ủy ban nhân dân các xã vận động ...": the subject after the time
    timed = opener is not None and mt[opener.end() : opener.end() + 1].isupper()
    pos_subject = opener.end() if opener is not None and timed else pos
    m = vocab.subject_cue_re.match(mt, pos_subject, end)
    upos = m.end() if m else pos_subject
    reach = U.units_at(mt, upos, end)
    if reach is None:
        return None
    after = _trim(mt, reach, end)[0] if reach < end else end
    if mt[after : after + 1] == "(":  # "Công an tỉnh (Phòng Cảnh sát kinh tế) chủ động ..."
        close = mt.find(")", after, end)
        if close > 0 and U.verb_at(mt, _skip_space(mt, close + 1)):
            after = _skip_space(mt, close + 1)
    elif not U.verb_at(mt, after) and mt[after : after + 1] != ":":
        longer = U.collective_subject(mt, upos, reach, end)
        if longer is not None:  # "Các doanh nghiệp viễn thông bảo đảm ..."
            reach, after = longer, _skip_space(mt, longer)
    if vocab.notice_re.match(mt, after):
        return None  # "Văn phòng UBND tỉnh thông báo để các cơ quan ... biết, thực hiện."
    adverbial = vocab.adverbial_re.match(mt, after, end)
    if adverbial:  # "Sở Tài chính theo chức năng, nhiệm vụ tích cực hướng dẫn ..."
        after = adverbial.end()
    while after < end and mt[after] in " ,":
        after += 1
    if after < end and mt[after] == ":":
        duty = _trim(ctx.doc.text, after + 1, end)[0]
        if duty < end and (mt[duty].isupper() or U.verb_at(mt, duty)):
            found = ctx.units(ctx.doc.text[upos:reach])
            return (found, duty, True) if found else None
        return None
    if vocab.past_re.match(mt, reach) or not U.verb_at(mt, after):
        return None
    found = ctx.units(ctx.doc.text[upos:reach])
    return (found, pos, False) if found else None


def _free_blocks(ctx: _Ctx) -> Iterator[tuple[int, Block]]:
    """Body paragraphs and list items not yet read by another pass, where text may assign
    work (a report only in its forward-looking sections)."""
    for bi, b in enumerate(ctx.doc.blocks):
        if (
            bi not in ctx.used
            and b.rows is None
            and b.start >= ctx.body_start
            and b.kind in ("paragraph", "list_item")
            and ctx.assigns(b.start)
        ):
            yield bi, b


def _inline(ctx: _Ctx) -> list[_Draft]:
    vocab = _vocab()
    drafts: list[_Draft] = []
    for bi, b in _free_blocks(ctx):
        style, pos = ctx.item(b)
        if style in ("roman", "alpha_upper", "part", "chapter", "appendix", "article"):
            continue
        hits = []
        starts = _sentence_starts(ctx.mt, pos, b.end)
        # the preamble ends the block with a colon; most blocks do not (a cheap test first)
        colon_end = ctx.mt[pos : b.end].rstrip().endswith(":")
        for n, s in enumerate(starts):
            sentence_end = starts[n + 1] if n + 1 < len(starts) else b.end
            if colon_end and vocab.preamble_re.search(ctx.mt, s, b.end):
                continue
            # a sentence starts with a capital; a lower-case block continues a broken line
            hit = _subject_at(ctx, s, b.end) if ctx.mt[s : s + 1].isupper() else None
            if hit is None:  # "Trên cơ sở báo cáo của ..., giao Sở Tài chính chủ trì ..."
                cue = vocab.mid_cue_re.search(ctx.mt, s, sentence_end)
                hit = _subject_at(ctx, cue.start("cue"), b.end) if cue else None
                if hit:
                    hit = (hit[0], s, hit[2])
            if hit is None:  # "Đối với kiến nghị ...: Sở Tài chính tổng hợp, tham mưu ..."
                colon = ctx.mt.find(":", s, sentence_end)
                after = _skip_space(ctx.mt, colon + 1) if colon > 0 else -1
                if after > 0 and ctx.mt[after : after + 1].isupper():
                    hit = _subject_at(ctx, after, b.end)
                    # a bullet naming its event first ("- Hội thi gói bánh tét: UBND huyện X
                    # chủ trì ...") is the task from its first word; so is a later sentence,
                    # whose opening words belong to no earlier task
                    first = s if s != pos or style in _BULLET_STYLES else after
                    hit = (hit[0], first, hit[2]) if hit and not hit[2] else None
            if hit is None:  # "... kiện toàn tổ chức Văn phòng HĐND và UBND huyện chủ trì, ..."
                hit = _leading_unit(ctx, s, sentence_end)
            if hit:
                hits.append(hit)
        for n, (found, start, _) in enumerate(hits):
            end = hits[n + 1][1] if n + 1 < len(hits) else b.end
            d = _Draft(
                start=start,
                end=_trim(ctx.doc.text, start, end)[1],
                source="list" if style else "paragraph",
                lead=found,
                link_start=start,
                link_end=end,
                last_block=bi,
            )
            drafts.append(d)
        if hits:
            ctx.used.add(bi)
    return drafts


def _leading_unit(ctx: _Ctx, start: int, end: int) -> tuple[list[U.UnitName], int, bool] | None:
    """A unit followed by a lead cue (``chủ trì``) inside the sentence ``start..end``, not named
    after a function word, ``và`` or a comma (``phối hợp với X, Y chủ trì`` is not Y leading)."""
    vocab = _vocab()
    mt = ctx.mt
    if not any(mt.find(w, start, end) >= 0 for w in vocab.lead_cue_words) or not (
        vocab.lead_cue_any_re.search(mt, start, end)
    ):
        return None
    for w in _WORD_AFTER_SPACE_RE.finditer(mt[start:end]):
        p = start + w.start()
        if not mt[p].isupper() or U.start_at(mt, p) is None:
            continue
        words = mt[start:p].split()
        if not words:
            continue  # a subject at the sentence start: _subject_at reads it
        prev = words[-1]
        if prev[-1] in ",;:(" or U.stop_at(prev) or U.joiner_at(prev):
            continue
        reach = U.units_at(mt, p, end)
        if reach is None or not vocab.lead_cue_re.match(mt, reach):
            continue
        found = ctx.units(ctx.doc.text[p:reach])
        return (found, p, False) if found else None
    return None


_PAREN_END_RE = re.compile(r"\((?P<inner>[^()]{5,300})\)[\s.;:,/]*$")


def _paren_last(mt: str, start: int, end: int) -> bool:
    """Is ``)`` the last character before the end punctuation (as ``_PAREN_END_RE`` needs)?"""
    while end > start and (mt[end - 1].isspace() or mt[end - 1] in ".;:,/"):
        end -= 1
    return end > start and mt[end - 1] == ")"


def _parenthetical(ctx: _Ctx) -> list[_Draft]:
    """An item that names its units in a closing parenthesis: ``- Rà soát, hệ thống hóa văn bản
    ... (Phòng Tổ chức cán bộ chủ trì, phối hợp với Văn phòng Sở; hoàn thành trong Quý
    III/2022).`` or ``(Cơ quan chủ trì: Văn phòng Sở; thời gian: tháng 6/2022)``."""
    vocab = _vocab()
    mt, text = ctx.mt, ctx.doc.text
    drafts: list[_Draft] = []
    for bi, b in _free_blocks(ctx):
        m = _PAREN_END_RE.search(mt, b.start, b.end) if _paren_last(mt, b.start, b.end) else None
        style, pos = ctx.item(b)
        if not m or m.start() <= pos:
            continue
        s, e = m.start("inner"), m.end("inner")
        lead: list[U.UnitName] = []
        support: list[U.UnitName] = []
        time_span: tuple[int, int] | None = None
        role = vocab.role_label_re.match(mt, s, e)
        if role and role.group("rest"):
            first = _roles_named(role.group("labels"))
            for kind, (ps, pe) in _role_parts(ctx, first, (role.start("rest"), e)):
                if kind == "time":
                    time_span = _trim(text, ps, pe)
                elif kind in ("lead", "responsible"):
                    lead += ctx.units(text[ps:pe])
                elif kind == "support":
                    support += ctx.units(text[ps:pe])
        else:
            reach = U.units_at(mt, s, e)
            if reach is None or not U.verb_at(mt, _skip_space(mt, reach)):
                continue
            lead = ctx.units(text[s:reach])
            support = _support_in(ctx, reach, e)
        if not lead:
            continue
        d = _Draft(
            start=pos,
            end=_trim(text, pos, m.start())[1],
            source="list" if style else "paragraph",
            lead=lead,
            support=support,
            time_span=time_span,
            time_zone=None if time_span else (s, e),
            link_start=pos,
            link_end=b.end,
            last_block=bi,
            running=False,
        )
        d.report_to = _report_to(ctx, d.start, d.end)
        drafts.append(d)
        ctx.used.add(bi)
    return drafts


# --- support, report_to ---------------------------------------------------------------------


def _merge(a: list[U.UnitName], b: list[U.UnitName]) -> list[U.UnitName]:
    seen = {u.name.casefold() for u in a}
    out = list(a)
    for u in b:
        if u.name.casefold() not in seen:
            seen.add(u.name.casefold())
            out.append(u)
    return out


def _support_in(ctx: _Ctx, start: int, end: int) -> list[U.UnitName]:
    """``phối hợp với các phòng Sở, các đơn vị giáo dục ...`` → the units after the cue."""
    out: list[U.UnitName] = []
    for m in _vocab().support_cue_re.finditer(ctx.mt, start, end):
        reach = U.units_at(ctx.mt, m.end(), end)
        if reach is not None:
            out = _merge(out, ctx.units(ctx.doc.text[m.end() : reach]))
    return out


def _report_to(ctx: _Ctx, start: int, end: int) -> list[U.UnitName]:
    """The units a task reports to: ``báo cáo ... về X (qua Y)``, ``gửi X gửi Z``."""
    vocab = _vocab()
    mt = ctx.mt
    for m in vocab.report_cue_re.finditer(mt, start, end):
        clause_end = _clause_end(mt, m.end(), end)
        target = None
        direct = U.units_at(mt, _skip_space(mt, m.end()), clause_end)
        if direct is not None:
            target = (_skip_space(mt, m.end()), direct)
        else:
            ve = vocab.report_to_re.search(mt, m.end(), clause_end)
            if ve:
                reach = U.units_at(mt, ve.end(), clause_end)
                if reach is not None:
                    target = (ve.end(), reach)
        if target is None:
            continue
        found = ctx.units(ctx.doc.text[target[0] : target[1]])
        pos = target[1]
        while True:  # "gửi Sở Thông tin và Truyền thông gửi Ủy ban nhân dân thành phố"
            nxt = vocab.report_cue_re.match(mt, _skip_space(mt, pos))
            if not nxt:
                break
            reach = U.units_at(mt, _skip_space(mt, nxt.end()), clause_end)
            if reach is None:
                break
            found = _merge(found, ctx.units(ctx.doc.text[_skip_space(mt, nxt.end()) : reach]))
            pos = reach
        via = vocab.via_re.search(mt, target[1], _clause_end(mt, target[1], end))
        if via:
            reach = U.units_at(mt, via.end(), end)
            if reach is not None:
                found = _merge(found, ctx.units(ctx.doc.text[via.end() : reach]))
        return found
    return []


def _skip_space(mt: str, pos: int) -> int:
    while pos < len(mt) and mt[pos] == " ":
        pos += 1
    return pos


_CLAUSE_RE = re.compile(r"[;.](?:\s|$)|\n")
_SENTENCE_CLAUSE_RE = re.compile(r"[;.](?:\s|$)")


def _clause_end(mt: str, pos: int, end: int) -> int:
    """Where the clause at ``pos`` ends: ``;``, a full stop or a line break."""
    m = _CLAUSE_RE.search(mt, pos, end)
    return m.start() if m else end


# --- deadlines ------------------------------------------------------------------------------


def _own_deadlines(
    ctx: _Ctx, d: _Draft, inside: list[Deadline]
) -> tuple[list[Deadline], str | None]:
    """The task's own deadline records and its printed deadline text."""
    text = ctx.doc.text
    if d.time_span is not None:
        s, e = d.time_span
        cut = text.find(";", s, e)  # "Trước ngày 30/6/2024; trước ngày 15/12/2024": the first
        if cut > s and any(s <= x.char_start < cut for x in inside):
            e = _trim(text, s, cut)[1]
        own = [x for x in inside if s <= x.char_start < e]
        return own, text[s:e] or None
    if d.time_zone is not None:  # "(... hoàn thành trong Quý III/2022)"
        own = [x for x in inside if d.time_zone[0] <= x.char_start < d.time_zone[1]]
        return own, (text[own[0].char_start : max(x.char_end for x in own)] if own else None)
    if not d.running:
        return [], None
    vocab = _vocab()
    mt = ctx.mt
    for m in vocab.inner_role_re.finditer(mt, d.start, d.end):
        # "...; thời gian thực hiện: Tháng 3-10/2025." / "... Thời gian: Quý I/2025." inside
        if _roles_named(m.group("labels")) != "time":
            continue
        cut = _SENTENCE_CLAUSE_RE.search(mt, m.end(), d.end)
        s, e = _trim(text, m.end(), cut.start() if cut else d.end)
        own = [x for x in inside if s <= x.char_start < e]
        if own:
            return own, text[s:e]
    first_clause = _clause_end(mt, d.start, d.end)
    accepted: list[Deadline] = []
    for x in sorted(inside, key=lambda x: x.char_start):
        if not (d.start <= x.char_start < d.end):
            continue
        clause_start = max(
            (m.end() for m in _CLAUSE_RE.finditer(mt, d.start, x.char_start)), default=d.start
        )
        # the clause of the report it sends may wrap ("gửi về Công an tỉnh\n(qua ...) trước ...")
        report_start = max(
            (m.end() for m in _SENTENCE_CLAUSE_RE.finditer(mt, d.start, x.char_start)),
            default=d.start,
        )
        report_before = bool(vocab.report_cue_re.search(mt, report_start, x.char_start)) or bool(
            vocab.report_noun_re.match(mt, x.char_start)
        )
        at_start = x.char_start - d.start <= 1  # "Thường xuyên phối hợp ...", "Hàng năm, ..."
        first = x.char_start < first_clause and x.kind in vocab.concrete
        reported = report_before and (x.kind in vocab.concrete or x.kind == "recurring")
        if at_start or first or reported or _closing_time(ctx, x, clause_start, d.end):
            accepted.append(x)
    if not accepted:
        return [], None
    run = [accepted[0]]
    for x in accepted[1:]:
        gap = text[max(y.char_end for y in run) : x.char_start]
        if x.char_start <= max(y.char_end for y in run) or re.fullmatch(r"\s*,?\s*", gap):
            run.append(x)  # "quý, 6 tháng" (not "... 01/5/2024 và từ ngày 15/12/2024 ...")
        else:
            break
    s, e = run[0].char_start, max(y.char_end for y in run)
    m = vocab.report_noun_re.match(mt, s)
    if m and m.end() < e:
        s = _skip_space(mt, m.end())  # "báo cáo quý, 6 tháng và hàng năm" → the times
    return run, text[s:e]


_CLAUSE_CLOSE_RE = re.compile(r"[\s)*_]*(?:[.;]|$)")


def _closing_time(ctx: _Ctx, x: Deadline, clause_start: int, end: int) -> bool:
    """Is ``x`` the time a clause of the task closes with (``...; hoàn thành trước ngày
    31/5/2024.``, ``...; thực hiện từ Quý II/2024.``, ``... (Tháng 9/2024).``, ``... khi có yêu
    cầu.``)? A date or period must be introduced by a time word or printed in parentheses (not
    ``tập trung nội dung, nhiệm vụ năm 2013 - 2015;``); a recurrence must say it is periodic
    (``định kỳ hằng tuần``, not ``xếp hạng kết quả ... hàng năm;``); a time before a colon
    heads a target (``đảm bảo hết năm 2022: 100% ...``); ``thường xuyên kiểm tra`` says how
    often, not by when."""
    vocab = _vocab()
    mt = ctx.mt
    close = _CLAUSE_CLOSE_RE.match(mt, x.char_end, end)
    if close is None and x.char_end < end:
        return False
    if x.kind in vocab.concrete:
        before = mt[max(clause_start, x.char_start - 30) : x.char_start]
        return bool(
            vocab.time_word_re.match(mt, x.char_start)
            or vocab.time_word_end_re.search(before)
            or before.rstrip().endswith("(")
        )
    if x.kind == "recurring":
        return bool(vocab.periodic_re.match(mt, x.char_start))
    return x.kind in vocab.closing_kinds


def _section_time_lines(ctx: _Ctx, drafts: list[_Draft]) -> None:
    """``Thời gian thực hiện: ...`` right after a task's last block is that task's time."""
    by_last = {d.last_block: d for d in drafts}
    for bi, b in enumerate(ctx.doc.blocks):
        if bi in ctx.used or b.rows is not None:
            continue
        t = _time_line(ctx, b)
        d = by_last.get(bi - 1)
        if t is not None and d is not None and d.time_span is None and d.source != "table":
            d.time_span = t
            d.link_end = max(d.link_end, b.end)
            ctx.used.add(bi)


# --- entry point ----------------------------------------------------------------------------


def extract(
    doc: Document, info: DocumentInfo, sections: list[Section], deadlines: list[Deadline]
) -> tuple[list[Task], list[Unit]]:
    """Every task of ``doc`` and its units; sets ``task_id`` on the deadlines inside a task."""
    ctx = _Ctx(
        doc=doc,
        info=info,
        mt=match_text(doc.text),
        sections=sections,
        level={s.char_start: s.level for s in sections},
        body_start=sections[0].char_start if sections else 0,
        report=_key(info.doc_type or "") in _vocab().descriptive_types,
        by_id={s.section_id: s for s in sections},
    )
    drafts = _tables(ctx) + _assignments(ctx) + _implementation(ctx)
    drafts += _headed_duties(ctx) + _parenthetical(ctx) + _inline(ctx)
    _section_time_lines(ctx, drafts)
    drafts.sort(key=lambda d: d.start)
    tasks: list[Task] = []
    units: list[Unit] = []
    seen: set[str] = set()
    by_start = sorted(deadlines, key=lambda x: x.char_start)
    starts = [x.char_start for x in by_start]
    for d in drafts:
        task_id = f"{doc.doc_id}:task:{d.start}"
        if task_id in seen or d.end <= d.start:
            continue
        seen.add(task_id)
        if d.running:
            support = _support_in(ctx, d.start, d.end)
            leads = {u.name for u in d.lead}
            d.support = _merge(d.support, [u for u in support if u.name not in leads])
            d.report_to = _merge(d.report_to, _report_to(ctx, d.start, d.end))
        inside = [
            x
            for x in by_start[bisect_left(starts, d.link_start) : bisect_left(starts, d.link_end)]
            if x.task_id in (None, task_id)
        ]
        own, deadline_text = _own_deadlines(ctx, d, inside)
        for x in inside:
            x.task_id = task_id
        sec = section_at(sections, d.start)
        task = Task(
            task_id=task_id,
            text=doc.text[d.start : d.end],
            lead_units=_names(d.lead),
            support_units=_names(d.support),
            deadline_id=own[0].deadline_id if own else None,
            deadline_text=deadline_text,
            output=d.output,
            source=d.source,
            char_start=d.start,
            char_end=d.end,
            page=doc.page_at(d.start),
            section_id=sec.section_id if sec else None,
            report_to=_names(d.report_to),
            group=d.group,
        )
        tasks.append(task)
        n = 0
        for role, found in (
            (d.lead_role, d.lead),
            ("support", d.support),
            ("report_to", d.report_to),
        ):
            for u in found:
                units.append(Unit(f"{task_id}:unit:{n}", task_id, u.name, u.raw, u.unit_type, role))
                n += 1
    return tasks, units


def _names(found: list[U.UnitName]) -> list[str]:
    out: list[str] = []
    for u in found:
        if u.name not in out:
            out.append(u.name)
    return out
