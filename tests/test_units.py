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


# --- abbreviations of Vietnamese administration ----------------------------------------------


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        # bodies
        ("UBMTTQVN xã", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
        ("Ủy ban MTTQ huyện", "Ủy ban Mặt trận Tổ quốc huyện"),
        ("BCH Quân sự thị xã", "Ban Chỉ huy Quân sự thị xã"),
        ("BCĐ liên ngành ATTP huyện", "Ban Chỉ đạo liên ngành về an toàn thực phẩm huyện"),
        ("CA phường", "Công an phường"),
        ("Các thành viên BCH", "Các thành viên Ban Chỉ huy"),
        # fields of departments and offices, listed whole
        ("Sở LĐ-TB&XH", "Sở Lao động - Thương binh và Xã hội"),
        ("Sở VH,TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở KH&ĐT", "Sở Kế hoạch và Đầu tư"),
        ("Sở GTVT", "Sở Giao thông vận tải"),
        ("Phòng TC-KH", "Phòng Tài chính - Kế hoạch"),
        ("Phòng KT-HT", "Phòng Kinh tế - Hạ tầng"),
        ("Phòng VH&TT", "Phòng Văn hóa và Thông tin"),
        ("Phòng NN&PTNT", "Phòng Nông nghiệp và Phát triển nông thôn"),
        ("Trung tâm VH,TT&TT huyện", "Trung tâm Văn hóa, Thông tin và Thể thao huyện"),
        ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình tỉnh"),
        # programmes and sectors inside names
        ("Ban ATGT huyện", "Ban An toàn giao thông huyện"),
        ("Văn phòng Điều phối NTM huyện", "Văn phòng Điều phối nông thôn mới huyện"),
        ("Phòng Trồng trọt và BVTV", "Phòng Trồng trọt và Bảo vệ thực vật"),
        ("Chi cục QLCL NLS&TS", "Chi cục Quản lý chất lượng nông lâm sản và thủy sản"),
        ("Chi cục ATVSTP", "Chi cục An toàn vệ sinh thực phẩm"),
        ("Ban Chỉ huy PCTT&TKCN xã", "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn xã"),
        # legal forms of companies are kept
        (
            "Công ty TNHH MTV KTCTTL Hòa Bình",
            "Công ty TNHH MTV Khai thác công trình thủy lợi Hòa Bình",
        ),
    ],
)
def test_abbreviations_are_written_out(printed, name):
    assert names(printed) == [name]


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Phòng VH-XH", "Phòng Văn hóa - Xã hội"),  # not listed whole: part by part
        ("Phòng KT&HT", "Phòng Kinh tế và Hạ tầng"),
        ("Phòng TC-KT", "Phòng Tài chính - Kinh tế"),
        ("Phòng GD-YT", "Phòng Giáo dục - Y tế"),
    ],
)
def test_a_compound_of_listed_parts_is_written_out_part_by_part(printed, name):
    assert units.normalize(printed) == name


def test_a_compound_with_a_part_of_several_readings_is_kept():
    # TT is Thông tin, Thể thao or Truyền thông: only the compounds listed whole are written out
    assert units.normalize("Phòng VH-TT-XH") == "Phòng VH-TT-XH"


def test_an_abbreviated_body_starts_a_unit_in_running_text():
    sentence = "Phối hợp với BCHQS huyện tổ chức diễn tập"
    pos = sentence.index("BCHQS")
    assert sentence[pos : units.units_at(match_text(sentence), pos)] == "BCHQS huyện"
    assert units.normalize("BCHQS huyện") == "Ban Chỉ huy Quân sự huyện"


