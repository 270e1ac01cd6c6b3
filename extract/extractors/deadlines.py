"""Deadlines: every expression of when a task is due, normalized to dates or an RRULE.

Forms handled (all seen in received plans; the words live in ``patterns/deadlines.yaml``):
- dates: ``Trước ngày 21/02/2022`` / ``Trước 10/01/2022`` (before, end 2022-02-21),
  ``vào ngày 15 tháng 6 năm 2022`` (date), ``từ ngày 16/12/2021 đến 16/4/2022`` (range);
  a date without a year (``trước ngày 20/12``) takes the year of the document's period;
- quarters: ``Quý III/2022`` (2022-07-01..2022-09-30), ``Quý I/năm 2022``, ``Quý II, IV/2022``
  (two deadlines on one span), ``Trước quý III/2022`` (before, end 2022-06-30);
- months: ``Tháng 6/2022``, ``Tháng 11, 12/2013`` (two), ``Tháng 6-8/2022`` (range),
  ``Từ tháng 6/2022`` / ``Từ tháng 11/2013 trở đi`` (range with a start only);
- halves and years: ``6 tháng đầu năm 2022``, ``Năm 2022``, ``Cả năm 2022``, ``trong năm 2013``,
  ``cuối năm 2023`` / ``hết năm 2022`` / ``mục tiêu đến năm 2025`` (before, end of the year),
  ``Từ năm 2013 đến năm 2020 và tiếp theo``, ``từ nay đến năm 2015`` (range from the issue date),
  ``trong giai đoạn 2020-2025``, ``(Giai đoạn 2: 2022-2023)``, ``Năm 2022-2023, tập trung ...``;
- recurring (RFC 5545 RRULE in ``recurrence``): ``Hàng quý`` (FREQ=MONTHLY;INTERVAL=3),
  ``định kỳ hàng tháng, quý, năm`` (three), ``báo cáo quý, 6 tháng và hàng năm``,
  ``trước ngày 15 của tháng cuối quý`` (FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15),
  ``báo cáo năm trước ngày 20/12``, ``gửi trước ngày 05/3, 05/6, 05/9, 05/12 định kỳ hàng năm``,
  ``định kỳ hằng năm trước ngày 10/12``, counted intervals ``định kỳ 03 tháng/lần``, ``cứ 2
  tuần một lần`` (FREQ=WEEKLY;INTERVAL=2); a rule with a day carries its first occurrence in
  the document's period as its date; a report named by its period (``báo cáo năm``) is no
  rule of its own when its time follows in its clause (``báo cáo năm trước ngày
  25/11/2024``) or stands in its table row's time cell (``Sơ kết 6 tháng thực hiện ...``);
- ``Thường xuyên`` (ongoing), ``khi có yêu cầu của UBND ...`` / ``theo yêu cầu`` (on_request),
  ``Theo lịch của UBND tỉnh`` (schedule);
- a table cell with two deadlines (``Tháng 6/2022 Tháng 7-12/2022``) gives two rows.

Where: a table column headed ``Thời gian thực hiện`` (or a continuation table with as many
columns) and the text after a ``Thời gian thực hiện:`` label are read as times outright.
Running text needs a cue: a word before the date (``trước``, ``trong``, ``từ`` ...), the
start of a clause (``Năm 2023, Sở ...``), or for ``thường xuyên`` the place of an adverb of
the task verb.

A paragraph a hard wrap split off the one before keeps the word before its first date
(``... hoàn thành trước`` / ``30/6/2024``).

Not deadlines: the running text of a plan's sections that look back (``I. KẾT QUẢ THỰC HIỆN NĂM
2023``, ``1. Đánh giá chung``), dates inside legal references (issue dates of cited documents),
the administrative header (the document's own date line), the title, names of programmes (``giai
đoạn 2021-2030``, ``... đến năm 2020 và những năm tiếp theo``, names in quotes), history (``từ
năm 2019 đến nay``, a year before the document's period), comparisons (``so với năm 2021``), and
in a report the habits it describes (``thường xuyên cập nhật``).

dateparser is not used: once a date string is isolated, ``d/m/yyyy`` and
``ngày d tháng m năm yyyy`` are read exactly by the patterns here, and dateparser's search
does not know quarters (``Quý III/2022``) and reads ``98%`` as a date in 1998.
"""

from __future__ import annotations

import calendar
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from itertools import accumulate

from .. import patterns
from ..model import Deadline, Document, DocumentInfo, LegalRef, Section
from ..normalize import anchored_finditer, finditer_at, lower_text, lowered, match_text, overlapping
from ..patterns import alternation as _alt
from ..patterns import word_re as _word
from ..structure import section_at, section_chain

_YEAR = r"(?:19|20)\d{2}(?!\d)"
# A day/month pair: "21/02", "05/3"; with a year "21/02/2022", "21.02.2022", "21-02-2022".
_DMY = (
    r"(?<![\d/.])(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>"
    + _YEAR
    + r")"
    r"|(?<![\d/.])(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})(?![\d/]|[.,]\d)"
)
_DMY_NC = (
    r"(?<![\d/.])\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*"
    + _YEAR
    + r"|(?<![\d/.])\d{1,2}\s*/\s*\d{1,2}(?![\d/]|[.,]\d)"
)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", match_text(text)).lower()


@dataclass(slots=True)
class _Vocab:
    roman: dict[str, int]
    periods: dict[str, str]  # folded period word -> RRULE
    prefix_kind: dict[str, str]  # folded prefix word -> before | end_of | until | from | ...
    prefix_re: _Tail
    atoms: list[tuple[str, re.Pattern[str]]]
    atom_leads: dict[str, re.Pattern[str]]  # atom name -> its opening word, on the lowered text
    trigger_re: re.Pattern[str]  # every word of _TRIGGERS, on the lowered text
    trigger_kinds: dict[str, frozenset[str]]  # a matched trigger word -> the searches it opens
    date_item_re: re.Pattern[str]
    list_sep_re: re.Pattern[str]
    half_first_re: re.Pattern[str]
    qfirst_re: re.Pattern[str]
    year_word_re: re.Pattern[str]
    period_word_re: re.Pattern[str]
    ends_clause_re: re.Pattern[str]
    yearly_tail_re: re.Pattern[str]
    yearly_head_re: re.Pattern[str]
    interval_re: re.Pattern[str]
    interval_lead_re: _Tail
    interval_units: dict[str, tuple[str, int]]
    onward_re: re.Pattern[str]
    name_tail_re: re.Pattern[str]
    history_tail_re: re.Pattern[str]
    comparison_re: _Tail
    as_of_re: _Tail
    target_lead_re: _Tail
    duration_re: _Tail
    task_lead_re: _Tail
    report_before_re: _Tail
    every_re: re.Pattern[str]
    report_re: re.Pattern[str]
    counted_re: re.Pattern[str]
    period_item_re: re.Pattern[str]
    ongoing_re: re.Pattern[str]
    ongoing_cell_re: re.Pattern[str]
    opener_re: _Tail
    after_verb_re: _Tail
    not_before_re: re.Pattern[str]
    verb_follow_re: re.Pattern[str]
    periodic_re: re.Pattern[str]
    coordinated_re: re.Pattern[str]
    time_before_re: re.Pattern[str]
    on_request_re: re.Pattern[str]
    as_requested_re: re.Pattern[str]
    as_requested_ok_re: re.Pattern[str]
    on_request_cell_re: re.Pattern[str]
    schedule_re: re.Pattern[str]
    schedule_cell_re: re.Pattern[str]
    schedule_neg_re: _Tail
    of_re: re.Pattern[str]
    time_label_re: re.Pattern[str]
    time_header_re: re.Pattern[str]
    skip_kinds: frozenset[str]
    descriptive_types: frozenset[str]
    forward_re: re.Pattern[str]
    place_re: _Tail
    lunar_re: re.Pattern[str]
    edition_re: re.Pattern[str]
    basis_re: re.Pattern[str]
    clock_re: re.Pattern[str]
    event_re: _Tail


