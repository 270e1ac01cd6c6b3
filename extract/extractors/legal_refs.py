"""Legal references: every mention of a numbered document, and laws cited by name.

Forms handled (all seen in received plans):
- ``Quyết định số 4424/QĐ-UBND ngày 31 tháng 12 năm 2021 của Ủy ban nhân dân Thành phố về ...``
- ``Nghị định 130/2005/NĐ-CP`` (no "số"), ``QĐ số 846/QĐ-TTg``, ``Kế hoạch số:05/KH-SGDĐT``
- party numbering ``Nghị quyết số 18-NQ/TW``, ``Chương trình hành động số 34-CTr/TU``
- ``Nghị quyết số 54/2017/QH14``, ``Luật Tổ chức Chính phủ số 63/2025/QH15``
- ``Công văn số 1121/UBND-NV``, ``Văn bản số 556/UBND-KSTTHC`` (no type abbreviation → Công văn)
- bare list continuations ``các Nghị định: số 16/2015/NĐ-CP ngày 14/02/2015 ...; số 54/2016/NĐ-CP``
- typos kept as printed: ``11/2017/QĐ/UBND``, ``1447/SGDDT-HĐTD``, ``44/2022/UBND``, ``NĐ- CP``
- a date without "ngày": ``Quyết định số 29/QĐ-SGDĐT 05/01/2023``
- laws by name: ``Luật Giáo dục 2019``, ``Luật Ngân sách nhà nước``,
  ``Luật Phòng, chống tham nhũng``
- pinpoints: ``Điều 7 Nghị định số 01/2013/NĐ-CP``, ``khoản 2 Điều 5 của Luật ...``
- the document's own number in its appendix: ``Ban hành kèm theo Kế hoạch số:05/KH-SGDĐT`` → is_self

Not references: phone numbers, ``cổng thông tin 1022``, percentages, dates, URLs,
``ISO 9001:2015`` — none has the number/symbol shape this module requires.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from .. import patterns
from ..model import Document, DocumentInfo, LegalRef, Section
from ..normalize import (
    anchored_finditer,
    finditer_at,
    fold_tones,
    lower_text,
    match_text,
    overlapping,
)
from ..patterns import alternation as _alternation
from ..structure import section_at

# One code of a symbol: capitals and digits with at most one lower-case letter (TTg, CTr, QyĐ).
_CODE = r"[A-ZĐ][A-ZĐ0-9&]*[a-zđ]?[A-ZĐ0-9&]*"
_NUMSYM = re.compile(
    r"(?<![\w/.\-])"
    r"(?P<num>\d{1,5}[a-zđ]?)?"
    r"(?:"
    r"-(?P<psym>" + _CODE + r"(?:/" + _CODE + r")+)"  # party: 18-NQ/TW
    r"|\s?/\s?(?:(?P<year>(?:19|20)\d{2})\s?/\s?)?"
    r"(?P<sym>" + _CODE + r"(?:(?:\s?-\s?|/|\.|_)" + _CODE + r")*)"
    r")"
    r"(?![\w/])"
)
# Every number/symbol has a slash or hyphen before a capital code (after an optional year).
_NUMSYM_ANCHOR = re.compile(r"[/\-]\s?(?:(?:19|20)\d{2}\s?/\s?)?[A-ZĐ]")
_DATE_NUMERIC = r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})"
_DATE_WORDS = r"(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y2>(?:19|20)\d{2})"
_DATE_AFTER = re.compile(
    # "ngày 15/7/2021", "ban hành ngày ...", "được Quốc hội thông qua ngày 30/11/2024"
    r"\s*,?\s*(?:\(?\s*(?:được\s+(?:[^\s,;.]+\s+){0,4}?)?(?:ban\s+hành|ký|thông\s+qua)\s+)?"
    r"(?:ngày\s*:?\s*)?(?:" + _DATE_NUMERIC + "|" + _DATE_WORDS + r")",
    re.I,
)
_DATE_REQUIRES_NGAY = re.compile(r"\s*,?\s*(?:ngày|ban\s+hành|ký|được\s)", re.I)


@dataclass(slots=True)
class _Vocab:
    type_re: re.Pattern[str]
    type_at_end: patterns.EndRe  # type_re, searched from its last possible words
    type_of: dict[str, str]
    generic: set[str]
    abbrev: dict[str, str]
    abbrev_upper: dict[str, str]  # the same in capitals, the first spelling winning
    untyped: str
    law_re: re.Pattern[str]
    law_start_re: re.Pattern[str]  # where law_re may match, in the lower-cased text
    law_before_number_re: re.Pattern[str]
    relations: list[tuple[str, re.Pattern[str]]]
    cue_start_re: re.Pattern[str]  # any relation cue, to find where the cues may start
    subject_re: re.Pattern[str]
    issuer_stop_re: re.Pattern[str]
    pinpoint_re: re.Pattern[str]
    law_not_names: frozenset[str]
    law_stop_words: frozenset[str]
    law_not_after_re: re.Pattern[str]
    next_mention_re: re.Pattern[str]
    number_only_re: re.Pattern[str]


@cache
def _vocab() -> _Vocab:
    types = patterns.load("doc_types")
    rules = patterns.load("legal_refs")
    type_of: dict[str, str] = {}
    names: list[str] = []
    abbrevs: list[str] = []
    abbrev: dict[str, str] = {}
    for t in types["types"]:
        name = t["name"]
        names.append(match_text(name))
        type_of[match_text(name).lower()] = name
        for a in t.get("aliases") or []:
            if a.isupper() or (not a.islower() and len(a) <= 5):
                abbrevs.append(a)
                type_of[a] = name
            else:
                names.append(match_text(a))
                type_of[match_text(a).lower()] = name
        for a in t.get("abbrev") or []:
            abbrev[a] = name
    generic = {match_text(g).lower() for g in types["generic"]}
    for g in types["generic"]:
        if g.isupper():
            abbrevs.append(g)
        else:
            names.append(match_text(g))
    type_re = re.compile(
        r"(?:^|(?<=[^\w]))(?P<type>(?i:"
        + _alternation(names)
        + r")|"
        + _alternation(abbrevs)
        + r")"
        r"(?P<hanh_dong>\s+hành\s+động)?"
        r"\s*(?:(?i:số)\s*[:.]?)?\s*[:.]?\s*$"
    )
    law_words = [match_text(w) for w in rules["law_words"]]
    stops = _alternation([match_text(s) for s in rules["law_name_stops"]])
    comma_words = _alternation([match_text(s) for s in rules["law_name_comma_words"]])
    name_word = r"(?!(?:" + stops + r")\b)[^\s,;:.()\d\"'“”]+"
    law_re = re.compile(
        r"(?<![\w])(?P<word>(?i:" + _alternation(law_words) + r"))\s+"
        r"(?P<name>[^\W\d_][^\s,;:.()\d\"'“”]*(?:(?:\s+|,\s+(?=(?:"
        + comma_words
        + r")\b))"
        + name_word
        + r"){0,9})"
        r"(?:\s+(?:năm\s+)?(?P<year>(?:19|20)\d{2})(?![\d/]))?"
    )
    law_before_number_re = re.compile(
        r"(?<![\w])(?P<word>"
        + _alternation(law_words)
        + r")\s+(?P<name>[A-ZĐÀ-Ỹ][^;:\n]{0,110}?)\s+số\s*:?\s*$"
    )
    # Searched in the lower-cased text without re.I and with the word-start check done in
    # Python: a leading look-behind and re.I keep ``re`` from skipping ahead to the first
    # letter of a cue, which made these passes the most costly part of the stage.
    relations = [
        (
            rel,
            re.compile(r"(?:" + _alternation([match_text(c).lower() for c in cues]) + r")(?![\w])"),
        )
        for rel, cues in rules["relations"].items()
    ]
    subject_re = re.compile(
        r"\s*,?\s*(?P<opener>"
        + _alternation([match_text(w) for w in rules["subject_openers"]])
        + r")(?![\w])",
        re.I,
    )
    issuer_stop_re = re.compile(
        r"\s(?:"
        + _alternation([match_text(w) for w in rules["issuer_stops"]])
        + r")(?![\w])|[;,.:()\n\t\"“”]|\s[-–]\s"
    )
    return _Vocab(
        type_re=type_re,
        # The longest name, then "hành động", "số" and two stops: at most 5 more words.
        type_at_end=patterns.EndRe(type_re, max(len(w.split()) for w in names + abbrevs) + 5),
        type_of=type_of,
        generic=generic,
        abbrev=abbrev,
        abbrev_upper={a.upper(): n for a, n in reversed(abbrev.items())},
        untyped=types["untyped_symbol_type"],
        law_re=law_re,
        law_start_re=re.compile(_alternation([w.lower() for w in law_words])),
        law_before_number_re=law_before_number_re,
        relations=relations,
        cue_start_re=re.compile(
            _alternation(
                [match_text(c).lower() for cues in rules["relations"].values() for c in cues]
            )
        ),
        subject_re=subject_re,
        issuer_stop_re=issuer_stop_re,
        pinpoint_re=re.compile(r"(?P<pin>" + rules["pinpoint"] + r")\s+(?:của\s+|tại\s+)?$", re.I),
        law_not_names=frozenset(match_text(w).lower() for w in rules["law_not_names"]),
        law_stop_words=frozenset(
            match_text(w).lower() for w in rules["law_name_stops"] if " " not in w
        ),
        law_not_after_re=re.compile(
            r"(?:" + _alternation([match_text(w) for w in rules["law_not_after"]]) + r")\s+$", re.I
        ),
        # "của Chính phủ và khoản 2 Điều 5 Thông tư số ...": the issuer ends at the next mention.
        next_mention_re=re.compile(
            r"\s+(?:và|,)\s+(?=(?i:" + _alternation(names) + r"|khoản|điểm|Điều|Luật)(?![\w]))"
        ),
        # "Kế hoạch số 39 về ...": a number printed without its symbol, after a type word.
        number_only_re=re.compile(
            r"(?<![\w])(?P<type>(?i:" + _alternation(names) + r"))\s+(?i:số)\s*[:.]?\s*"
            r"(?P<num>\d{1,5})(?![\w/\-]|[.,]\d)"
        ),
    )


def numsym_at(mt: str, at: int) -> int | None:
    """End of the number/symbol that starts at ``at`` (``05/KH-SGDĐT``, ``/KH-SGDĐT``), if any."""
    m = _NUMSYM.match(mt, at)
    return m.end() if m else None


_SYMBOL_SPLIT_RE = re.compile(r"[-/\s]+")
_ASSEMBLY_RE = re.compile(r"(?:UBTV)?QH\d*")  # the National Assembly and its Standing Committee


def type_from_symbol(symbol: str) -> str | None:
    """``"NĐ-CP"`` → Nghị định; ``"QĐ/UBND"`` → Quyết định; ``"UBND-NV"`` → None."""
    vocab = _vocab()
    parts = [p for p in _SYMBOL_SPLIT_RE.split(symbol) if p]
    # A symbol may start with the year (2018/NĐ-CP) when it is passed whole.
    while parts and parts[0].isdigit():
        parts.pop(0)
    if not parts:
        return None
    first = parts[0]
    if first in vocab.abbrev:
        return vocab.abbrev[first]
    name = vocab.abbrev_upper.get(first.upper())
    if name is not None:
        return name
    if _ASSEMBLY_RE.fullmatch(first):
        return vocab.abbrev.get("QH" if first.startswith("QH") else "UBTVQH")
    return None


def _parse_date(m: re.Match[str]) -> date | None:
    d, mo, y = (
        (m.group("d") or m.group("d2")),
        (m.group("m") or m.group("m2")),
        (m.group("y") or m.group("y2")),
    )
    try:
        return date(int(y), int(mo), int(d))
    except (TypeError, ValueError):
        return None


class _Spans:
    """Non-empty character spans, asked whether any overlaps ``[s, e)`` in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []  # the largest end among the spans up to each one
        for _, b in ordered:
            self.max_end.append(max(b, self.max_end[-1]) if self.max_end else b)

    def overlaps(self, s: int, e: int) -> bool:
        k = bisect_left(self.starts, e)  # the spans that start before e
        return k > 0 and self.max_end[k - 1] > s