# --- names of district bodies --------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("Phòng Nội vụ huyện", "Phòng Nội vụ"),
        ("Phòng Tài nguyên và Môi trường thị xã", "Phòng Tài nguyên và Môi trường"),
        ("Phòng Kinh tế thành phố", "Phòng Kinh tế"),
        ("Công an huyện", "Công an huyện"),  # the word belongs to the name
        ("Trung tâm Y tế huyện", "Trung tâm Y tế huyện"),
        ("Phòng Giáo dục và Đào tạo Quận 3", "Phòng Giáo dục và Đào tạo Quận 3"),  # a named place
    ],
)
def test_a_district_office_is_named_without_its_district(printed, name):
    assert units.normalize(printed) == name


def test_a_list_of_places_after_a_district_office_is_not_its_district():
    assert names("Phòng Giáo dục và Đào tạo các huyện, thị xã") == [
        "Phòng Giáo dục và Đào tạo các huyện, thị xã"
    ]


def test_one_tone_placement_in_every_name():
    assert units.normalize("Chi cục Thuỷ lợi") == units.normalize("Chi cục Thủy lợi")
    assert units.normalize("Uỷ ban nhân dân xã Hoà Bình") == "Ủy ban nhân dân xã Hòa Bình"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Tỉnh đoàn; Hội Chữ thập đỏ tỉnh", ["Tỉnh đoàn", "Hội Chữ thập đỏ tỉnh"]),
        (
            "Văn phòng HĐND và UBND huyện, Phòng Nội vụ",
            ["Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện", "Phòng Nội vụ"],
        ),
        (
            "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện, Công an huyện",
            ["Trung tâm Văn hóa, Thể thao và Truyền thanh huyện", "Công an huyện"],
        ),
        # a name listing its fields, not in the gazetteer: the comma stays inside
        (
            "Phòng Văn hóa, Thể thao và Du lịch quận, Công an quận",
            ["Phòng Văn hóa, Thể thao và Du lịch", "Công an quận"],
        ),
    ],
)
def test_district_bodies_and_names_that_list_their_fields(printed, expected):
    assert names(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (
            "UBND các xã Hòa Bình, Hòa Lạc",
            ["Ủy ban nhân dân xã Hòa Bình", "Ủy ban nhân dân xã Hòa Lạc"],
        ),
        (
            "UBND huyện Kim Bôi và Lạc Sơn",
            ["Ủy ban nhân dân huyện Kim Bôi", "Ủy ban nhân dân huyện Lạc Sơn"],
        ),
        (
            "Công an tỉnh; UBND phường An Lạc, Bình Trị",
            ["Công an tỉnh", "Ủy ban nhân dân phường An Lạc", "Ủy ban nhân dân phường Bình Trị"],
        ),
        # a list of localities, not of places: one collective
        ("UBND các huyện, thị xã", ["Ủy ban nhân dân các huyện, thị xã"]),
    ],
)
def test_one_head_and_several_places_is_one_unit_per_place(printed, expected):
    assert names(printed) == expected


@pytest.mark.parametrize(
    ("sentence", "start", "unit"),
    [
        (
            "phối hợp với UBND các xã Hòa Bình, Hòa Lạc kiểm tra hiện trường",
            "UBND",
            "UBND các xã Hòa Bình, Hòa Lạc",
        ),
        (
            "phối hợp với Ban An toàn giao thông huyện kiểm tra các tuyến đường",
            "Ban",
            "Ban An toàn giao thông huyện",
        ),
        (
            "phối hợp với Công ty Khai thác công trình thủy lợi Sông Đà kiểm tra đê",
            "Công ty",
            "Công ty Khai thác công trình thủy lợi Sông Đà",
        ),
        (
            "phối hợp với Trung tâm Văn hóa, Thể thao và Truyền thanh huyện tuyên truyền",
            "Trung tâm",
            "Trung tâm Văn hóa, Thể thao và Truyền thanh huyện",
        ),
        # an abbreviated known name is complete: the next lower-case word is not its own
        (
            "phối hợp với Phòng LĐ-TB&XH tuyển sinh học nghề cho lao động nông thôn",
            "Phòng",
            "Phòng LĐ-TB&XH",
        ),
        # a heading joined with its first duty: the name ends before the capitalized verb
        (
            "2.3. Sở Xây dựng, Thanh tra tỉnh Chủ trì kiểm tra các công trình",
            "Sở",
            "Sở Xây dựng, Thanh tra tỉnh",
        ),
    ],
)
def test_a_unit_in_a_sentence_ends_where_its_name_does(sentence, start, unit):
    mt = match_text(sentence)
    pos = sentence.index(start)
    assert sentence[pos : units.units_at(mt, pos)] == unit


