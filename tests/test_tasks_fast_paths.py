"""Tasks: the quick paths (one regex of column names, sentence stops found by a search that can
skip ahead, cheap tests before searches) give what the plain rules give."""

from __future__ import annotations

import re

import pytest

from extract.extractors import tasks


def _column_role_by_scan(text: str, merged: bool = False) -> str | None:
    """``_column_role`` as the plain rule says it: the column names tried longest first."""
    key = tasks._key(text)
    if not key:
        return None
    columns = sorted(
        (
            (tasks._key(name), role)
            for role, names in tasks.patterns.load("tasks")["columns"].items()
            for name in names
        ),
        key=lambda c: len(c[0]),
        reverse=True,
    )
    for name, role in columns:
        if key == name or (key.startswith(name) and re.match(r"\s*[(/\d*]", key[len(name) :])):
            return role
    if merged:
        for name, role in columns:
            if key.endswith(" " + name) and _column_role_by_scan(key[: -len(name)]):
                return role
    return None


@pytest.mark.parametrize(
    "cell",
    [
        "Thời gian thực hiện (dự kiến)",
        "Cơ quan chủ trì (1)",
        "Phối hợp với Sở Tài chính",
        "Đơn vị thực hiện Chủ trì",
        "Đơn vị thực hiện\nPhối hợp",
        "Nội dung công tác",
        "Nhiệm vụ, giải pháp",
        "STT",
        "Số TT",
        "Thời hạn/Tiến độ",
        "Kết quả 2024",
        "Sản phẩm*",
        "Tiến độ thực hiện Thời gian",
        "",
        "  .  ",
    ],
)
def test_the_column_name_regex_gives_the_role_the_names_give(cell):
    for merged in (False, True):
        assert tasks._column_role(cell, merged) == _column_role_by_scan(cell, merged)


@pytest.mark.parametrize(
    ("mt", "start"),
    [
        ("1.\nTăng cường. Các đơn vị thực hiện; Sở Y tế chủ trì", 2),
        ("a) Rà soát. Báo cáo; báo cáo! Kết quả ?  Xong", 3),
        ("Xong.  ", 0),
        ("Một câu. Hai câu.\nBa", 4),
    ],
)
def test_sentence_starts_match_the_lookbehind_rule(mt, start):
    lookbehind = re.compile(r"(?<=[.;!?])\s+(?=\S)")
    expected = [start] + [
        m.end() for m in lookbehind.finditer(mt, start, len(mt)) if mt[m.end()].isupper()
    ]
    assert tasks._sentence_starts(mt, start, len(mt)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "- Rà soát văn bản (Phòng Tổ chức cán bộ chủ trì; hoàn thành trong Quý III/2022).",
        "- Rà soát (Văn phòng Sở) ;\n",
        "(a) b",
        "Không có ngoặc.",
        ")",
        "",
    ],
)
def test_the_closing_parenthesis_test_lets_every_match_through(text):
    found = tasks._PAREN_END_RE.search(text, 0, len(text))
    assert not found or tasks._paren_last(text, 0, len(text))