_CLAUSE_END_RE = re.compile(r";|\.(?=\s+[A-ZĐÀ-Ỹ\d]|\s*$)|\n|\t|\.\s*$")


def _clause_end(text: str, start: int, limit: int) -> int:
    """End of the clause that starts at ``start``: ``;``, a sentence stop, a line end."""
    m = _CLAUSE_END_RE.search(text, start, limit)
    return m.start() if m else limit


def extract(doc: Document, info: DocumentInfo, sections: list[Section]) -> list[LegalRef]:
    vocab = _vocab()
    text = doc.text
    mt = match_text(text)
    skip = [(b.start, b.end) for b in doc.blocks if b.kind in ("header", "signature", "recipients")]
    refs: list[LegalRef] = []
    candidates = list(anchored_finditer(_NUMSYM, _NUMSYM_ANCHOR, mt, 8))
    starts = [c.start() for c in candidates]
    for i, m in enumerate(candidates):
        if any(s <= m.start() < e for s, e in skip):
            continue
        next_start = starts[i + 1] if i + 1 < len(starts) else len(mt)
        ref = _numbered(doc, info, mt, m, next_start, refs, vocab)
        if ref is not None:
            refs.append(ref)
    refs.extend(_numbers_without_symbol(doc, mt, refs, skip, vocab))
    refs.extend(_resolve_law_names(_laws_by_name(doc, mt, refs, skip, vocab), refs))
    refs.sort(key=lambda r: r.char_start)
    _assign_relations(mt, refs, vocab)
    for r in refs:
        r.page = doc.page_at(r.char_start)
        sec = section_at(sections, r.char_start)
        r.section_id = sec.section_id if sec else None
    return refs