def test_a_collective_subject_goes_on_with_its_own_words_up_to_its_verb():
    sentence = "Các doanh nghiệp vận tải hành khách chủ động bố trí phương tiện"
    mt = match_text(sentence)
    reach = units.units_at(mt, 0)
    assert sentence[:reach] == "Các doanh nghiệp"
    assert sentence[: units.collective_subject(mt, 0, reach, len(mt))] == (
        "Các doanh nghiệp vận tải hành khách"
    )
    # over a place, not over other function words
    other = "Các hợp tác xã trên địa bàn chủ động liên kết tiêu thụ"
    mt = match_text(other)
    assert other[: units.collective_subject(mt, 0, units.units_at(mt, 0), len(mt))] == (
        "Các hợp tác xã trên địa bàn"
    )
    other = "Các đơn vị theo chức năng chủ động"
    mt = match_text(other)
    assert units.collective_subject(mt, 0, units.units_at(mt, 0), len(mt)) is None


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("Công chức ĐC-NN-XD&MT", ["Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường"]),
        ("Phòng BTXH; Phòng GDNN", ["Phòng Bảo trợ xã hội", "Phòng Giáo dục nghề nghiệp"]),
        ("Trung tâm DVVL tỉnh", ["Trung tâm Dịch vụ việc làm tỉnh"]),
        ("Sở Nông nghiệp và PTNT", ["Sở Nông nghiệp và Phát triển nông thôn"]),
        (
            "Phòng PC06, Phòng Hậu cần",
            ["Phòng Cảnh sát quản lý hành chính về trật tự xã hội", "Phòng Hậu cần"],
        ),
    ],
)
def test_more_abbreviations_are_written_out(printed, expected):
    assert names(printed) == expected


def test_a_closing_parenthetical_is_dropped_before_the_full_stop():
    assert names("Công an tỉnh (Phòng Tham mưu, Phòng Hậu cần).") == ["Công an tỉnh"]


def test_an_html_line_break_separates_units():
    assert names("Hội Cựu chiến binh xã<br/>Đoàn Thanh niên xã") == [
        "Hội Cựu chiến binh xã",
        "Đoàn Thanh niên xã",
    ]


def test_an_officials_title_before_a_unit_names_the_unit():
    names = [u.name for u in units.parse("Trưởng các phòng, đơn vị thuộc Sở; Chánh Văn phòng Sở")]
    assert names == ["Các phòng", "Đơn vị thuộc Sở", "Văn phòng Sở"]
    # titles among the head nouns stay part of the name; "Trưởng ban" is no title + unit
    assert [u.name for u in units.parse("Chủ tịch Ủy ban nhân dân các xã")] == [
        "Chủ tịch Ủy ban nhân dân các xã"
    ]
    mt = match_text("Trưởng ban tổ chức hội thi")
    assert units.units_at(mt, 0) is None


def test_hamlets_are_localities_below_the_commune():
    names = [u.name for u in units.parse("Ban Nhân dân các ấp Phú Hòa, Phú Lợi và Hội Nông dân xã")]
    assert names == ["Ban Nhân dân ấp Phú Hòa", "Ban Nhân dân ấp Phú Lợi", "Hội Nông dân xã"]
    mt = match_text("Đoàn Thanh niên thôn Đông Xá phối hợp tổ chức")
    assert mt[: units.units_at(mt, 0)] == "Đoàn Thanh niên thôn Đông Xá"
