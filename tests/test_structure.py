"""Structure: the administrative header (Nghị định 30/2020/NĐ-CP layout), the section tree,
the signature block and the ``Nơi nhận:`` list.
"""

from __future__ import annotations

import datetime as dt

import pytest


def plan(
    *,
    parent: str = "UBND TỈNH HƯNG YÊN",
    issuer: str = "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    national: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    number: str = "Số: 05/KH-SGDĐT",
    place_date: str = "Hưng Yên, ngày 04 tháng 01 năm 2022",
    doc_type: str = "KẾ HOẠCH",
    title: str = "Cải cách hành chính năm 2022",
    body: str = "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên, "
    "Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:\n",
) -> str:
    """A plan as received: header, type line, title and body, one paragraph per line."""
    top = f"{parent}\n{issuer}\n" if parent else f"{issuer}\n"
    return (
        f"{top}\n{national}\nĐộc lập - Tự do - Hạnh phúc\n\n{number}\n\n{place_date}\n\n"
        f"{doc_type}\n{title}\n\n{body}"
    )


# --- header ---------------------------------------------------------------------------


def test_full_header_is_read(parse):
    info = parse(plan()).info
    assert info.doc_type == "Kế hoạch"
    assert info.doc_number == "05/KH-SGDĐT"
    assert info.place == "Hưng Yên"
    assert info.issue_date == dt.date(2022, 1, 4)
    assert info.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert info.title == "Cải cách hành chính năm 2022"
    assert info.period == "2022"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Số: 05/KH-SGDĐT", "05/KH-SGDĐT"),
        ("Số 252/KH-BCĐQG1237", "252/KH-BCĐQG1237"),
        ("Số: 335/2025/NĐ-CP", "335/2025/NĐ-CP"),
        ("Số: 18-NQ/TU", "18-NQ/TU"),
    ],
)
def test_number_line_gives_the_document_number(parse, line, expected):
    assert parse(plan(number=line)).info.doc_number == expected


def test_draft_with_a_blank_number_has_no_number(parse):
    parsed = parse(plan(number="Số: /KH-SGDĐT"))
    assert parsed.info.doc_number is None
    assert parsed.info.doc_symbol == "KH-SGDĐT"
    assert not any(r.symbol == "KH-SGDĐT" for r in parsed.refs)


@pytest.mark.parametrize(
    ("line", "place", "date"),
    [
        ("Hưng Yên, ngày 04 tháng 01 năm 2022", "Hưng Yên", dt.date(2022, 1, 4)),
        (
            "Thành phố Hồ Chí Minh, ngày 25 tháng 02 năm 2022",
            "Thành phố Hồ Chí Minh",
            dt.date(2022, 2, 25),
        ),
        ("Hải Phòng, ngày 5 tháng 4 năm 2023", "Hải Phòng", dt.date(2023, 4, 5)),
        ("Hoà Bình, ngày 10 tháng 3 năm 2023", "Hoà Bình", dt.date(2023, 3, 10)),
    ],
)
def test_place_and_date_line(parse, line, place, date):
    info = parse(plan(place_date=line)).info
    assert info.place == place
    assert info.issue_date == date


def test_blank_day_on_a_draft_gives_no_date_but_keeps_place(parse):
    info = parse(plan(place_date="Hưng Yên, ngày    tháng 01 năm 2022")).info
    assert info.issue_date is None
    assert info.place == "Hưng Yên"
    assert info.period_start == 2022


@pytest.mark.parametrize(
    ("line", "doc_type"),
    [
        ("KẾ HOẠCH", "Kế hoạch"),
        ("BÁO CÁO", "Báo cáo"),
        ("QUYẾT ĐỊNH", "Quyết định"),
        ("**KẾ HOẠCH**", "Kế hoạch"),
        ("THÔNG BÁO KẾT LUẬN", "Thông báo"),
        ("CÔNG VĂN", "Công văn"),
    ],
)
def test_type_line_gives_the_document_type(parse, line, doc_type):
    assert parse(plan(doc_type=line)).info.doc_type == doc_type