@dataclass(frozen=True, slots=True)
class _Tail:
    """A pattern that matches at the end of a text window, ending with one of some words and
    spaces (``... so với``). Most windows do not end with any of their last words, which a
    string test tells much faster than the pattern's search, which tries every position."""

    rx: re.Pattern[str]
    last_words: tuple[str, ...]  # lowered (see normalize.lowered)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        if not lowered(text[pos:endpos]).rstrip().endswith(self.last_words):
            return None
        return self.rx.search(text, pos, endpos)


def _tail(pattern: str, words: list[str]) -> _Tail:
    """``pattern``, which ends with one of ``words`` and ``\\s*$``, as a _Tail."""
    last = {lowered(patterns.folded(w)).split()[-1] for w in words}
    return _Tail(re.compile(pattern, re.I), tuple(sorted(last)))


def _ends_with(words: list[str], before: str = r"[\s(]") -> _Tail:
    """``... <word>`` at the end of a text window (the words right before a match)."""
    return _tail(r"(?:^|(?<=" + before + r"))(?:" + _alt(words) + r")\s*$", words)


# --- finding where to look, once per document ------------------------------------------------
# The patterns here are case-insensitive and most open with a look-behind, which Python's re
# tries at every position of the text: searching each zone with each of them is most of the
# cost. A lowered copy of the document, searched case-sensitively for the words a pattern
# cannot match without, tells in one fast pass where a pattern may match at all.


def _lowered_alt(words: list[str]) -> str:
    """The alternation of ``words`` to search in lowered text."""
    return patterns.alternation([lowered(patterns.folded(w)) for w in words])


# The searches of a zone (see _recurrences, _ongoing, _requests) that need a word: each runs
# only in the zones where one of its words occurs.
_TRIGGERS = {
    "every": ("every_words", "periodic_words"),
    "periodic": ("periodic_words",),
    "counted": ("counted_periods",),
    "report": ("report_nouns",),
    "ongoing": ("ongoing_words",),
    "ongoing_cell": ("ongoing_cell_words",),
    "on_request": ("on_request_words",),
    "as_requested": ("as_requested_words",),
    "schedule": ("schedule_words",),
    "schedule_cell": ("schedule_cell_words",),
    "on_request_cell": ("on_request_cell_words",),
}


def _trigger_kinds(v: dict) -> dict[str, frozenset[str]]:
    """Matched trigger word (spaces collapsed) -> the searches it opens. The alternation
    takes the longest word at a position; every shorter word that also matches there is a
    prefix of it, so the word opens the searches of all its prefixes."""
    kinds: dict[str, set[str]] = {}
    for kind, keys in _TRIGGERS.items():
        for w in (w for k in keys for w in v[k]):
            kinds.setdefault(" ".join(lowered(patterns.folded(w)).split()), set()).add(kind)
    return {
        w: frozenset(k for p, ks in kinds.items() if w.startswith(p) for k in ks) for w in kinds
    }


