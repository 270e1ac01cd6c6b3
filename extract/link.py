"""Resolution: group legal-reference mentions into the documents they cite (``legal_index``).

A mention is found by the legal_refs extractor; this step decides which mentions, across
the whole corpus, point at the same document. Two mentions are the same document when

- their ``ref_key`` (number and symbol) match, ignoring letter case and whitespace
  (``4424/QĐ-UBND`` = ``4424/qđ-ubnd``), and
- their issue dates do not conflict (``2022-05-11`` vs ``2022-01-11`` conflict; a year alone
  conflicts only with another year: ``2021`` vs ``2021-12-31`` is fine), and
- their issuing localities do not conflict (``Ủy ban nhân dân thành phố Hải Phòng`` vs
  ``UBND tỉnh Hưng Yên``). A missing date, year or issuer conflicts with nothing.

Local documents are usually cited without the place: a Hải Phòng plan writes ``Quyết định
số 4647/QĐ-UBND ... của Ủy ban nhân dân thành phố``. When the printed issuer is such an
unnamed local body and the citing document is itself a local one of the same tier (its
header names the province, or its place line does), the citing document's locality stands
in for the missing name, so ``05/KH-UBND`` of Hải Phòng and of Hưng Yên stay apart.

Mentions are assigned most specific first (dated and located ones found the groups), and a
vaguer mention joins the compatible group that already holds a mention from its own
document, else the largest. Only documents with status ``ok`` or ``partial`` count.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from .model import DocumentInfo, Extraction, LegalRef
from .normalize import match_text

COUNTED_STATUSES = ("ok", "partial")

# Words that name an administrative level, in the tone-folded spelling of ``match_text``,
# with the tier of the body they name. Party committees (Thành ủy, Tỉnh ủy) sit with their
# province, district ones with their district.
_LEVEL_TIERS = {
    "tỉnh ủy": "province",
    "thành ủy": "province",
    "quận ủy": "district",
    "huyện ủy": "district",
    "thị ủy": "district",
    "tỉnh": "province",
    "thành phố": "province",
    "tp.": "province",
    "tp": "province",
    "thủ đô": "province",
    "quận": "district",
    "huyện": "district",
    "thị xã": "district",
    "thị trấn": "commune",
    "xã": "commune",
    "phường": "commune",
}
_LEVEL_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(w) for w in sorted(_LEVEL_TIERS, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)
# A Sở (provincial department) is a province-tier body even when no place is named.
_SO_RE = re.compile(r"(?<!\w)(?:Sở|SỞ)(?!\w)")
# Bodies that only exist locally; "Văn phòng Chính phủ" is central, hence the look-behind.
_LOCAL_BODY_RE = re.compile(
    r"(?<!\w)(?:ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd|sở|(?<!văn )phòng|trường)(?!\w)",
    re.IGNORECASE,
)
# Issuing-body codes of local bodies inside a document symbol (05/KH-SGDĐT, 39/KH-PGDĐT).
_LOCAL_SYMBOL_RE = re.compile(r"(?:UBND|HĐND|SGD|PGD|[-/](?:TU|HU|QU)\b)", re.IGNORECASE)
# Folded words that end a place name in upper-case headers ("... HẢI PHÒNG SỞ GIÁO DỤC").
_NAME_STOPS = {"so", "ve", "cua", "v/v", "ban", "uy"}
_NAME_ALIASES = {"hcm": "ho chi minh", "tphcm": "ho chi minh", "tp.hcm": "ho chi minh"}


@dataclass(frozen=True, slots=True)
class Locality:
    """Where an issuer sits: ``key`` compares (folded name), ``name`` displays, ``tier`` ranks."""

    key: str | None
    name: str | None
    tier: str | None


@dataclass(slots=True)
class _Mention:
    doc_id: str
    ref: LegalRef
    key: str
    year: int | None
    locality: Locality | None
    inferred: bool  # the locality is the citing document's, not printed in the issuer


@dataclass(slots=True)
class _Group:
    key: str
    order: int
    mentions: list[_Mention] = field(default_factory=list)
    doc_ids: set[str] = field(default_factory=set)
    issue_date: date | None = None
    year: int | None = None
    locality: str | None = None

    def accepts(self, m: _Mention) -> bool:
        return not (
            _differ(self.issue_date, m.ref.issue_date)
            or _differ(self.year, m.year)
            or _differ(self.locality, m.locality.key if m.locality else None)
        )

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        self.doc_ids.add(m.doc_id)
        self.issue_date = self.issue_date or m.ref.issue_date
        self.year = self.year or m.year
        if self.locality is None and m.locality is not None:
            self.locality = m.locality.key


def _differ(a: object, b: object) -> bool:
    return a is not None and b is not None and a != b


def fold_key(ref_key: str) -> str:
    """The comparison form of a ref_key: NFC, no whitespace, case folded."""
    return "".join(unicodedata.normalize("NFC", ref_key).split()).casefold()


def fold_name(text: str) -> str:
    """A place name without diacritics or case: ``Hưng Yên`` and the typo ``Hung Yên`` agree."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    words = re.sub(r"[^\w/.\-]+", " ", bare.casefold()).split()
    folded = " ".join(words).strip(" .")
    return _NAME_ALIASES.get(folded, folded)


