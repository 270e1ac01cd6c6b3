"""Units: the quick paths (a first-word pick before the gazetteer, a dictionary of name prefixes,
plain string work before regexes) give what the plain rules give."""

from __future__ import annotations

import re

import pytest

from extract.extractors import units
from extract.normalize import match_text
from extract.patterns import alternation


def _all_spellings() -> list[str]:
    vocab = units._vocab()
    return [e.name for e in vocab.exact.values()] + list(vocab.exact)


def test_the_gazetteer_by_first_word_finds_what_one_alternation_of_all_names_finds():
    names = _all_spellings()
    whole = re.compile(rf"(?:{alternation(names)})(?![\w])", re.I)
    # every name in three casings, inside running text, cut short and glued to a next word
    text = match_text(
        " ".join(f"{n}, {n.upper()}: {n.title()}. {n[:-1]} {n}x" for n in names)
        + " Sở\nGiáo dục và Đào tạo; UBND-tỉnh (Sở  Y tế)"
    )
    for pos in range(len(text)):
        m = whole.match(text, pos)
        assert units._gazetteer_at(text, pos) == (m.end() if m else None), text[pos : pos + 40]


def _lookup_by_scan(text: str):
    """``_lookup`` as the plain rule says it: the longest known name the key starts with."""
    vocab = units._vocab()
    key = units._key(text)
    if key in vocab.exact:
        return vocab.exact[key], ""
    for prefix in sorted(vocab.prefixes, key=len, reverse=True):
        for entry in vocab.prefixes[prefix]:
            if key.startswith(prefix + " ") and (
                entry.qualified or vocab.locality_start_re.match(key, len(prefix) + 1)
            ):
                qualifier = re.sub(r"\s+", " ", text.strip()).split(" ", len(prefix.split()))[-1]
                if units._key(qualifier) in vocab.locality:
                    qualifier = qualifier.lower()
                return entry, qualifier
    return None


@pytest.mark.parametrize(
    "text",
    [
        "Sở Y tế tỉnh Hưng Yên",
        "Ủy ban nhân dân Thành phố",
        "Ủy ban nhân dân  tỉnh\tNinh Bình",
        "Sở Giáo dục và Đào tạo",
        "Công an tỉnh",
        "Phòng Nội vụ huyện Yên Mô",
        "Ban Chỉ đạo",
        "Trường Tiểu học Kim Đồng",
        "",
    ],
)
def test_the_prefix_dictionary_finds_the_longest_known_name(text):
    assert units._lookup(text) == _lookup_by_scan(text)


def _clean_by_regexes(text: str) -> str:
    """``clean`` as first written, one regex substitution per step."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"^\s*(?:[-–+•·*]\s*)+", "", text)
    text = re.sub(r"[\s.;:,/]+$", "", text)
    text = re.sub(r"\s*\((?:[^()]|\([^()]*\))*\)\s*$", "", text)
    text = re.sub(r"[\s.;:,/]+$", "", text)
    text = units._vocab().particle_re.sub("", text)
    title = units._vocab().title_re.match(text)
    if title and units.start_at(match_text(text), title.end()) is not None:
        text = text[title.end() :]
    return text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "  - Công an tỉnh (Phòng Cảnh sát kinh tế).  ",
        "UBND thành phố (để b/c) ;",
        "Sở Tài chính\u00a0 ;\n",
        "• · Văn phòng Sở:",
        "và các đơn vị liên quan./.",
        "Chánh Văn phòng Sở",
        "(Sở Y tế)",
        ". ; ,",
        "Phòng GD&ĐT (các huyện (TP))",
    ],
)
def test_clean_by_string_methods_is_clean_by_regexes(text):
    assert units.clean(text) == _clean_by_regexes(text)


def _start_by_each_rule(mt: str, pos: int):
    """``_start`` without its one-alternation test: each rule tried in turn."""
    vocab = units._vocab()
    title = vocab.title_re.match(mt, pos)
    if title:
        inner = _start_by_each_rule(mt, title.end())
        if inner is not None:
            return inner
    best = None
    g = units._gazetteer_at(mt, pos)
    if g is not None:
        best = (g, "known")
    for rx, kind in ((vocab.collective_start_re, "collective"), (vocab.head_re, "proper")):
        m = rx.match(mt, pos)
        if m and (best is None or m.end() > best[0]):
            best = (m.end(), kind)
    return best


def test_the_one_alternation_test_lets_every_unit_start_through():
    text = match_text(
        " ".join(f"{n}; các {n.lower()}, Trưởng {n} và Chánh {n}" for n in _all_spellings())
        + " Bộ Quốc phòng, Quận 8, Ban Chỉ đạo các tỉnh, UBND cấp xã, Bưu điện thành phố"
        + " Các doanh nghiệp viễn thông; các cơ quan báo chí. Hiệu trưởng các trường học"
    )
    for pos in range(len(text)):
        assert units._start(text, pos) == _start_by_each_rule(text, pos), text[pos : pos + 40]
