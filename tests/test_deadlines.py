"""Deadlines: the real sentences and table cells of received plans in, the records out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from dateparser.search import search_dates

from extract.extractors import deadlines, legal_refs
from extract.read import read_document
from extract.structure import analyze

HEADER = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 05/KH-SGDĐT\n"
    "Hưng Yên, ngày 04 tháng 01 năm 2022\n\n"
)
TABLE_HEAD = "TT\tNội dung công tác\tCơ quan chủ trì\tThời gian thực hiện\n"
Q = "FREQ=MONTHLY;INTERVAL=3"


def run(
    tmp_path: Path,
    body: str,
    doc_type: str = "KẾ HOẠCH",
    title: str = "Cải cách hành chính năm 2022",
):
    path = tmp_path / "doc.txt"
    path.write_text(f"{HEADER}{doc_type}\n{title}\n\n{body}\n", encoding="utf-8")
    doc = read_document(path)
    info, sections = analyze(doc)
    refs = legal_refs.extract(doc, info, sections)
    return doc, deadlines.extract(doc, info, sections, refs)


def records(tmp_path: Path, body: str, **kw) -> list[tuple]:
    _, found = run(tmp_path, body, **kw)
    return [(d.quote, d.kind, d.start_date, d.end_date, d.recurrence) for d in found]


def cell(tmp_path: Path, text: str) -> list[tuple]:
    """The records of one cell of the "Thời gian thực hiện" column of an appendix table."""
    body = TABLE_HEAD + f"1\tKiểm tra việc thực hiện CCHC tại các đơn vị\tSở GDĐT\t{text}\n"
    return records(tmp_path, body)


# --- table cells of the "Thời gian thực hiện" column ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trước 10/01/2022", [("Trước 10/01/2022", "before", None, date(2022, 1, 10), None)]),
        (
            "Quý III/2022",
            [("Quý III/2022", "quarter", date(2022, 7, 1), date(2022, 9, 30), None)],
        ),
        (
            "Quý I/năm 2022",
            [("Quý I/năm 2022", "quarter", date(2022, 1, 1), date(2022, 3, 31), None)],
        ),
        (
            "Quý II, IV/2022",
            [
                ("Quý II, IV/2022", "quarter", date(2022, 4, 1), date(2022, 6, 30), None),
                ("Quý II, IV/2022", "quarter", date(2022, 10, 1), date(2022, 12, 31), None),
            ],
        ),
        (
            "Trước quý III/2022",  # before the quarter starts
            [("Trước quý III/2022", "before", None, date(2022, 6, 30), None)],
        ),
        ("Tháng 6/2022", [("Tháng 6/2022", "month", date(2022, 6, 1), date(2022, 6, 30), None)]),
        (
            "Tháng 6-8/2022",
            [("Tháng 6-8/2022", "range", date(2022, 6, 1), date(2022, 8, 31), None)],
        ),
        (
            "Tháng 7-12/2022",
            [("Tháng 7-12/2022", "range", date(2022, 7, 1), date(2022, 12, 31), None)],
        ),
        ("Từ tháng 6/2022", [("Từ tháng 6/2022", "range", date(2022, 6, 1), None, None)]),
        ("Năm 2022", [("Năm 2022", "year", date(2022, 1, 1), date(2022, 12, 31), None)]),
        ("Cả năm 2022", [("Cả năm 2022", "year", date(2022, 1, 1), date(2022, 12, 31), None)]),
        (
            "6 tháng đầu năm 2022",
            [("6 tháng đầu năm 2022", "half_year", date(2022, 1, 1), date(2022, 6, 30), None)],
        ),
        ("Thường xuyên", [("Thường xuyên", "ongoing", None, None, None)]),
        (
            "Hàng quý, khi có yêu cầu của UBND hoặc các cơ quan liên quan",
            [
                ("Hàng quý", "recurring", None, None, Q),
                (
                    "khi có yêu cầu của UBND hoặc các cơ quan liên quan",
                    "on_request",
                    None,
                    None,
                    None,
                ),
            ],
        ),
        ("Theo lịch của UBND tỉnh", [("Theo lịch của UBND tỉnh", "schedule", None, None, None)]),
        (
            "Tháng 6/2022 Tháng 7-12/2022",  # two deadlines in one cell: two rows
            [
                ("Tháng 6/2022", "month", date(2022, 6, 1), date(2022, 6, 30), None),
                ("Tháng 7-12/2022", "range", date(2022, 7, 1), date(2022, 12, 31), None),
            ],
        ),
        (
            "Từ tháng 6/2022 Thường xuyên Cả năm 2022",
            [
                ("Từ tháng 6/2022", "range", date(2022, 6, 1), None, None),
                ("Thường xuyên", "ongoing", None, None, None),
                ("Cả năm 2022", "year", date(2022, 1, 1), date(2022, 12, 31), None),
            ],
        ),
        ("Quý III", [("Quý III", "quarter", date(2022, 7, 1), date(2022, 9, 30), None)]),
    ],
)
def test_time_column_cells(tmp_path, text, expected):
    assert cell(tmp_path, text) == expected


def test_table_continued_after_a_page_break_keeps_its_time_column(tmp_path):
    body = (
        TABLE_HEAD
        + "1\tBan hành các văn bản chỉ đạo\tSở GDĐT\tThường xuyên\n\n"
        + "VI. CẢI CÁCH TÀI CHÍNH CÔNG\n\n"
        + "1\tTiếp tục thực hiện cơ chế tự chủ\tSở GDĐT\tNăm 2022\n"
    )
    assert [r[:2] for r in records(tmp_path, body)] == [
        ("Thường xuyên", "ongoing"),
        ("Năm 2022", "year"),
    ]


# --- "Thời gian thực hiện:" lines and running text --------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Thời gian thực hiện: Trước ngày 21/02/2022./.",
            [("Trước ngày 21/02/2022", "before", None, date(2022, 2, 21), None)],
        ),
        (
            "c) Các phòng Sở báo cáo kết quả thực hiện về Sở Giáo dục và "
            "Đào tạo trước ngày 30/9/2022",
            [("trước ngày 30/9/2022", "before", None, date(2022, 9, 30), None)],
        ),
        (
            "3. Thời gian thực hiện: Tháng 11, 12/2013 và kiện toàn thường xuyên.",
            [
                ("Tháng 11, 12/2013", "month", date(2013, 11, 1), date(2013, 11, 30), None),
                ("Tháng 11, 12/2013", "month", date(2013, 12, 1), date(2013, 12, 31), None),
                ("thường xuyên", "ongoing", None, None, None),
            ],
        ),
        (
            "4. Thời gian thực hiện: Từ năm 2013 đến năm 2020 và tiếp theo.",
            [
                (
                    "Từ năm 2013 đến năm 2020 và tiếp theo",
                    "range",
                    date(2013, 1, 1),
                    date(2020, 12, 31),
                    None,
                )
            ],
        ),
        (
            "3. Thời gian thực hiện: 6 tháng, hằng năm và định kỳ.",
            [
                ("6 tháng, hằng năm", "recurring", None, None, "FREQ=MONTHLY;INTERVAL=6"),
                ("6 tháng, hằng năm", "recurring", None, None, "FREQ=YEARLY"),
                ("định kỳ", "recurring", None, None, None),
            ],
        ),
        (
            "e) Các đơn vị gửi kế hoạch và báo cáo định kỳ về Sở trước ngày 15 của tháng cuối quý, "
            "báo cáo năm trước ngày 20/12 (qua Văn phòng Sở).",
            [
                (
                    "trước ngày 15 của tháng cuối quý",
                    "recurring",
                    None,
                    date(2022, 3, 15),  # the first occurrence in the document's period
                    "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15",
                ),
                (
                    "báo cáo năm trước ngày 20/12",
                    "recurring",
                    None,
                    date(2022, 12, 20),
                    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=20",
                ),
            ],
        ),
        (
            "- Báo cáo định kỳ kết quả thực hiện gửi trước ngày 05/3, 05/6, 05/9, 05/12 "
            "định kỳ hàng năm.",
            [
                (
                    "gửi trước ngày 05/3, 05/6, 05/9, 05/12 định kỳ hàng năm"[4:],
                    "recurring",
                    None,
                    date(2022, 3, 5),
                    "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=5",
                )
            ],
        ),
        (
            "- Các đơn vị gửi kế hoạch về Phòng trước ngày 20/12.",  # no year: the plan's year
            [("trước ngày 20/12", "before", None, date(2022, 12, 20), None)],
        ),
        (
            "c) Duy trì chế độ báo cáo định kỳ hàng tháng, quý, năm về tình hình vận hành.",
            [
                ("định kỳ hàng tháng, quý, năm", "recurring", None, None, "FREQ=MONTHLY"),
                ("định kỳ hàng tháng, quý, năm", "recurring", None, None, Q),
                ("định kỳ hàng tháng, quý, năm", "recurring", None, None, "FREQ=YEARLY"),
            ],
        ),
        (
            "- Thực hiện báo cáo quý, 6 tháng và hàng năm theo đúng quy định.",
            [
                ("báo cáo quý, 6 tháng và hàng năm", "recurring", None, None, Q),
                (
                    "báo cáo quý, 6 tháng và hàng năm",
                    "recurring",
                    None,
                    None,
                    "FREQ=MONTHLY;INTERVAL=6",
                ),
                ("báo cáo quý, 6 tháng và hàng năm", "recurring", None, None, "FREQ=YEARLY"),
            ],
        ),
        (
            "d) Thường xuyên kiểm tra về công tác tổ chức, bộ máy đối với các đơn vị trực thuộc.",
            [("Thường xuyên", "ongoing", None, None, None)],
        ),
        (
            "đ) Các đơn vị xây dựng kế hoạch tuyên truyền. Đồng thời "
            "thường xuyên đăng tải tin bài.",
            [("thường xuyên", "ongoing", None, None, None)],
        ),
        (
            "a) Tổ chức kiểm tra thường xuyên và định kỳ các nội dung, nhiệm vụ liên quan;",
            [
                ("thường xuyên", "ongoing", None, None, None),
                ("định kỳ", "recurring", None, None, None),
            ],
        ),
        (
            "4. Tổ chức bảo đảm phương tiện cho các Đội (năm 2022 và "
            "kiện toàn thường xuyên hàng năm).",
            [
                ("năm 2022", "year", date(2022, 1, 1), date(2022, 12, 31), None),
                ("thường xuyên hàng năm", "recurring", None, None, "FREQ=YEARLY"),
            ],
        ),
        (
            "- Thực hiện chế độ báo cáo qua hệ thống thông tin báo cáo "
            "của Văn phòng Chính phủ theo yêu cầu.",
            [("theo yêu cầu", "on_request", None, None, None)],
        ),
        (
            "· Phấn đấu hoàn thành mục tiêu đến năm 2025, xây dựng được "
            "80% dịch vụ công trực tuyến.",
            [("đến năm 2025", "before", None, date(2025, 12, 31), None)],
        ),
        (
            "- Các phòng Sở có giải pháp để đảm bảo hết năm 2022: 100% công chức có tài khoản.",
            [("hết năm 2022", "before", None, date(2022, 12, 31), None)],
        ),
        (
            "1. Hoàn thành việc xây dựng các văn bản hướng dẫn (trong năm 2022).",
            [("trong năm 2022", "year", date(2022, 1, 1), date(2022, 12, 31), None)],
        ),
        (
            "C. MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM TỪ NAY ĐẾN NĂM 2025",
            [("TỪ NAY ĐẾN NĂM 2025", "range", date(2022, 1, 4), date(2025, 12, 31), None)],
        ),
        (
            "2. Tổ chức quán triệt các kế hoạch của Ban Chỉ đạo (Quý "
            "IV/2022, Quý I/2023 và thường xuyên).",
            [
                ("Quý IV/2022", "quarter", date(2022, 10, 1), date(2022, 12, 31), None),
                ("Quý I/2023", "quarter", date(2023, 1, 1), date(2023, 3, 31), None),
                ("thường xuyên", "ongoing", None, None, None),
            ],
        ),
    ],
)
def test_running_text(tmp_path, body, expected):
    assert records(tmp_path, body) == expected


# --- not deadlines -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        # the issue date of a cited document
        "Thực hiện Quyết định số 4424/QĐ-UBND ngày 31 tháng 12 năm 2021 của Ủy ban nhân dân "
        "Thành phố về ban hành Kế hoạch công tác cải cách hành chính năm 2022;",
        "b) Thực hiện nghiêm túc Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh.",
        # history, comparisons
        "· Khắc phục những tiêu chí bị trừ điểm trong năm 2021, phấn đấu điểm chỉ số năm 2022 "
        "cao hơn so với năm 2021.",
        "Kết quả thực hiện chính sách tinh giản biên chế, từ năm 2019 đến nay ngành đã giảm 10%.",
        # periods in names of programmes and plans
        "· Triển khai đồng bộ các nội dung Chương trình tổng thể CCHC giai đoạn 2021 – 2025, "
        "giai đoạn 2021 – 2030.",
        "1. Ban hành và thực hiện Kế hoạch kiểm soát TTHC năm 2022.",
        "a) Triển khai Chương trình chuyển đổi số tỉnh giai đoạn 2021-2025 tầm nhìn đến năm 2030.",
        "- Tổ chức Hội nghị tìm kiếm hài cốt liệt sĩ từ nay đến năm 2030 và những năm tiếp theo;",
        "2. Triển khai công tác cải cách hành chính gắn với Chủ đề năm 2022 “Năm 2022 - năm "
        "kỷ cương hành chính”.",
        # "thường xuyên" as an adjective
        "Tăng số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên.",
        "· 100% công chức lãnh đạo, quản lý sử dụng thường xuyên hệ thống thư điện tử công vụ.",
        "a) Xác định công tác CCHC là nhiệm vụ trọng tâm, đột phá, "
        "thường xuyên trên cơ sở thực tế.",
        "b) Tổ chức thành phong trào thường xuyên, sâu rộng, vận động các tổ chức Hội.",
        # "theo yêu cầu" that is not a request
        "- Đào tạo, bồi dưỡng kiến thức chuyên môn theo yêu cầu vị trí công tác.",
        # a plain date in running text, a quarter's name without a year
        "- Báo cáo định kỳ có 04 loại báo cáo: quý I, 06 tháng, quý III, cả năm.",
        "Luật Giáo dục 2019 (có hiệu lực từ ngày 01/7/2020) được triển khai.",
        "Điều 3. Quyết định này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2022.",
        "Trường hợp tiêm chủng không đúng theo lịch thì tiến hành như sau:",
    ],
)
def test_not_deadlines(tmp_path, body):
    assert records(tmp_path, body) == []


def test_the_documents_own_date_line_is_not_a_deadline(tmp_path):
    doc, found = run(tmp_path, "Nội dung kế hoạch.")
    assert "ngày 04 tháng 01 năm 2022" in doc.text
    assert found == []


def test_the_title_period_is_not_a_deadline(tmp_path):
    found = records(tmp_path, "Nội dung kế hoạch.", title="Cải cách hành chính giai đoạn 2021-2030")
    assert found == []


def test_a_report_describes_habits_but_its_plans_are_deadlines(tmp_path):
    body = (
        "I. KẾT QUẢ THỰC HIỆN\n\n"
        "Thường xuyên cập nhật kịp thời và công khai các văn bản. "
        "Hàng năm Sở đã tăng cường đổi mới.\n\n"
        "Năm 2022, không có công chức vi phạm. Năm 2023, Sở GD&ĐT "
        "tiếp tục rà soát kế hoạch tuyển dụng.\n\n"
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM CÁC KỲ TIẾP THEO\n\n"
        "Rà soát văn bản quy phạm pháp luật của Sở trong năm 2023. Thường xuyên kiểm tra công vụ."
    )
    found = records(
        tmp_path,
        body,
        doc_type="BÁO CÁO",
        title="Kết quả thực hiện công tác cải cách hành chính Quý I năm 2023",
    )
    assert found == [
        ("Năm 2023", "year", date(2023, 1, 1), date(2023, 12, 31), None),
        ("trong năm 2023", "year", date(2023, 1, 1), date(2023, 12, 31), None),
        ("Thường xuyên", "ongoing", None, None, None),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "- Các đơn vị báo cáo kết quả về Sở định kỳ 02 tháng/lần.",
            [("định kỳ 02 tháng/lần", "recurring", None, None, "FREQ=MONTHLY;INTERVAL=2")],
        ),
        (
            "- Ban Chỉ đạo họp giao ban cứ 2 tuần một lần.",
            [("cứ 2 tuần một lần", "recurring", None, None, "FREQ=WEEKLY;INTERVAL=2")],
        ),
        (
            "- Kiểm tra, đánh giá kết quả mỗi 2 quý.",
            [("mỗi 2 quý", "recurring", None, None, "FREQ=MONTHLY;INTERVAL=6")],
        ),
        (
            "- Gửi báo cáo tổng hợp định kỳ hằng năm trước ngày 05/12.",
            [
                (
                    "định kỳ hằng năm trước ngày 05/12",
                    "recurring",
                    None,
                    date(2022, 12, 5),
                    "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=5",
                )
            ],
        ),
        (
            "- Các xã rà soát, cập nhật danh sách hộ nghèo đến ngày 15/10/2022.",
            [("đến ngày 15/10/2022", "before", None, date(2022, 10, 15), None)],
        ),
        (
            "- Triển khai thực hiện liên tục, xuyên suốt năm 2022.",
            [("xuyên suốt năm 2022", "year", date(2022, 1, 1), date(2022, 12, 31), None)],
        ),
    ],
)
def test_counted_intervals_yearly_days_and_whole_years(tmp_path, body, expected):
    assert records(tmp_path, body) == expected


def test_a_report_named_by_its_period_takes_the_time_written_for_it(tmp_path):
    body = (
        "- Các phòng gửi báo cáo năm về Sở (qua địa chỉ vanphong.sgd@hungyen.gov.vn) trước ngày "
        "15/12/2022.\n"
        "- Thực hiện báo cáo quý, 6 tháng và hàng năm theo quy định.\n"
    )
    got = [(r[0], r[1]) for r in records(tmp_path, body)]
    assert got == [
        ("trước ngày 15/12/2022", "before"),  # "báo cáo năm" only names the report
        ("báo cáo quý, 6 tháng và hàng năm", "recurring"),
        ("báo cáo quý, 6 tháng và hàng năm", "recurring"),
        ("báo cáo quý, 6 tháng và hàng năm", "recurring"),
    ]


def test_a_task_cell_naming_a_review_leaves_the_time_to_its_time_cell(tmp_path):
    body = TABLE_HEAD + "1\tTổng kết 1 năm thực hiện Kế hoạch\tSở GDĐT\tTháng 12/2022\n"
    assert records(tmp_path, body) == [
        ("Tháng 12/2022", "month", date(2022, 12, 1), date(2022, 12, 31), None)
    ]


def test_a_half_year_on_a_line_of_its_own(tmp_path):
    body = "Phụ lục\nKiểm tra công vụ tại các đơn vị\nSở GDĐT\n6 tháng cuối năm 2022\nBáo cáo"
    assert records(tmp_path, body) == [
        ("6 tháng cuối năm 2022", "half_year", date(2022, 7, 1), date(2022, 12, 31), None)
    ]


def test_a_plans_look_back_section_holds_no_deadline(tmp_path):
    body = (
        "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM 2021\n"
        "Năm 2021, các đơn vị đã hoàn thành kiểm tra trong quý IV năm 2021; thường xuyên kiểm "
        "tra công vụ.\n"
        "II. NHIỆM VỤ NĂM 2022\n"
        "Năm 2022, các đơn vị hoàn thành kiểm tra trong quý II năm 2022.\n"
    )
    assert [r[0] for r in records(tmp_path, body)] == ["Năm 2022", "trong quý II năm 2022"]


def test_a_part_label_alone_takes_the_heading_line_under_it(tmp_path):
    body = (
        "PHẦN I\nKẾT QUẢ THỰC HIỆN NĂM 2022\n"
        "Thường xuyên kiểm tra công vụ.\n"
        "PHẦN II\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2023\n"
        "Thường xuyên kiểm tra công vụ.\n"
    )
    doc, found = run(tmp_path, body, doc_type="BÁO CÁO", title="Kết quả công tác năm 2022")
    assert [(d.quote, d.kind) for d in found] == [("Thường xuyên", "ongoing")]
    assert found[0].char_start > doc.text.index("PHẦN II")  # a habit in Phần I is no deadline


def test_a_date_wrapped_off_its_word_keeps_it(tmp_path):
    body = (
        "II. NHIỆM VỤ\n"
        "Phòng Văn hóa và Thông tin chủ trì kiểm tra an toàn thông tin tại các cơ\n"
        "quan, đơn vị và các xã, thị trấn; hoàn thành việc kiểm tra trước\n"
        "30/6/2022 và báo cáo kết quả về Ủy ban nhân dân huyện theo quy định hiện hành.\n"
        "Các xã tổ chức tuyên truyền cho người dân, doanh nghiệp trên địa bàn xã và\n"
        "các thôn, bản, khu dân cư; kết quả tổng hợp gửi về Ủy ban nhân dân huyện.\n"
    )
    found = records(tmp_path, body)
    assert [(r[1], r[3]) for r in found] == [("before", date(2022, 6, 30))]
    assert found[0][0].startswith("trước") and found[0][0].endswith("30/6/2022")


# --- the record itself -------------------------------------------------------------------


def test_ids_quotes_and_sections(tmp_path):
    doc, found = run(
        tmp_path,
        "II. NHIỆM VỤ\n\n" + TABLE_HEAD + "1\tĐối thoại với tổ chức\tSở GDĐT\tQuý II, IV/2022\n",
    )
    assert [d.deadline_id for d in found] == [
        f"{doc.doc_id}:dl:{found[0].char_start}",
        f"{doc.doc_id}:dl:{found[0].char_start}:2",
    ]
    for d in found:
        assert d.quote == doc.text[d.char_start : d.char_end]
        assert d.section_id is not None and d.section_id.startswith(f"{doc.doc_id}:s:")
        assert d.task_id is None  # linked to its task by the tasks extractor
    assert found[0].page == doc.page_at(found[0].char_start)


def test_same_input_same_ids(tmp_path):
    body = TABLE_HEAD + "1\tKiểm tra\tSở GDĐT\tTháng 6/2022 Tháng 7-12/2022\n"
    first = run(tmp_path, body)[1]
    assert first == run(tmp_path, body)[1]


# --- why dates are not found with dateparser's search ------------------------------------


def test_dateparser_search_is_no_deadline_finder():
    """Documented limitation: dateparser.search reads a percentage as a date in 1998 and does
    not know quarters, so this module finds the date strings itself."""
    found = search_dates("Phấn đấu 98% hồ sơ giải quyết đúng thời gian quy định.", languages=["vi"])
    assert found is not None and found[0][0] == "98%" and found[0][1].year == 1998
    assert not search_dates("Kiểm tra việc thực hiện CCHC Quý III/2022", languages=["vi"])


# --- clock times, lunar dates, places, editions, preamble, report periods ------------------


def test_a_clock_time_before_a_day_schedules_that_day(tmp_path):
    body = (
        "I. NỘI DUNG\n"
        "1. Lễ khai mạc: 19h30 ngày 12/3/2022 tại Nhà văn hóa huyện.\n"
        "2. Thi đấu chung kết (từ 8h00 đến 11h30 ngày 14/3/2022) tại sân vận động.\n"
        "3. Các đơn vị gửi danh sách vận động viên trước 17 giờ ngày 05/3/2022.\n"
    )
    assert records(tmp_path, body) == [
        ("19h30 ngày 12/3/2022", "date", date(2022, 3, 12), date(2022, 3, 12), None),
        ("từ 8h00 đến 11h30 ngày 14/3/2022", "date", date(2022, 3, 14), date(2022, 3, 14), None),
        ("trước 17 giờ ngày 05/3/2022", "before", None, date(2022, 3, 5), None),
    ]


def test_lunar_dates_and_places_named_after_a_day_are_not_deadlines(tmp_path):
    body = (
        "I. NỘI DUNG\n"
        "1. Thời gian: Từ ngày 20/01/2022 đến ngày 10/02/2022 (tức từ ngày 18/12 năm Tân Sửu "
        "đến ngày 10/01 năm Nhâm Dần).\n"
        "2. Trang trí cờ hoa tại Công viên 19/5 và đường 30/4 của thị trấn.\n"
    )
    assert records(tmp_path, body) == [
        (
            "Từ ngày 20/01/2022 đến ngày 10/02/2022",
            "range",
            date(2022, 1, 20),
            date(2022, 2, 10),
            None,
        ),
    ]


def test_an_event_held_on_a_day_and_its_edition_year(tmp_path):
    body = (
        "I. NỘI DUNG\n"
        "a) Hội thi tiếng hát lần thứ XII - năm 2022:\n"
        "- Sở Văn hóa chủ trì tổ chức ngày 26/3/2022 tại thành phố.\n"
        "- Hội thi năm trước đã tổ chức ngày 20/3/2021 tại huyện.\n"
    )
    assert records(tmp_path, body) == [
        ("ngày 26/3/2022", "date", date(2022, 3, 26), date(2022, 3, 26), None),
    ]


def test_the_legal_basis_of_the_preamble_names_periods(tmp_path):
    body = (
        "Căn cứ Quyết định số 12/QĐ-TTg ngày 05/01/2021 phê duyệt Chương trình giai đoạn\n"
        "2021 - 2030, giai đoạn I: từ năm 2021 đến năm\n"
        "2025;\n"
        "Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:\n"
        "I. NHIỆM VỤ\n"
        "1. Rà soát thủ tục hành chính; hoàn thành trong Quí II/2022.\n"
    )
    assert records(tmp_path, body) == [
        ("trong Quí II/2022", "quarter", date(2022, 4, 1), date(2022, 6, 30), None),
    ]


def test_a_yearless_day_takes_the_issue_year_inside_a_longer_programme(tmp_path):
    body = "I. NHIỆM VỤ\n- Tổ chức sơ kết công tác trước ngày 15/7.\n"
    found = records(tmp_path, body, title="Kế hoạch thực hiện Đề án giai đoạn 2020 - 2025 năm 2022")
    assert found == [("trước ngày 15/7", "before", None, date(2022, 7, 15), None)]


def test_a_report_does_not_give_the_periods_it_reports_on(tmp_path):
    body = (
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
        "Năm 2021, toàn ngành hoàn thành 12/14 chỉ tiêu. Trong 6 tháng đầu năm, Sở tổ chức "
        "hội nghị từ ngày 10/5/2021 đến ngày 12/5/2021 tại tỉnh.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Văn phòng Sở\n"
        "- Theo dõi, tổng hợp báo cáo kết quả; thực hiện thường xuyên.\n"
    )
    found = records(tmp_path, body, doc_type="BÁO CÁO", title="Kết quả công tác năm 2021")
    assert found == [("thường xuyên", "ongoing", None, None, None)]


def test_a_request_in_the_task_cell_of_a_row_with_a_time_cell(tmp_path):
    body = TABLE_HEAD + "1\tBáo cáo đột xuất theo yêu cầu của UBND tỉnh\tSở GDĐT\tKhi có yêu cầu\n"
    assert records(tmp_path, body) == [("Khi có yêu cầu", "on_request", None, None, None)]


def test_a_row_merged_into_a_repeated_header_keeps_its_time(tmp_path):
    body = (
        TABLE_HEAD
        + "1\tKiểm tra việc thực hiện CCHC\tSở GDĐT\tQuý I/2022\n"
        + "TT\tNội dung công tác tại các đơn vị\tCơ quan chủ trì\tThời gian thực hiện Hằng tháng\n"
    )
    found = records(tmp_path, body)
    assert ("Hằng tháng", "recurring", None, None, "FREQ=MONTHLY") in found