@lru_cache(maxsize=8192)  # the same few issuers are cited thousands of times
def locality_of(issuer: str | None) -> Locality | None:
    """The locality an issuer names, or just its tier when it names none.

    ``Ủy ban nhân dân thành phố Hải Phòng`` → Hải Phòng (province);
    ``Phòng Giáo dục và Đào tạo Quận 8`` → Quận 8 (district);
    ``UBND TP.HCM`` → Hồ Chí Minh; ``Ủy ban nhân dân Thành phố`` → unnamed, province tier;
    ``Sở Nội vụ`` → unnamed, province tier; ``Chính phủ`` → None.
    """
    if not issuer:
        return None
    folded = match_text(issuer)
    first_tier = None
    for m in _LEVEL_RE.finditer(folded):
        level = m.group(1).casefold()
        tier = _LEVEL_TIERS[level]
        first_tier = first_tier or tier
        name = _name_after(issuer, m.end())
        if name:
            # A bare number ("Quận 8") is only a name together with its level word.
            display = f"{issuer[m.start():m.end()]} {name}" if name[0].isdigit() else name
            if display.isupper() and " " in display:  # "HẢI PHÒNG" from a header
                display = display.title()
            return Locality(fold_name(display), display, tier)
    if first_tier is None and _SO_RE.search(issuer):
        first_tier = "province"
    return Locality(None, None, first_tier) if first_tier else None


def _name_after(text: str, pos: int) -> str | None:
    """The capitalized words right after a level word: ``tỉnh Hưng Yên về ...`` → Hưng Yên."""
    words: list[str] = []
    for token in text[pos:].lstrip(" .").split():
        word = token.rstrip(",;:.)")
        if not word or not (word[0].isupper() or word[0].isdigit() or word in "-–"):
            break
        if fold_name(word) in _NAME_STOPS and words:
            break
        words.append(word)
        if word != token:  # punctuation closes the name
            break
    while words and words[-1] in "-–":
        words.pop()
    return " ".join(words) or None


def document_locality(info: DocumentInfo) -> Locality | None:
    """Where a local citing document sits, from its header; None for central documents."""
    own = locality_of(info.issuer)
    if own and own.key:
        return own
    if not _is_local(info):
        return None
    place = (info.place or "").strip()
    if not place:
        return None
    named = locality_of(place)
    if named and named.key:
        return named
    return Locality(fold_name(place), place, "province")


def _is_local(info: DocumentInfo) -> bool:
    if info.issuer and (_LOCAL_BODY_RE.search(match_text(info.issuer)) or locality_of(info.issuer)):
        return True
    symbol = info.doc_symbol or info.doc_number or ""
    return bool(_LOCAL_SYMBOL_RE.search(symbol))


def _mention_locality(printed: Locality | None, citing: Locality | None) -> Locality | None:
    """The printed locality, or the citing document's for an unnamed body of its tier."""
    if printed is None or printed.key:
        return printed
    if citing is not None and citing.tier == printed.tier:
        return citing
    return printed


def _mentions(extractions: list[Extraction]) -> list[_Mention]:
    out: list[_Mention] = []
    for ex in extractions:
        if ex.status not in COUNTED_STATUSES:
            continue
        citing = document_locality(ex.info)
        for ref in ex.legal_refs:
            if not ref.ref_key:
                continue
            year = ref.issue_date.year if ref.issue_date else ref.year
            printed = locality_of(ref.issuer)
            locality = _mention_locality(printed, citing)
            out.append(_Mention(ex.document.doc_id, ref, fold_key(ref.ref_key), year, locality,
                                inferred=locality is not printed))
    return out


def _specificity(m: _Mention) -> tuple:
    # Dated and located mentions found the groups; vaguer ones then join them.
    located = m.locality is not None and m.locality.key is not None
    return (m.ref.issue_date is None, not located, m.year is None, m.doc_id, m.ref.char_start,
            m.ref.ref_id)


