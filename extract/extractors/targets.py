"""Targets: every quantified goal of a plan, and every figure a report states as done.

Forms handled (all seen in received plans and reports; the words live in
``patterns/targets.yaml``):
- value first: ``Phấn đấu 98% hồ sơ giải quyết đúng thời gian quy định`` (= 98, Phấn đấu),
  ``Tối thiểu 91% khách hàng hài lòng`` (>=), ``Phấn đấu trên 10% hồ sơ ...`` (>),
  ``Xây dựng thêm ít nhất 10 thủ tục trực tuyến`` (>= 10, unit thủ tục),
  ``Thực hiện thí điểm ít nhất 02 ngày/tuần`` (>= 2, unit ngày/tuần), ``giữ nguyên 20 đội``;
- subject first: ``Tỷ lệ giải quyết hồ sơ thủ tục đúng hạn: từ 98% trở lên`` (>=),
  ``Mức độ hài lòng ... đạt tối thiểu 95%``, ``Số nhiệm vụ đã hoàn thành đúng hạn 36``,
  ``tổng số thủ tục còn hiệu lực đã số hoá kiểm đếm là 26``, ``... chứng chỉ là: 20``;
- numbers: decimal comma ``2,5%`` (2.5), thousands dot ``1.885`` (1885), a dot before other
  than three digits ``93.81%``, zero padding ``02``, symbols ``>50%``, ``≥90%``, fractions
  ``44/44 đơn vị`` (44), ranges ``từ 50% đến 70%``, ``từ 1-3 ngày`` (value, value_max);
- counted nouns from ``count_nouns``, and any noun after a bound only a quantity takes
  (``không dưới 120 buổi tuyên truyền``: unit ``buổi``), not an age (``tối thiểu 18 tuổi``);
- two numbers in one sentence are two records (``>50% mức độ 3, >40% mức độ 4``); a value
  coordinated with a qualified one takes its comparator (``giảm tối thiểu 2,5% ... và 2%``);
- tables: a numeric cell takes its kind from its column header, group header included
  (``Chỉ tiêu cần đạt được`` → target, ``04 tháng đầu năm ... Tổng HS`` → result,
  ``Dự kiến ... Tổng HS`` → a forecast, not read); other cells are read as text.

``kind``: in a report (``Báo cáo``) a figure is a result (``44/44 đơn vị đã nộp``) unless the
nearest marker before it in its sentence states a goal (``mục tiêu``, ``phấn đấu``, ``đến năm
2025``), a plan figure is named right before it (``vượt kế hoạch (kế hoạch 3,5%)``), its
paragraph opens with one, or it stands in a forward-looking section (a ``PHẦN II`` printed
alone takes the heading line under it); in a plan a figure is a target unless a result marker
is the nearest (``đã``, ``hiện nay``, ``theo báo cáo``, ``Năm 2022,`` in a 2023 plan) or it
stands in a section that looks back (``I. KẾT QUẢ THỰC HIỆN NĂM 2023``, ``1. Đánh giá chung``,
a top-level title naming only earlier years). A paragraph a hard wrap split off the one before
(``... đã hoàn thành`` / ``15/18 nhiệm vụ``) reads its sentence from there. Table cells follow
their column header (see above).

Not values: labels (``mức độ 3,4``, ``giai đoạn 3``, ``Điều 19``, ``Quận 8``, ``ISO 9001``,
``cổng thông tin 1022``, ``mô hình 4 lớp``, ``trên cả 3 tiêu chí``), codes (``QCVN
01-1:2018/BYT``, ``9001:2015``, ``22:30``), years, section numbers, footnote marks (``[2]``),
counts of periods (``Sơ kết 6 tháng``), notes in parentheses (``(Nội dung chi tiết 8 nhiệm vụ
trọng tâm theo phụ lục đính kèm)``), the make-up of an agency in a report (``cơ cấu tổ chức ...
gồm 01 Giám đốc``), definitions (``Điều 2. Giải thích từ ngữ``), anything in the spans of the
legal_refs and deadlines stages (document numbers, dates), and nothing at all in the rules of a
legal text (Nghị định, Thông tư ...: ``từ 70 đến dưới 90 điểm``).


underthesea is not used, by measurement on the 122 gold targets matched (``tests/
test_targets.py`` keeps a check): its chunker (bundled CRF model, offline) starts a new phrase
at every word — 1 ``I-`` continuation tag in 2,888 — so it gives no phrase boundary the clause
rule lacks; the noun phrase it gives after the number, taken as the subject, scores a mean
token F1 of 0.22 against the gold subjects where the clause rule here scores 0.75; and its
first word after the number is the gold unit for 13 of 37 counts where ``count_nouns`` gets 33
(multi-word units such as ``bản ký cam kết``, ``ngày/tuần``). It would also add a second of
model loading per process.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate, pairwise

from .. import patterns
from ..model import Block, Deadline, Document, DocumentInfo, LegalRef, Section, Target
from ..normalize import match_text
from ..patterns import EndRe
from ..patterns import alternation as _alt
from ..patterns import word_re as _word
from ..structure import section_at, section_chain

_NUM = r"\d+(?:\.\d{3})+(?!\d)(?:,\d+)?|\d+(?:[.,]\d+)?"
_NUM_RE = re.compile(
    r"(?<![\w.,/\[])(?<!\d[-:])(?P<num>" + _NUM + r")(?:/(?P<den>\d+))?(?![\d/]|[.,]\d)(?![^\W\d_])"
)
# Where a number of _NUM_RE can start: a digit after none of the characters its look-behind
# refuses. One pass per document finds them; _NUM_RE is then tried only there, as Python's
# ``re`` would otherwise try its look-behinds at every position of every zone.
_NUM_START_RE = re.compile(r"\d(?<![\w.,/\[]\d)")
# After a number, the rest of a code: "01-1:2018/BYT" (QCVN), "9001:2015", "8:30".
_CODE_TAIL_RE = re.compile(r"(?:-\d+)*:\d")
_YEAR_RE = re.compile(r"(?:19|20)\d{2}")
# A list label or bullet opening a block: "2.1. ", "đ) ", "- ", "· ".
_LABEL_START_RE = re.compile(
    r"\s*(?:(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđ])[.)]|[-–·•*+○▪►✓])\s+", re.I
)
_SENTENCE_END_RE = re.compile(r"[.!?](?=\s)|\n")
# The end of a text window that is the start of a clause (or of a list item).
_CLAUSE_OPEN_RE = re.compile(r"(?:^|[.;:!?\n(,\-–·•*+]|\b\w\))\s*$")
_DATED_KINDS = frozenset({"date", "before", "month", "quarter", "half_year", "year", "range"})


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", match_text(text)).strip().lower()


def _end_re(alternatives: list[str], pattern: str, flags: int = re.I) -> EndRe:
    """``pattern`` (``{alt}`` standing for the alternation of ``alternatives``) as an
    :class:`~extract.patterns.EndRe`; a trailing ``[:.]`` may be one more word."""
    most = max((len(match_text(w).split()) for w in alternatives), default=0)
    return EndRe(re.compile(pattern.replace("{alt}", _alt(alternatives)), flags), most + 1)


def _ends_with(words: list[str]) -> EndRe:
    return _end_re(words, r"(?:^|(?<=[\s(,;:]))(?:{alt})\s*[:.]?\s*$")


@dataclass(slots=True)
class _Vocab:
    legal_types: frozenset[str]
    report_types: frozenset[str]
    forward_re: re.Pattern[str]
    result_section_re: re.Pattern[str]
    definition_section_re: re.Pattern[str]
    pct_re: re.Pattern[str]
    sym_before_re: EndRe
    symbol_ends: frozenset[str]
    symbols: dict[str, str]
    label_re: EndRe
    count_lead_re: EndRe
    noun_re: re.Pattern[str]
    noun_in_re: re.Pattern[str]
    durations: frozenset[str]
    category_cmp: frozenset[str]
    category_not_after_re: EndRe
    open_count_re: EndRe
    any_noun_re: re.Pattern[str]
    not_count: frozenset[str]
    measures: frozenset[str]
    proper_units: frozenset[str]
    rate_re: re.Pattern[str]
    abbreviations: dict[str, str]
    abbrev_re: re.Pattern[str] | None
    comparator_of: dict[str, str]
    intents: frozenset[str]
    fillers: frozenset[str]
    from_words: frozenset[str]
    chain_re: re.Pattern[str]
    chain_last_re: re.Pattern[str]
    token_re: re.Pattern[str]
    diff_re: EndRe
    at_least_re: re.Pattern[str]
    at_most_re: re.Pattern[str]
    range_re: re.Pattern[str]
    joiner_re: re.Pattern[str]
    marker_re: re.Pattern[str]
    target_markers: frozenset[str]
    planned: frozenset[str]
    paragraph_lead_re: re.Pattern[str]
    description_re: re.Pattern[str]
    bare_leads: frozenset[str]
    opener_re: re.Pattern[str]
    opener_word_re: re.Pattern[str]
    lead_strip_re: re.Pattern[str]
    time_lead_re: re.Pattern[str]
    year_not_after_re: EndRe
    drop_re: re.Pattern[str]
    subject_stop_re: re.Pattern[str]
    subject_max_words: int
    trailing_re: re.Pattern[str]
    trailing_last_re: re.Pattern[str]
    trailer_re: re.Pattern[str]
    baseline_re: re.Pattern[str]
    baseline_stop_re: re.Pattern[str]
    due_re: re.Pattern[str]
    ordinal_headers: frozenset[str]
    target_header_re: re.Pattern[str]
    result_header_re: re.Pattern[str]
    forecast_header_re: re.Pattern[str]
    percent_header_re: re.Pattern[str]


@cache
def _vocab() -> _Vocab:
    v = patterns.load("targets")
    comparator_of = {_key(w): cmp for cmp, words in v["comparators"].items() for w in words}
    intents = frozenset(_key(w) for w in v["intent_words"])
    fillers = frozenset(_key(w) for w in v["chain_fillers"])
    from_words = frozenset(_key(w) for w in v["from_words"])
    planned = frozenset(_key(w) for w in v["planned_figure_leads"])
    tokens = _alt(
        list(comparator_of) + list(intents) + list(fillers) + list(from_words) + list(planned)
    )
    symbols = {k: str(c) for k, c in v["symbols"].items()}
    sym_alt = "|".join(re.escape(s) for s in sorted(symbols, key=len, reverse=True))
    pct = _alt(v["percent_words"])
    nouns = _alt(v["count_nouns"] + v["duration_nouns"])
    abbreviations = {k: str(val) for k, val in (v.get("noun_abbreviations") or {}).items()}
    target_markers = [*v["target_markers"]]
    due_leads = _alt(v["target_due_leads"])
    markers = _alt(target_markers + v["result_markers"])
    return _Vocab(
        legal_types=frozenset(_key(t) for t in v["legal_rule_doc_types"]),
        report_types=frozenset(_key(t) for t in v["report_doc_types"]),
        forward_re=_word(v["forward_section_words"]),
        result_section_re=_word(v["result_section_words"]),
        definition_section_re=_word(v["definition_section_words"]),
        pct_re=re.compile(r"\s?(?:" + pct + r")(?![^\W\d_])", re.I),
        sym_before_re=EndRe(
            re.compile(r"(?P<sym>" + sym_alt + r")\s*$"), max(len(s.split()) for s in symbols)
        ),
        symbols=symbols,
        symbol_ends=frozenset(s[-1] for s in symbols),
        # right before the number: "tháng 6" is a label, "trong tháng: 29" a figure
        label_re=_end_re(v["label_words"], r"(?:^|(?<=[\s(,;:]))(?:{alt})\s*$"),
        count_lead_re=_ends_with(v["count_leads"]),
        noun_re=re.compile(
            r"\s+(?:(?:"
            + _alt(v["count_noun_determiners"])
            + r")\s+)?(?P<noun>"
            + nouns
            + r")(?![^\W\d_])",
            re.I,
        ),
        noun_in_re=re.compile(r"(?<![\w])(?P<noun>" + _alt(v["count_nouns"]) + r")(?![\w])", re.I),
        durations=frozenset(_key(w) for w in v["duration_nouns"]),
        category_cmp=frozenset(_key(w) for w in v["category_comparators"]),
        category_not_after_re=_ends_with(v["category_not_after"]),
        open_count_re=_ends_with(v["open_count_comparators"]),
        any_noun_re=re.compile(r"\s+(?P<noun>[^\W\d_]+)(?![\w])"),
        not_count=frozenset(_key(w) for w in v["not_count_words"]),
        measures=frozenset(_key(w) for w in v["measure_units"]),
        proper_units=frozenset(_key(w) for w in v["count_nouns"] if w[:1].isupper()),
        rate_re=re.compile(
            r"\s*(?:/\s*|\s+(?:" + _alt([j for j in v["rate_joiners"] if j != "/"]) + r")\s+)"
            r"(?P<per>" + _alt(v["rate_periods"]) + r")(?![\w])(?!\s*\d)",
            re.I,
        ),
        abbreviations=abbreviations,
        abbrev_re=(
            re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, abbreviations)) + r")(?![\w])")
            if abbreviations
            else None
        ),
        comparator_of=comparator_of,
        intents=intents,
        fillers=fillers,
        from_words=from_words,
        chain_re=re.compile(r"(?P<chain>(?:(?<![\w])(?:" + tokens + r")(?![\w])\s*|:\s*)+)$", re.I),
        # what the last word before a chain's end must end with (see _chain_before)
        chain_last_re=re.compile(
            r"(?<![\w])(?:"
            + _alt(
                [
                    w.split()[-1]
                    for w in [*comparator_of, *intents, *fillers, *from_words, *planned]
                ]
            )
            + r")\Z",
            re.I,
        ),
        token_re=re.compile(r"(?<![\w])(?:" + tokens + r")(?![\w])|:", re.I),
        diff_re=_ends_with(v["difference_words"]),
        at_least_re=re.compile(r"\s*(?:" + _alt(v["at_least_after"]) + r")(?![\w])", re.I),
        at_most_re=re.compile(r"\s*(?:" + _alt(v["at_most_after"]) + r")(?![\w])", re.I),
        range_re=re.compile(
            r"\s*(?:" + _alt(v["range_joiners"]) + r")\s*(?P<sym2>" + sym_alt + r")?\s*"
            r"(?P<num2>" + _NUM + r")(?![\d/]|[.,]\d)(?![^\W\d_])(?P<pct2>\s?(?:" + pct + r"))?",
            re.I,
        ),
        joiner_re=re.compile(
            r"(?:^|\s)(?:" + _alt([j for j in v["coordination_joiners"] if j.isalpha()]) + r")\s*$"
            r"|["
            + re.escape("".join(j for j in v["coordination_joiners"] if not j.isalpha()))
            + r"]\s*$",
            re.I,
        ),
        marker_re=re.compile(
            r"(?<![\w])(?:(?P<due>(?:" + due_leads + r")\s+(?:19|20)\d{2})"
            r"|(?:" + _alt(v["year_words"]) + r")\s+(?P<year>(?:19|20)\d{2})"
            r"|(?P<m>" + markers + r"))(?![\w])",
            re.I,
        ),
        target_markers=frozenset(_key(w) for w in target_markers),
        planned=planned,
        paragraph_lead_re=re.compile(
            r"\s*(?:" + _alt(v["paragraph_target_leads"]) + r")(?![\w])", re.I
        ),
        description_re=_word(v["description_cues"]),
        bare_leads=frozenset(_key(w) for w in v["bare_value_leads"]),
        opener_re=re.compile(r"\s*(?:" + _alt(v["subject_first_openers"]) + r")(?![\w])", re.I),
        opener_word_re=_word(v["subject_inside_openers"]),
        lead_strip_re=re.compile(
            r"[\s,:]*(?:" + _alt(v["subject_lead_words"]) + r")(?![\w])[\s,:]*", re.I
        ),
        # "năm 2023 phấn đấu đạt 95%", "Đến năm 2025: 80% ...": a time is not the subject.
        time_lead_re=re.compile(
            r"[\s,:]*(?:(?:" + _alt(v["due_leads"] + v["year_words"]) + r")\s+)?"
            r"(?:19|20)\d{2}(?!\d)[\s,:]*",
            re.I,
        ),
        year_not_after_re=_ends_with(v["year_not_after"]),
        drop_re=re.compile(r"\s*(?:" + _alt(v["subject_drop_words"]) + r")\s+", re.I),
        subject_stop_re=re.compile(
            r"[.;:\n\t()]|\s(?:" + _alt(v["subject_stops"]) + r")(?![\w])", re.I
        ),
        subject_max_words=int(v["subject_max_words"]),
        trailing_re=re.compile(
            r"(?:[\s,;:\-–]+|\s+(?:" + _alt(v["trailing_words"]) + r")(?![\w]))+$", re.I
        ),
        trailing_last_re=re.compile(_alt([w.split()[-1] for w in v["trailing_words"]]), re.I),
        trailer_re=re.compile(
            r"\s*(?:[.;:,!?)\]\n\t\"'-]|$|(?:" + _alt(v["value_trailers"]) + r")(?![\w]))", re.I
        ),
        baseline_re=re.compile(r"(?<![\w])(?:" + _alt(v["baseline_leads"]) + r")\s+", re.I),
        baseline_stop_re=re.compile(
            r"[,;.\n()\t]|\s(?:" + _alt(v["baseline_stops"]) + r")(?![\w])|\s\d[\d.,]*\s?%", re.I
        ),
        due_re=re.compile(
            r"(?<![\w])(?:" + _alt(v["due_leads"]) + r")\s+(?:19|20)\d{2}(?!\d)", re.I
        ),
        ordinal_headers=frozenset(_key(w) for w in v["ordinal_headers"]),
        target_header_re=_word(v["target_headers"]),
        result_header_re=_word(v["result_headers"]),
        forecast_header_re=_word(v["forecast_headers"]),
        percent_header_re=re.compile(
            r"%|(?<![\w])(?:" + _alt([w for w in v["percent_headers"] if w != "%"]) + r")(?![\w])",
            re.I,
        ),
    )


# --- records under construction ------------------------------------------------------------


@dataclass(slots=True)
class _Zone:
    """A stretch of text read on its own: a paragraph, a list item or a table cell."""

    start: int
    end: int
    block: Block
    row: tuple[int, int] | None = None  # the table row of a cell (its due is in the row)
    header: str | None = None  # the column header of a cell
    index: int | None = None  # a paragraph's block (a hard wrap may split it off: _continued)
    sentence_starts: dict[int, int] = field(default_factory=dict)  # of _sentence_start


@dataclass(slots=True)
class _Value:
    num_start: int  # where the number (or its symbol) starts
    num_end: int  # after the number, its % and its range
    end: int  # after the counted noun (value-first) or the number
    value: float
    value_max: float | None
    unit: str | None
    comparator: str
    qualifier: str | None
    chain_start: int  # where the words before the number start (a colon included)
    lead_start: int  # where the qualifier words start (a value-first quote starts here)
    own_comparator: bool  # the comparator or qualifier is printed at this number
    subject_first: bool
    cue: bool  # some qualifier, "là", "tổng số" ... stands before the number
    subject: str | None = None
    quote_start: int = 0
    quote_end: int = 0
    kind: str = "target"


@dataclass(slots=True)
class _Ctx:
    doc: Document
    mt: str
    report: bool
    year: int | None  # the document's own year: a figure of an earlier year is a result
    sections: list[Section]
    by_id: dict[str, Section]
    block_starts: list[int]
    skip: list[tuple[int, int]]
    ref_spans: list[tuple[int, int]]
    deadlines: list[Deadline]
    num_starts: list[int] = field(default_factory=list)  # see _NUM_START_RE
    skip_starts: list[int] = field(default_factory=list)
    skip_reach: list[int] = field(default_factory=list)  # the furthest end up to each span
    chains: dict[int, list[Section]] = field(default_factory=dict)  # see _chain
    title_flags: dict[tuple[str, str], bool] = field(default_factory=dict)  # see _title_is
    deadline_starts: list[int] = field(default_factory=list)


def _unit_word(word: str) -> str:
    """``Thủ tục`` → ``thủ tục``; acronyms (``TTHC``, ``PAKN``) and ``Quyết định`` as printed."""
    word = re.sub(r"\s+", " ", word)
    return word if word.isupper() or _key(word) in _vocab().proper_units else word.lower()


def _pct(val: _Value) -> bool:
    return (val.unit or "").startswith("%")


def _to_float(text: str) -> float:
    """``2,5`` → 2.5; ``1.885`` → 1885; ``93.81`` → 93.81; ``02`` → 2."""
    if re.fullmatch(r"\d+(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


# --- entry point ---------------------------------------------------------------------------


def extract(
    doc: Document,
    info: DocumentInfo,
    sections: list[Section],
    legal_refs: list[LegalRef],
    deadlines: list[Deadline],
) -> list[Target]:
    """Every quantified goal (and in reports every stated result) of ``doc``.

    The spans of ``legal_refs`` and ``deadlines`` never yield a value; the deadlines give a
    target its ``due`` when one stands in the same sentence (or table row).
    """
    vocab = _vocab()
    if _key(info.doc_type or "") in vocab.legal_types:
        return []
    ctx = _Ctx(
        doc=doc,
        mt=match_text(doc.text),
        report=_key(info.doc_type or "") in vocab.report_types,
        year=info.period_start
        or (info.issue_date.year if info.issue_date else None)
        or info.header_year,
        sections=sections,
        by_id={s.section_id: s for s in sections},
        block_starts=[b.start for b in doc.blocks],
        skip=sorted(
            [(r.char_start, r.char_end) for r in legal_refs]
            + [(d.char_start, d.char_end) for d in deadlines]
        ),
        ref_spans=[(r.char_start, r.char_end) for r in legal_refs],
        deadlines=sorted(deadlines, key=lambda d: d.char_start),
    )
    ctx.num_starts = [m.start() for m in _NUM_START_RE.finditer(ctx.mt)]
    ctx.deadline_starts = [d.char_start for d in ctx.deadlines]
    ctx.skip_starts = [s for s, _ in ctx.skip]
    ctx.skip_reach = list(accumulate((e for _, e in ctx.skip), max))
    out: list[Target] = []
    for i, b in enumerate(doc.blocks):
        if b.kind in ("header", "signature", "recipients"):
            continue
        if b.rows is None:
            if not _has_number(ctx, b.start, b.end):
                continue
            z = _Zone(b.start, b.end, b, index=i)
            out.extend(_records(ctx, z, _text_values(ctx, z)))
        else:
            out.extend(_table(ctx, b))
    out.sort(key=lambda t: t.char_start)
    return out


# --- running text --------------------------------------------------------------------------


def _skipped(ctx: _Ctx, start: int, end: int) -> bool:
    """Does ``start..end`` overlap a span of the legal_refs or deadlines stage?"""
    i = bisect_left(ctx.skip_starts, end) - 1  # the spans starting before ``end``
    return i >= 0 and ctx.skip_reach[i] > start


def _has_number(ctx: _Ctx, start: int, end: int) -> bool:
    i = bisect_left(ctx.num_starts, start)
    return i < len(ctx.num_starts) and ctx.num_starts[i] < end


def _numbers(ctx: _Ctx, z: _Zone) -> Iterator[re.Match[str]]:
    """``_NUM_RE.finditer(ctx.mt, z.start, z.end)``, tried only where a number can start."""
    starts, mt = ctx.num_starts, ctx.mt
    pos = z.start
    for i in range(bisect_left(starts, z.start), bisect_left(starts, z.end)):
        if starts[i] < pos:
            continue
        m = _NUM_RE.match(mt, starts[i], z.end)
        if m is not None:
            pos = m.end()
            yield m


def _text_values(ctx: _Ctx, z: _Zone) -> list[_Value]:
    values: list[_Value] = []
    consumed = z.start
    for m in _numbers(ctx, z):
        if m.start() < consumed:
            continue  # the second number of a range
        val = _value_at(ctx, z, m, values)
        if val is not None:
            consumed = val.num_end
            values.append(val)
    for i, val in enumerate(values):
        _subject(
            ctx,
            z,
            val,
            values[i - 1] if i else None,
            values[i + 1] if i + 1 < len(values) else None,
        )
    _inherit(ctx, values)
    for val in values:
        val.kind = _kind(ctx, z, val) if z.header is None else _kind_of_column(ctx, z, val)
    values = [v for v in values if v.kind != "skip"]
    _trim_quotes(values)
    return values


def _value_at(ctx: _Ctx, z: _Zone, m: re.Match[str], prior: list[_Value]) -> _Value | None:
    """The value expression around the number ``m``, or None when it is not a quantity."""
    vocab, mt, text = _vocab(), ctx.mt, ctx.doc.text
    num, den = m.group("num"), m.group("den")
    if len(num) > 7 and num.isdigit():
        return None  # a phone or an account number ("162.056.800 đồng" is written with dots)
    if den is None and _CODE_TAIL_RE.match(mt, m.end(), z.end):
        return None  # a code: "QCVN 01-1:2018/BYT", "ISO 9001:2015"
    if _skipped(ctx, m.start(), m.end()):
        return None  # (checked again below on the whole value, which only grows the span)
    win = max(z.start, m.start() - 90)
    before = mt[win : m.start()]
    num_start, sym = m.start(), None
    sm = vocab.sym_before_re.search(before) if before.rstrip()[-1:] in vocab.symbol_ends else None
    if sm:
        sym, num_start, before = (
            vocab.symbols[sm.group("sym")],
            win + sm.start(),
            before[: sm.start()],
        )
    pct = vocab.pct_re.match(mt, m.end(), z.end)
    num_end = pct.end() if pct else m.end()
    value_max = None
    rm = vocab.range_re.match(mt, num_end, z.end)
    if (
        rm
        and den is None
        and not (_YEAR_RE.fullmatch(rm.group("num2")) and not pct)
        and _to_float(rm.group("num2")) > _to_float(num)
    ):  # "từ 50% đến 70%", "1-3 ngày" (not "2022-2023", not "5-3")
        value_max = _to_float(rm.group("num2"))
        pct = pct or (rm if rm.group("pct2") else None)
        num_end = rm.end()
    is_pct = pct is not None
    if _skipped(ctx, num_start, num_end):
        return None
    # --- what is counted: "%", a counted noun after the number, or (subject first) nothing
    unit: str | None = "%" if is_pct else None
    if is_pct and (rate := vocab.rate_re.match(mt, num_end, z.end)):
        unit, num_end = f"%/{_key(rate.group('per'))}", rate.end()  # "12%/năm"
    noun_end, duration = num_end, False
    if not is_pct:
        if vocab.label_re.search(before) and not vocab.count_lead_re.search(before):
            return None  # "mức độ 3", "giai đoạn 3", "Điều 19", "Quận 8"
        nm = vocab.noun_re.match(mt, num_end, z.end)
        if nm is None and den is None and vocab.open_count_re.search(before):
            # "không dưới 120 buổi tuyên truyền": a bound only a quantity takes; the word
            # after the number is what it counts, whatever the noun
            nm = vocab.any_noun_re.match(mt, num_end, z.end)
            if nm and _key(nm.group("noun")) in vocab.not_count:
                nm = None  # "tối thiểu 16 tuổi": an age
        if nm:
            unit = re.sub(r"\s+", " ", text[nm.start("noun") : nm.end("noun")])
            noun_end, duration = nm.end(), _key(unit) in vocab.durations
            rate = vocab.rate_re.match(mt, noun_end, z.end)
            if rate:
                unit, noun_end, duration = f"{unit}/{_key(rate.group('per'))}", rate.end(), False
        elif den is not None or _YEAR_RE.fullmatch(num):
            return None  # "16/4" is a date, "2022" a year
    # "từ 98% trở lên", and after a counted noun "từ 85 điểm trở lên"
    tail = noun_end if noun_end > num_end else num_end
    at_least = vocab.at_least_re.match(mt, tail, z.end)
    at_most = vocab.at_most_re.match(mt, tail, z.end)
    bound = (at_least or at_most) if value_max is None else None  # a range has no bound
    after_pos = num_end
    if bound is not None:
        if tail == num_end:
            after_pos = bound.end()
        else:
            noun_end = bound.end()
    # --- value first (the counted thing follows) or subject first (it stands before)
    # A unit of measure ("75 triệu đồng", "85 điểm") names no counted thing: the subject
    # stands before it when nothing follows ("GRDP bình quân đầu người đạt 75 triệu đồng.").
    measure = unit is not None and not is_pct and _key(unit.split("/")[0]) in vocab.measures
    if unit is None or is_pct:
        subject_first = bool(vocab.trailer_re.match(mt, after_pos, z.end))
    else:
        subject_first = measure and bool(vocab.trailer_re.match(mt, noun_end, z.end))
    if unit is None and not subject_first:
        # A bare number is read only as the value of a subject-first statement:
        # "... là 26", "... là: 20", "Số nhiệm vụ quá hạn 0".
        return None
    # --- the words before the number: comparator and qualifier
    chain_start = lead_start = num_start
    tokens: list[tuple[str, int, int]] = []
    dm = vocab.diff_re.search(before)
    if dm:  # "sớm hơn 20%": a difference, not a bound
        chain_start = lead_start = win + dm.start() + (len(dm.group()) - len(dm.group().lstrip()))
    else:
        cm = _chain_before(before)
        if cm:
            chain_start = win + cm.start("chain")
            for t in vocab.token_re.finditer(before, cm.start("chain"), cm.end("chain")):
                tokens.append((_key(t.group()), win + t.start(), win + t.end()))
            words = [t for t in tokens if t[0] != ":"]
            while words and words[0][0] in vocab.fillers:
                words = words[1:]  # "là 10 thủ tục": the quote starts at the number
            lead_start = words[0][1] if words else num_start
    comparator, quals = "=", []
    for key, a, b in tokens:
        if key in vocab.comparator_of:
            comparator = vocab.comparator_of[key]
            quals.append(text[a:b])
        elif key in vocab.intents:
            quals.append(text[a:b])
    froms = [text[a:b] for key, a, b in tokens if key in vocab.from_words]
    has_from = bool(froms)
    if value_max is not None:
        comparator = "="
    elif bound is not None:
        comparator = ">=" if at_least else "<="
        word = text[bound.start() : bound.end()].strip()
        quals.append(f"{froms[-1]} ... {word}" if froms else word)
    if sym and sm:
        comparator = sym
        quals.append(sm.group("sym"))
    own = bool(sym or quals or value_max is not None)
    if unit is None:
        head = _subject_span(ctx, z, chain_start, prior, openers=False)[:2]
        lead = tokens[-1][0] if tokens else None
        opener = vocab.opener_re.match(mt, head[0], head[1])
        # "Số PAKN được tiếp nhận: 49, trong đó, tháng trước chuyển sang: 20": a breakdown
        # goes on counting what the sentence's first figure counts.
        listing = bool(
            prior
            and prior[-1].subject_first
            and not _pct(prior[-1])
            and not _SENTENCE_END_RE.search(mt, prior[-1].num_end, chain_start)
        )
        if not (lead in vocab.bare_leads or opener):
            return None
        if not (opener or listing or vocab.noun_in_re.search(mt, head[0], head[1])):
            return None
    if duration and not (own or has_from):
        return None  # "Sơ kết 6 tháng", "04 tháng đầu năm": a period, not a quantity
    if (
        duration
        and len(tokens) == 1
        and tokens[0][0] in vocab.category_cmp
        and value_max is None
        and not (at_least or at_most)
        and not vocab.category_not_after_re.search(mt, win, tokens[0][1])
    ):
        return None  # "đào tạo dưới 03 tháng": a kind of training, not a bound
    return _Value(
        num_start=num_start,
        num_end=after_pos,
        end=max(noun_end, after_pos) if not subject_first or measure else after_pos,
        value=_to_float(num),
        value_max=value_max,
        unit=unit,
        comparator=comparator,
        qualifier=" ".join(quals) if quals else None,
        chain_start=chain_start,
        lead_start=lead_start,
        own_comparator=own,
        subject_first=subject_first,
        cue=bool(own or has_from or tokens or vocab.count_lead_re.search(before)),
    )


def _chain_before(before: str) -> re.Match[str] | None:
    """``chain_re.search(before)``, tried only when ``before`` ends with a colon or with the
    last word of a chain token (a chain runs to the end of the text)."""
    vocab = _vocab()
    last = before.rsplit(None, 1)[-1:]
    if not last or not (last[0].endswith(":") or vocab.chain_last_re.search(last[0])):
        return None
    return vocab.chain_re.search(before)


def _clause_start(ctx: _Ctx, z: _Zone, pos: int, prior: list[_Value]) -> int:
    """Where the clause holding ``pos`` starts: a sentence stop, ``;``, ``:``, ``(``, a line
    break, the value before it in the clause; a list label at the start is skipped."""
    mt = ctx.mt
    start = z.start
    for m in re.finditer(r"[.!?](?=\s)|[;(\n\t]|:(?!\d)|(?<!\d):", mt[z.start : pos]):
        if m.group() == "(" and mt.find(")", z.start + m.end(), pos) >= 0:
            continue  # "Tỷ lệ tăng trưởng (GRDP) đạt 7%": a closed aside is not a boundary
        start = z.start + m.end()
    if prior:
        # a unit of measure ends the value before ("đạt 345.600 con, tăng 2,5%"); a counted
        # noun begins what the next figure counts ("45/50 xã đạt chuẩn ..., chiếm 90%")
        after = prior[-1].end if prior[-1].subject_first else prior[-1].num_end
        if after <= pos:
            start = max(start, after)
    lm = _LABEL_START_RE.match(mt, start, pos)
    if lm:
        start = lm.end()
    while start < pos and mt[start].isspace():
        start += 1
    return start


def _subject_span(
    ctx: _Ctx, z: _Zone, end: int, prior: list[_Value], openers: bool = True
) -> tuple[int, int, int, list[str]]:
    """The subject standing before a subject-first value, where its quote starts, and the
    intent words among its leads.

    Lead words are left out of the subject (``Phấn đấu mức độ hài lòng ... đạt 100%`` →
    ``mức độ hài lòng ...``, intent ``Phấn đấu``) but kept in the quote; a clause that names
    its figure with an opener starts there (``Tính tới thời điểm báo cáo có tổng số thủ tục
    ... là 26`` → ``tổng số thủ tục ...``); a long clause keeps its last ``subject_max_words``
    words.
    """
    vocab, mt = _vocab(), ctx.mt
    quote_start = start = _clause_start(ctx, z, end, prior)
    intents: list[str] = []
    while True:
        m = vocab.lead_strip_re.match(mt, start, end) or vocab.time_lead_re.match(mt, start, end)
        if m is None or m.end() <= start:
            break
        word = ctx.doc.text[m.start() : m.end()].strip(" ,:\t\n")
        if _key(word) in vocab.intents:
            intents.append(word)
        start = m.end()
    om = vocab.opener_word_re.search(mt, start, end) if openers else None
    if om:
        start = quote_start = om.start()
    words = [w.start() for w in re.finditer(r"\S+", mt[start:end])]
    if len(words) > vocab.subject_max_words:
        start = start + words[-vocab.subject_max_words]
        quote_start = max(quote_start, start)
    return start, end, quote_start, intents


def _clean_subject(text: str) -> str | None:
    vocab = _vocab()
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–")
    while (m := vocab.drop_re.match(match_text(text))) is not None:
        text = text[m.end() :]
    words = text.split()
    if len(words) > vocab.subject_max_words:
        text = " ".join(words[: vocab.subject_max_words])
    text = text[: len(_strip_trailing(text))]
    return text.strip(" ,;:-–") or None


def _strip_trailing(text: str) -> str:
    """``... theo quy định, có`` → ``... theo quy định``: no trailing joiner or punctuation."""
    vocab, folded = _vocab(), match_text(text)
    if (
        folded
        and not (folded[-1].isspace() or folded[-1] in ",;:-–")
        and not vocab.trailing_last_re.fullmatch(folded.rsplit(None, 1)[-1])
    ):
        return text  # (nothing to strip unless it ends in a space, a mark or a trailing word)
    m = vocab.trailing_re.search(folded)
    return text[: m.start()] if m else text


def _subject(ctx: _Ctx, z: _Zone, val: _Value, prev: _Value | None, nxt: _Value | None) -> None:
    """The counted thing, read before (subject-first) or after (value-first) the number."""
    vocab, mt, text = _vocab(), ctx.mt, ctx.doc.text
    if val.subject_first:
        start, end, val.quote_start, intents = _subject_span(
            ctx, z, val.chain_start, [prev] if prev else []
        )
        val.subject = _clean_subject(text[start:end])
        if (
            prev is not None
            and len((val.subject or "").split()) < 2
            and not _SENTENCE_END_RE.search(mt, prev.end, val.chain_start)
        ):  # "1.245 hồ sơ (đạt 99,6%)", "đạt 85%, tăng 10%": the figure before it names it
            val.subject = prev.subject
        if intents:  # "Phấn đấu mức độ hài lòng ... đạt 100%" → "Phấn đấu đạt"
            val.qualifier = " ".join([*intents, *([val.qualifier] if val.qualifier else [])])
        val.quote_end = val.end
        if val.unit is None and val.subject:
            nm = vocab.noun_in_re.search(match_text(val.subject))
            if nm:
                val.unit = _unit_word(val.subject[nm.start() : nm.end()])
        if val.unit is None and prev is not None and not _pct(prev):
            val.unit = prev.unit
        return
    limit = min(z.end, nxt.lead_start if nxt and nxt.lead_start > val.end else z.end)
    aside = re.match(r"\s*\([^()]{0,40}\)", mt[val.end : limit])
    if aside:  # "100% (43/43) đơn vị trực thuộc": the aside repeats the figure
        val.end += aside.end()
    sm = vocab.subject_stop_re.search(mt, val.end, limit)
    stop = sm.start() if sm else limit
    words = list(re.finditer(r"\S+", text[val.end : stop]))
    if len(words) > vocab.subject_max_words:
        stop = val.end + words[vocab.subject_max_words - 1].end()
    counted = text[val.end : stop] if _pct(val) else text[val.num_end : stop]
    val.subject = _clean_subject(counted)
    val.quote_start = val.lead_start
    val.quote_end = val.end + len(text[val.end : stop].rstrip(" ,;:-–"))


def _inherit(ctx: _Ctx, values: list[_Value]) -> None:
    """``giảm tối thiểu 2,5% số lượng ... và 2% biên chế``: the second takes ``>=`` too."""
    vocab, mt = _vocab(), ctx.mt
    for prev, val in pairwise(values):
        if val.own_comparator or not (prev.qualifier or prev.comparator != "="):
            continue
        if _pct(prev) != _pct(val):
            continue
        between = mt[prev.end : val.chain_start]
        if _SENTENCE_END_RE.search(between) or not vocab.joiner_re.search(between):
            continue
        val.comparator, val.qualifier = prev.comparator, prev.qualifier


def _trim_quotes(values: list[_Value]) -> None:
    """Quotes of one zone never overlap: each ends before the next one's words begin."""
    for prev, val in pairwise(values):
        if prev.quote_end > val.lead_start:
            prev.quote_end = max(prev.end, val.lead_start)
        if val.quote_start < prev.quote_end:
            val.quote_start = min(max(prev.quote_end, val.quote_start), val.lead_start)


# --- target or result ----------------------------------------------------------------------


def _sentence_start(ctx: _Ctx, z: _Zone, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (asked for each value by its kind, due and
    baseline: found once)."""
    start = z.sentence_starts.get(pos)
    if start is None:
        start = z.sentence_starts[pos] = _find_sentence_start(ctx, z, pos)
    return start


def _find_sentence_start(ctx: _Ctx, z: _Zone, pos: int) -> int:
    start = z.start
    for m in _SENTENCE_END_RE.finditer(ctx.mt, z.start, pos):
        start = m.end()
    lo = _continued(ctx.doc, z.index) if start == z.start and z.index is not None else None
    if lo is not None:  # "Huyện đã hoàn thành" / "15/18 nhiệm vụ"
        end = len(ctx.mt[lo : z.start].rstrip()) + lo
        start = lo
        for m in _SENTENCE_END_RE.finditer(ctx.mt, lo, end):
            start = m.end()
    return start


_TERMINAL = ".;:!?…"


def _continued(doc: Document, i: int) -> int | None:
    """Where the sentence of block ``i`` starts when a hard wrap split it off the paragraph
    before (``Huyện đã hoàn thành`` / ``15/18 nhiệm vụ ...``): that paragraph's start."""
    if i == 0 or doc.blocks[i].kind != "paragraph":
        return None
    prev, text = doc.blocks[i - 1], doc.blocks[i].text
    tail = prev.text.rstrip()
    if prev.rows is not None or prev.kind not in ("paragraph", "list_item") or not tail:
        return None
    if tail[-1] in _TERMINAL or tail == tail.upper() or _LABEL_START_RE.match(text):
        return None
    return prev.start


def _sentence_end(ctx: _Ctx, z: _Zone, pos: int) -> int:
    m = _SENTENCE_END_RE.search(ctx.mt, pos, z.end)
    return m.start() if m else z.end


def _kind(ctx: _Ctx, z: _Zone, val: _Value) -> str:
    vocab, mt = _vocab(), ctx.mt
    s_start = _sentence_start(ctx, z, val.chain_start)
    before = mt[s_start : val.chain_start]
    if ctx.report and not _pct(val) and vocab.description_re.search(before):
        return "skip"  # "cơ cấu tổ chức ... gồm 01 Giám đốc": how an agency is made up
    if any(_title_is(ctx, s, "definition") for s in _chain(ctx, val.num_start)):
        return "skip"  # "Điều 2. Giải thích từ ngữ": a definition, not a goal
    if any(
        _key(t.group()) in vocab.target_markers or _key(t.group()) in vocab.planned
        for t in vocab.token_re.finditer(mt, val.chain_start, val.num_start)
    ):
        return "target"  # "năm 2023 phấn đấu đạt 95%", "(kế hoạch 3,5%)": a goal
    last = None
    for m in vocab.marker_re.finditer(before):
        if m.group("year") and (
            not (ctx.year and int(m.group("year")) < ctx.year)
            or vocab.year_not_after_re.search(before[: m.start()])
            or not _CLAUSE_OPEN_RE.search(before[: m.start()])
        ):
            # "năm 2023 phấn đấu ..." in a 2023 plan, "cao hơn năm 2022", "tại thời điểm
            # ngày 01 tháng 7 năm 2025": no marker; "Năm 2021, tỷ lệ ... đạt 92,5%" is one.
            continue
        if m.group("m") and _FIGURE_END_RE.search(before, 0, m.start()):
            continue  # "đạt 100% chỉ tiêu ... giao; 9/9 quận": the plan a figure is measured by
        last = m
    if last is not None:
        if last.group("due") or (last.group("m") and _key(last.group("m")) in vocab.target_markers):
            return "target"
        return "result"  # "đã", "hiện nay", or a year before the document's: "Năm 2022, ..."
    lead_zone = _LABEL_START_RE.match(mt, z.start, z.end)
    if vocab.paragraph_lead_re.match(mt, lead_zone.end() if lead_zone else z.start, z.end):
        return "target"
    if ctx.report:
        return "target" if _forward(ctx, val.num_start) else "result"
    if not _pct(val) and not val.cue and _in_parentheses(mt, s_start, val.num_start):
        return "skip"  # "(Nội dung chi tiết 8 nhiệm vụ trọng tâm theo phụ lục)": a note
    if _looks_back(ctx, val.num_start):
        return "result"  # "I. KẾT QUẢ THỰC HIỆN NĂM 2023" of a 2024 plan: what was done
    return "target"


# A number (and its %) right before a word: "100% chỉ tiêu", "101,4% kế hoạch".
_FIGURE_END_RE = re.compile(r"\d\s*%?\s*$")


def _in_parentheses(mt: str, lo: int, pos: int) -> bool:
    return mt.rfind("(", lo, pos) > mt.rfind(")", lo, pos)


def _looks_back(ctx: _Ctx, pos: int) -> bool:
    """In a plan: is ``pos`` in a section that tells what was done (``I. KẾT QUẢ THỰC HIỆN
    NĂM 2023``, ``1. Đánh giá chung``, ``I. TÌNH HÌNH ... NĂM 2023`` in a 2024 plan)?

    The value's own list item is not its section; walking out, the first title that opens
    with a looking-back lead, or holds a forward word, decides; a top-level title also
    looks back when it names only years before the document's own."""
    chain = _chain(ctx, pos)
    i = bisect_right(ctx.block_starts, pos) - 1
    if chain and i >= 0 and chain[0].char_start == ctx.block_starts[i]:
        chain = chain[1:]
    return bool(chain) and chain[0].looks_back


def _forward(ctx: _Ctx, pos: int) -> bool:
    """In a report: is ``pos`` in a forward-looking section (``PHƯƠNG HƯỚNG ... TIẾP THEO``)?"""
    # innermost first: the nearest telling title decides
    for sec in _chain(ctx, pos):
        if _title_is(ctx, sec, "result"):
            return False
        if _title_is(ctx, sec, "forward"):
            return True
    return False


def _chain(ctx: _Ctx, pos: int) -> list[Section]:
    """``section_chain`` at ``pos``, found once per position of the document."""
    chain = ctx.chains.get(pos)
    if chain is None:
        chain = ctx.chains[pos] = section_chain(ctx.sections, ctx.by_id, pos)
    return chain


def _title_is(ctx: _Ctx, sec: Section, what: str) -> bool:
    """Does the title of ``sec`` name a ``definition``, ``result`` or ``forward`` section?
    (each title is read once per document)"""
    flag = ctx.title_flags.get((sec.section_id, what))
    if flag is None:
        vocab = _vocab()
        rx = {
            "definition": vocab.definition_section_re,
            "result": vocab.result_section_re,
            "forward": vocab.forward_re,
        }[what]
        flag = ctx.title_flags[sec.section_id, what] = bool(rx.search(match_text(sec.title)))
    return flag


# --- tables --------------------------------------------------------------------------------

_NUMERIC_CELL_RE = re.compile(r"^\s*(?:[<>≥≤]=?\s*)?(?:" + _NUM + r")\s*%?\s*$")


def _numeric_only(mt: str, z: _Zone) -> bool:
    return bool(_NUMERIC_CELL_RE.match(mt[z.start : z.end]))


def _table(ctx: _Ctx, b: Block) -> list[Target]:
    vocab, mt = _vocab(), ctx.mt
    rows = b.rows or []
    ordinal: set[int] = set()
    for row in rows[:3]:
        for ci, c in enumerate(row):
            if _key(c.text).strip(".") in vocab.ordinal_headers:
                ordinal.add(ci)
    if not ordinal:
        ordinal.add(0)

    def numeric(ci: int, c) -> bool:
        return (
            ci not in ordinal
            and bool(_NUMERIC_CELL_RE.match(mt[c.start : c.end]))
            and c.end > c.start
        )

    first_data = next(
        (ri for ri, row in enumerate(rows) if any(numeric(ci, c) for ci, c in enumerate(row))),
        len(rows),
    )
    header_rows = rows[: min(first_data, 4)]
    out: list[Target] = []
    for ri, row in enumerate(rows):
        if not row:
            continue
        row_span = (row[0].start, row[-1].end)
        for ci, c in enumerate(row):
            if c.end <= c.start:
                continue
            header = _column_header(header_rows, ci) if ri >= first_data else ""
            z = _Zone(c.start, c.end, b, row=row_span, header=header if ri >= first_data else None)
            if ri >= first_data and numeric(ci, c):
                label = "; ".join(
                    x.text.strip()
                    for cj, x in enumerate(row)
                    if cj not in ordinal and not numeric(cj, x) and x.text.strip()
                )
                out.extend(_numeric_cell(ctx, z, header, label))
            elif ri < first_data < len(rows):
                continue  # a header cell of a table of figures: "... cần đạt được 8 tháng ..."
            elif ci not in ordinal or not _numeric_only(mt, z):
                out.extend(_records(ctx, z, _text_values(ctx, z)))
    return out


def _column_header(header_rows: list, ci: int) -> str:
    """The header of column ``ci``; an empty cell of a group row takes the group on its left."""
    parts: list[str] = []
    for hi, row in enumerate(header_rows):
        text = row[ci].text.strip() if ci < len(row) else ""
        if not text and hi < len(header_rows) - 1:
            for cj in range(min(ci, len(row) - 1), -1, -1):
                if row[cj].text.strip():
                    text = row[cj].text.strip()
                    break
        if text and text not in parts:
            parts.append(text)
    return " ".join(parts)


def _kind_of_column(ctx: _Ctx, z: _Zone, val: _Value) -> str:
    vocab = _vocab()
    header = match_text(z.header or "")
    if vocab.target_header_re.search(header):
        return "target"
    if vocab.forecast_header_re.search(header):
        return "skip"
    if vocab.result_header_re.search(header):
        return "result"
    return _kind(ctx, z, val)


def _numeric_cell(ctx: _Ctx, z: _Zone, header: str, label: str) -> list[Target]:
    vocab, mt, text = _vocab(), ctx.mt, ctx.doc.text
    m = _NUM_RE.search(mt, z.start, z.end)
    if m is None or _skipped(ctx, m.start(), m.end()):
        return []
    cell = text[z.start : z.end]
    lead = len(cell) - len(cell.lstrip())
    q_start, q_end = z.start + lead, z.start + len(cell.rstrip())
    sm = re.match(r"\s*([<>≥≤]=?)", cell)
    hm = match_text(header)
    unit = None
    if "%" in cell or vocab.percent_header_re.search(hm):
        unit = "%"
    else:
        expanded = hm
        if vocab.abbrev_re is not None:
            expanded = vocab.abbrev_re.sub(lambda a: vocab.abbreviations[a.group()], hm)
        nm = vocab.noun_in_re.search(expanded)
        unit = _unit_word(nm.group("noun")) if nm else None
    val = _Value(
        num_start=q_start,
        num_end=q_end,
        end=q_end,
        value=_to_float(m.group("num")),
        value_max=None,
        unit=unit,
        comparator=vocab.symbols.get(sm.group(1), "=") if sm else "=",
        qualifier=sm.group(1) if sm else None,
        chain_start=q_start,
        lead_start=q_start,
        own_comparator=bool(sm),
        subject_first=True,
        cue=True,
        subject=re.sub(r"\s+", " ", f"{header} ({label})" if label else header).strip() or None,
        quote_start=q_start,
        quote_end=q_end,
    )
    val.kind = _kind_of_column(ctx, z, val)
    if val.kind == "skip":
        return []
    return _records(ctx, z, [val])


# --- records -------------------------------------------------------------------------------


def _records(ctx: _Ctx, z: _Zone, values: list[_Value]) -> list[Target]:
    doc = ctx.doc
    out = []
    for val in values:
        start, end = val.quote_start, val.quote_end
        if end <= start:
            start, end = val.num_start, val.end
        while start < end and not doc.text[start].isalnum() and doc.text[start] not in "<>≥≤(":
            start += 1
        end = start + len(_strip_trailing(doc.text[start:end]))
        sec = _category(ctx, start)
        if val.subject is None and sec is not None and z.end - z.start <= 2 * (end - start):
            # A value alone in its cell or line ("≥98%" under "2.4. Tỷ lệ hộ ... sử dụng
            # điện"): the criterion it belongs to is its section.
            val.subject = sec.title or None
        out.append(
            Target(
                target_id=f"{doc.doc_id}:tg:{start}",
                value=val.value,
                value_max=val.value_max,
                unit=val.unit,
                comparator=val.comparator,
                qualifier=val.qualifier,
                subject=val.subject,
                due=_due(ctx, z, val),
                kind=val.kind,
                quote=doc.text[start:end],
                char_start=start,
                char_end=end,
                page=doc.page_at(start),
                section_id=sec.section_id if sec else None,
                section_title=sec.title if sec else None,
                baseline=_baseline(ctx, z, val),
            )
        )
    return out


def _category(ctx: _Ctx, pos: int) -> Section | None:
    """The enclosing section, not the list item that holds the value itself."""
    sec = section_at(ctx.sections, pos)
    i = bisect_right(ctx.block_starts, pos) - 1
    block_start = ctx.block_starts[i] if i >= 0 else None
    while sec is not None and sec.char_start == block_start and sec.parent_id:
        sec = ctx.by_id.get(sec.parent_id)
    return sec


def _due(ctx: _Ctx, z: _Zone, val: _Value) -> str | None:
    """When the value is due: a dated deadline (or ``đến năm 2025``, ``hết năm 2022``) in its
    clause, else its sentence (a table row for a cell), the nearest one; never a date inside
    a cited document's title."""
    vocab, mt = _vocab(), ctx.mt
    if z.row:
        scopes = [z.row]
    else:
        s_lo = _sentence_start(ctx, z, val.chain_start)
        s_hi = _sentence_end(ctx, z, val.end)
        c_lo = mt.rfind(";", s_lo, val.chain_start) + 1 or s_lo
        semi = mt.find(";", val.end, s_hi)
        scopes = [(c_lo, semi if semi >= 0 else s_hi), (s_lo, s_hi)]
    for lo, hi in scopes:
        found = [
            (d.char_start, d.char_end, d.quote)
            for d in ctx.deadlines[
                bisect_left(ctx.deadline_starts, lo) : bisect_right(ctx.deadline_starts, hi)
            ]
            if d.kind in _DATED_KINDS and d.char_end <= hi
        ]
        if _has_year(ctx, lo, hi):
            found += [
                (m.start(), m.end(), ctx.doc.text[m.start() : m.end()])
                for m in vocab.due_re.finditer(mt, lo, hi)
                if not any(a < m.end() and m.start() < b for a, b in ctx.ref_spans)
            ]
        if found:
            return min(found, key=lambda f: abs(f[0] - val.num_start))[2]
    return None


def _has_year(ctx: _Ctx, lo: int, hi: int) -> bool:
    """Is a number that reads as a year (``19xx``, ``20xx``) within ``lo..hi``? (``due_re``
    needs one, and its year always starts one of ``ctx.num_starts``)"""
    starts = ctx.num_starts
    return any(
        ctx.mt.startswith(("19", "20"), starts[i])
        for i in range(bisect_left(starts, lo), bisect_left(starts, hi - 3))
    )


def _baseline(ctx: _Ctx, z: _Zone, val: _Value) -> str | None:
    """``so với năm 2021`` in the value's sentence → ``năm 2021``."""
    vocab, mt = _vocab(), ctx.mt
    lo = _sentence_start(ctx, z, val.chain_start)
    hi = _sentence_end(ctx, z, val.end)
    m = vocab.baseline_re.search(mt, lo, hi)
    if not m:
        return None
    stop = vocab.baseline_stop_re.search(mt, m.end(), hi)
    end = stop.start() if stop else hi
    text = re.sub(r"\s+", " ", ctx.doc.text[m.end() : end]).strip(" ,;:")
    return text or None
