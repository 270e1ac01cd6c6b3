"""The shared shortcuts taken for speed give what the plain computation gives.

Vocabulary alternations written as prefix trees, lower-cased scans, searches started near
the end of a window, one label pattern instead of one per style: each is checked against
the straightforward form on windows of the corpus and on made-up edge cases.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extract import patterns, structure
from extract.extractors import legal_refs
from extract.normalize import (
    collapse_spaces,
    finditer_at,
    fold_tones,
    lower_text,
    match_text,
    overlapping,
    split_footnote_markers,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _texts() -> list[str]:
    return [match_text(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("*.txt"))]


def _windows(n: int = 500, seed: int = 7, width: int = 200) -> list[str]:
    texts = _texts()
    rng = random.Random(seed)
    out = ["", " ", "số", "Quyết định số", "QĐsố:", "quyết  định   số :", "x\n"]
    for _ in range(n):
        t = rng.choice(texts)
        a = rng.randrange(len(t))
        out.append(t[max(0, a - rng.randrange(1, width)) : a])
    return out


def _flat(words: list[str]) -> str:
    """The alternation as it was written before the prefix tree: longest first."""
    forms = sorted({match_text(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)


VOCABULARIES = [
    ["Căn cứ", "căn cứ vào", "Thực hiện", "triển khai thực hiện", "theo", "tại", "quy định tại"],
    ["Quyết định", "Quy định", "Quy chế", "quyết định", "QĐ", "Kế hoạch", "Kế hoạch hành động"],
    ["Bộ luật", "Luật", "luật", "Pháp lệnh", "Hiến pháp"],
    ["a", "ab", "abc", "Ab", "aB c", "b"],
]


@pytest.mark.parametrize("words", VOCABULARIES)
@pytest.mark.parametrize("flags", [0, re.I])
def test_prefix_tree_alternation_matches_like_the_flat_list(words, flags):
    tree = re.compile(r"(?<![\w])(?:" + patterns.alternation(words) + r")(?![\w])", flags)
    flat = re.compile(r"(?<![\w])(?:" + _flat(words) + r")(?![\w])", flags)
    rng = random.Random(1)
    samples = _texts()[:3] + [
        " ".join(rng.choice([*words, "x", "số", "\n"]) for _ in range(40)) for _ in range(200)
    ]
    for text in samples:
        assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]


def test_prefix_tree_prefers_the_longer_phrase_followed_by_more_pattern():
    rx = re.compile("(?:" + patterns.alternation(["Kế hoạch", "Kế hoạch hành động"]) + r")\s+số")
    assert rx.match("Kế hoạch hành động số").group(0) == "Kế hoạch hành động số"
    assert rx.match("Kế hoạch số").group(0) == "Kế hoạch số"


def test_type_word_at_end_is_the_plain_search():
    vocab = legal_refs._vocab()
    for text in _windows():
        fast = vocab.type_at_end.search(text)
        plain = vocab.type_re.search(text)
        assert (fast and fast.span("type")) == (plain and plain.span("type")), text


def test_relation_cues_from_one_scan_are_the_cues_of_each_pattern():
    vocab = legal_refs._vocab()
    for text in _texts():
        low = lower_text(text)
        starts = [m.start() for m in overlapping(vocab.cue_start_re, low)]
        for _, rx in vocab.relations:
            assert [m.span() for m in finditer_at(rx, low, starts)] == [
                m.span() for m in rx.finditer(low)
            ]


def test_lower_text_keeps_offsets():
    text = "İstanbul QUYẾT ĐỊNH ẞ"  # "İ" lowers to two characters elsewhere
    assert len(lower_text(text)) == len(text)
    assert lower_text("QUYẾT ĐỊNH") == "quyết định"


def test_collapse_spaces_is_one_space_per_run():
    old = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000]+")
    for text in [*_windows(200), "a \t b", "\ta", "a\xa0b", "a  b ", "  ", "a\u3000\u3000b"]:
        assert collapse_spaces(text) == old.sub(" ", text).strip()


def test_footnote_markers_quick_path():
    assert split_footnote_markers("không có chú thích") == ("không có chú thích", [])
    assert split_footnote_markers("hiệu quả¹¹.") == ("hiệu quả.", ["11"])
    assert split_footnote_markers("diện tích 20 m² đất") == ("diện tích 20 m² đất", [])


def test_match_text_maps_variants_and_tones():
    assert match_text("Hoà – “x”\u00a0thuỷ quý") == 'Hòa - "x" thủy quý'
    assert fold_tones("Quà hoà") == "Quà hòa"  # "u" after "q" belongs to the consonant


def test_one_label_pattern_picks_the_style_the_loop_picked():
    data = patterns.load("structure")["section_labels"]
    loop = [(k, re.compile(v)) for k, v in data.items()]
    samples = ["I. MỤC ĐÍCH", "1.1. Tỷ lệ", "a) Sở", "- Phòng", "Điều 7.", "PHẦN II", "C. Hai"]
    samples += [w.strip() for w in _windows(300, width=40)]
    for text in samples:
        want = None
        for style, rx in loop:
            m = rx.match(text.lstrip())
            if m and m.group(0).strip():
                want = (style, m.group(0).strip())
                break
        assert structure.label_of(text) == want, text