@cache
def _vocab() -> _Vocab:
    v = patterns.load("deadlines")
    day, month = _alt(v["day_words"]), _alt(v["month_words"])
    quarter, year_w = _alt(v["quarter_words"]), _alt(v["year_words"])
    roman = {k.upper(): int(n) for k, n in v["roman_numerals"].items()}
    rom = r"(?:" + "|".join(sorted(roman, key=len, reverse=True)) + r"|[1-4])(?![\w])"
    joiners = _alt(v["list_joiners"])
    lsep = r"(?:\s*,\s*|\s+(?:" + joiners + r")\s+)"
    rsep = r"\s*-\s*"
    ytail = rf"(?:\s*/\s*(?:(?:{year_w})\s*)?|\s+(?:{year_w})\s+)(?P<y>{_YEAR})"
    qend, qfirst = _alt(v["quarter_end_month"]), _alt(v["quarter_first_month"])
    every, periodic = _alt(v["every_words"]), _alt(v["periodic_words"])
    clock = (
        rf"(?<![\w/.:])\d{{1,2}}\s*(?:{_alt(v['clock_hour_words'])})"
        rf"(?:\s*\d{{2}}(?:\s*(?:{_alt(v['clock_minute_words'])}))?)?(?![\w])"
    )
    period = _alt(list(v["periods"]))
    # "báo cáo quý I" names one report, "tổng kết năm học" a school year and "sơ kết 6 tháng
    # đầu năm" one half-year: not a recurrence.
    not_after = v["period_not_before"] + v["half_year_first"] + v["half_year_second"]
    guard = rf"(?![\w/])(?!\s*\d)(?!\s*{rom})(?!\s+(?:{_alt(not_after)})(?![\w]))"
    plist = rf"(?:{period}){guard}(?:{lsep}(?:(?:{every})\s+)?(?:{period}){guard})*"
    counted = _alt(v["counted_periods"])
    ongoing = _alt(v["ongoing_words"])
    whole, phase_w = _alt(v["whole_year_words"]), _alt(v["period_words"])
    # The words each atom opens with, before a space ("dates" and "year" may also open with
    # their first digit: see _anchored).
    leads = {
        "qday": ["day_words"],
        "mday": ["day_words"],
        "date_words": ["day_words"],
        "dates": ["day_words"],
        "half": ["half_year_counts"],
        "quarter": ["quarter_words"],
        "month": ["month_words"],
        "year": ["whole_year_words", "year_words", "period_words"],
    }
    atoms = [
        ("qday", rf"(?:{day})\s+(?P<d>\d{{1,2}})\s+(?P<which>{qend}|{qfirst})(?![\w])"),
        ("mday", rf"(?:{day})\s+(?P<d>\d{{1,2}})\s+(?:{every})\s+(?:{month})(?![\w])"),
        (
            "date_words",
            rf"(?:{day})\s+(?P<d>\d{{1,2}})\s+(?:{month})\s+(?P<m>\d{{1,2}})(?!\d)"
            rf"(?:\s*,?\s*(?:{year_w})\s+(?P<y>{_YEAR})|\s+(?P<next>{_alt(v['next_year_words'])}))?",
        ),
        ("dates", rf"(?:(?:{day})\s+)?(?:{_DMY_NC})(?:{lsep}(?:(?:{day})\s+)?(?:{_DMY_NC}))*"),
        (
            "half",
            rf"(?P<n>{_alt(v['half_year_counts'])})\s+(?:{month})\s+"
            rf"(?P<which>{_alt(v['half_year_first'])}|{_alt(v['half_year_second'])})"
            rf"(?:\s+(?P<y>{_YEAR}))?",
        ),
        (
            "quarter",
            rf"(?<![\w])(?:{quarter})\s+(?P<qs>{rom}(?:(?:{lsep}|{rsep})(?:(?:{quarter})\s+)?{rom})*)"
            rf"(?:{ytail})?",
        ),
        (
            "month",
            rf"(?<![\w])(?:{month})\s+(?P<ms>\d{{1,2}}(?!\d)(?:(?:{lsep}|{rsep})(?:(?:{month})\s+)?"
            rf"\d{{1,2}}(?!\d))*)(?:{ytail})?(?!\d)",
        ),
        (
            "year",
            rf"(?<![\d/:.,\-])(?P<yw>(?:(?:{whole})\s+)?(?:{year_w})\s+"
            rf"|(?:{phase_w})\s+(?:(?P<phase>\d{{1,2}})\s*:\s*)?(?:(?:{year_w})\s+)?)?"
            rf"(?P<y1>{_YEAR})(?:\s*-\s*(?:(?:{year_w})\s+)?(?P<y2>{_YEAR}))?(?![\d/])",
        ),
    ]
    prefix_kind: dict[str, str] = {}
    for kind, key in (
        ("in", "in_words"),
        ("from", "from_words"),
        ("until", "until_words"),
        ("end_of", "end_of_words"),
        ("before", "before_words"),
        ("from_now", "from_now_words"),
    ):
        prefix_kind.update({_key(w): kind for w in v[key]})
    followers = _alt(v["as_requested_followers"])
    units = {_key(k): (str(f), int(n)) for k, (f, n) in v["interval_units"].items()}
    unit = _alt(list(units))
    itail = _alt(v["interval_tails"])
    return _Vocab(
        roman=roman,
        periods={_key(k): val for k, val in v["periods"].items()},
        prefix_kind=prefix_kind,
        prefix_re=_tail(
            r"(?:^|(?<=[\s(\t\n,;:]))(?P<w>" + _alt(list(prefix_kind)) + r")\s*$",
            list(prefix_kind),
        ),
        atoms=[(name, re.compile(rx, re.I)) for name, rx in atoms],
        atom_leads={
            name: re.compile(rf"(?:{_lowered_alt([w for k in keys for w in v[k]])})\s")
            for name, keys in leads.items()
        },
        trigger_re=re.compile(
            _lowered_alt([w for keys in _TRIGGERS.values() for k in keys for w in v[k]])
        ),
        trigger_kinds=_trigger_kinds(v),
        date_item_re=re.compile(_DMY, re.I),
        list_sep_re=re.compile(lsep, re.I),
        half_first_re=re.compile(_alt(v["half_year_first"]), re.I),
        qfirst_re=re.compile(qfirst, re.I),
        year_word_re=re.compile(rf"(?:(?:{whole})\s+)?(?:{year_w})\s", re.I),
        period_word_re=re.compile(phase_w, re.I),
        ends_clause_re=re.compile(rf"\s*(?:[,;:.)]|$|(?:{joiners})\s)", re.I),
        yearly_tail_re=re.compile(
            rf"\s*,?\s*(?:(?:{periodic})\s+)?(?:{every})\s+(?:{year_w})(?![\w])", re.I
        ),
        yearly_head_re=re.compile(
            rf"(?<![\w])(?:(?:{periodic})\s+)?(?:{every})\s+(?:{year_w})\s*,?\s*$", re.I
        ),
        # digits first, no look-behind: re scans for the digit fast (the word start is
        # checked on each match)
        interval_re=re.compile(
            rf"(?P<n>\d{{1,2}})(?!\d)\s+(?P<u>{unit})(?![\w])(?:\s*(?P<tail>{itail})(?![\w]))?",
            re.I,
        ),
        interval_lead_re=_ends_with(v["interval_leads"]),
        interval_units=units,
        onward_re=re.compile(r"\s*(?:" + _alt(v["onward_words"]) + r")(?![\w])", re.I),
        name_tail_re=re.compile(r"\s*,?\s*(?:" + _alt(v["name_tails"]) + r")(?![\w])", re.I),
        history_tail_re=re.compile(r"\s*,?\s*(?:" + _alt(v["history_tails"]) + r")(?![\w])", re.I),
        comparison_re=_ends_with(v["comparison_leads"]),
        as_of_re=_ends_with(v["as_of_leads"]),
        target_lead_re=_ends_with(v["target_leads"]),
        duration_re=_tail(rf"\d+\s+(?:{month})\s*$", v["month_words"]),
        task_lead_re=_ends_with(v["task_period_leads"], r"[\s(,]"),
        report_before_re=_tail(
            rf"(?:^|(?<=[\s(,;]))(?P<noun>{_alt(v['report_nouns'])})\s+(?P<p>{period})\s*$",
            list(v["periods"]),
        ),
        every_re=re.compile(
            rf"(?:(?<![\w])(?P<og>{ongoing})\s+)?(?<![\w])"
            rf"(?:(?:{periodic})\s+(?:(?:{every})\s+)?|(?:{every})\s+)(?P<ps>{plist})",
            re.I,
        ),
        report_re=re.compile(rf"(?<![\w])(?:{_alt(v['report_nouns'])})\s+(?P<ps>{plist})", re.I),
        counted_re=re.compile(
            rf"(?<![\w/.\-])(?P<ps>(?:{counted}){guard}(?:{lsep}(?:(?:{every})\s+)?(?:{period}){guard})*)",
            re.I,
        ),
        period_item_re=re.compile(rf"(?:(?:{every})\s+)?(?P<p>{period})", re.I),
        ongoing_re=_word(v["ongoing_words"]),
        ongoing_cell_re=_word(v["ongoing_cell_words"]),
        opener_re=_ends_with(v["ongoing_openers"]),
        after_verb_re=_ends_with(v["ongoing_after_verbs"]),
        not_before_re=re.compile(r"\s*(?:" + _alt(v["ongoing_not_before"]) + r")(?![\w])", re.I),
        verb_follow_re=re.compile(
            rf"\s*(?:[,.;:)]|$|(?:{joiners})\s|(?:{periodic}|{every})\s)", re.I
        ),
        periodic_re=_word(v["periodic_words"]),
        coordinated_re=re.compile(r"(?:,|\s(?:" + joiners + r"))\s*$", re.I),
        time_before_re=re.compile(rf"(?:{ongoing}|(?:{every})\s+(?:{period})|{counted})\s*$", re.I),
        on_request_re=_word(v["on_request_words"]),
        as_requested_re=_word(v["as_requested_words"]),
        as_requested_ok_re=re.compile(
            rf"\s*(?:$|[.;:)\n\t]|,\s*(?:{followers})(?![\w])"
            rf"|\s(?:{followers})\s+(?:[A-ZĐÀ-Ỹ]|(?:{_alt(v['requesters'])})(?![\w])))"
        ),
        on_request_cell_re=_word(v["on_request_cell_words"]),
        schedule_re=_word(v["schedule_words"]),
        schedule_cell_re=_word(v["schedule_cell_words"]),
        schedule_neg_re=_ends_with(v["schedule_negations"]),
        of_re=re.compile(r"\s+(?:" + _alt(v["of_words"]) + r")\s+\S", re.I),
        time_label_re=re.compile(r"(?<![\w])(?:" + _alt(v["time_labels"]) + r")\s*:", re.I),
        time_header_re=re.compile(r"^\s*(?:" + _alt(v["time_labels"]) + r")(?![\w])", re.I),
        skip_kinds=frozenset(v["skip_block_kinds"]),
        descriptive_types=frozenset(_key(t) for t in v["descriptive_doc_types"]),
        forward_re=_word(v["forward_section_words"]),
        place_re=_ends_with(v["place_name_leads"]),
        lunar_re=re.compile(
            rf"\s*(?:(?:{_alt(v['lunar_words'])})(?![\w])|(?:{year_w})\s+"
            rf"(?:{_alt(v['lunar_year_stems'])})\s+(?:{_alt(v['lunar_year_branches'])})(?![\w]))",
            re.I,
        ),
        edition_re=re.compile(
            rf"(?<![\w])(?:{_alt(v['edition_words'])})\s+[\w]+\s*[-–,:]?\s*$", re.I
        ),
        event_re=_ends_with(v["event_verbs"]),
        basis_re=re.compile(rf"\s*(?:{_alt(v['basis_openers'])})(?![\w])", re.I),
        # "21h00", "7h30", "16 giờ 30 phút", optionally "từ 00h00 đến 00h15", before a day
        clock_re=re.compile(
            rf"(?:(?<![\w])(?P<from>{_alt(v['from_words'])})\s+)?{clock}"
            rf"(?P<to>\s*(?:-|(?:{_alt(v['range_joiners'])})\s)\s*{clock})?\s*,?\s*$",
            re.I,
        ),
    )


# --- records under construction ------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    kind: str
    start: date | None = None
    end: date | None = None
    rrule: str | None = None


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    items: list[_Item]
    family: str  # atom | ongoing | recurring | periodic | on_request | schedule


@dataclass(slots=True)
class _Zone:
    start: int
    end: int
    mode: str  # cell (a time column) | line (after "Thời gian thực hiện:") | text
    row: tuple[int, int] | None = None  # the table row of a cell
    lo: int = -1  # where the words before the zone's first time may start (see _zones)

    def __post_init__(self) -> None:
        if self.lo < 0:
            self.lo = self.start