_BARE_SO_RE = re.compile(r"(?:^|[\s,;:(])(?i:số)\s*[:.]?\s*$")
_ISSUER_OPENER_RE = re.compile(r"\s*,?\s*(?:của|do)\s+(?=\S)", re.I)


def _numbered(
    doc: Document,
    info: DocumentInfo,
    mt: str,
    m: re.Match[str],
    next_start: int,
    prior: list[LegalRef],
    vocab: _Vocab,
) -> LegalRef | None:
    num = m.group("num")
    party = m.group("psym") is not None
    sym_raw = m.group("psym") if party else m.group("sym")
    year = int(m.group("year")) if m.group("year") else None
    line_start = mt.rfind("\n", 0, m.start()) + 1
    before = mt[max(line_start, m.start() - 160) : m.start()]

    ref_type: str | None = None
    type_source = "text"
    start = m.start()
    subject: str | None = None
    printed_generic = False
    tm = vocab.type_at_end.search(before)
    lm = vocab.law_before_number_re.search(before)
    if tm:
        word = tm.group("type")
        key = word if word in vocab.type_of else match_text(word).lower()
        key = re.sub(r"\s+", " ", key)
        if key in vocab.generic:
            printed_generic = True
        else:
            ref_type = vocab.type_of.get(key)
        start = m.start() - len(before) + tm.start("type")
    elif lm:
        ref_type = vocab.type_of.get(match_text(lm.group("word")).lower(), lm.group("word"))
        offset = m.start() - len(before)
        name = doc.text[offset + lm.start("name") : offset + lm.end("name")]
        subject = f"{lm.group('word')} {name}"
        start = m.start() - len(before) + lm.start("word")
    bare_so = _BARE_SO_RE.search(before)
    if num is None and not bare_so:
        return None  # a blank number only after "số" (drafts: "Kế hoạch số /KH-SGDĐT")
    if num is None and not (tm or lm):
        return None
    implied = type_from_symbol(sym_raw)
    if ref_type is None:
        if not (tm or lm or bare_so) and not (implied or year or party):
            return None  # a bare code like "Quận 8/ABC" is not a document number
        if implied:
            ref_type, type_source = implied, "symbol"
        elif bare_so and not printed_generic:
            ref_type, type_source = _inherited_type(prior, mt, m.start()) or (
                vocab.untyped,
                "symbol",
            )
        else:
            ref_type, type_source = vocab.untyped, "symbol"
    if ref_type is None:
        return None
    if bare_so and not tm and not lm:
        start = (
            m.start()
            - len(before)
            + bare_so.start()
            + (1 if before[bare_so.start()] in " ,;:(\t" else 0)
        )

    sym_text = re.sub(r"\s+", "", doc.text[m.start("psym") if party else m.start("sym") : m.end()])
    number = num
    key_core = doc.text[m.start() : m.end()]
    ref_key = re.sub(r"\s+", "", key_core)
    end = m.end()

    issue_date = None
    dm = _DATE_AFTER.match(mt, end, min(len(mt), end + 60))
    if dm and (_DATE_REQUIRES_NGAY.match(mt, end) or dm.group("d")):
        issue_date = _parse_date(dm)
        if issue_date:
            end = dm.end()
    issuer = None
    im = _ISSUER_OPENER_RE.match(mt, end)
    if im:
        stop = vocab.issuer_stop_re.search(mt, im.end(), min(len(mt), im.end() + 120, next_start))
        iss_end = stop.start() if stop else min(len(mt), im.end() + 120, next_start)
        nm = vocab.next_mention_re.search(mt, im.end(), iss_end)
        if nm:
            iss_end = nm.start()
        cand = doc.text[im.end() : iss_end].strip()
        if cand and cand[0].isupper() and len(cand.split()) <= 14:
            issuer = cand
            end = im.end() + len(doc.text[im.end() : iss_end].rstrip())
    if subject is None:
        sm = vocab.subject_re.match(mt, end)
        if sm:
            opener = sm.group("opener").lower()
            s_from = sm.end() if opener in ("về", "về việc", "v/v") else sm.start("opener")
            s_to = _clause_end(
                mt,
                s_from,
                min(len(mt), s_from + 400, next_start if next_start > s_from else len(mt)),
            )
            subj = doc.text[s_from:s_to].strip(" ,;:-–")
            subject = _trim_subject(re.sub(r"\s+", " ", subj), vocab)
    pinpoint = None
    pm = vocab.pinpoint_re.search(mt[max(line_start, start - 60) : start])
    if pm:
        pinpoint = re.sub(r"\s+", " ", pm.group("pin"))
    if year is None and issue_date is not None:
        year = issue_date.year
    symbol = sym_text
    is_self = _is_self(info, number, symbol, ref_key, mt, start)
    return LegalRef(
        ref_id=f"{doc.doc_id}:ref:{start}",
        ref_key=ref_key,
        ref_type=ref_type,
        number=number,
        year=year,
        symbol=symbol,
        issue_date=issue_date,
        issuer=issuer,
        subject=subject,
        pinpoint=pinpoint,
        relation="other",
        is_self=is_self,
        quote=doc.text[start:end],
        char_start=start,
        char_end=end,
        type_source=type_source,
    )


