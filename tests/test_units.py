"""Units: lists of agencies as plans print them in, one normalized name per unit out."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.extractors import units
from extract.normalize import match_text

ROOT = Path(__file__).resolve().parents[1]


def names(text: str) -> list[str]:
    return [u.name for u in units.parse(text)]


# --- splitting lists -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        # haiphong: "- Cơ quan chủ trì: ..."
        (
            "Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục.",
            ["Sở Giáo dục và Đào tạo", "Các phòng Sở", "Các đơn vị giáo dục"],
        ),
        # hungyen appendix cells
        ("Phòng GDĐT, Đơn vị trực thuộc", ["Phòng Giáo dục và Đào tạo", "Đơn vị trực thuộc"]),
        ("Đơn vị trực thuộc; Sở Tài chính", ["Đơn vị trực thuộc", "Sở Tài chính"]),
        (
            "Sở Khoa học và Công nghệ, các đơn vị tư vấn ISO",
            ["Sở Khoa học và Công nghệ", "Các đơn vị tư vấn ISO"],
        ),
        ("Văn phòng Sở và các phòng Sở", ["Văn phòng Sở", "Các phòng Sở"]),
        (
            "Phòng Kế hoạch - Tài chính và đơn vị liên quan",
            ["Phòng Kế hoạch - Tài chính", "Đơn vị liên quan"],
        ),
        # haiphong Phụ lục 1: a full stop separates the last two
        (
            "Văn phòng Sở, Đài Phát thanh và Truyền hình Hải Phòng, Báo Hải Phòng, Công thông "
            "tin điện tử Sở, Công thông tin điện tử đơn vị. Công thông tin điện tử thành phố",
            [
                "Văn phòng Sở",
                "Đài Phát thanh và Truyền hình Hải Phòng",
                "Báo Hải Phòng",
                "Công thông tin điện tử Sở",
                "Công thông tin điện tử đơn vị",
                "Công thông tin điện tử thành phố",
            ],
        ),
        # bcdqg role lines
        (
            "Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh các cấp; các tổ chức chính trị - xã "
            "hội.",
            [
                "Mặt trận Tổ quốc Việt Nam",
                "Hội Cựu chiến binh các cấp",
                "Các tổ chức chính trị - xã hội",
            ],
        ),
        (
            "Bộ Quốc phòng; Bộ Lao động - Thương binh và Xã hội.",
            ["Bộ Quốc phòng", "Bộ Lao động - Thương binh và Xã hội"],
        ),
        (
            "Tư lệnh các quân khu; Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc "
            "Trung ương.",
            [
                "Tư lệnh các quân khu",
                "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
            ],
        ),
        (
            "Văn phòng Ban Chỉ đạo và cơ quan thường trực các cấp.",
            ["Văn phòng Ban Chỉ đạo", "Cơ quan thường trực các cấp"],
        ),
    ],
)
def test_a_printed_list_gives_one_name_per_unit(printed, expected):
    assert names(printed) == expected


@pytest.mark.parametrize(
    "name",
    [
        "Sở Giáo dục và Đào tạo",
        "Sở Thông tin và Truyền thông",
        "Đài Phát thanh và Truyền hình Hải Phòng",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Trung tâm thông tin và Chương trình giáo dục",
        "Bộ Nông nghiệp và Môi trường",
    ],
)
def test_names_that_contain_va_or_a_comma_stay_whole(name):
    assert len(units.parse(name)) == 1


@pytest.mark.parametrize(
    "collective",
    [
        "Các Bộ, ngành liên quan",
        "Các đơn vị, địa phương",
        "Các cơ quan báo chí Trung ương, địa phương, quân đội",
        "Các Bộ, ngành, địa phương và đơn vị",
        "các Bộ, ngành, cơ quan liên quan",
        "Các cơ quan, đơn vị, địa phương",
    ],
)
def test_collectives_whose_parts_share_one_head_stay_whole(collective):
    assert len(units.parse(collective)) == 1


def test_va_before_a_second_collective_with_its_own_words_splits():
    # D.5 of the BCĐQG 1237 plan: two kinds of organizations, the second with its own "có liên quan"
    assert names("Các tổ chức chính trị - xã hội và tổ chức, đoàn thể có liên quan") == [
        "Các tổ chức chính trị - xã hội",
        "Các tổ chức, đoàn thể có liên quan",
    ]


def test_a_head_noun_shared_by_the_names_after_a_colon():
    found = units.parse("các Sở: Tài chính, Kế hoạch và Đầu tư, Nội vụ và các cơ quan liên quan")
    assert [u.name for u in found] == [
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        "Sở Nội vụ",
        "Các cơ quan có liên quan",
    ]
    assert found[1].raw == "Kế hoạch và Đầu tư"  # as printed


def test_a_company_name_keeps_its_commas():
    assert names("Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi") == [
        "Công ty TNHH MTV Đầu tư, Xây dựng và Kinh doanh dịch vụ Quảng Ngãi"
    ]


# --- normalization ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variants", "name"),
    [
        (["Sở GD&ĐT", "Sở GDĐT", "SGDĐT", "Sở Giáo dục và Đào tạo"], "Sở Giáo dục và Đào tạo"),
        (["Phòng GDĐT", "Phòng GD&ĐT", "PGDĐT"], "Phòng Giáo dục và Đào tạo"),
        (["UBND tỉnh", "Ủy ban nhân dân tỉnh", "Uỷ ban nhân dân tỉnh"], "Ủy ban nhân dân tỉnh"),
        (["UBND TP", "UBND thành phố", "Ủy ban nhân dân Thành phố"], "Ủy ban nhân dân thành phố"),
        (["Sở TT&TT", "Sở Thông tin và Truyền thông"], "Sở Thông tin và Truyền thông"),
        (["HĐND tỉnh", "Hội đồng nhân dân tỉnh"], "Hội đồng nhân dân tỉnh"),
        (["Văn phòng Sở GDĐT", "Văn phòng Sở GD&ĐT"], "Văn phòng Sở Giáo dục và Đào tạo"),
        (
            ["Các đơn vị trực thuộc", "các đơn vị trực thuộc", "Đơn vị trực thuộc"],
            "Đơn vị trực thuộc",
        ),
        (["Các Bộ, ngành có liên quan", "các Bộ, ngành liên quan"], "Các Bộ, ngành liên quan"),
        (["Các phòng Sở", "các phòng Sở", "Các phòng thuộc Sở"], "Các phòng Sở"),
    ],
)
def test_every_variant_maps_to_one_name(variants, name):
    assert {units.normalize(v) for v in variants} == {name}


def test_an_abbreviation_inside_a_longer_name_is_written_out_and_the_place_kept():
    # hungyen III.2: "phòng GDĐT các huyện/TP/TX" (the slash list stays as printed)
    assert units.normalize("phòng GDĐT các huyện/TP/TX") == (
        "Phòng Giáo dục và Đào tạo các huyện/TP/TX"
    )
    assert units.normalize("Phòng Giáo dục và Đào tạo Quận 8") == (
        "Phòng Giáo dục và Đào tạo Quận 8"
    )


@pytest.mark.parametrize(
    ("name", "unit_type"),
    [
        ("Sở Giáo dục và Đào tạo", "sở"),
        ("Phòng Tổ chức cán bộ", "phòng thuộc sở"),
        ("Văn phòng Sở", "văn phòng"),
        ("Ủy ban nhân dân thành phố", "UBND"),
        ("Phòng Giáo dục và Đào tạo Quận 8", "phòng GD cấp huyện"),
        ("Trường Mầm non Hoa Phượng", "trường"),
        ("Đơn vị trực thuộc", "đơn vị trực thuộc"),
        ("Báo Hải Phòng", "cơ quan báo chí"),
        ("Bộ Quốc phòng", "bộ"),
        ("Sở Y tế tỉnh Hưng Yên", "sở"),  # a listed name followed by a place
        ("Công thông tin điện tử Sở", "unknown"),  # not in the gazetteer: still a unit
    ],
)
def test_unit_type_comes_from_the_gazetteer(name, unit_type):
    assert units.unit_type(units.normalize(name)) == unit_type


# --- a unit named in running text ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "start", "unit"),
    [
        (
            "f) Phối hợp với Bưu điện thành phố tăng cường công tác tuyên truyền",
            "Bưu điện",
            "Bưu điện thành phố",
        ),
        (
            "· Phối hợp với các phòng chuyên môn soạn thảo và tham mưu các văn bản",
            "các phòng",
            "các phòng chuyên môn",
        ),
        (
            "Chủ trì, phối hợp với các Bộ, ngành có liên quan giúp Chính phủ",
            "các Bộ",
            "các Bộ, ngành có liên quan",
        ),
        (
            "đề xuất Bộ Quốc phòng, Ban Chỉ đạo quốc gia các chủ trương chính sách",
            "Bộ Quốc phòng",
            "Bộ Quốc phòng, Ban Chỉ đạo quốc gia",
        ),
        (
            "gửi về Phòng Giáo dục và Đào tạo Quận 8 trước ngày 21/3/2023.",
            "Phòng",
            "Phòng Giáo dục và Đào tạo Quận 8",
        ),
        (
            "tổng hợp, đề xuất UBND tỉnh hướng giải quyết",
            "UBND",
            "UBND tỉnh",
        ),
    ],
)
def test_a_unit_in_a_sentence_ends_before_the_verb(sentence, start, unit):
    mt = match_text(sentence)
    pos = sentence.index(start)
    assert sentence[pos : units.units_at(mt, pos)] == unit


@pytest.mark.parametrize("text", ["Ban hành các văn bản", "Bộ phận một cửa", "Báo cáo quý"])
def test_a_head_noun_followed_by_a_lower_case_word_is_not_a_unit(text):
    assert units.units_at(match_text(text), 0) is None


def test_no_unit_of_the_corpus_is_a_fragment():
    from extract.pipeline import process

    found = set()
    for path in sorted((ROOT / "corpus").glob("*.txt")):
        found |= {u.name for u in process(path).units}
    assert found
    for name in found:
        words = name.casefold().split()
        assert words[0] not in {"và", "với", "của", "hoặc"}, name  # "và Đào tạo"
        assert words[-1] not in {"và", "các", "của", "với"}, name  # "Sở Giáo dục và"
        assert len(words) >= 2, name  # "Các", "Sở"