@dataclass(slots=True)
class _Ctx:
    doc: Document
    info: DocumentInfo
    mt: str
    year: int | None  # the year a date printed without one takes
    ref_year: int | None  # in running text, a period ending before this year is history
    first_day: date | None  # recurring rules count their first occurrence from here
    report: bool  # a report: running text describes what was done
    sections: list[Section]
    by_id: dict[str, Section]
    atoms: list[_Atom] = field(default_factory=list)
    atom_starts: list[int] = field(default_factory=list)
    block_starts: list[int] = field(default_factory=list)
    section_starts: list[int] = field(default_factory=list)
    intervals: list[re.Match[str]] = field(default_factory=list)  # "03 tháng/lần", found once
    interval_starts: list[int] = field(default_factory=list)
    triggers: dict[str, list[int]] = field(default_factory=dict)  # _TRIGGERS kind -> offsets
    marks: list[int] = field(default_factory=list)  # where any atom, interval or trigger starts
    ref_starts: list[int] = field(default_factory=list)  # legal references, sorted by start
    ref_ends: list[int] = field(default_factory=list)  # the last end among the first i + 1

    def in_ref(self, start: int, end: int) -> bool:
        """Does ``start``..``end`` overlap a legal reference (whose text is not read)?"""
        i = bisect_left(self.ref_starts, end)
        return i > 0 and self.ref_ends[i - 1] > start

    def has(self, kind: str, z: _Zone) -> bool:
        """Does a word of the ``kind`` of search (see _TRIGGERS) start in ``z``?"""
        return _starts_in(self.triggers[kind], z)


def _starts_in(offsets: list[int], z: _Zone) -> bool:
    i = bisect_left(offsets, z.start)
    return i < len(offsets) and offsets[i] < z.end


def _trigger_index(low: str) -> dict[str, list[int]]:
    """Where each kind of search of _TRIGGERS may match: the offsets of its words."""
    vocab = _vocab()
    index: dict[str, list[int]] = {kind: [] for kind in _TRIGGERS}
    for m in overlapping(vocab.trigger_re, low):
        for kind in vocab.trigger_kinds[" ".join(m.group().split())]:
            index[kind].append(m.start())
    return index


# --- calendar helpers ----------------------------------------------------------------------


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _quarter(y: int, q: int) -> tuple[date, date]:
    return date(y, 3 * q - 2, 1), _month_end(y, 3 * q)


def _first_occurrence(months: list[int], day: int, ref: date | None) -> date | None:
    """The first ``day`` of one of ``months`` on or after ``ref``."""
    if ref is None:
        return None
    for y in (ref.year, ref.year + 1):
        for m in sorted(months):
            try:
                d = date(y, m, day)
            except ValueError:
                continue
            if d >= ref:
                return d
    return None


def _rrule_yearly(months: list[int], day: int) -> str:
    return f"FREQ=YEARLY;BYMONTH={','.join(map(str, sorted(months)))};BYMONTHDAY={day}"


# --- atoms: one calendar expression, without the words around it ----------------------------


@dataclass(slots=True)
class _Atom:
    name: str  # qday | mday | date_words | dates | half | quarter | month | year
    start: int
    end: int
    m: re.Match[str]
    periods: list[tuple[date, date, bool]] = field(default_factory=list)  # (start, end, is_day)
    range_parts: bool = False  # "Tháng 6-8/2022", "2022-2023": the ends make one range
    no_year_dates: list[tuple[int, int]] = field(default_factory=list)  # (day, month)
    has_year: bool = True
    slash_year: bool = False  # "Quý III/2022" rather than "quý III năm 2022"


# Atoms that open with optional words are found around what they cannot lack: the year, or
# the slash between day and month (see _anchored).
_ANCHORS = {
    "year": (re.compile(r"(?:19|20)\d{2}"), 40),
    "dates": (re.compile(r"\d\s*[/.\-]\s*\d"), 12),
}


def _all_atoms(mt: str, low: str) -> list[_Atom]:
    """Every atom of the document, found once (zones then take theirs by offset)."""
    vocab = _vocab()
    lead_starts: dict[str, list[int]] = {}
    found = []
    for name, rx in vocab.atoms:
        lead = vocab.atom_leads[name]
        if name in _ANCHORS:
            ms = _anchored(rx, *_ANCHORS[name], mt, low, lead, digits=name == "dates")
        else:
            if lead.pattern not in lead_starts:
                lead_starts[lead.pattern] = [m.start() for m in overlapping(lead, low)]
            ms = finditer_at(rx, mt, lead_starts[lead.pattern])
        found += (_Atom(name, m.start(), m.end(), m) for m in ms)
    found.sort(key=lambda a: a.start)
    return found


def _anchored(
    rx: re.Pattern[str],
    anchor: re.Pattern[str],
    back: int,
    text: str,
    low: str,
    lead: re.Pattern[str],
    digits: bool,
) -> Iterator[re.Match[str]]:
    """``normalize.anchored_finditer(rx, anchor, text, back)`` for a pattern that can open
    only with a ``lead`` word (searched in ``low``) or a digit. The lead words hold no digit,
    so one that opens a match ends before the anchor. Without ``digits`` the digits are left
    out: a year opening a match is an anchor of its own, tried before."""

    def may_start(lo: int, at: int) -> list[int]:
        starts = {m.start() for m in overlapping(lead, low, lo, at)}
        if digits:
            starts.update(p for p in range(lo, at) if text[p].isdecimal())  # \d
        return sorted(starts)

    return anchored_finditer(rx, anchor, text, back, may_start)


def _find_atoms(ctx: _Ctx, z: _Zone) -> list[_Atom]:
    lo = bisect_left(ctx.atom_starts, z.start)
    hi = bisect_left(ctx.atom_starts, z.end)
    found = [a for a in ctx.atoms[lo:hi] if a.end <= z.end]
    found.sort(key=lambda a: (a.start - a.end, a.start))
    chosen: list[_Atom] = []
    for a in found:
        if not any(a.start < c.end and c.start < a.end for c in chosen):
            chosen.append(a)
    return sorted(chosen, key=lambda a: a.start)


def _parse_atom(ctx: _Ctx, a: _Atom, default_year: int | None) -> bool:
    """Fill ``a.periods``; False when the text is not a valid calendar expression."""
    a.periods, a.no_year_dates = [], []
    m = a.m
    try:
        if a.name in ("qday", "mday"):
            return 1 <= int(m.group("d")) <= 31
        if a.name == "date_words":
            return _parse_date_words(a, m, default_year)
        if a.name == "dates":
            return _parse_dates(ctx, a, default_year)
        if a.name == "year":
            y1 = int(m.group("y1"))
            y2 = int(m.group("y2")) if m.group("y2") else None
            if y2 is not None and not y1 < y2 <= y1 + 30:
                return False
            a.periods = [(date(y1, 1, 1), date(y2 or y1, 12, 31), False)]
            a.range_parts = y2 is not None
            return True
        y = int(m.group("y")) if m.group("y") else None
        a.has_year = y is not None
        a.slash_year = y is not None and "/" in ctx.mt[a.start : m.start("y")]
        y = y or default_year
        if y is None:
            return False
        if a.name == "half":
            if _vocab().half_first_re.fullmatch(match_text(m.group("which"))):
                a.periods = [(date(y, 1, 1), date(y, 6, 30), False)]
            else:
                a.periods = [(date(y, 7, 1), date(y, 12, 31), False)]
            return True
        return _parse_list(a, m.group("qs") if a.name == "quarter" else m.group("ms"), y)
    except ValueError:
        return False


def _parse_date_words(a: _Atom, m: re.Match[str], default_year: int | None) -> bool:
    """``ngày 15 tháng 6 năm 2022``; ``ngày 15 tháng 01 năm sau`` (the next year)."""
    day, month = int(m.group("d")), int(m.group("m"))
    if m.group("y"):
        y: int | None = int(m.group("y"))
    elif m.group("next"):
        y = default_year + 1 if default_year else None
    else:
        a.has_year = False
        a.no_year_dates = [(day, month)]
        y = default_year
    if y is None:
        return False
    d = date(y, month, day)
    a.periods = [(d, d, True)]
    return True