def _trim_subject(subject: str, vocab: _Vocab) -> str | None:
    """Cut a subject that ran into the next mention (``... của Nghị định``) at its type word."""
    tm = vocab.type_at_end.search(match_text(subject))
    if tm:
        subject = subject[: tm.start("type")]
    if subject.rstrip().endswith(_DANGLING_WORDS):  # the pattern ends so; a quick test first
        subject = _DANGLING_RE.sub("", subject)
    return subject.strip(" ,;:-–") or None


_DANGLING_WORDS = ("của", "và", "tại", "theo", "các")
_DANGLING_RE = re.compile(r"(?:[\s,;:]+(?:" + "|".join(_DANGLING_WORDS) + r"))+\s*$")


def _inherited_type(prior: list[LegalRef], mt: str, pos: int) -> tuple[str, str] | None:
    """``các Quyết định: số 31/QĐ-SGDĐT ...; số 29/...``: the list's printed type carries on."""
    sentence_start = max(mt.rfind("\n", 0, pos), mt.rfind(". ", 0, pos))
    for r in reversed(prior):
        if r.char_start < sentence_start:
            break
        if r.type_source == "text" and r.ref_type:
            return r.ref_type, "list"
    plural = re.search(
        r"các\s+(?P<t>[^\s:;,]+(?:\s+[^\s:;,]+)?)\s*:\s*[^.\n]*$",
        mt[max(sentence_start, 0) : pos],
        re.I,
    )
    if plural:
        word = match_text(plural.group("t")).lower()
        for cut in (word, word.split()[0]):
            t = _vocab().type_of.get(cut)
            if t:
                return t, "list"
    return None


