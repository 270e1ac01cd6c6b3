"""Character-level normalization shared by every reader.

Two texts exist per document: the *display* text (NFC, markup removed, the document's own
spelling) that offsets index, and a *match* text of the same length in which spelling
variants that Vietnamese typists use interchangeably are made equal, so one pattern in
``patterns/`` matches both ``hoà`` and ``hòa``. Extractors search the match text and quote
the display text at the same offsets.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

_TONES = "\u0300\u0301\u0309\u0303\u0323"  # grave, acute, hook above, tilde, dot below


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _tone_pairs() -> dict[str, str]:
    """Old-style ``oà``/``uỷ`` (tone on the second vowel of an open syllable) → new style.

    Both spellings are correct Vietnamese in use side by side (``hoà``/``hòa``,
    ``thuỷ``/``thủy``); the two-character pair keeps the text length unchanged.
    """
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for tone in _TONES:
            for f, s in ((first, second), (first.upper(), second.upper()), (first.upper(), second)):
                old = nfc(f + nfc(s + tone))
                new = nfc(nfc(f + tone) + s)
                if len(old) == len(new) == 2:
                    pairs[old] = new
    return pairs


_TONE_PAIRS = _tone_pairs()
# Only in open syllables (nothing but a non-letter after the pair), and not after "q", where
# "u" belongs to the consonant ("quý" is spelled one way only).
# The "q" test sits after the vowel so the pattern opens with a character class, which lets
# ``re`` skip ahead instead of trying a look-behind at every position.
_TONE_RE = re.compile(
    r"([oOuU](?<![qQ][oOuU])[" + "".join(sorted({p[1] for p in _TONE_PAIRS})) + r"])(?![^\W\d_])"
)


def fold_tones(text: str) -> str:
    """Same-length copy of ``text`` with tone-mark placement made canonical.

    >>> fold_tones("Hoà Bình, thuỷ lợi, hòa nhã, quý")
    'Hòa Bình, thủy lợi, hòa nhã, quý'
    """
    return _TONE_RE.sub(lambda m: _TONE_PAIRS.get(m.group(1), m.group(1)), text)


@lru_cache(maxsize=32768)
def match_text(text: str) -> str:
    """The text extractors search: tone placement folded and typographic variants unified.

    Every replacement maps one character to one character, so offsets are shared with the
    display text.
    """
    folded = fold_tones(text)
    # str.translate looks every character up in a dict; the few variant characters are
    # found faster by one character-class scan.
    return _VARIANT_RE.sub(lambda m: _CHAR_MAP[ord(m.group())], folded)


def clear_caches() -> None:
    """Forget the texts of the document before: a batch reuses nothing across documents, so
    what one document costs does not depend on which others came before it."""
    match_text.cache_clear()
    lower_text.cache_clear()


# re.I equates these with "i" and "s" (re._casefix); str.lower() does not ("İ" even lowers to
# two characters). Mapped first, every re.I match of a word is a plain match of the lowered
# word at the same offset.
_CASE_FIX = {"İ": "i", "ı": "i", "ſ": "s"}


def lowered(text: str) -> str:
    """Same-length lower-case copy of ``text`` in which ``re.I`` matches of a word are plain
    matches of the lower-cased word.

    Searching it with a lower-case pattern is several times faster than ``re.I`` on the
    original, which keeps ``re`` from skipping ahead to a pattern's first letter.
    """
    for c, fix in _CASE_FIX.items():  # rare; str.replace is much faster than str.translate
        if c in text:
            text = text.replace(c, fix)
    low = text.lower()
    if len(low) != len(text):  # no such character in today's Unicode; keep offsets if one comes
        low = "".join(c.lower()[:1] for c in text)
    return low


@lru_cache(maxsize=8)
def lower_text(text: str) -> str:
    """:func:`lowered` of a whole document, computed once for every stage that searches it."""
    return lowered(text)


def overlapping(
    rx: re.Pattern[str], text: str, pos: int = 0, endpos: int = sys.maxsize
) -> Iterator[re.Match[str]]:
    """The match of ``rx`` at every offset where it matches, overlapping ones too (``luật``
    inside ``bộ luật``).

    A search restarted one character on is much cheaper than the equivalent ``(?=...)``
    pattern, which ``re`` cannot skip ahead with.
    """
    m = rx.search(text, pos, endpos)
    while m is not None:
        yield m
        m = rx.search(text, m.start() + 1, endpos)


def finditer_at(rx: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern whose matches can only begin at ``starts``
    (ascending positions found by a cheap scan first, such as a lower-case keyword)."""
    last_end = 0
    for p in starts:
        if p < last_end:
            continue
        m = rx.match(text, p)
        if m is not None:
            last_end = m.end() if m.end() > p else p + 1
            yield m