def _parse_dates(ctx: _Ctx, a: _Atom, default_year: int | None) -> bool:
    """``21/02/2022``; ``05/3, 05/6, 05/9, 05/12`` (no year: kept for a yearly rule)."""
    for im in _vocab().date_item_re.finditer(ctx.mt, a.start, a.end):
        if im.group("d"):
            d = date(int(im.group("y")), int(im.group("m")), int(im.group("d")))
        else:
            a.has_year = False
            day, month = int(im.group("d2")), int(im.group("m2"))
            date(2000, month, day)  # a real day of the calendar (2000 is a leap year)
            a.no_year_dates.append((day, month))
            if default_year is None:
                continue
            d = date(default_year, month, day)
        a.periods.append((d, d, True))
    return bool(a.periods or a.no_year_dates)


def _parse_list(a: _Atom, spec: str, y: int) -> bool:
    """``"II, IV"`` → two quarters; ``"7-12"`` → one range of months; ``"11, 12"`` → two."""
    vocab = _vocab()
    for part in vocab.list_sep_re.split(spec):
        nums: list[int] = []
        for end in (e for e in re.split(r"\s*-\s*", part) if e.strip()):
            toks = re.findall(r"\d+|[IVX]+", end, re.I)
            n = (
                (int(toks[-1]) if toks[-1].isdigit() else vocab.roman.get(toks[-1].upper()))
                if toks
                else None
            )
            if n is None:
                return False
            nums.append(n)
        if a.name == "quarter":
            if not all(1 <= n <= 4 for n in nums):
                return False
            spans = [_quarter(y, n) for n in nums]
        else:
            if not all(1 <= n <= 12 for n in nums):
                return False
            spans = [(date(y, n, 1), _month_end(y, n)) for n in nums]
        if len(spans) == 2 and spans[1][0] > spans[0][0]:
            a.periods.append((spans[0][0], spans[1][1], False))
            a.range_parts = True
        elif len(spans) == 1:
            a.periods.append((spans[0][0], spans[0][1], False))
        else:
            return False
    return bool(a.periods)


def _plain_items(a: _Atom) -> list[_Item]:
    """What an atom means on its own (no word before it)."""
    items = []
    for s, e, is_day in a.periods:
        if is_day:
            items.append(_Item("date", s, e))
        elif a.name == "month":
            items.append(_Item("range" if s.month != e.month else "month", s, e))
        elif a.name == "quarter":
            items.append(_Item("range" if e.month - s.month > 2 else "quarter", s, e))
        elif a.name == "half":
            items.append(_Item("half_year", s, e))
        else:
            items.append(_Item("range" if s.year != e.year else "year", s, e))
    return items


# --- the words around an atom ------------------------------------------------------------


def _prefix(mt: str, z: _Zone, pos: int) -> tuple[str | None, int]:
    """The meaning of the word right before ``pos`` (``trước``, ``từ``, ``trong`` ...)."""
    vocab = _vocab()
    m = vocab.prefix_re.search(mt, max(z.lo, pos - 30), pos)
    if not m:
        return None, pos
    return vocab.prefix_kind.get(_key(m.group("w"))), m.start("w")


_LABEL_ONLY = re.compile(
    r"\s*(?:(?:[-–+•·*○▪►]|[a-zđ][).]|\d{1,2}(?:\.\d{1,2})*[.)]?|[IVXLC]+[.)]|[A-ZĐ][.)])\s*)?"
)
_AFTER_BOUNDARY = re.compile(r"(?:[.;:!?(]|\s[-–+•·])\s*$")
# The last non-space character of an _AFTER_BOUNDARY match, tested first: the search tries
# every position of what may be a long line.
_BOUNDARY_LAST = ".;:!?(-–+•·"


def _clause_start(mt: str, z: _Zone, pos: int, comma: bool = False) -> bool:
    """At the start of an item, a sentence, a clause or a parenthesis (a comma if asked)."""
    # from z.start: a tab may be far before, or nowhere
    lo = max(z.start, mt.rfind("\n", z.start, pos) + 1, mt.rfind("\t", z.start, pos) + 1)
    before = mt[lo:pos]
    tail = before.rstrip()
    if _LABEL_ONLY.fullmatch(before) or (
        tail and tail[-1] in _BOUNDARY_LAST and _AFTER_BOUNDARY.search(before)
    ):
        return True
    return comma and tail.endswith(",")


def _in_quotes(mt: str, pos: int) -> bool:
    """Inside “...” or «...» on the same line: the name of a programme or a theme."""
    before = mt[mt.rfind("\n", 0, pos) + 1 : pos]
    return before.count('"') % 2 == 1 or before.count("«") > before.count("»")


def _phrases(ctx: _Ctx, z: _Zone) -> list[_Hit]:
    """Atoms read with the words around them, and kept when the zone's rules allow."""
    vocab, mt = _vocab(), ctx.mt
    atoms = _find_atoms(ctx, z)
    hits: list[_Hit] = []
    skip_next = False
    for i, a in enumerate(atoms):
        if skip_next:
            skip_next = False
            continue
        if not _parse_atom(ctx, a, ctx.year):
            continue
        clock = (
            vocab.clock_re.search(mt, max(z.lo, a.start - 40), a.start)
            if a.name in ("dates", "date_words")
            else None
        )
        if clock and clock.group("from") and clock.group("to"):
            kind, start = "at", clock.start()  # "từ 00h00 đến 00h15 ngày 29/01/2025": that day
        elif clock and clock.group("from"):
            kind, start = "from", clock.start()
        elif clock:  # "21h00 ngày 28/01/2025", "trước 16h00 ngày 20/02/2025"
            kind, start = _prefix(mt, z, clock.start())
            if kind is None:
                kind, start = "at", clock.start()
        else:
            kind, start = _prefix(mt, z, a.start)
        if vocab.lunar_re.match(mt, a.end, z.end):
            continue  # "(tức từ ngày 16/12 năm Giáp Thìn ...)": the lunar date of a solar one
        if (
            a.name == "dates"
            and not a.has_year
            and vocab.place_re.search(mt, max(z.start, a.start - 30), a.start)
        ):
            continue  # "Quảng trường 24/3": a place named after a day
        if kind in ("end_of", "in") and vocab.duration_re.search(
            mt, max(z.start, start - 12), start
        ):
            continue  # "08 tháng cuối năm 2022": a count of months, not a due time
        end = a.end
        items = None
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if kind in ("from", None) and nxt is not None:
            items = _from_to(ctx, z, a, nxt, dash_only=kind is None)
            if items is not None:
                end, skip_next = nxt.end, True
        if items is None:
            items = _with_prefix(ctx, a, kind, start)
            if not items:
                continue
            if items[0].kind == "recurring":
                start, end = _extend_recurring(mt, z, start, end)
        if items[0].kind == "range" and (onward := vocab.onward_re.match(mt, end, z.end)):
            end = onward.end()
        if ctx.in_ref(start, end):
            continue  # dropped by extract anyway; the gate below costs more
        if z.mode == "text" and not _text_gate(ctx, z, a, kind, start, end, items):
            continue
        hits.append(_Hit(start, end, items, "atom"))
    return hits


def _from_to(ctx: _Ctx, z: _Zone, a: _Atom, b: _Atom, dash_only: bool) -> list[_Item] | None:
    """``từ năm 2013 đến năm 2020``, ``từ tháng 6 đến tháng 8/2022``, ``Tháng 11/2022 -
    Tháng 01/2023`` (a dash alone joins two atoms into a range)."""
    kind, pstart = _prefix(ctx.mt, z, b.start)
    gap = ctx.mt[a.end : pstart]
    dash = kind is None and gap.strip() == "-"
    if not (dash or (not dash_only and kind in ("until", "end_of") and not gap.strip())):
        return None
    if {a.name, b.name} & {"qday", "mday"}:
        return None  # recurring days ("ngày 15 hàng tháng") do not make a range
    if not _parse_atom(ctx, b, ctx.year) or not b.periods:
        return None
    if not a.has_year and b.has_year:
        _parse_atom(ctx, a, b.periods[-1][1].year)
    if not a.periods or a.periods[0][0] > b.periods[-1][1]:
        return None
    return [_Item("range", a.periods[0][0], b.periods[-1][1])]