def _is_self(
    info: DocumentInfo, number: str | None, symbol: str, ref_key: str, mt: str, start: int
) -> bool:
    if info.doc_number and ref_key.lower() == re.sub(r"\s+", "", info.doc_number).lower():
        return True
    return bool(number is None and info.doc_symbol and symbol.lower() == info.doc_symbol.lower())


# The cheap half of "Kế hoạch số 39": found first, then the type word is looked for before it.
# Searched in the lower-cased text: a pattern opening with a literal is found by a fast scan.
_NUMBER_ONLY_TAIL_RE = re.compile(r"số\s*[:.]?\s*\d{1,5}(?![\w/\-]|[.,]\d)")


def _numbers_without_symbol(
    doc: Document, mt: str, numbered: list[LegalRef], skip: list[tuple[int, int]], vocab: _Vocab
) -> list[LegalRef]:
    """``Nghị quyết số 29 của Ban Chấp hành ...``: the type and number, no symbol."""
    taken = _Spans((r.char_start, r.char_end) for r in numbered)
    out: list[LegalRef] = []
    for tail in _NUMBER_ONLY_TAIL_RE.finditer(lower_text(mt)):
        m = vocab.number_only_re.search(mt, max(0, tail.start() - 40), tail.end())
        if m is None or m.end() != tail.end():
            continue
        s, e = m.start("type"), m.end()
        if taken.overlaps(s, e) or any(a <= s < b for a, b in skip):
            continue
        key = match_text(m.group("type")).lower()
        ref_type = vocab.type_of.get(re.sub(r"\s+", " ", key))
        if ref_type is None:
            continue
        out.append(
            LegalRef(
                ref_id=f"{doc.doc_id}:ref:{s}",
                ref_key=m.group("num"),
                ref_type=ref_type,
                number=m.group("num"),
                year=None,
                symbol=None,
                issue_date=None,
                issuer=None,
                subject=None,
                pinpoint=_pinpoint_before(mt, s, vocab),
                relation="other",
                is_self=False,
                quote=doc.text[s:e],
                char_start=s,
                char_end=e,
            )
        )
    return out