def test_bold_title_lines_after_the_type_line_are_joined(parse):
    text = plan(
        doc_type="**KẾ HOẠCH**",
        title="**Cải cách hành chính Nhà nước của Sở Giáo dục và Đào tạo**\n"
        "**tỉnh Hưng Yên năm 2022**",
    )
    info = parse(text, ".md").info
    assert info.title == (
        "Cải cách hành chính Nhà nước của Sở Giáo dục và Đào tạo tỉnh Hưng Yên năm 2022"
    )


def test_capital_title_lines_are_joined_and_stop_before_the_body(parse):
    info = parse(
        plan(
            doc_type="BÁO CÁO",
            title="KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH\nQUÝ I NĂM 2023",
            body="Căn cứ Kế hoạch số 10/KH-SGDĐT ngày 10/01/2023, Sở báo cáo như sau:\n",
        )
    ).info
    assert info.title == "KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2023"
    assert info.period == "Quý I/2023"


def test_issuer_is_the_body_line_right_above_the_national_name(parse):
    # The parent body (cơ quan chủ quản) is printed first, the issuing body below it.
    info = parse(plan(parent="UBND HUYỆN GIA LÂM", issuer="TRƯỜNG MẦM NON HOA PHƯỢNG")).info
    assert info.issuer == "TRƯỜNG MẦM NON HOA PHƯỢNG"


def test_issuer_name_wrapped_over_two_header_lines_is_whole(parse):
    info = parse(
        plan(parent="", issuer="UỶ BAN NHÂN DÂN\nTỈNH HOÀ BÌNH", number="Số: 15/KH-UBND")
    ).info
    assert info.issuer == "UỶ BAN NHÂN DÂN TỈNH HOÀ BÌNH"