def _with_prefix(ctx: _Ctx, a: _Atom, kind: str | None, start: int) -> list[_Item] | None:
    """The records an atom stands for, given the word before it."""
    vocab = _vocab()
    if a.name in ("qday", "mday"):
        day = int(a.m.group("d"))
        if a.name == "mday":
            months, rule = list(range(1, 13)), f"FREQ=MONTHLY;BYMONTHDAY={day}"
        else:
            first = vocab.qfirst_re.fullmatch(match_text(a.m.group("which")))
            months = [1, 4, 7, 10] if first else [3, 6, 9, 12]
            rule = _rrule_yearly(months, day)
        occ = _first_occurrence(months, day, ctx.first_day)
        return [_Item("recurring", None if kind == "before" else occ, occ, rule)]
    if a.name == "month" and not a.has_year and vocab.yearly_tail_re.match(ctx.mt, a.end):
        months = sorted({p[0].month for p in a.periods})  # "Tháng 6 và tháng 12 hằng năm"
        occ = _first_occurrence(months, 1, ctx.first_day)
        rule = f"FREQ=YEARLY;BYMONTH={','.join(map(str, months))}"
        return [_Item("recurring", occ, _month_end(occ.year, occ.month) if occ else None, rule)]
    if a.no_year_dates:
        yearly = vocab.yearly_tail_re.match(ctx.mt, a.end) or vocab.yearly_head_re.search(
            ctx.mt, max(0, start - 30), start
        )  # "05/3 hằng năm", "định kỳ hằng năm trước ngày 10/12"
        report = vocab.report_before_re.search(ctx.mt, max(0, start - 30), start)
        report_yearly = report and vocab.periods.get(_key(report.group("p")), "").startswith(
            "FREQ=YEARLY"
        )
        if yearly or report_yearly or len(a.no_year_dates) > 1:
            by_day: dict[int, list[int]] = {}
            for day, month in a.no_year_dates:
                by_day.setdefault(day, []).append(month)
            out = []
            for day, months in by_day.items():
                occ = _first_occurrence(months, day, ctx.first_day)
                out.append(
                    _Item(
                        "recurring",
                        None if kind == "before" else occ,
                        occ,
                        _rrule_yearly(months, day),
                    )
                )
            return out
        if not a.periods:
            return None
    if kind == "before":  # a day is due itself; a period is due before it starts
        return [
            _Item("before", None, e if is_day else s - timedelta(days=1))
            for s, e, is_day in a.periods
        ]
    if kind in ("end_of", "until"):
        return [_Item("before", None, e) for _, e, _ in a.periods]
    if kind == "from":
        return [_Item("range", a.periods[0][0], None)]
    if kind == "from_now":
        return [_Item("range", ctx.info.issue_date, a.periods[-1][1])]
    return _plain_items(a)


def _extend_recurring(mt: str, z: _Zone, start: int, end: int) -> tuple[int, int]:
    """Take in ``định kỳ hàng năm`` after the dates (or before them: ``định kỳ hằng năm
    trước ngày 10/12``) and ``báo cáo năm`` before them."""
    vocab = _vocab()
    if m := vocab.yearly_tail_re.match(mt, end, z.end):
        end = m.end()
    if m := vocab.yearly_head_re.search(mt, max(z.start, start - 30), start):
        start = m.start()
    if (m := vocab.report_before_re.search(mt, max(z.start, start - 30), start)) and not mt[
        m.end() : start
    ].strip():
        start = m.start("noun")
    return start, end


def _text_gate(
    ctx: _Ctx, z: _Zone, a: _Atom, kind: str | None, start: int, end: int, items: list[_Item]
) -> bool:
    """Running text: is this period the time of a task, or part of a name or of history?"""
    vocab, mt = _vocab(), ctx.mt
    before = mt[max(z.lo, start - 30) : start]
    after = mt[end : min(z.end, end + 40)]
    if vocab.name_tail_re.match(after) or vocab.history_tail_re.match(after):
        return False
    if vocab.edition_re.search(before):
        return False  # "lần thứ XXXIII - năm 2025": the edition of an event
    if vocab.comparison_re.search(before) or vocab.as_of_re.search(before) or _in_quotes(mt, start):
        return False
    if items[0].kind == "recurring":
        return True
    dates = [d for it in items for d in (it.end, it.start) if d]
    if dates and ctx.ref_year and max(dates).year < ctx.ref_year:
        return False  # history: "trong năm 2021" in a plan for 2022
    if kind == "until":  # "mục tiêu đến năm 2025"; a whole date: "đến ngày 30/9/2024"
        return bool(vocab.target_lead_re.search(before)) or (
            a.name in ("dates", "date_words")
            and a.has_year
            and not re.search(r"\d\s*$", before)  # "16/12/2021 đến 16/4/2022": a period
        )
    if kind is not None:
        return True
    if a.name in ("dates", "date_words"):
        # a bare date in running text is a past event or a document's date, unless an
        # event is held on it after the document's date: "Giải ... tổ chức ngày 05/02/2025"
        issued = ctx.info.issue_date
        return bool(
            a.has_year
            and issued
            and vocab.event_re.search(before)
            and all(s >= issued for s, _, _ in a.periods)
        )
    if a.name == "half":  # a line of its own: "6 tháng đầu năm 2024" (a table cell per line)
        return (
            a.has_year
            and _clause_start(mt, z, start)
            and bool(re.match(r"\s*(?:[.;]|$)", mt[end : z.end], re.M))
        )
    if a.name in ("quarter", "month"):
        if not a.has_year:
            return False
        if a.slash_year and not ctx.report:
            return True
        return _clause_start(mt, z, start) and bool(vocab.ends_clause_re.match(after))
    if a.m.group("phase"):
        return True  # "(Giai đoạn 2: 2022-2023)"
    if a.range_parts and vocab.task_lead_re.search(before):
        return True  # "nhiệm vụ năm 2013 - 2015"
    yw = match_text(a.m.group("yw") or "")
    if not vocab.year_word_re.match(yw):
        return False  # "giai đoạn 2021-2030" alone names a programme's period
    return _clause_start(mt, z, start) and bool(vocab.ends_clause_re.match(after))


# --- expressions that are not calendar periods -----------------------------------------------


def _period_items(mt: str, start: int, end: int) -> list[_Item]:
    vocab = _vocab()
    out: list[_Item] = []
    for pm in vocab.period_item_re.finditer(mt, start, end):
        rule = vocab.periods.get(_key(pm.group("p")))
        if rule and all(it.rrule != rule for it in out):
            out.append(_Item("recurring", None, None, rule))
    return out


def _recurrences(ctx: _Ctx, z: _Zone) -> list[_Hit]:
    """``Hàng quý``, ``định kỳ hàng tháng, quý, năm``, ``báo cáo quý, 6 tháng và hàng năm``."""
    vocab, mt = _vocab(), ctx.mt
    found = [*vocab.every_re.finditer(mt, z.start, z.end)] if ctx.has("every", z) else []
    if z.mode != "text" and ctx.has("counted", z):
        found += vocab.counted_re.finditer(mt, z.start, z.end)  # "6 tháng, hằng năm và định kỳ"
    hits = [
        _Hit(m.start(), m.end(), _period_items(mt, m.start("ps"), m.end("ps")), "recurring")
        for m in found
    ]
    if ctx.has("report", z):
        hits += [  # "báo cáo quý": a report named by its period (see _named_reports)
            _Hit(m.start(), m.end(), _period_items(mt, m.start("ps"), m.end("ps")), "report")
            for m in vocab.report_re.finditer(mt, z.start, z.end)
        ]
    lo = bisect_left(ctx.interval_starts, z.start)
    hi = bisect_left(ctx.interval_starts, z.end)
    for m in ctx.intervals[lo:hi]:
        if m.end() > z.end:
            continue
        lead = vocab.interval_lead_re.search(mt, max(z.start, m.start() - 16), m.start())
        if not (lead or m.group("tail")):
            continue  # "trong 6 tháng": a span of time
        count = int(m.group("n"))
        freq, per = vocab.interval_units[_key(m.group("u"))]
        if count < 1 or (count == 1 and not m.group("tail")):
            continue  # "mỗi 1 tháng được tính ít nhất là 28 ngày": what a month is
        interval = count * per
        rule = f"FREQ={freq}" + (f";INTERVAL={interval}" if interval > 1 else "")
        start = lead.start() if lead else m.start()
        hits.append(_Hit(start, m.end(), [_Item("recurring", None, None, rule)], "recurring"))
    for m in vocab.periodic_re.finditer(mt, z.start, z.end) if ctx.has("periodic", z) else ():
        if z.mode == "text" and not _coordinated(mt, z, m.start()):
            continue
        hits.append(_Hit(m.start(), m.end(), [_Item("recurring")], "periodic"))
    return [h for h in hits if h.items]


