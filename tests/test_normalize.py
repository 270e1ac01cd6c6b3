"""Normalization: one display text (the document's own spelling) and a same-length match text.

Vietnamese typists place tone marks two ways (``hoà``/``hòa``, ``thuỷ``/``thủy``); both are
correct and appear side by side, often in the same document. Patterns must match both,
while quotes keep what the document printed.
"""

from __future__ import annotations

import pytest

from extract.normalize import (
    collapse_spaces,
    fold_tones,
    leading_footnote_label,
    match_text,
    split_footnote_markers,
    strip_controls,
)

# --- tone placement -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("cụ thể hoá", "cụ thể hóa"),
        ("tỉnh Khánh Hoà", "tỉnh Khánh Hòa"),
        ("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("UỶ BAN NHÂN DÂN", "ỦY BAN NHÂN DÂN"),
        ("Luật Thuỷ lợi", "Luật Thủy lợi"),
        ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ],
)
def test_tone_placement_variants_are_equal_for_matching(old_style, new_style):
    assert match_text(old_style) == match_text(new_style)


@pytest.mark.parametrize(
    "word",
    ["quý", "Quý I/2022", "quỹ", "hoàn thành", "khoản 2", "thuyền", "Hòa Bình", "thủy lợi"],
)
def test_fold_tones_leaves_words_with_one_spelling_alone(word):
    # "qu" + vowel and closed syllables (hoàn, khoản) have a single correct spelling.
    assert fold_tones(word) == word


def test_match_text_has_the_same_length_as_the_display_text():
    text = (
        "Căn cứ Quyết định số 12/QĐ-UBND của Uỷ ban nhân dân tỉnh Hoà Bình về “thuỷ lợi” "
        "giai đoạn 2021–2025 — khoẻ\u00a0mạnh"
    )
    folded = match_text(text)
    assert len(folded) == len(text)
    assert "tỉnh Hòa Bình" in folded
    assert "2021-2025" in folded  # en dash unified
    assert '"thủy lợi"' in folded  # curly quotes unified, tone folded


def test_document_text_keeps_the_documents_own_spelling(parse):
    parsed = parse("Ủy ban nhân dân tỉnh Hoà Bình chỉ đạo phát triển thuỷ lợi và hòa giải.\n")
    assert "tỉnh Hoà Bình" in parsed.text
    assert "thuỷ lợi" in parsed.text
    assert "hòa giải" in parsed.text
    folded = match_text(parsed.text)
    assert len(folded) == len(parsed.text)
    assert "tỉnh Hòa Bình" in folded
    assert "thủy lợi" in folded


# --- Unicode and whitespace -----------------------------------------------------------


def test_controls_and_odd_spaces_are_cleaned():
    assert strip_controls("\ufeffcải cách hà\u00adnh\u200d chính\x07") == "cải cách hành chính"
    assert collapse_spaces("  Sở\tGiáo dục\u00a0 và   Đào tạo  ") == "Sở Giáo dục và Đào tạo"


# --- footnote markers -----------------------------------------------------------------


def test_caret_footnote_markers_are_split_off():
    assert split_footnote_markers("Sở GD&ĐT^{1, 2} chủ trì thực hiện") == (
        "Sở GD&ĐT chủ trì thực hiện",
        ["1, 2"],
    )


def test_superscript_footnote_markers_are_split_off():
    assert split_footnote_markers("triển khai có hiệu quả¹¹.") == (
        "triển khai có hiệu quả.",
        ["11"],
    )


def test_footnote_ref_markers_are_split_off():
    clean, labels = split_footnote_markers("cải cách hành chính[footnoteRef:3] trong toàn ngành")
    assert clean == "cải cách hành chính trong toàn ngành"
    assert labels == ["3"]


@pytest.mark.parametrize("text", ["phòng học rộng 48 m²", "diện tích 5 km²", "thể tích 10 cm³"])
def test_unit_powers_are_not_footnote_markers(text):
    assert split_footnote_markers(text) == (text, [])


def test_leading_superscript_opens_a_footnote_body():
    assert leading_footnote_label("¹ Ban hành kèm theo Quyết định số 12/QĐ-UBND") == (
        "1",
        "Ban hành kèm theo Quyết định số 12/QĐ-UBND",
    )
    line = "1. Cải cách thể chế"
    assert leading_footnote_label(line) == (None, line)
