"""Legal references: every mention of a numbered document, and laws cited by name.

Each test is one sentence as Vietnamese plans write it, and the row it must give in
``legal_refs`` (columns per /work/shared/SCHEMA.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import unicodedata

import pytest

from extract.model import LegalRef

# legal_refs columns of /work/shared/SCHEMA.md (doc_id comes from the Document).
SCHEMA_COLUMNS = [
    "ref_id", "ref_key", "ref_type", "number", "year", "symbol", "issue_date", "issuer",
    "subject", "pinpoint", "relation", "is_self", "quote", "char_start", "char_end", "page",
    "section_id",
]  # fmt: skip


RELATIONS = ("can_cu", "thuc_hien", "theo", "sua_doi", "ban_hanh_kem_theo", "other")


# --- the full record ------------------------------------------------------------------

_FULL = (
    "Căn cứ Quyết định số 4424/QĐ-UBND ngày 31 tháng 12 năm 2021 của Ủy ban nhân dân Thành phố "
    "về ban hành Kế hoạch cải cách hành chính năm 2022;\n"
)


def test_decision_with_date_issuer_and_subject_gives_every_column(parse):
    parsed = parse(_FULL)
    ref = parsed.ref("4424/QĐ-UBND")
    assert ref.ref_key == "4424/QĐ-UBND"
    assert ref.ref_type == "Quyết định"
    assert ref.number == "4424"
    assert ref.symbol == "QĐ-UBND"
    assert ref.year == 2021
    assert ref.issue_date == dt.date(2021, 12, 31)
    assert ref.issuer == "Ủy ban nhân dân Thành phố"
    assert ref.subject == "ban hành Kế hoạch cải cách hành chính năm 2022"
    assert ref.pinpoint is None
    assert ref.relation == "can_cu"
    assert ref.is_self is False
    assert ref.quote.startswith("Quyết định số 4424/QĐ-UBND ngày 31 tháng 12 năm 2021")
    assert ref.page is None  # a text file has no pages
    assert ref.ref_id == f"{parsed.doc.doc_id}:ref:{ref.char_start}"


def test_every_schema_column_is_on_the_record():
    fields = {f.name for f in dataclasses.fields(LegalRef)}
    assert set(SCHEMA_COLUMNS) <= fields


# --- number forms ---------------------------------------------------------------------


def test_decree_without_so(parse):
    ref = parse(
        "Căn cứ Nghị định 130/2005/NĐ-CP ngày 17/10/2005 của Chính phủ quy định chế độ tự chủ;\n"
    ).ref("130/2005/NĐ-CP")
    assert (ref.ref_type, ref.number, ref.year, ref.symbol) == ("Nghị định", "130", 2005, "NĐ-CP")
    assert ref.issue_date == dt.date(2005, 10, 17)
    assert ref.issuer == "Chính phủ"
    assert ref.quote.startswith("Nghị định 130/2005/NĐ-CP")


@pytest.mark.parametrize(
    ("sentence", "key", "ref_type", "number", "symbol"),
    [
        (
            "Thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương.",
            "18-NQ/TW",
            "Nghị quyết",
            "18",
            "NQ/TW",
        ),
        (
            "Thực hiện Kết luận số 134-KL/TU ngày 01/3/2022 của Ban Thường vụ Tỉnh ủy.",
            "134-KL/TU",
            "Kết luận",
            "134",
            "KL/TU",
        ),
        (
            "Thực hiện Chương trình hành động số 34-CTr/TU ngày 10/5/2021 của Thành ủy.",
            "34-CTr/TU",
            "Chương trình",
            "34",
            "CTr/TU",
        ),
    ],
)
def test_party_documents_keep_their_hyphen(parse, sentence, key, ref_type, number, symbol):
    ref = parse(sentence + "\n").ref(key)
    assert ref.ref_key == key
    assert (ref.ref_type, ref.number, ref.symbol) == (ref_type, number, symbol)


def test_national_assembly_resolution(parse):
    ref = parse(
        "Căn cứ Nghị quyết số 54/2017/QH14 ngày 24/11/2017 của Quốc hội về thí điểm cơ chế, "
        "chính sách đặc thù phát triển Thành phố Hồ Chí Minh;\n"
    ).ref("54/2017/QH14")
    assert (ref.ref_type, ref.number, ref.year, ref.symbol) == ("Nghị quyết", "54", 2017, "QH14")
    assert ref.issuer == "Quốc hội"


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("Thực hiện Công văn số 1121/UBND-NV ngày 05/4/2022 của UBND tỉnh.", "1121/UBND-NV"),
        ("Thực hiện Văn bản số 556/UBND-KSTTHC ngày 10/3/2022 của UBND tỉnh.", "556/UBND-KSTTHC"),
        ("Theo văn bản số 71/SGDĐT-VP ngày 12/01/2022 của Sở Giáo dục và Đào tạo.", "71/SGDĐT-VP"),
    ],
)
def test_official_letters_are_cong_van(parse, sentence, key):
    assert parse(sentence + "\n").ref(key).ref_type == "Công văn"


def test_abbreviated_type_word(parse):
    ref = parse("Thực hiện QĐ số 846/QĐ-TTg ngày 09/6/2017 của Thủ tướng Chính phủ.\n").ref(
        "846/QĐ-TTg"
    )
    assert ref.ref_type == "Quyết định"
    assert ref.quote.startswith("QĐ số 846/QĐ-TTg")
    assert ref.issuer == "Thủ tướng Chính phủ"


@pytest.mark.parametrize(
    ("sentence", "key", "ref_type"),
    [
        (
            "Căn cứ Thông tư liên tịch số 01/2015/TTLT-BNV-BTC ngày 14/9/2015;",
            "01/2015/TTLT-BNV-BTC",
            "Thông tư liên tịch",
        ),
        ("Thực hiện Hướng dẫn số 12/HD-SGDĐT ngày 10/01/2022 của Sở;", "12/HD-SGDĐT", "Hướng dẫn"),
        ("Theo Tờ trình số 45/TTr-SGDĐT ngày 20/01/2022 của Sở;", "45/TTr-SGDĐT", "Tờ trình"),
        ("Theo Báo cáo số 100/BC-UBND ngày 30/6/2022 của UBND tỉnh;", "100/BC-UBND", "Báo cáo"),
        (
            "Theo Thông báo số 25/TB-VPCP ngày 20/01/2022 của Văn phòng Chính phủ;",
            "25/TB-VPCP",
            "Thông báo",
        ),
        ("Thực hiện Kế hoạch số 252/KH-BCĐQG1237 ngày 15/3/2023;", "252/KH-BCĐQG1237", "Kế hoạch"),
    ],
)
def test_printed_type_word_gives_the_type(parse, sentence, key, ref_type):
    assert parse(sentence + "\n").ref(key).ref_type == ref_type


def test_bare_list_continuation_inherits_the_type(parse):
    parsed = parse(
        "Căn cứ các Nghị định: số 16/2015/NĐ-CP ngày 14/02/2015 của Chính phủ quy định cơ chế "
        "tự chủ của đơn vị sự nghiệp công lập; số 54/2016/NĐ-CP ngày 14/6/2016 của Chính phủ;\n"
    )
    assert parsed.ref_keys() == ["16/2015/NĐ-CP", "54/2016/NĐ-CP"]
    first, second = parsed.refs
    assert (first.ref_type, second.ref_type) == ("Nghị định", "Nghị định")
    assert first.issue_date == dt.date(2015, 2, 14)
    assert second.issue_date == dt.date(2016, 6, 14)
    assert second.quote.startswith("số 54/2016/NĐ-CP")


def test_list_type_carries_to_an_item_whose_symbol_has_no_type(parse):
    parsed = parse(
        "Căn cứ các Quyết định: số 31/QĐ-SGDĐT ngày 05/01/2023; số 29/SGDĐT ngày 05/01/2023 "
        "của Sở Giáo dục và Đào tạo;\n"
    )
    assert parsed.ref_keys() == ["31/QĐ-SGDĐT", "29/SGDĐT"]
    assert [r.ref_type for r in parsed.refs] == ["Quyết định", "Quyết định"]


# --- typos kept as printed -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "key", "ref_type"),
    [
        (
            "Căn cứ Quyết định số 11/2017/QĐ/UBND ngày 20/3/2017 của UBND tỉnh;",
            "11/2017/QĐ/UBND",
            "Quyết định",
        ),
        (
            "Thực hiện Công văn số 1447/SGDDT-HĐTD ngày 02/8/2022 của Sở;",
            "1447/SGDDT-HĐTD",
            "Công văn",
        ),
        (
            "Căn cứ Quyết định số 44/2022/UBND ngày 15/9/2022 của UBND tỉnh;",
            "44/2022/UBND",
            "Quyết định",
        ),
    ],
)
def test_symbol_typos_are_kept_as_printed(parse, sentence, key, ref_type):
    ref = parse(sentence + "\n").ref(key)
    assert ref.ref_key == key
    assert ref.ref_type == ref_type


def test_space_inside_a_symbol_is_removed_from_the_key_only(parse):
    ref = parse(
        "Căn cứ Nghị định số 61/2018/NĐ- CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế "
        "một cửa, một cửa liên thông;\n"
    ).ref("61/2018/NĐ-CP")
    assert ref.symbol == "NĐ-CP"
    assert "61/2018/NĐ- CP" in ref.quote
    assert ref.issue_date == dt.date(2018, 4, 23)


# --- laws -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "key", "ref_type", "year"),
    [
        ("Căn cứ Luật Giáo dục 2019;", "Luật Giáo dục 2019", "Luật", 2019),
        ("Căn cứ Luật Giáo dục năm 2019;", "Luật Giáo dục 2019", "Luật", 2019),
        ("Căn cứ Luật Ngân sách nhà nước;", "Luật Ngân sách nhà nước", "Luật", None),
        ("Căn cứ Bộ luật Lao động năm 2019;", "Bộ luật Lao động 2019", "Bộ luật", 2019),
    ],
)
def test_law_cited_by_name(parse, sentence, key, ref_type, year):
    ref = parse(sentence + "\n").ref(key)
    assert ref.ref_key == key
    assert ref.ref_type == ref_type
    assert (ref.number, ref.symbol, ref.year) == (None, None, year)


def test_law_name_with_a_comma(parse):
    parsed = parse("Căn cứ Luật Phòng, chống tham nhũng năm 2018 và Luật Cán bộ, công chức;\n")
    assert len(parsed.refs) == 2
    anti_corruption, civil_servants = parsed.refs
    assert anti_corruption.quote == "Luật Phòng, chống tham nhũng năm 2018"
    assert anti_corruption.subject == "Luật Phòng, chống tham nhũng"
    assert anti_corruption.year == 2018
    assert civil_servants.quote == "Luật Cán bộ, công chức"
    # One law, one key, whether or not the citing text prints the comma.
    unpunctuated = parse("Căn cứ Luật Phòng chống tham nhũng 2018;\n").refs[0]
    assert unpunctuated.ref_key == anti_corruption.ref_key


def test_one_law_one_key_whatever_the_tone_placement(parse):
    a = parse("Căn cứ Luật Hoà giải ở cơ sở năm 2013;\n").refs[0]
    b = parse("Căn cứ Luật Hòa giải ở cơ sở năm 2013;\n").refs[0]
    assert a.ref_key == b.ref_key


def test_law_with_old_style_tone_marks_is_recognized(parse):
    ref = parse("Thực hiện Luật Thuỷ lợi 2017 trên địa bàn tỉnh.\n").refs[0]
    assert (ref.ref_type, ref.year, ref.quote) == ("Luật", 2017, "Luật Thuỷ lợi 2017")


def test_law_with_its_number_is_keyed_by_the_number(parse):
    parsed = parse("Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15 ngày 18/02/2025;\n")
    assert parsed.ref_keys() == ["63/2025/QH15"]
    ref = parsed.refs[0]
    assert (ref.ref_type, ref.number, ref.year, ref.symbol) == ("Luật", "63", 2025, "QH15")
    assert ref.issue_date == dt.date(2025, 2, 18)
    assert ref.quote.startswith("Luật Tổ chức Chính phủ số 63/2025/QH15")


@pytest.mark.parametrize(
    "sentence",
    [
        "Luật sư được mời tư vấn cho người dân về thủ tục đất đai.",
        "Luật này có hiệu lực thi hành kể từ ngày 01/7/2020.",
        "Thực hiện nghiêm các quy định của pháp luật về cải cách hành chính.",
        "Tăng cường phổ biến, giáo dục pháp luật cho học sinh.",
        "Trường Đại học Luật Hà Nội phối hợp tổ chức hội thảo.",
    ],
)
def test_law_words_that_cite_no_law(parse, sentence):
    assert parse(sentence + "\n").refs == []


# --- type implied by the symbol ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "key", "ref_type"),
    [
        (
            "Việc tuyển dụng thực hiện theo 61/2018/NĐ-CP của Chính phủ.",
            "61/2018/NĐ-CP",
            "Nghị định",
        ),
        ("Quyết toán kinh phí theo 85/2017/TT-BTC của Bộ Tài chính.", "85/2017/TT-BTC", "Thông tư"),
        ("Tiếp tục quán triệt 05/CT-TTg về tăng cường kỷ luật.", "05/CT-TTg", "Chỉ thị"),
        ("Nội dung cụ thể tại 12/TB-UBND của UBND tỉnh.", "12/TB-UBND", "Thông báo"),
        ("Thực hiện theo 1237/QĐ-TTg của Thủ tướng Chính phủ.", "1237/QĐ-TTg", "Quyết định"),
    ],
)
def test_type_is_implied_from_the_symbol_when_the_word_is_omitted(parse, sentence, key, ref_type):
    ref = parse(sentence + "\n").ref(key)
    assert ref.ref_type == ref_type
    assert ref.quote.startswith(key)


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;", dt.date(2021, 7, 15)),
        (
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;",
            dt.date(2021, 7, 15),
        ),
        ("Căn cứ Nghị quyết số 76/NQ-CP ngày 05/01/2021 của Chính phủ;", dt.date(2021, 1, 5)),
    ],
)
def test_issue_date_forms(parse, sentence, date):
    ref = parse(sentence + "\n").ref("76/NQ-CP")
    assert ref.issue_date == date
    assert ref.year == date.year
    assert ref.issuer == "Chính phủ"


def test_upper_case_citation(parse):
    ref = parse(
        "KẾ HOẠCH THỰC HIỆN QUYẾT ĐỊNH SỐ 1237/QĐ-TTG NGÀY 27 THÁNG 7 NĂM 2013 "
        "CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
    ).ref("1237/QĐ-TTg")
    assert ref.ref_type == "Quyết định"
    assert ref.issue_date == dt.date(2013, 7, 27)
    assert ref.issuer == "THỦ TƯỚNG CHÍNH PHỦ"


def test_citation_split_by_a_page_break(parse):
    ref = parse(
        "Thực hiện Kế hoạch số\n\n2336/KH-SGDĐT ngày 10/5/2022 của Sở Giáo dục và Đào tạo.\n"
    ).ref("2336/KH-SGDĐT")
    assert ref.ref_type == "Kế hoạch"
    assert ref.issue_date == dt.date(2022, 5, 10)
    assert ref.issuer == "Sở Giáo dục và Đào tạo"


# --- issuer boundaries ----------------------------------------------------------------


def test_issuer_keeps_va_inside_a_body_name(parse):
    ref = parse(
        "Thực hiện Công văn số 1234/BGDĐT-GDTX ngày 20/3/2022 của Bộ Giáo dục và Đào tạo "
        "về tăng cường công tác chuyển đổi số.\n"
    ).ref("1234/BGDĐT-GDTX")
    assert ref.issuer == "Bộ Giáo dục và Đào tạo"


def test_subject_ending_in_chuyen_doi_so_is_whole(parse):
    ref = parse(
        "Thực hiện Công văn số 1234/BGDĐT-GDTX ngày 20/3/2022 của Bộ Giáo dục và Đào tạo "
        "về tăng cường công tác chuyển đổi số.\n"
    ).ref("1234/BGDĐT-GDTX")
    assert ref.subject == "tăng cường công tác chuyển đổi số"


def test_issuer_stops_before_the_next_mention(parse):
    parsed = parse(
        "Thực hiện Công văn số 1121/UBND-NV ngày 05/4/2022 của UBND tỉnh và Văn bản số "
        "556/UBND-KSTTHC ngày 10/3/2022 của UBND tỉnh.\n"
    )
    first = parsed.ref("1121/UBND-NV")
    assert first.issuer == "UBND tỉnh"
    assert first.char_end <= parsed.ref("556/UBND-KSTTHC").char_start


def test_issuer_stops_before_a_pinpoint_of_the_next_mention(parse):
    parsed = parse(
        "Theo quy định tại Điều 7 Nghị định số 01/2013/NĐ-CP ngày 03/01/2013 của Chính phủ và "
        "khoản 2 Điều 5 Thông tư số 02/2019/TT-BNV ngày 24/01/2019 của Bộ Nội vụ.\n"
    )
    assert parsed.ref("01/2013/NĐ-CP").issuer == "Chính phủ"


# --- pinpoints ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "key", "pinpoint"),
    [
        (
            "Thực hiện theo Điều 7 Nghị định số 01/2013/NĐ-CP ngày 03/01/2013 của Chính phủ.",
            "01/2013/NĐ-CP",
            "Điều 7",
        ),
        (
            "Theo quy định tại khoản 2 Điều 5 Thông tư số 02/2019/TT-BNV ngày 24/01/2019.",
            "02/2019/TT-BNV",
            "khoản 2 Điều 5",
        ),
        (
            "Thực hiện điểm a khoản 1 Điều 3 Quyết định số 25/2021/QĐ-UBND của UBND tỉnh.",
            "25/2021/QĐ-UBND",
            "điểm a khoản 1 Điều 3",
        ),
        (
            "Theo khoản 3 Điều 12 của Nghị định số 30/2020/NĐ-CP của Chính phủ.",
            "30/2020/NĐ-CP",
            "khoản 3 Điều 12",
        ),
    ],
)
def test_pinpoint_before_the_mention(parse, sentence, key, pinpoint):
    assert parse(sentence + "\n").ref(key).pinpoint == pinpoint


# --- relation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "key", "relation"),
    [
        ("Căn cứ Quyết định số 20/QĐ-UBND ngày 05/01/2022 của UBND tỉnh;", "20/QĐ-UBND", "can_cu"),
        (
            "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2022 của UBND tỉnh, Sở xây dựng kế hoạch.",
            "12/KH-UBND",
            "thuc_hien",
        ),
        (
            "Triển khai Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ.",
            "23/CT-TTg",
            "thuc_hien",
        ),
        (
            "Để cụ thể hoá Nghị quyết số 18-NQ/TW ngày 25/10/2017, Sở xây dựng kế hoạch.",
            "18-NQ/TW",
            "thuc_hien",
        ),
        (
            "Các đơn vị báo cáo theo Thông tư số 01/2020/TT-BNV của Bộ Nội vụ.",
            "01/2020/TT-BNV",
            "theo",
        ),
        (
            "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung "
            "một số điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;",
            "61/2018/NĐ-CP",
            "sua_doi",
        ),
        (
            "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ sửa đổi, bổ sung "
            "một số điều của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ;",
            "107/2021/NĐ-CP",
            "can_cu",
        ),
    ],
)
def test_relation_from_the_cue_before_the_mention(parse, sentence, key, relation):
    assert parse(sentence + "\n").ref(key).relation == relation


def test_relation_cue_does_not_carry_into_the_next_sentence(parse):
    parsed = parse("Thực hiện Kế hoạch số 12/KH-UBND. Quyết định số 20/QĐ-UBND đã hết hiệu lực.\n")
    assert parsed.ref("12/KH-UBND").relation == "thuc_hien"
    assert parsed.ref("20/QĐ-UBND").relation == "other"


# --- the document's own number ----------------------------------------------------------

_OWN = (
    "UBND TỈNH HƯNG YÊN\n"
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
    "\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 05/KH-SGDĐT\n"
    "\n"
    "Hưng Yên, ngày 04 tháng 01 năm 2022\n"
    "\n"
    "KẾ HOẠCH\n"
    "Cải cách hành chính năm 2022\n"
    "\n"
    "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên, Sở Giáo dục và "
    "Đào tạo xây dựng kế hoạch như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Nâng cao chất lượng phục vụ người dân.\n"
    "PHỤ LỤC\n"
    "(Ban hành kèm theo Kế hoạch số:05/KH-SGDĐT ngày 04/01/2022 của Sở Giáo dục và Đào tạo)\n"
)


def test_own_number_in_the_appendix_is_a_self_reference(parse):
    parsed = parse(_OWN)
    assert parsed.ref_keys() == ["196/KH-UBND", "05/KH-SGDĐT"]  # not the header's "Số:" line
    own = parsed.ref("05/KH-SGDĐT")
    assert own.is_self is True
    assert own.relation == "ban_hanh_kem_theo"
    assert own.ref_type == "Kế hoạch"
    assert own.issue_date == dt.date(2022, 1, 4)
    assert own.issuer == "Sở Giáo dục và Đào tạo"
    assert parsed.ref("196/KH-UBND").is_self is False


def test_same_symbol_with_another_number_is_not_self(parse):
    parsed = parse(_OWN.replace("Kế hoạch số 196/KH-UBND", "Kế hoạch số 150/KH-SGDĐT"))
    assert parsed.ref("150/KH-SGDĐT").is_self is False


# --- not references ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Mọi phản ánh xin gọi số điện thoại 0225.3842.123 hoặc 0225.3842.456.",
        "Người dân gọi tổng đài cổng thông tin 1022 để được hỗ trợ.",
        "Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98%.",
        "Xem chi tiết tại http://hcm.edu.vn/abc-vb41784.aspx.",
        "Xem tại https://vanban.chinhphu.vn/?pageid=27160&docid=204567 để biết thêm.",
        "Duy trì hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015.",
        "Áp dụng QCVN 01:2021/BYT trong quản lý an toàn thực phẩm.",
        "Báo cáo kết quả trước ngày 15/7/2021.",
        "Đã có 44/44 đơn vị hoàn thành nhiệm vụ.",
        "Đường dây nóng hoạt động 24/7.",
    ],
)
def test_numbers_that_are_not_references(parse, sentence):
    assert parse(sentence + "\n").refs == []


def test_unnumbered_documents_are_not_references(parse):
    parsed = parse(
        "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XIX và Chương trình tổng thể cải "
        "cách hành chính nhà nước giai đoạn 2021-2030; Nghị định này quy định chi tiết.\n"
    )
    assert parsed.refs == []


# --- text normalization seen through the extractor --------------------------------------


def test_decomposed_input_is_still_recognized(parse):
    ref = parse(unicodedata.normalize("NFD", _FULL)).ref("4424/QĐ-UBND")
    assert ref.ref_type == "Quyết định"
    assert ref.issuer == "Ủy ban nhân dân Thành phố"
    assert unicodedata.is_normalized("NFC", ref.ref_key)


def test_issuer_and_subject_with_old_style_tone_marks_are_kept_as_printed(parse):
    ref = parse(
        "Căn cứ Quyết định số 12/QĐ-UBND ngày 05/01/2023 của Uỷ ban nhân dân tỉnh Hoà Bình "
        "về việc giao chỉ tiêu;\n"
    ).ref("12/QĐ-UBND")
    assert ref.issuer == "Uỷ ban nhân dân tỉnh Hoà Bình"
    assert ref.subject == "giao chỉ tiêu"


def test_reference_in_a_footnote_is_found(parse):
    parsed = parse(
        "Thực hiện tốt công tác cải cách hành chính¹ trong toàn ngành.\n"
        "¹ Theo Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh.\n"
    )
    ref = parsed.ref("12/QĐ-UBND")
    assert ref.relation == "theo"
    assert ref.issue_date == dt.date(2022, 1, 5)


# --- invariants -----------------------------------------------------------------------

_RICH = (
    _OWN
    + "Căn cứ các Nghị định: số 16/2015/NĐ-CP ngày 14/02/2015; số 54/2016/NĐ-CP ngày 14/6/2016;\n"
    + "Theo khoản 2 Điều 5 Thông tư số 02/2019/TT-BNV và Luật Phòng, chống tham nhũng năm 2018;\n"
    + "QUYẾT ĐỊNH SỐ 1237/QĐ-TTG NGÀY 27 THÁNG 7 NĂM 2013 CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
    + "Nghị định số 61/2018/NĐ- CP của Chính phủ; hotline 0225.3842.123; đạt 98%.\n"
)


def test_every_quote_is_the_text_at_its_offsets(parse):
    parsed = parse(_RICH)
    assert len(parsed.refs) >= 8
    for ref in parsed.refs:
        assert ref.quote == parsed.text[ref.char_start : ref.char_end]
        assert ref.quote.strip() == ref.quote
        assert ref.relation in RELATIONS
        assert unicodedata.is_normalized("NFC", ref.ref_key)
        if ref.number is not None:
            assert not any(c.isspace() for c in ref.ref_key)


def test_ids_are_deterministic_and_unique(parse):
    first = parse(_RICH)
    second = parse(_RICH)
    assert [r.ref_id for r in first.refs] == [r.ref_id for r in second.refs]
    assert len({r.ref_id for r in first.refs}) == len(first.refs)
    assert all(r.ref_id.startswith(first.doc.doc_id + ":") for r in first.refs)


def test_law_cited_by_name_keeps_its_date(parse):
    refs = parse("Căn cứ Luật Ngân sách nhà nước ngày 25/6/2015;\n").refs
    law = next(r for r in refs if r.ref_type == "Luật")
    assert law.ref_key == "Luật Ngân sách nhà nước"
    assert str(law.issue_date) == "2015-06-25"
    assert law.quote == "Luật Ngân sách nhà nước ngày 25/6/2015"


def test_a_law_named_again_without_its_number_is_the_same_law(parse):
    p = parse(
        "Căn cứ Luật Đầu tư công số 58/2024/QH15;\n"
        "Các dự án thực hiện đúng trình tự theo Luật Đầu tư công.\n"
    )
    assert p.ref_keys() == ["58/2024/QH15", "58/2024/QH15"]
    assert [r.ref_type for r in p.refs] == ["Luật", "Luật"]


def test_a_law_named_with_its_year_once_carries_it_to_later_mentions(parse):
    p = parse(
        "Căn cứ Luật Trồng trọt năm 2018;\n"
        "Hướng dẫn nông dân chấp hành Luật Trồng trọt trong sản xuất.\n"
    )
    assert p.ref_keys() == ["Luật Trồng trọt 2018", "Luật Trồng trọt 2018"]


def test_a_short_law_name_goes_on_after_its_comma(parse):
    p = parse("Tuyên truyền Luật Thi đua, khen thưởng năm 2022 đến cán bộ.\n")
    assert p.ref_keys() == ["Luật Thi đua khen thưởng 2022"]
    assert p.refs[0].quote == "Luật Thi đua, khen thưởng năm 2022"


def test_a_law_name_stops_before_where_it_applies(parse):
    p = parse("Triển khai thi hành Luật Điện lực trên địa bàn tỉnh.\n")
    assert p.ref_keys() == ["Luật Điện lực"]


def test_underscore_typed_for_the_hyphen_is_kept_as_printed(parse):
    p = parse("Thực hiện Quyết định số 77/QĐ_UBND ngày 02/3/2024 của UBND tỉnh.\n")
    assert p.ref_keys() == ["77/QĐ_UBND"]
    assert str(p.refs[0].issue_date) == "2024-03-02"


def test_the_date_a_law_was_passed_is_its_date(parse):
    p = parse("Luật Đất đai số 31/2024/QH15 được Quốc hội thông qua ngày 18/01/2024.\n")
    assert str(p.refs[0].issue_date) == "2024-01-18"


def test_issuer_stops_before_a_period(parse):
    p = parse("Triển khai Nghị quyết 76/NQ-CP ngày 15/7/2021 của Chính phủ giai đoạn 2021-2025.\n")
    assert p.refs[0].issuer == "Chính phủ"