def _coordinated(mt: str, z: _Zone, pos: int) -> bool:
    """``kiểm tra thường xuyên và định kỳ``: joined to a time expression right before it."""
    vocab = _vocab()
    before = mt[max(z.start, pos - 40) : pos]
    j = vocab.coordinated_re.search(before)
    return bool(j and vocab.time_before_re.search(before[: j.start()]))


def _ongoing(ctx: _Ctx, z: _Zone) -> list[_Hit]:
    vocab = _vocab()
    rx = vocab.ongoing_re if z.mode == "text" else vocab.ongoing_cell_re
    if not ctx.has("ongoing" if z.mode == "text" else "ongoing_cell", z):
        return []
    return [
        _Hit(m.start(), m.end(), [_Item("ongoing")], "ongoing")
        for m in rx.finditer(ctx.mt, z.start, z.end)
        if z.mode != "text" or _ongoing_in_text(ctx.mt, z, m)
    ]


def _ongoing_in_text(mt: str, z: _Zone, m: re.Match[str]) -> bool:
    """``d) Thường xuyên kiểm tra``, ``Đồng thời thường xuyên đăng tải``, ``kiện toàn thường
    xuyên.`` — yes; ``chi thường xuyên``, ``sử dụng thường xuyên hệ thống`` — no."""
    vocab = _vocab()
    before = mt[max(z.start, m.start() - 30) : m.start()]
    if vocab.not_before_re.match(mt, m.end(), z.end):
        return False
    if _clause_start(mt, z, m.start(), comma=True) or vocab.opener_re.search(before):
        return True
    return bool(
        vocab.after_verb_re.search(before) and vocab.verb_follow_re.match(mt, m.end(), z.end)
    )