def _group(mentions: list[_Mention]) -> list[_Group]:
    groups: list[_Group] = []
    by_key: dict[str, list[_Group]] = {}
    for m in sorted(mentions, key=_specificity):
        candidates = [g for g in by_key.get(m.key, []) if g.accepts(m)]
        if candidates:
            best = max(candidates, key=lambda g: (
                m.doc_id in g.doc_ids, len(g.mentions), -g.order))
        else:
            best = _Group(m.key, len(groups))
            groups.append(best)
            by_key.setdefault(m.key, []).append(best)
        best.add(m)
    return groups


def most_frequent(values: list[Any]) -> Any:
    """The most frequent non-null value; ties go to the one listed first."""
    present = [v for v in values if v is not None and v != ""]
    if not present:
        return None
    counts = Counter(present)  # keys in order of first appearance
    return max(counts, key=counts.__getitem__)  # max keeps the first of equal counts


def _in_reading_order(mentions: list[_Mention]) -> list[_Mention]:
    return sorted(mentions, key=lambda m: (m.doc_id, m.ref.char_start, m.ref.ref_id))


def _row(group: _Group, ref_key: str, index_id: str, labels: dict[str, str]) -> dict:
    # Ties between spellings go to the fullest citation (dated, located), not to whichever
    # document happens to sort first.
    mentions = sorted(group.mentions, key=_specificity)
    refs = [m.ref for m in mentions]
    doc_ids = sorted({m.doc_id for m in mentions})
    # A name printed in an issuer reads better than a place line ("Hung Yên" typos).
    printed = [m.locality.name for m in mentions
               if m.locality and m.locality.key and not m.inferred]
    inferred = [m.locality.name for m in mentions if m.locality and m.locality.key]
    return {
        "index_id": index_id,
        "ref_key": ref_key,
        "ref_type": most_frequent([r.ref_type for r in refs]),
        "number": most_frequent([r.number for r in refs]),
        "year": most_frequent([m.year for m in mentions]),
        "symbol": most_frequent([r.symbol for r in refs]),
        "issue_date": most_frequent([r.issue_date for r in refs]),
        "issuer": most_frequent([r.issuer for r in refs]),
        "subject": most_frequent([r.subject for r in refs]),
        "locality": most_frequent(printed) or most_frequent(inferred),
        "n_docs": len(doc_ids),
        "n_mentions": len(refs),
        "n_self": sum(1 for r in refs if r.is_self),
        "doc_ids": doc_ids,
        "citing": [labels.get(d, d) for d in doc_ids],
        "relations": sorted({r.relation for r in refs if r.relation}),
    }


def _group_order(group: _Group) -> tuple:
    first = _in_reading_order(group.mentions)[0]
    return (group.issue_date or date.max, group.year or 10**6, group.locality or "",
            first.doc_id, first.ref.char_start)


def doc_label(ex: Extraction) -> str:
    """How a citing document is named to a reader: its number, else its file name."""
    return ex.info.doc_number or Path(ex.document.source_path).name or ex.document.doc_id


def link_mentions(extractions: list[Extraction]) -> tuple[list[dict], dict[str, str]]:
    """The legal_index rows and, for every counted mention, ``ref_id → index_id``.

    ``index_id`` is the ref_key itself when only one document carries that key, else
    ``<ref_key>#1``, ``#2``... numbered by issue date, year, locality, first citation.
    """
    labels = {ex.document.doc_id: doc_label(ex) for ex in extractions}
    groups = _group(_mentions(extractions))
    by_key: dict[str, list[_Group]] = {}
    for g in groups:
        by_key.setdefault(g.key, []).append(g)
    rows: list[dict] = []
    mention_index: dict[str, str] = {}
    for same_key in by_key.values():
        everyone = sorted((m for g in same_key for m in g.mentions), key=_specificity)
        ref_key = most_frequent([m.ref.ref_key.strip() for m in everyone])
        for n, group in enumerate(sorted(same_key, key=_group_order), start=1):
            index_id = ref_key if len(same_key) == 1 else f"{ref_key}#{n}"
            rows.append(_row(group, ref_key, index_id, labels))
            mention_index.update({m.ref.ref_id: index_id for m in group.mentions})
    rows.sort(key=lambda r: (r["ref_key"], r["index_id"]))
    return rows, mention_index


def build_legal_index(extractions: list[Extraction]) -> list[dict]:
    """One row per distinct referenced document across the corpus (SCHEMA ``legal_index``).

    Columns: index_id, ref_key, ref_type, number, year, symbol, issue_date, issuer, subject,
    locality, n_docs, n_mentions, n_self (mentions of a document by itself), doc_ids and
    citing (labels of the citing documents, same order), relations. Sorted by ref_key, index_id.
    """
    return link_mentions(extractions)[0]