def _law_name_key(name: str) -> str:
    return re.sub(r"[\s,]+", " ", fold_tones(name)).strip().casefold()


def _resolve_law_names(by_name: list[LegalRef], numbered: list[LegalRef]) -> list[LegalRef]:
    """``Luật Căn cước`` after ``Luật Căn cước số 26/2023/QH15`` in the same document is that
    law: the short form takes the number's key (as eyecite resolves short citations)."""
    full = {
        _law_name_key(r.subject): r
        for r in numbered
        if r.number and r.subject and r.ref_type in ("Luật", "Bộ luật", "Pháp lệnh")
    }
    # A law named once with its year ("Luật Phòng, chống thiên tai năm 2013") and then without:
    # the same law, unless the document names it with two different years.
    years: dict[str, set[int]] = {}
    for r in by_name:
        if r.year:
            years.setdefault(_law_name_key(r.subject or ""), set()).add(r.year)
    dated = {k: next(iter(v)) for k, v in years.items() if len(v) == 1}
    for r in by_name:
        name = _law_name_key(r.subject or "")
        if not r.year and name in dated and name not in full:
            r.year = dated[name]
            r.ref_key = f"{r.ref_key} {r.year}"
        target = full.get(name)
        if target is None or (r.year and target.year and r.year != target.year):
            continue
        r.ref_key, r.number = target.ref_key, target.number
        r.symbol, r.year = target.symbol, target.year
        r.issue_date = r.issue_date or target.issue_date
        r.ref_type = target.ref_type
    return by_name


_LAW_YEAR_RE = re.compile(r"\s+(?:năm\s+)?((?:19|20)\d{2})(?![\d/])")


def _comma_extension(mt: str, name_end: int, name: str, vocab: _Vocab) -> int | None:
    """End of ``, khen thưởng`` after a one- or two-word law name (``Luật Thi đua``), when
    lower-case words that are not stop words follow the comma; else None."""
    if len(name.split()) > 2 or not mt.startswith(", ", name_end):
        return None
    pos, end = name_end + 2, None
    for _ in range(4):
        w = re.match(r"[^\W\d_]+", mt[pos:])
        if not w or not w.group(0)[0].islower() or w.group(0).lower() in vocab.law_stop_words:
            break
        end = pos + w.end()
        if not mt.startswith(" ", end):
            break
        pos = end + 1
    return end