def _requests(ctx: _Ctx, z: _Zone) -> list[_Hit]:
    """``khi có yêu cầu của UBND ...``, ``theo yêu cầu``; ``Theo lịch của UBND tỉnh``."""
    vocab, mt = _vocab(), ctx.mt
    cell = z.mode != "text"
    hits: list[_Hit] = []

    def search(kind: str, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        return rx.finditer(mt, z.start, z.end) if ctx.has(kind, z) else iter(())

    for m in search("on_request", vocab.on_request_re):
        hits.append(
            _Hit(m.start(), _agency_tail(mt, z, m.end()), [_Item("on_request")], "on_request")
        )
    for m in search("as_requested", vocab.as_requested_re):
        if cell or vocab.as_requested_ok_re.match(mt, m.end(), z.end):
            hits.append(
                _Hit(m.start(), _agency_tail(mt, z, m.end()), [_Item("on_request")], "on_request")
            )
    schedule = vocab.schedule_cell_re if cell else vocab.schedule_re
    for m in search("schedule_cell" if cell else "schedule", schedule):
        if not vocab.schedule_neg_re.search(mt, max(z.start, m.start() - 20), m.start()):
            hits.append(
                _Hit(m.start(), _agency_tail(mt, z, m.end()), [_Item("schedule")], "schedule")
            )
    if cell:
        for m in search("on_request_cell", vocab.on_request_cell_re):
            hits.append(
                _Hit(m.start(), _agency_tail(mt, z, m.end()), [_Item("on_request")], "on_request")
            )
    return hits


def _agency_tail(mt: str, z: _Zone, pos: int) -> int:
    """``khi có yêu cầu`` + ``của UBND hoặc các cơ quan liên quan``, to the clause's end."""
    if not _vocab().of_re.match(mt, pos, z.end):
        return pos
    stop = re.compile(r"[.;:,()\n\t]").search(mt, pos, min(z.end, pos + 80))
    end = stop.start() if stop else min(z.end, pos + 80)
    return pos + len(mt[pos:end].rstrip())


# --- where to read -------------------------------------------------------------------------


def _zones(doc: Document, info: DocumentInfo, preamble_end: int = 0) -> list[_Zone]:
    """Time columns and ``Thời gian thực hiện:`` lines; the rest is running text. The
    legal basis of the preamble (``Căn cứ ...;`` before the first section, hard-wrapped
    lines included) is not read."""
    vocab = _vocab()
    zones: list[_Zone] = []
    title = re.sub(r"\s+", " ", info.title or "").strip()
    last_time_col: tuple[int, int] | None = None  # (number of columns, time column)
    basis, prev_tail = False, ""
    for i, b in enumerate(doc.blocks):
        if b.kind in vocab.skip_kinds:
            continue
        if b.rows is None:
            text = b.text.strip()
            if b.start >= preamble_end:
                basis = False
            elif vocab.basis_re.match(match_text(text)):
                basis = True
            elif not prev_tail or prev_tail[-1] in _TERMINAL:
                basis = False
            prev_tail = text
            if basis:
                continue  # "Căn cứ ... giai đoạn I: từ năm 2021 đến năm 2025;": a name
            if title and i < 12 and text and text in title:
                continue  # the title: "... giai đoạn 2021-2030" is the plan's name
            # a label ends with a colon, which most blocks lack
            lm = ":" in b.text and vocab.time_label_re.search(match_text(b.text))
            if lm:
                zones.append(_Zone(b.start, b.start + lm.start(), "text"))
                zones.append(_Zone(b.start + lm.end(), b.end, "line"))
            else:
                lo = _continued(doc, i)
                zones.append(_Zone(b.start, b.end, "text", lo=lo if lo is not None else -1))
            continue
        ncols = max(len(r) for r in b.rows)
        time_col, header_rows = None, 0
        for ri, row in enumerate(b.rows[:3]):
            time_col = next(
                (ci for ci, c in enumerate(row) if vocab.time_header_re.match(match_text(c.text))),
                None,
            )
            if time_col is not None:
                header_rows = ri + 1
                last_time_col = (ncols, time_col)
                c = row[time_col]
                hm = vocab.time_header_re.match(match_text(c.text))
                rest = c.text[hm.end() :] if hm else ""
                lead = len(rest) - len(rest.lstrip())
                if rest.strip() and (rest.lstrip()[0].isupper() or rest.lstrip()[0].isdigit()):
                    # a repeated header a page break merged with the row after it:
                    # "Thời gian hoàn thành Hằng tháng"
                    span = (row[0].start, row[-1].end)
                    zones.append(_Zone(c.start + hm.end() + lead, c.end, "cell", span))
                break
        if time_col is None and last_time_col and last_time_col[0] == ncols:
            time_col = last_time_col[1]  # the table goes on after a page break, header not repeated
        for row in b.rows[header_rows:]:
            span = (row[0].start, row[-1].end) if row else None
            for ci, cell in enumerate(row):
                mode = "cell" if ci == time_col else "text"
                zones.append(_Zone(cell.start, cell.end, mode, span))
    return [z for z in zones if z.end > z.start]


_TERMINAL = ".;:!?…"
_BLOCK_LABEL = re.compile(
    r"\s*(?:(?:[IVXLC]{1,6}|[A-ZĐ]|\d{1,3}(?:\.\d{1,3}){0,4}|[a-zđ])[.)]|[-–·•*+○▪►✓])(?:\s|$)"
)


def _continued(doc: Document, i: int) -> int | None:
    """Where the sentence of block ``i`` starts when a hard wrap split it off the paragraph
    before (``... hoàn thành trước`` / ``30/6/2024.``): that paragraph's start, else None."""
    if i == 0 or doc.blocks[i].kind != "paragraph":
        return None
    prev, text = doc.blocks[i - 1], doc.blocks[i].text
    tail = prev.text.rstrip()
    if prev.rows is not None or prev.kind not in ("paragraph", "list_item") or not tail:
        return None
    if tail[-1] in _TERMINAL or tail == tail.upper() or _BLOCK_LABEL.match(text):
        return None
    return prev.start


def _forward(ctx: _Ctx, pos: int) -> bool:
    """In a report: is ``pos`` in a forward-looking section (``PHƯƠNG HƯỚNG, NHIỆM VỤ ...``)?"""
    chain = section_chain(ctx.sections, ctx.by_id, pos)
    return any(_vocab().forward_re.search(match_text(s.title)) for s in chain)


def _looks_back(ctx: _Ctx, pos: int) -> bool:
    """In a plan: is ``pos`` in a section that tells what was done (``I. KẾT QUẢ THỰC HIỆN
    NĂM 2023``, ``1. Đánh giá chung``, ``I. TÌNH HÌNH ... NĂM 2023`` in a 2024 plan)? The
    first title that opens with a looking-back lead or holds a forward word decides, walking
    out; a top-level title also looks back when it names only years before the document's.
    The item holding ``pos`` is not its section."""
    if not ctx.sections:
        return False
    i = bisect_right(ctx.section_starts, pos) - 1
    sec = ctx.sections[i] if i >= 0 else None
    while sec is not None and sec.char_end < pos:  # the innermost section holding pos
        sec = ctx.by_id.get(sec.parent_id) if sec.parent_id else None
    b = bisect_right(ctx.block_starts, pos) - 1
    if sec is not None and b >= 0 and sec.char_start == ctx.block_starts[b]:
        sec = ctx.by_id.get(sec.parent_id) if sec.parent_id else None
    return sec is not None and sec.looks_back


# --- entry point ---------------------------------------------------------------------------


def extract(
    doc: Document, info: DocumentInfo, sections: list[Section], legal_refs: list[LegalRef]
) -> list[Deadline]:
    """Every deadline expression of ``doc``; the spans of ``legal_refs`` are not read."""
    vocab = _vocab()
    issue_year = info.issue_date.year if info.issue_date else None
    year = info.period_start or issue_year or info.header_year
    ref_year = year
    if (
        issue_year
        and info.period_start
        and info.period_end
        and info.period_start < issue_year <= info.period_end
    ):  # a plan for 2025 under a programme "giai đoạn 2022 - 2025": "trước ngày 10/6" is 2025
        year = issue_year
    first_day = date(year, 1, 1) if year else None
    if info.issue_date and first_day and info.issue_date > first_day:
        first_day = info.issue_date
    ctx = _Ctx(
        doc=doc,
        info=info,
        mt=match_text(doc.text),
        year=year,
        ref_year=ref_year,
        first_day=first_day,
        report=_key(info.doc_type or "") in vocab.descriptive_types,
        sections=sections,
        by_id={s.section_id: s for s in sections},
    )
    low = lower_text(ctx.mt)
    ctx.atoms = _all_atoms(ctx.mt, low)
    ctx.atom_starts = [a.start for a in ctx.atoms]
    ctx.block_starts = [b.start for b in doc.blocks]
    ctx.intervals = [
        m
        for m in vocab.interval_re.finditer(ctx.mt)
        if not (m.start() and ctx.mt[m.start() - 1].isalnum())  # "2024 năm" holds no "24 năm"
    ]
    ctx.interval_starts = [m.start() for m in ctx.intervals]
    ctx.triggers = _trigger_index(low)
    ctx.marks = sorted(
        [*ctx.atom_starts, *ctx.interval_starts, *(p for ps in ctx.triggers.values() for p in ps)]
    )
    ctx.sections = sorted(sections, key=lambda s: s.char_start)
    ctx.section_starts = [s.char_start for s in ctx.sections]

    refs = sorted((r.char_start, r.char_end) for r in legal_refs)
    ctx.ref_starts = [s for s, _ in refs]
    ctx.ref_ends = list(accumulate((e for _, e in refs), max))
    preamble_end = ctx.section_starts[0] if ctx.section_starts else 0
    chosen: list[tuple[_Zone, _Hit]] = []
    for z in _zones(doc, info, preamble_end):
        if not _starts_in(ctx.marks, z):
            continue  # nothing any search below could find
        if z.mode == "text" and not ctx.report and _looks_back(ctx, z.start):
            continue  # "I. KẾT QUẢ THỰC HIỆN NĂM 2023" of a plan: history
        cands = _phrases(ctx, z) + _recurrences(ctx, z) + _ongoing(ctx, z) + _requests(ctx, z)
        if z.mode == "text" and ctx.report:
            cands = [
                h
                for h in cands
                if _forward(ctx, h.start) or (h.family == "atom" and not _reported(ctx, h))
            ]
        cands = [h for h in cands if not ctx.in_ref(h.start, h.end)]
        cands.sort(key=lambda h: (h.start - h.end, h.start))  # longest first
        picked: list[_Hit] = []
        for h in cands:
            if not any(h.start < p.end and p.start < h.end for p in picked):
                picked.append(h)
        chosen.extend((z, h) for h in _named_reports(ctx.mt, z, picked))
    timed_rows = {z.row for z, _ in chosen if z.mode == "cell" and z.row}
    hits = sorted(
        (
            h
            for z, h in chosen
            if not (
                z.row in timed_rows
                and (h.family == "report" or (z.mode == "text" and h.family in _SOFT))
            )
        ),
        key=lambda h: h.start,
    )  # "Sơ kết 6 tháng thực hiện Kế hoạch", "Báo cáo đột xuất theo yêu cầu của UBND tỉnh"
    # beside the row's time cell name the task; the time cell says when
    return [d for h in hits for d in _records(doc, sections, h)]


_SOFT = frozenset({"on_request"})


def _reported(ctx: _Ctx, h: _Hit) -> bool:
    """In a report, outside its forward-looking sections: a period that began before the
    report's date is what it reports on (``Năm 2024, ngành ... có``, ``Trong 6 tháng đầu
    năm``, an event ``từ ngày 20/7/2024 đến ngày 26/7/2024``), not a due time."""
    issued = ctx.info.issue_date
    return bool(issued) and all(it.start is not None and it.start < issued for it in h.items)


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)|[;\n]")  # not the dot of "attp.syt@..."


def _named_reports(mt: str, z: _Zone, picked: list[_Hit]) -> list[_Hit]:
    """``báo cáo năm`` is a yearly deadline on its own (``báo cáo quý, 6 tháng và hàng
    năm``), but only names the report when a time for it follows in its clause (``báo cáo
    năm trước ngày 25/11/2024``, ``gửi báo cáo năm về Sở ... trước ngày 20/12 hằng năm``)."""
    out = []
    for h in picked:
        if h.family == "report":
            stop = _SENTENCE_STOP.search(mt, h.end, z.end)
            hi = stop.start() if stop else z.end
            if any(p is not h and h.end <= p.start < hi for p in picked):
                continue
        out.append(h)
    return out


def _records(doc: Document, sections: list[Section], h: _Hit) -> list[Deadline]:
    end = h.start + len(doc.text[h.start : h.end].rstrip(" ,;:-"))
    sec = section_at(sections, h.start)
    return [
        Deadline(
            deadline_id=f"{doc.doc_id}:dl:{h.start}" + (f":{n}" if n > 1 else ""),
            kind=it.kind,
            start_date=it.start,
            end_date=it.end,
            recurrence=it.rrule,
            quote=doc.text[h.start : end],
            char_start=h.start,
            char_end=end,
            page=doc.page_at(h.start),
            section_id=sec.section_id if sec else None,
        )
        for n, it in enumerate(h.items, start=1)
    ]