def test_header_with_old_style_tone_marks_is_recognized(parse):
    parsed = parse(plan(national="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert parsed.info.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert parsed.doc.blocks[2].kind == "header"


def test_header_laid_out_as_a_two_column_table(parse):
    text = (
        "UBND TỈNH HƯNG YÊN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO\t\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 05/KH-SGDĐT\t\tHưng Yên, ngày 04 tháng 01 năm 2022\n"
        "\n"
        "KẾ HOẠCH\n"
        "Cải cách hành chính năm 2022\n"
        "\n"
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh;\n"
    )
    parsed = parse(text)
    info = parsed.info
    assert (info.issuer, info.doc_number, info.place, info.issue_date) == (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "05/KH-SGDĐT",
        "Hưng Yên",
        dt.date(2022, 1, 4),
    )
    assert info.doc_type == "Kế hoạch"
    assert parsed.ref_keys() == ["12/QĐ-UBND"]


@pytest.mark.parametrize(
    ("title", "period", "start", "end"),
    [
        ("Cải cách hành chính năm 2022", "2022", 2022, 2022),
        ("Thực hiện chuyển đổi số ngành giáo dục giai đoạn 2021-2025", "2021-2025", 2021, 2025),
        ("Phát triển giáo dục mầm non giai đoạn 2021 – 2025", "2021-2025", 2021, 2025),
        ("Tuyển sinh năm học 2022-2023", "năm học 2022-2023", 2022, 2023),
        # From the plan's own date (2022 in the header) to the year it names.
        ("Tìm kiếm hài cốt liệt sĩ từ nay đến năm 2025", "đến năm 2025", 2022, 2025),
        # A cited decision's date in the title is not the plan's period.
        (
            "Triển khai Quyết định số 1237/QĐ-TTg ngày 27 tháng 7 năm 2013 đến năm 2025",
            "đến năm 2025",
            2022,
            2025,
        ),
    ],
)
def test_period_is_read_from_the_title(parse, title, period, start, end):
    info = parse(plan(title=title)).info
    assert (info.period, info.period_start, info.period_end) == (period, start, end)


# --- section tree ---------------------------------------------------------------------

_BODY = (
    "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh, Sở xây dựng kế hoạch:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "1.1. Nâng cao nhận thức về chuyển đổi số.\n"
    "a) Tổ chức hội nghị quán triệt.\n"
    "- Cấp tỉnh;\n"
    "- Cấp huyện.\n"
    "b) Xây dựng tài liệu tuyên truyền.\n"
    "đ) Kiểm tra, giám sát việc thực hiện.\n"
    "· Định kỳ hằng quý;\n"
    "• Đột xuất khi cần.\n"
    "2. Yêu cầu\n"
    "Bám sát Kế hoạch của UBND tỉnh.\n"
    "II. NỘI DUNG\n"
    "1. Cải cách thể chế\n"
    "Rà soát văn bản quy phạm pháp luật.\n"
)


@pytest.fixture
def tree(parse):
    return parse(plan(body=_BODY))


def _parent_label(parsed, section):
    by_id = {s.section_id: s for s in parsed.sections}
    return by_id[section.parent_id].label if section.parent_id else None


def test_sections_are_found_in_order_with_their_titles(tree):
    assert [(s.label, s.title) for s in tree.sections] == [
        ("I.", "MỤC ĐÍCH, YÊU CẦU"),
        ("1.", "Mục đích"),
        ("1.1.", "Nâng cao nhận thức về chuyển đổi số"),
        ("a)", "Tổ chức hội nghị quán triệt"),
        ("-", "Cấp tỉnh"),
        ("-", "Cấp huyện"),
        ("b)", "Xây dựng tài liệu tuyên truyền"),
        ("đ)", "Kiểm tra, giám sát việc thực hiện"),
        ("·", "Định kỳ hằng quý"),
        ("•", "Đột xuất khi cần"),
        ("2.", "Yêu cầu"),
        ("II.", "NỘI DUNG"),
        ("1.", "Cải cách thể chế"),
    ]


def test_first_part_nests_numbered_lettered_and_bulleted_items(tree):
    got = [(s.label, s.level, _parent_label(tree, s)) for s in tree.sections[:11]]
    assert got == [
        ("I.", 1, None),
        ("1.", 2, "I."),
        ("1.1.", 3, "1."),
        ("a)", 4, "1.1."),
        ("-", 5, "a)"),
        ("-", 5, "a)"),
        ("b)", 4, "1.1."),
        ("đ)", 4, "1.1."),
        ("·", 5, "đ)"),
        ("•", 5, "đ)"),
        ("2.", 2, "I."),
    ]


def test_second_roman_part_is_a_sibling_of_the_first(tree):
    second = tree.sections[11]
    assert second.label == "II."
    assert (second.level, second.parent_id) == (1, None)
    first_of_second = tree.sections[12]
    assert (first_of_second.level, _parent_label(tree, first_of_second)) == (2, "II.")


def test_appendix_after_the_body_is_a_top_level_section(parse):
    parsed = parse(plan(body=_BODY + "PHỤ LỤC\nDANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2022\n"))
    appendix = parsed.section("PHỤ LỤC")
    assert (appendix.level, appendix.parent_id) == (1, None)


def test_section_ids_and_spans_point_into_the_text(tree):
    doc_id = tree.doc.doc_id
    for s in tree.sections:
        assert s.section_id == f"{doc_id}:s:{s.char_start}"
        assert tree.text[s.char_start :].startswith(s.label)
        assert s.char_start < s.char_end <= len(tree.text)
    part = tree.section("1.1.")
    item = tree.sections[3]
    assert part.char_start < item.char_start <= item.char_end <= part.char_end


def test_reference_is_placed_in_its_innermost_section(parse):
    parsed = parse(
        plan(
            body="I. NHIỆM VỤ\n"
            "1. Cải cách thể chế\n"
            "a) Rà soát văn bản theo Nghị định số 34/2016/NĐ-CP của Chính phủ.\n"
            "2. Cải cách thủ tục hành chính\n"
        )
    )
    ref = parsed.ref("34/2016/NĐ-CP")
    assert ref.section_id == parsed.section("a)").section_id


# --- signature and recipients -----------------------------------------------------------

_CLOSING = (
    "Trên đây là Kế hoạch cải cách hành chính năm 2022 của Sở Giáo dục và Đào tạo.\n"
    "Nơi nhận:\n"
    "- Bộ GD&ĐT (để b/c);\n"
    "- UBND tỉnh (để b/c);\n"
    "- Lưu: VT, VP.\n"
    "\n"
    "KT. GIÁM ĐỐC\n"
    "PHÓ GIÁM ĐỐC\n"
    "\n"
    "Nguyễn Văn An\n"
)


def test_recipients_list_and_signature_block_are_recognized(parse):
    parsed = parse(plan(body=_CLOSING))
    assert parsed.blocks_of("recipients") == [
        "Nơi nhận:",
        "- Bộ GD&ĐT (để b/c);",
        "- UBND tỉnh (để b/c);",
        "- Lưu: VT, VP.",
    ]
    assert parsed.blocks_of("signature") == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]


def test_signature_and_recipients_are_not_sections(parse):
    parsed = parse(plan(body=_CLOSING))
    assert parsed.sections == []
    assert any(p.startswith("Trên đây là Kế hoạch") for p in parsed.blocks_of("paragraph"))


def test_header_typed_in_two_space_aligned_columns(parse):
    text = (
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "  TỈNH BẮC NINH                          Độc lập - Tự do - Hạnh phúc\n"
        "\n"
        "Số: 45/KH-UBND                          Bắc Ninh, ngày 05 tháng 3 năm 2024\n"
        "\n"
        "KẾ HOẠCH\n"
        "Phòng, chống thiên tai năm 2024\n"
    )
    info = parse(text).info
    assert (info.doc_number, info.place) == ("45/KH-UBND", "Bắc Ninh")
    assert info.issue_date == dt.date(2024, 3, 5)
    assert info.issuer == "ỦY BAN NHÂN DÂN TỈNH BẮC NINH"
    assert info.doc_type == "Kế hoạch" and info.title == "Phòng, chống thiên tai năm 2024"


def test_number_and_date_flattened_onto_one_line(parse):
    text = "Số: 12/BC-SYT Thanh Hóa, ngày 20 tháng 6 năm 2024\n\nBÁO CÁO\nKết quả công tác y tế\n"
    info = parse(text).info
    assert (info.doc_number, info.place) == ("12/BC-SYT", "Thanh Hóa")
    assert info.issue_date == dt.date(2024, 6, 20)


def test_a_cong_van_has_no_type_line_and_its_subject_line_is_its_title(parse):
    text = (
        "UBND TỈNH LÂM ĐỒNG\nSỞ TƯ PHÁP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 310/STP-PBGDPL\n\nĐà Lạt, ngày 02 tháng 4 năm 2024\n\n"
        "V/v triển khai Ngày Pháp luật năm 2024\n\nKính gửi: Các sở, ban, ngành.\n"
    )
    info = parse(text).info
    assert info.doc_type == "Công văn"
    assert info.title == "triển khai Ngày Pháp luật năm 2024"


def test_an_office_line_names_the_office_of_the_body_above(parse):
    text = plan(parent="UBND TỈNH NINH THUẬN", issuer="VĂN PHÒNG")
    assert parse(text).info.issuer == "VĂN PHÒNG UBND TỈNH NINH THUẬN"


def test_a_results_section_looks_back_and_the_next_part_does_not(parse):
    text = plan(
        body=(
            "PHẦN I\nKẾT QUẢ THỰC HIỆN NĂM 2023\n1. Công tác chỉ đạo\nĐã ban hành 12 văn bản.\n"
            "PHẦN II\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n"
            "1. Nhiệm vụ trọng tâm\nTổ chức 04 hội nghị.\n"
        ),
        title="Báo cáo kết quả năm 2023",
    )
    secs = {s.label + " " + s.title: s.looks_back for s in parse(text).sections}
    assert secs["PHẦN I KẾT QUẢ THỰC HIỆN NĂM 2023"] is True
    assert secs["1. Công tác chỉ đạo"] is True
    assert secs["PHẦN II PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"] is False
    assert secs["1. Nhiệm vụ trọng tâm"] is False