_CHAR_MAP = str.maketrans(
    {
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2212": "-",  # minus sign
        "\u00a0": " ",
        "\u201c": '"',
        "\u201d": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u0110": "Đ",  # already Đ; kept for clarity of the table
        "\u00d0": "Đ",  # Icelandic eth typed for Đ by some legacy fonts
    }
)

_VARIANT_RE = re.compile("[" + re.escape("".join(map(chr, _CHAR_MAP))) + "]")

_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPTS, "0123456789")

# Footnote markers glued to words: "GD&ĐT^{1, 2, ..}", "hiệu quả¹¹.", "[footnoteRef:1]".
# A superscript after a lone "m"/"km"/"cm" is a unit power (m², km²), not a footnote.
FOOTNOTE_MARKER_RE = re.compile(
    r"\^\{[\d\s,.;…]*\}"
    r"|\[footnoteRef:\d+\]"
    r"|[" + _SUPERSCRIPTS + r"]+(?:[,\s]*[" + _SUPERSCRIPTS + r"]+)*"
)
_FOOTNOTE_CHAR_RE = re.compile(r"[\^\[" + _SUPERSCRIPTS + "]")  # a marker opens with one
_UNIT_BEFORE_POWER_RE = re.compile(r"(?:^|[^\w])(?:k|c|d)?m$")


def split_footnote_markers(text: str) -> tuple[str, list[str]]:
    """Remove footnote markers from running text; return the clean text and the labels.

    >>> split_footnote_markers("tại Sở GD&ĐT^{1, 2, ..} và hiệu quả¹¹.")
    ('tại Sở GD&ĐT và hiệu quả.', ['1, 2', '11'])
    """
    if not _FOOTNOTE_CHAR_RE.search(text):  # one fast scan; the markers' pattern tries everywhere
        return text, []
    labels: list[str] = []

    def drop(m: re.Match[str]) -> str:
        raw = m.group(0)
        if raw[0] in _SUPERSCRIPTS and _UNIT_BEFORE_POWER_RE.search(
            text[max(0, m.start() - 4) : m.start()]
        ):
            return raw
        digits = re.sub(r"[^\d,]+", " ", raw.translate(_SUP_TO_DIGIT)).strip()
        digits = re.sub(r"\s*,\s*", ", ", digits).strip(", ")
        if digits:
            labels.append(digits)
        return ""

    out = FOOTNOTE_MARKER_RE.sub(drop, text)
    return out, labels


_LEADING_LABEL_RE = re.compile(r"\s*([" + _SUPERSCRIPTS + r"]+)\s*(\S.*)")


def leading_footnote_label(line: str) -> tuple[str | None, str]:
    """``"¹ Ban hành ..."`` → ``("1", "Ban hành ...")``: a footnote body paragraph."""
    m = _LEADING_LABEL_RE.match(line)
    if not m:
        return None, line
    return m.group(1).translate(_SUP_TO_DIGIT), m.group(2)


# Runs of two or more, or one that is not a plain space: single spaces, most of any text,
# are left alone instead of being replaced by themselves.
_WS_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]{2,}|[\t\u00a0\u2000-\u200b\u3000]")


def collapse_spaces(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200c\u200d\u00ad]")


def strip_controls(text: str) -> str:
    """Drop control characters, BOMs, soft hyphens and zero-width joiners."""
    return _CONTROL_RE.sub("", text)


def anchored_finditer(
    rx: re.Pattern[str],
    anchor: re.Pattern[str],
    text: str,
    back: int,
    may_start: Callable[[int, int], Iterable[int]] | None = None,
) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern every match of which starts at a word start (or
    at the anchor) at most ``back`` characters before an ``anchor`` match and contains it.

    Python's ``re`` tries a pattern that opens with an optional group or a look-behind at
    every position; finding a cheap anchor first (a year, a slash between digits) and trying
    the pattern only at the word starts just before it is several times faster. A pattern
    that can open only with some words or a digit passes ``may_start(lo, hi)``: the
    positions in ``[lo, hi)`` where it may start, ascending, so fewer starts are tried.
    """
    last_end = 0
    for a in anchor.finditer(text):
        at = a.start()
        if at < last_end:
            continue
        lo = max(last_end, at - back)
        candidates = range(lo, at) if may_start is None else may_start(lo, at)
        starts = [p for p in candidates if p == 0 or not text[p - 1].isalnum()]
        starts.append(at)
        for p in starts:
            m = rx.match(text, p)
            if m is not None and m.end() > at:
                last_end = max(m.end(), m.start() + 1)
                yield m
                break