def _laws_by_name(
    doc: Document, mt: str, numbered: list[LegalRef], skip: list[tuple[int, int]], vocab: _Vocab
) -> list[LegalRef]:
    """``Luật Giáo dục 2019``, ``Luật Ngân sách nhà nước`` — laws cited without a number."""
    taken = _Spans((r.char_start, r.char_end) for r in numbered)
    out: list[LegalRef] = []
    low = lower_text(mt)
    law_starts = (m.start() for m in overlapping(vocab.law_start_re, low))
    for m in finditer_at(vocab.law_re, mt, law_starts):
        s, e = m.start(), m.end()
        if taken.overlaps(s, e) or any(a <= s < b for a, b in skip):
            continue
        if m.group("word")[0].islower() and not (
            m.group("year") and len(m.group("name").split()) <= 4
        ):
            continue  # "pháp luật ..." is no citation; "luật giáo dục 2019" is
        name_end, year_text = m.end("name"), m.group("year")
        ext = _comma_extension(mt, name_end, m.group("name"), vocab)
        if ext and not year_text:
            # "Luật Thi đua, khen thưởng năm 2022": a short name goes on after its comma.
            name_end = ext
            ym = _LAW_YEAR_RE.match(mt, name_end)
            year_text = ym.group(1) if ym else None
            e = ym.end() if ym else name_end
        name = re.sub(r"\s+", " ", doc.text[m.start("name") : name_end]).strip()
        if vocab.law_not_after_re.search(mt, max(0, s - 30), s):
            continue  # "Trường Đại học Luật Hà Nội" names a school, not a law
        first = name.split()[0]
        if first.lower() in vocab.law_not_names or len(name) < 3:
            continue
        if first[0].islower() and len(name.split()) < 2:
            continue
        issue_date = None
        dm = _DATE_AFTER.match(mt, e, min(len(mt), e + 60))
        if dm and _DATE_REQUIRES_NGAY.match(mt, e) and (issue_date := _parse_date(dm)):
            e = dm.end()  # "Luật Ngân sách nhà nước ngày 25/6/2015"
        word = doc.text[m.start("word") : m.end("word")]
        word_norm = word[0].upper() + word[1:]
        year = int(year_text) if year_text else None
        # One law, however the citing text punctuates or capitalizes its name.
        canonical = re.sub(r"\s*,\s*", " ", name)
        key = fold_tones(
            f"{word_norm} {canonical[0].upper()}{canonical[1:]}" + (f" {year}" if year else "")
        )
        ref_type = vocab.type_of.get(match_text(word_norm).lower(), word_norm)
        out.append(
            LegalRef(
                ref_id=f"{doc.doc_id}:ref:{s}",
                ref_key=key,
                ref_type=ref_type,
                number=None,
                year=year,
                symbol=None,
                issue_date=issue_date,
                issuer=None,
                subject=f"{word_norm} {name}",
                pinpoint=_pinpoint_before(mt, s, vocab),
                relation="other",
                is_self=False,
                quote=doc.text[s:e],
                char_start=s,
                char_end=e,
            )
        )
    return out


def _pinpoint_before(mt: str, start: int, vocab: _Vocab) -> str | None:
    pm = vocab.pinpoint_re.search(mt[max(0, start - 60) : start])
    return re.sub(r"\s+", " ", pm.group("pin")) if pm else None


# Sentence stops; line breaks, the other stop, are found with str.rfind.
_SENTENCE_STOP_RE = re.compile(r"[.!?](?=\s+[A-ZĐÀ-Ỹ])")


def _assign_relations(mt: str, refs: list[LegalRef], vocab: _Vocab) -> None:
    """Each mention takes the nearest cue before it in its sentence (``Căn cứ``, ``Thực hiện``,
    ``theo`` ...); cues inside other mentions don't count. Cues and sentence stops are found
    once per document, so long paragraphs of references cost no more than short ones."""
    low = lower_text(mt)
    # One scan for where any cue starts instead of one per relation.
    starts = [m.start() for m in overlapping(vocab.cue_start_re, low)]
    cues = sorted(
        (m.start(), rel != "theo", rel)  # at one position a specific cue beats "theo"
        for rel, rx in vocab.relations
        for m in finditer_at(rx, low, starts)
        if m.start() == 0 or (not low[m.start() - 1].isalnum() and low[m.start() - 1] != "_")
    )
    cue_starts = [c[0] for c in cues]
    stops = [0] + [m.end() for m in _SENTENCE_STOP_RE.finditer(mt)]
    ref_starts = [r.char_start for r in refs]
    for ref in refs:
        if ref.is_self:
            ref.relation = "ban_hanh_kem_theo"
            continue
        window_start = max(
            stops[bisect_right(stops, ref.char_start) - 1], mt.rfind("\n", 0, ref.char_start) + 1
        )
        ref.relation = "other"
        k = bisect_left(cue_starts, ref.char_start) - 1
        while k >= 0 and cues[k][0] >= window_start:
            pos = cues[k][0]
            owner = bisect_right(ref_starts, pos) - 1
            inside = owner >= 0 and refs[owner] is not ref and refs[owner].char_end > pos
            if not inside:
                ref.relation = cues[k][2]
                break
            k -= 1
