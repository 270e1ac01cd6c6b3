"""The shortcuts taken for speed give what the plain computation gives.

Each fast path of ``targets`` and of the text readers (a pattern tried only where it can
match, a document's texts cleaned in one pass) is checked against the plain computation on
windows of the corpus and on edge cases.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract.extractors import targets
from extract.normalize import match_text
from extract.read import clean_inline, clean_inline_all
from extract.read.encodings import _looks_binary

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _windows(n: int = 400, seed: int = 3) -> list[str]:
    texts = [match_text(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]
    rng = random.Random(seed)
    out = ["", " ", ":", " : ", "(", "tối thiểu", "đạt:", "ít nhất là  ", "x\n"]
    for _ in range(n):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        out.append(t[max(0, a - rng.randrange(1, 120)) : a])
    return out


END_PATTERNS = [
    "sym_before_re",
    "label_re",
    "count_lead_re",
    "open_count_re",
    "diff_re",
    "category_not_after_re",
    "year_not_after_re",
]


@pytest.mark.parametrize("name", END_PATTERNS)
def test_end_anchored_search_finds_the_first_match(name):
    end_re = getattr(targets._vocab(), name)
    for text in _windows():
        for pos in (0, len(text) // 3):
            fast = end_re.search(text, pos)
            plain = end_re.rx.search(text, pos)
            assert (fast and fast.span()) == (plain and plain.span()), (name, text)


def test_chain_and_trailing_prechecks_agree_with_the_patterns():
    vocab = targets._vocab()
    for text in _windows():
        fast = targets._chain_before(text)
        plain = vocab.chain_re.search(text)
        assert (fast and fast.span()) == (plain and plain.span()), text
        m = vocab.trailing_re.search(text)
        assert targets._strip_trailing(text) == (text[: m.start()] if m else text), text


def test_numbers_are_those_of_the_number_pattern():
    for text in _windows(200):
        ctx = targets._Ctx(
            doc=None, mt=text, report=False, year=None, sections=[], by_id={},
            block_starts=[], skip=[], ref_spans=[], deadlines=[],
        )  # fmt: skip
        ctx.num_starts = [m.start() for m in targets._NUM_START_RE.finditer(text)]
        for lo, hi in ((0, len(text)), (len(text) // 4, len(text) * 3 // 4)):
            z = targets._Zone(lo, hi, None)
            fast = [m.span() for m in targets._numbers(ctx, z)]
            assert fast == [m.span() for m in targets._NUM_RE.finditer(text, lo, hi)], text


def test_texts_cleaned_together_are_cleaned_as_one_by_one():
    texts = [
        "  Kế  hoạch\u00a0số\t05 ",
        "hiệu quả¹¹.",
        "GD&ĐT^{1, 2} và 20 m² đất",
        "",
        "\u0301dấu đầu dòng",
        "Hoa\u0300 bi\u0300nh\u200b\u00ad",
        "km³ tại[footnoteRef:3] đây",
        "   ",
    ]
    for group in (texts, texts[:1], [], [*texts, "có \ufdd2 lạ"]):
        assert clean_inline_all(group) == [clean_inline(t) for t in group]


def test_control_bytes_are_counted_as_before():
    assert not _looks_binary(b"abc\tdef\r\n\x0b\x0c" * 100)
    assert _looks_binary(b"abc\x01\x1f" * 100)
    assert _looks_binary(b"ab\x00cd")
