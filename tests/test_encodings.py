"""Text files as they arrive: legacy font encodings (TCVN3, VNI), UTF-16, Windows-1258, NFD.

Every variant of the same plan must give the legal references the Unicode text gives.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from pathlib import Path

import pytest

from extract.read.encodings import (
    decode_text,
    encode_legacy,
    encode_legacy_bytes,
    fix_legacy,
)

PLAN = "\n".join(
    [
        "UBND TỈNH HƯNG YÊN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-SGDĐT",
        "Hưng Yên, ngày 04 tháng 01 năm 2022",
        "",
        "KẾ HOẠCH",
        "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC NĂM 2022",
        "",
        (
            "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Hưng "
            "Yên, Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:"
        ),
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "",
        (
            "1. Triển khai có hiệu quả Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ "
            "ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030."
        ),
        "",
        (
            "2. Thực hiện Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về việc "
            "đẩy mạnh cải cách hành chính; Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của "
            "UBND tỉnh; Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ quy định về "
            "việc cung cấp thông tin và dịch vụ công trực tuyến."
        ),
        "",
        "II. NHIỆM VỤ",
        "",
        (
            "a) Rà soát theo Thông tư số 01/2019/TT-BNV ngày 24/01/2019 của Bộ Nội vụ; được "
            "thực hiện đúng quy định của Luật Cán bộ, công chức."
        ),
        "",
    ]
)


def _keys(parsed) -> list[tuple]:
    return sorted((r.ref_key, r.ref_type, r.issue_date, r.issuer) for r in parsed.refs)


@pytest.fixture
def unicode_refs(parse):
    refs = _keys(parse(PLAN))
    assert len(refs) >= 6
    return refs


# --- Legacy font encodings --------------------------------------------------------------


def test_tcvn3_words_read_as_unicode():
    # "QuyÕt ®Þnh" is the classic .VnTime mojibake; "Quy¸t" would be "Quyát" (¸ is á).
    assert fix_legacy("QuyÕt ®Þnh sè 12/Q§-UBND cña Uû ban nh©n d©n tØnh")[0] == (
        "Quyết định số 12/QĐ-UBND của Uỷ ban nhân dân tỉnh"
    )
    # Two words are too few to tell mojibake from a foreign name: nothing is converted.
    assert fix_legacy("QuyÕt ®Þnh") == ("QuyÕt ®Þnh", None)


def test_vni_words_read_as_unicode():
    assert fix_legacy("Quyeát ñònh soá 12/QÑ-UBND cuûa UÛy ban nhaân daân tænh") == (
        "Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh",
        "vni",
    )


def test_tcvn3_capitals_typed_with_the_capitals_font_are_restored():
    # .VnTimeH prints the small-letter codes as capitals.
    text, encoding = fix_legacy("KÕ HO¹CH C¶I C¸CH HµNH CHÝNH N¡M 2022\nSè: 05/KH-SGD§T")
    assert encoding == "tcvn3"
    assert text == "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2022\nSố: 05/KH-SGDĐT"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_file_gives_the_references_of_the_unicode_text(parse, unicode_refs, encoding):
    parsed = parse(encode_legacy_bytes(PLAN, encoding))
    assert f"converted from {encoding.upper()}" in parsed.doc.warnings
    assert _keys(parsed) == unicode_refs
    assert "196/KH-UBND ngày 24/12/2021 của Ủy ban nhân dân tỉnh Hưng Yên" in parsed.text
    assert parsed.info.doc_number == "05/KH-SGDĐT"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_pasted_into_a_utf8_file_is_converted(parse, unicode_refs, encoding):
    parsed = parse(encode_legacy(PLAN, encoding).encode("utf-8"))
    assert f"converted from {encoding.upper()}" in parsed.doc.warnings
    assert _keys(parsed) == unicode_refs


def test_unicode_text_is_never_converted():
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    for path in sorted(corpus.glob("*.txt")):
        text, warnings = decode_text(path.read_bytes())
        assert not any("converted" in w for w in warnings), path.name
        assert text == path.read_text(encoding="utf-8").removeprefix("\ufeff")


def test_latin_text_with_a_few_accents_is_left_alone():
    text = "Café déjà vu — naïve résumé, São Paulo, Zürich. " * 3
    assert fix_legacy(text) == (text, None)


# --- Unicode encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + PLAN.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be"),
        PLAN.encode("utf-16-le"),
        PLAN.encode("utf-16-be"),
        codecs.BOM_UTF8 + PLAN.encode("utf-8"),
    ],
    ids=["utf-16-le-bom", "utf-16-be-bom", "utf-16-le", "utf-16-be", "utf-8-bom"],
)
def test_utf16_and_bom_files_give_the_same_references(parse, unicode_refs, data):
    assert _keys(parse(data)) == unicode_refs


def test_decomposed_nfd_text_gives_the_same_references(parse, unicode_refs):
    parsed = parse(unicodedata.normalize("NFD", PLAN))
    assert unicodedata.is_normalized("NFC", parsed.text)
    assert _keys(parsed) == unicode_refs


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows wrote it: base letters plus combining tone marks."""
    out = []
    for m in re.finditer(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), re.S):
        base, marks = m.group(0)[0], m.group(0)[1:]
        tones = "".join(c for c in marks if c in _TONES)
        shaped = unicodedata.normalize("NFC", base + "".join(c for c in marks if c not in _TONES))
        whole = unicodedata.normalize("NFC", shaped + tones)
        try:
            whole.encode("cp1258")
            out.append(whole)
        except UnicodeEncodeError:
            out.append(shaped + tones)
    return "".join(out).encode("cp1258")


def test_windows_1258_file_gives_the_same_references(parse, unicode_refs):
    data = to_cp1258(PLAN)
    assert b"\xcc" in data or b"\xec" in data  # combining tone marks as bytes
    parsed = parse(data)
    assert parsed.doc.warnings == ["decoded as Windows-1258 (not valid UTF-8)"]
    assert _keys(parsed) == unicode_refs
    assert "Hưng Yên, ngày 04 tháng 01 năm 2022" in parsed.text


def test_corpus_legacy_renderings_agree_with_the_text():
    """``corpus/rendered/<stem>-tcvn3.txt`` and ``-vni.txt`` (tools/make_fixtures.py)."""
    from extract.pipeline import process

    root = Path(__file__).resolve().parent.parent / "corpus"
    pairs = [
        (root / f"{p.stem.rsplit('-', 1)[0]}.txt", p)
        for p in sorted((root / "rendered").glob("*-*.txt"))
        if p.stem.rsplit("-", 1)[1] in ("tcvn3", "vni")
    ]
    if not pairs:
        pytest.skip("no legacy renderings in corpus/rendered")
    for txt, legacy in pairs:
        want = {r.ref_key for r in process(txt).legal_refs}
        got = process(legacy)
        assert any(w.startswith("converted from") for w in got.document.warnings)
        assert {r.ref_key for r in got.legal_refs} == want, legacy.name
