"""Tasks: the rows, items and sentences of received plans in, the task and unit rows out."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from extract.extractors import deadlines, legal_refs, tasks
from extract.model import Task, Unit
from extract.read import read_document
from extract.structure import analyze

HEADER = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 05/KH-SGDĐT\n"
    "Hưng Yên, ngày 04 tháng 01 năm 2022\n\n"
)
# hungyen, Phụ lục: "Kế hoạch thực hiện công tác cải cách hành chính năm 2022"
TABLE_HEAD = (
    "Số TT\tNội dung công tác\tDự kiến kết quả đạt được\tCơ quan chủ trì\tCơ quan phối hợp"
    "\tThời gian thực hiện\n"
)

SCHEMA_TASK = "task_id text lead_units support_units deadline_id deadline_text output source"
SCHEMA_UNIT = "unit_id task_id name name_raw unit_type role"


@dataclasses.dataclass
class Run:
    doc: object
    tasks: list[Task]
    units: list[Unit]
    deadlines: list

    def task(self, start: str) -> Task:
        found = [t for t in self.tasks if t.text.startswith(start)]
        assert len(found) == 1, [t.text[:60] for t in self.tasks]
        return found[0]


def run(
    tmp_path: Path, body: str, doc_type: str = "KẾ HOẠCH", title: str = "Cải cách hành chính"
) -> Run:
    path = tmp_path / "plan.txt"
    path.write_text(f"{HEADER}{doc_type}\n{title}\n\n{body}\n", encoding="utf-8")
    doc = read_document(path)
    info, sections = analyze(doc)
    refs = legal_refs.extract(doc, info, sections)
    dls = deadlines.extract(doc, info, sections, refs)
    found, units = tasks.extract(doc, info, sections, dls)
    return Run(doc, found, units, dls)


def appendix(rows: str) -> str:
    return "I. MỤC ĐÍCH\nNâng cao chất lượng.\n\nPHỤ LỤC\n" + TABLE_HEAD + rows


def test_every_schema_column_is_on_the_records():
    assert set(SCHEMA_TASK.split()) <= {f.name for f in dataclasses.fields(Task)}
    assert set(SCHEMA_UNIT.split()) <= {f.name for f in dataclasses.fields(Unit)}


# --- 1. task tables ---------------------------------------------------------------------------


def test_a_table_row_is_a_task_with_its_units_deadline_and_output(tmp_path):
    r = run(
        tmp_path,
        appendix(
            "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC\t\t\t\t\t\n"
            "2\tKiểm tra việc thực hiện CCHC tại các phòng ban Sở và các đơn vị trực thuộc\t"
            "Báo cáo kết quả, biện pháp chấn chỉnh sau kiểm tra\tSở GDĐT\t"
            "Phòng GDĐT, Đơn vị trực thuộc\tQuý III/2022\n"
        ),
    )
    assert len(r.tasks) == 1  # the group row is not a task
    t = r.tasks[0]
    assert t.text == "Kiểm tra việc thực hiện CCHC tại các phòng ban Sở và các đơn vị trực thuộc"
    assert t.lead_units == ["Sở Giáo dục và Đào tạo"]
    assert t.support_units == ["Phòng Giáo dục và Đào tạo", "Đơn vị trực thuộc"]
    assert t.deadline_text == "Quý III/2022"
    assert t.output == "Báo cáo kết quả, biện pháp chấn chỉnh sau kiểm tra"
    assert t.source == "table"
    assert t.group == "I. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"
    assert t.task_id == f"{r.doc.doc_id}:task:{t.char_start}"
    assert r.doc.text[t.char_start : t.char_end] == t.text
    (quarter,) = [d for d in r.deadlines if d.quote == "Quý III/2022"]
    assert quarter.task_id == t.task_id and t.deadline_id == quarter.deadline_id
    assert [(u.name, u.name_raw, u.unit_type, u.role) for u in r.units] == [
        ("Sở Giáo dục và Đào tạo", "Sở GDĐT", "sở", "lead"),
        ("Phòng Giáo dục và Đào tạo", "Phòng GDĐT", "phòng GD cấp huyện", "support"),
        ("Đơn vị trực thuộc", "Đơn vị trực thuộc", "đơn vị trực thuộc", "support"),
    ]
    assert [u.unit_id for u in r.units] == [f"{t.task_id}:unit:{i}" for i in range(3)]


def test_a_table_continued_after_a_heading_without_its_header_stays_a_task_table(tmp_path):
    r = run(
        tmp_path,
        appendix(
            "5\tBáo cáo thống kê số lượng, chất lượng cán bộ, công chức, viên chức\t"
            "Báo cáo số lượng\tSở GDĐT\tPhòng GDĐT, Đơn vị trực thuộc\tQuý I/2022\n"
        )
        + "\nVI. CẢI CÁCH TÀI CHÍNH CÔNG\n\n"
        "1\tTiếp tục thực hiện cơ chế tự chủ theo Nghị định số 130/2005/NĐ-CP\t"
        "Các văn bản đôn đốc, hướng dẫn thực hiện\tSở GDĐT\tĐơn vị trực thuộc\tNăm 2022\n",
    )
    t = r.task("Tiếp tục thực hiện cơ chế tự chủ")
    assert (t.lead_units, t.support_units, t.deadline_text) == (
        ["Sở Giáo dục và Đào tạo"],
        ["Đơn vị trực thuộc"],
        "Năm 2022",
    )
    assert t.group == "VI. CẢI CÁCH TÀI CHÍNH CÔNG"


def test_a_header_row_repeated_after_a_page_break_is_skipped(tmp_path):
    r = run(
        tmp_path,
        appendix(
            "1\tTuyên truyền việc thực hiện CCHC trong ngành GDĐT\tTờ rơi, bài viết\tSở GDĐT\t"
            "Phòng GDĐT, Đơn vị trực thuộc\tThường xuyên\n"
            + TABLE_HEAD
            + "2\tTập huấn, tham dự tập huấn công tác CCHC\tCán bộ tham dự\tSở GDĐT\t"
            "Phòng GDĐT, Đơn vị trực thuộc\tNăm 2022\n"
        ),
    )
    assert [t.text for t in r.tasks] == [
        "Tuyên truyền việc thực hiện CCHC trong ngành GDĐT",
        "Tập huấn, tham dự tập huấn công tác CCHC",
    ]


def test_column_names_are_read_in_their_variants_and_over_two_header_rows(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\nRà soát thủ tục hành chính.\n\nPHỤ LỤC\n"
        "TT\tNhiệm vụ, giải pháp\tĐơn vị thực hiện\t\tThời hạn hoàn thành\tSản phẩm\n"
        "\t\tChủ trì\tPhối hợp\t\t\n"
        "1\tRà soát, công bố thủ tục hành chính\tVăn phòng Sở\t"
        "Phòng GD&ĐT các huyện, thành phố\tQuý II/2022\tQuyết định công bố\n",
    )
    t = r.task("Rà soát, công bố")
    assert t.lead_units == ["Văn phòng Sở"]
    assert t.support_units == ["Phòng Giáo dục và Đào tạo các huyện, thành phố"]
    assert (t.deadline_text, t.output) == ("Quý II/2022", "Quyết định công bố")


def test_group_rows_give_their_units_to_sub_rows_that_leave_them_blank(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\nRà soát thủ tục hành chính.\n\nPHỤ LỤC\n"
        "TT\tNhiệm vụ, giải pháp\tChủ trì\tPhối hợp\tThời gian thực hiện\tSản phẩm\n"
        "5.\tThực hiện thí điểm ít nhất 02 ngày/tuần ưu tiên tiếp nhận hồ sơ trực tuyến.\t"
        "Văn phòng Sở\tCác phòng Sở, các đơn vị giáo dục\t\t\n"
        "5.1\tChủ động lựa chọn, đề xuất, lập kế hoạch.\t\t\tTrước 15/6/2022\tBan hành Kế hoạch\n"
        "5.2\tThực hiện tuyên truyền đến người dân.\tCác phòng Sở\t\tTháng 6-8/2022\t\n",
    )
    assert [t.text for t in r.tasks] == [
        "Chủ động lựa chọn, đề xuất, lập kế hoạch.",
        "Thực hiện tuyên truyền đến người dân.",
    ]
    first, second = r.tasks
    assert first.lead_units == ["Văn phòng Sở"]
    assert first.support_units == ["Các phòng Sở", "Các đơn vị giáo dục"]
    assert second.lead_units == ["Các phòng Sở"]  # its own cell wins
    assert first.group.startswith("5. Thực hiện thí điểm")


def test_a_cell_with_a_list_is_one_task_and_two_deadlines_in_a_cell_are_both_linked(tmp_path):
    # haiphong, Phụ lục 1, row 3.1
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\nRà soát thủ tục hành chính.\n\nPHỤ LỤC\n"
        "TT\tNhiệm vụ, giải pháp\tChủ trì\tPhối hợp\tThời gian thực hiện\tSản phẩm\n"
        "3.1\t- Đưa nội dung cụ thể vào trong Kế hoạch. - Thực hiện tuyên truyền đến người dân "
        "về danh mục thí điểm. - Niêm yết tại bộ phận Một cửa.\tVăn phòng Sở\t"
        "Các phòng Sở, các đơn vị giáo dục\tTháng 6/2022 Tháng 7-12/2022\tBan hành Kế hoạch\n",
    )
    (t,) = r.tasks
    assert t.deadline_text == "Tháng 6/2022 Tháng 7-12/2022"
    linked = [d.quote for d in r.deadlines if d.task_id == t.task_id]
    assert linked == ["Tháng 6/2022", "Tháng 7-12/2022"]
    assert t.deadline_id == r.deadlines[0].deadline_id


def test_a_table_without_task_columns_gives_no_tasks(tmp_path):
    # haiphong, Phụ lục 3: a list of procedures
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\nRà soát thủ tục hành chính.\n\nPHỤ LỤC 3\n"
        "STT\tĐơn vị\tTên thủ tục\n1.\tSở GDĐT\tCấp bản sao văn bằng, chứng chỉ từ sổ gốc\n",
    )
    assert r.tasks == []


# --- 2. assignment blocks ---------------------------------------------------------------------


def test_items_followed_by_role_lines_are_one_task(tmp_path):
    # haiphong, II.1
    r = run(
        tmp_path,
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Đẩy mạnh sử dụng dịch vụ công trực tuyến\n"
        "a) Tăng cường tuyên truyền về việc cung ứng dịch vụ công trực tuyến mức độ 3, 4 đến "
        "đội ngũ cán bộ, công chức, viên chức.\n"
        "b) Công bố, áp dụng danh mục thủ tục hành chính thí điểm.\n"
        "- Cơ quan chủ trì: Sở Giáo dục và Đào tạo, các phòng Sở và các đơn vị giáo dục.\n"
        "- Thời gian thực hiện: Thường xuyên.\n",
    )
    (t,) = r.tasks
    assert t.text.startswith("Tăng cường tuyên truyền về việc cung ứng")
    assert t.text.endswith("danh mục thủ tục hành chính thí điểm")
    assert t.lead_units == ["Sở Giáo dục và Đào tạo", "Các phòng Sở", "Các đơn vị giáo dục"]
    assert (t.support_units, t.deadline_text, t.source) == ([], "Thường xuyên", "list")


def test_a_role_block_with_sub_labels_and_unit_lines(tmp_path):
    # bcdqg1237, B.I
    r = run(
        tmp_path,
        "B. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP\n\n"
        "I. CÔNG TÁC QUÁN TRIỆT, TRIỂN KHAI THỰC HIỆN\n\n"
        "1. Nội dung, biện pháp\n\n"
        "a) Tổ chức Hội nghị quán triệt và triển khai thực hiện Chỉ thị số 24-CT/TW ngày "
        "15/5/2013 của Bộ Chính trị;\n\n"
        "b) Tổ chức triển khai thực hiện các chủ trương của Đảng đến cơ sở.\n\n"
        "2. Cơ quan chủ trì, phối hợp\n\n"
        "a) Cơ quan chủ trì\n\n"
        "- Ban Chỉ đạo quốc gia.\n\n"
        "- Các Bộ, ngành liên quan.\n\n"
        "- Ban Chỉ đạo các quân khu; Ban Chỉ đạo các tỉnh.\n\n"
        "b) Cơ quan phối hợp\n\n"
        "- Mặt trận Tổ quốc Việt Nam và Hội Cựu chiến binh các cấp.\n\n"
        "3. Thời gian thực hiện: Tháng 12/2013 và thường xuyên.\n",
    )
    (t,) = r.tasks
    assert t.text.startswith("Tổ chức Hội nghị quán triệt")
    assert t.lead_units == [
        "Ban Chỉ đạo quốc gia",
        "Các Bộ, ngành liên quan",
        "Ban Chỉ đạo các quân khu",
        "Ban Chỉ đạo các tỉnh",
    ]
    assert t.support_units == ["Mặt trận Tổ quốc Việt Nam", "Hội Cựu chiến binh các cấp"]
    assert t.deadline_text == "Tháng 12/2013 và thường xuyên"
    assert {d.quote for d in r.deadlines if d.task_id == t.task_id} >= {"Tháng 12/2013"}


def test_several_roles_on_one_line(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ, GIẢI PHÁP\n1. Cải cách thủ tục hành chính\n"
        "a) Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền.\n"
        "Cơ quan chủ trì: Văn phòng Sở; cơ quan phối hợp: các phòng thuộc Sở, Sở Tư pháp; "
        "thời hạn: Quý II/2022.\n",
    )
    (t,) = r.tasks
    assert t.lead_units == ["Văn phòng Sở"]
    assert t.support_units == ["Các phòng Sở", "Sở Tư pháp"]
    assert t.deadline_text == "Quý II/2022"


# --- 3. TỔ CHỨC THỰC HIỆN ---------------------------------------------------------------------

TCTH_HCM = (
    "I. MỤC TIÊU\n· Phấn đấu 98% hồ sơ giải quyết đúng thời gian quy định.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n"
    "1. Văn phòng Sở\n"
    "· Tham mưu cho Giám đốc ban hành văn bản hướng dẫn các đơn vị trực thuộc thực hiện "
    "chương trình CCHC tại đơn vị.\n"
    "· Phối hợp với các phòng chuyên môn soạn thảo và tham mưu các văn bản quy phạm pháp luật.\n"
    "2. Phòng Tổ chức cán bộ\n"
    "· Phối hợp Văn phòng Sở tham mưu đơn giản hóa quy trình, hồ sơ các TTHC.\n"
    "6. Các đơn vị trực thuộc\n"
    "· Căn cứ tình hình thực tế tại đơn vị, Thủ trưởng các đơn vị trực thuộc Sở xây dựng Kế "
    "hoạch CCHC năm 2022.\n"
    "Thời gian thực hiện: Trước ngày 21/02/2022./.\n"
)


def test_each_duty_under_a_unit_heading_is_a_task_of_that_unit(tmp_path):
    r = run(tmp_path, TCTH_HCM)
    assert [(t.text[:20], t.lead_units, t.support_units) for t in r.tasks] == [
        ("Tham mưu cho Giám đố", ["Văn phòng Sở"], []),
        ("Phối hợp với các phò", ["Văn phòng Sở"], ["Các phòng chuyên môn"]),
        ("Phối hợp Văn phòng S", ["Phòng Tổ chức cán bộ"], ["Văn phòng Sở"]),
        ("Căn cứ tình hình thự", ["Đơn vị trực thuộc"], []),
    ]
    assert [t.source for t in r.tasks] == ["list"] * 4


def test_a_time_line_after_the_last_duty_is_its_deadline(tmp_path):
    r = run(tmp_path, TCTH_HCM)
    assert r.task("Căn cứ tình hình thực tế").deadline_text == "Trước ngày 21/02/2022"
    assert r.task("Tham mưu cho Giám đốc").deadline_text is None


def test_paragraph_duties_and_reporting_to_a_unit(tmp_path):
    # hungyen, III.2
    r = run(
        tmp_path,
        "I. MỤC ĐÍCH\nNâng cao chất lượng.\n"
        "III. TỔ CHỨC THỰC HIỆN.\n"
        "1. Văn phòng Sở GDĐT:\n"
        "- Thực hiện báo cáo quý, 6 tháng và hàng năm theo đúng quy định; tổ chức tự đánh giá "
        "(chấm điểm) công tác CCHC, báo cáo về UBND tỉnh (qua Sở Nội vụ) để theo dõi, tổng hợp.\n"
        "2. Các phòng chức năng Sở, phòng GDĐT các huyện/TP/TX và các đơn vị trực thuộc\n"
        "Căn cứ chức năng, nhiệm vụ chủ động tổ chức triển khai thực hiện các nhiệm vụ Kế hoạch.\n"
        "Trong quá trình thực hiện có những vấn đề phát sinh, cần sửa đổi bổ sung Kế hoạch đề "
        "nghị các phòng chức năng Sở, phòng GDĐT các huyện/TP/TX, các đơn vị trực thuộc gửi văn "
        "bản về Văn phòng Sở tổng hợp báo cáo Lãnh đạo Sở xem xét, quyết định./.\n",
    )
    report = r.task("Thực hiện báo cáo quý")
    assert report.lead_units == ["Văn phòng Sở Giáo dục và Đào tạo"]
    assert report.deadline_text == "quý, 6 tháng và hàng năm"
    assert report.report_to == ["Ủy ban nhân dân tỉnh", "Sở Nội vụ"]
    roles = [(u.name, u.role) for u in r.units if u.task_id == report.task_id]
    assert ("Sở Nội vụ", "report_to") in roles
    last = r.task("Trong quá trình thực hiện")
    assert last.lead_units == [
        "Các phòng chức năng Sở",
        "Phòng Giáo dục và Đào tạo các huyện/TP/TX",
        "Đơn vị trực thuộc",
    ]
    assert (last.source, last.report_to) == ("paragraph", ["Văn phòng Sở"])


def test_a_duty_that_names_its_subject_and_the_time_of_its_report(tmp_path):
    # haiphong, III.1 c): the lead is the subject, the deadline the report's, not the target's
    r = run(
        tmp_path,
        "I. MỤC ĐÍCH\nNâng cao chất lượng.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Các phòng Sở, các đơn vị giáo dục\n"
        "a) Tổ chức thực hiện nghiêm túc các nhiệm vụ được giao trong Kế hoạch.\n"
        "c) Cán bộ, công chức, viên chức phải là người đi đầu trong thực hiện thủ tục hành chính "
        "mức độ 3, 4. Các phòng Sở có giải pháp để đảm bảo hết năm 2022: 100% cán bộ, công "
        "chức, viên chức có tài khoản trên Cổng dịch vụ công Quốc gia; báo cáo kết quả thực hiện "
        "về Sở Giáo dục và Đào tạo (qua Văn phòng Sở) trước ngày 30/9/2022.\n",
    )
    t = r.task("Cán bộ, công chức, viên chức")
    assert t.lead_units == ["Các phòng Sở"]
    assert t.deadline_text == "trước ngày 30/9/2022"
    assert t.report_to == ["Sở Giáo dục và Đào tạo", "Văn phòng Sở"]
    # every deadline inside the item is linked to it, the target's date too
    assert {d.quote for d in r.deadlines if d.task_id == t.task_id} == {
        "hết năm 2022",
        "trước ngày 30/9/2022",
    }
    assert r.task("Tổ chức thực hiện nghiêm túc").lead_units == [
        "Các phòng Sở",
        "Các đơn vị giáo dục",
    ]


def test_a_section_without_unit_headings_lists_the_issuers_duties(tmp_path):
    # quan8: the school's own plan
    body = (
        "Trường Mầm non Hoa Phượng xây dựng kế hoạch thực hiện công tác cải cách hành chính năm "
        "2023 với nội dung như sau:\n"
        "I. MỤC TIÊU\n1. Tập trung xây dựng, triển khai có hiệu quả các nội dung.\n"
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Xây dựng kế hoạch của thực hiện công tác cải cách hành chính năm 2023 và triển khai thực "
        "hiện tại đơn vị, đồng thời gửi về Phòng Giáo dục và Đào tạo Quận 8 trước ngày 21/3/2023.\n"
        "- Báo cáo định kỳ kết quả thực hiện công tác cải cách hành chính của đơn vị, gửi trước "
        "ngày 05/3, 05/6, 05/9, 05/12 định kỳ hàng năm.\n"
        "Trên đây là Kế hoạch thực hiện công tác cải cách hành chính năm 2023 của Trường Mầm non "
        "Hoa Phượng./.\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(f"KẾ HOẠCH\nThực hiện công tác cải cách hành chính năm 2023\n{body}", "utf-8")
    doc = read_document(path)
    info, sections = analyze(doc)
    dls = deadlines.extract(doc, info, sections, legal_refs.extract(doc, info, sections))
    found, _ = tasks.extract(doc, info, sections, dls)
    assert [(t.text[:20], t.lead_units, t.deadline_text, t.report_to) for t in found] == [
        (
            "Xây dựng kế hoạch củ",
            ["Trường Mầm non Hoa Phượng"],
            "trước ngày 21/3/2023",
            ["Phòng Giáo dục và Đào tạo Quận 8"],
        ),
        (
            "Báo cáo định kỳ kết ",
            ["Trường Mầm non Hoa Phượng"],
            "trước ngày 05/3, 05/6, 05/9, 05/12 định kỳ hàng năm",
            [],
        ),
    ]


def test_a_heading_that_names_units_and_ends_with_a_colon_outside_the_section(tmp_path):
    # quangngai TB 565/TB-UBND, II.6
    r = run(
        tmp_path,
        "I. Đánh giá chung\nTiến độ còn chậm.\n"
        "II. Nhiệm vụ cụ thể trong thời gian đến\n"
        "6. UBND các huyện, thị xã, thành phố chịu trách nhiệm:\n"
        "- Khẩn trương, quyết liệt triển khai thực hiện có hiệu quả các Chương trình MTQG.\n"
        "- UBND huyện Trà Bồng tiếp tục chỉ đạo khẩn trương thực hiện Kết luận số 184/KL-TTr "
        "ngày 06/9/2024 của Thanh tra Bộ Lao động - Thương binh và Xã hội.\n",
        doc_type="THÔNG BÁO",
        title="Kết luận của Phó Chủ tịch UBND tỉnh",
    )
    assert [t.lead_units for t in r.tasks] == [
        ["Ủy ban nhân dân các huyện, thị xã, thành phố"],
        ["Ủy ban nhân dân huyện Trà Bồng"],  # the duty names its own subject
    ]


# --- 4. inline assignments --------------------------------------------------------------------


def test_units_a_colon_and_the_duty(tmp_path):
    r = run(
        tmp_path,
        "I. MỤC TIÊU\nNâng cao chất lượng.\nII. TỔ CHỨC THỰC HIỆN\n"
        "1. Phòng Kế hoạch tài chính: Chủ trì triển khai thực hiện cải cách tài chính công; "
        "phối hợp với Văn phòng Sở bố trí kinh phí.\n",
    )
    (t,) = r.tasks
    assert t.text.startswith("Chủ trì triển khai thực hiện cải cách tài chính công")
    assert (t.lead_units, t.support_units) == (["Phòng Kế hoạch tài chính"], ["Văn phòng Sở"])


def test_a_sentence_whose_subject_is_a_unit(tmp_path):
    r = run(
        tmp_path,
        "C. MỘT SỐ NỘI DUNG, GIẢI PHÁP TRỌNG TÂM\n"
        "6. Triển khai đồng bộ các giải pháp, đẩy mạnh các hoạt động tìm kiếm, quy tập hài cốt "
        "liệt sĩ ở trong nước. Các địa phương rà soát, đánh giá lại tình hình tìm kiếm, cất bốc "
        "hài cốt liệt sĩ trên địa bàn.\n"
        "7. Tiếp tục phát triển hợp tác với các nước.\n",
    )
    (t,) = r.tasks
    assert t.text.startswith("Các địa phương rà soát")
    assert t.lead_units == ["Các địa phương"]


def test_x_chu_tri_phoi_hop_voi_y(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n"
        "3. Giao Sở Nội vụ tiếp thu các ý kiến tại cuộc họp, chủ trì, phối hợp với các Sở: Tài "
        "chính, Kế hoạch và Đầu tư và các cơ quan, đơn vị liên quan khẩn trương rà soát, tham "
        "mưu UBND tỉnh trước ngày 20/02/2025.\n",
        doc_type="THÔNG BÁO",
        title="Kết luận của Phó Chủ tịch UBND tỉnh",
    )
    (t,) = r.tasks
    assert t.lead_units == ["Sở Nội vụ"]
    assert t.support_units == [
        "Sở Tài chính",
        "Sở Kế hoạch và Đầu tư",
        "Các cơ quan, đơn vị liên quan",
    ]
    assert t.deadline_text == "trước ngày 20/02/2025"


def test_units_named_in_a_closing_parenthesis(tmp_path):
    r = run(
        tmp_path,
        "II. NHIỆM VỤ, GIẢI PHÁP\n1. Cải cách thể chế\n"
        "- Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực giáo dục (Phòng Tổ "
        "chức cán bộ chủ trì, phối hợp với Văn phòng Sở; hoàn thành trong Quý III/2022).\n"
        "- Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính (Cơ quan chủ trì: Văn phòng "
        "Sở; thời gian: tháng 6/2022).\n"
        "- Nâng cao chất lượng đội ngũ (theo Kế hoạch số 12/KH-UBND).\n",
    )
    assert [(t.text, t.lead_units, t.support_units, t.deadline_text) for t in r.tasks] == [
        (
            "Rà soát, hệ thống hóa văn bản quy phạm pháp luật thuộc lĩnh vực giáo dục",
            ["Phòng Tổ chức cán bộ"],
            ["Văn phòng Sở"],
            "trong Quý III/2022",
        ),
        (
            "Tổ chức tập huấn nghiệp vụ kiểm soát thủ tục hành chính",
            ["Văn phòng Sở"],
            [],
            "tháng 6/2022",
        ),
    ]


def test_a_list_without_units_gives_no_tasks(tmp_path):
    # hcm, II.1: what to do, but nobody named
    r = run(
        tmp_path,
        "II. NHIỆM VỤ TRỌNG TÂM\n1. Công tác chỉ đạo, điều hành và truyền thông về CCHC\n"
        "· Kiện toàn Ban Chỉ đạo CCHC theo quy định mới.\n"
        "· Tổ chức kiểm tra, khảo sát CCHC đẩy mạnh theo hướng đột xuất.\n",
    )
    assert r.tasks == []


def test_what_a_report_says_was_done_is_not_a_task(tmp_path):
    r = run(
        tmp_path,
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH QUÝ I\n"
        "Sở Giáo dục và Đào tạo tập trung triển khai Quyết định số 44/2022/UBND ngày 18/08/2022 "
        "của UBND thành phố.\n"
        "Sở GD&ĐT đã chỉ đạo các phòng chuyên môn phối hợp chặt chẽ với bộ phận một cửa.\n"
        "V. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM CÁC KỲ TIẾP THEO\n"
        "Các đơn vị trực thuộc tiếp tục thực hiện nghiêm cơ chế một cửa.\n",
        doc_type="BÁO CÁO",
        title="Kết quả cải cách hành chính quý I năm 2023",
    )
    assert [(t.text[:28], t.lead_units) for t in r.tasks] == [
        ("Các đơn vị trực thuộc tiếp t", ["Đơn vị trực thuộc"])
    ]


def test_the_preamble_is_not_a_task(tmp_path):
    r = run(
        tmp_path,
        "Sở Giáo dục và Đào tạo ban hành Kế hoạch tuyên truyền đẩy mạnh sử dụng dịch vụ công "
        "trực tuyến như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục tiêu\n- Nâng cao nhận thức.\n",
    )
    assert r.tasks == []


# --- tables as careless exports print them ----------------------------------------------------


def test_a_table_printed_one_cell_per_line(tmp_path):
    # every cell on its own line, each row opening with its number; the reader joined a task
    # line with the unit line after it
    r = run(
        tmp_path,
        "I. MỤC ĐÍCH\nNâng cao chất lượng.\n\nPHỤ LỤC\n"
        "STT\nNội dung nhiệm vụ\nĐơn vị chủ trì\nĐơn vị phối hợp\nThời gian hoàn thành\n"
        "Sản phẩm\n"
        "1\nXây dựng quy chế phối hợp giữa các phòng chuyên môn và Tổ kiểm tra liên ngành của "
        "huyện Phòng Nội vụ huyện\nPhòng Tư pháp\nQuý II/2024\nQuy chế\n"
        "2\nTập huấn nghiệp vụ cho công chức cấp xã\nPhòng Nội vụ\nUBND các xã\nTháng 8/2024\n"
        "Lớp tập huấn\n",
    )
    found = [(t.text, t.lead_units, t.support_units, t.deadline_text, t.output) for t in r.tasks]
    assert found == [
        (
            "Xây dựng quy chế phối hợp giữa các phòng chuyên môn và Tổ kiểm tra liên ngành của "
            "huyện",
            ["Phòng Nội vụ"],
            ["Phòng Tư pháp"],
            "Quý II/2024",
            "Quy chế",
        ),
        (
            "Tập huấn nghiệp vụ cho công chức cấp xã",
            ["Phòng Nội vụ"],
            ["Ủy ban nhân dân các xã"],
            "Tháng 8/2024",
            "Lớp tập huấn",
        ),
    ]
    assert {t.source for t in r.tasks} == {"table"}


def test_a_lone_time_label_among_unit_lines_is_no_role_block(tmp_path):
    # "Thời gian hoàn thành" alone on its line, then lines naming units: not a list of units
    # for a "time" role (this used to stop the whole extractor)
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n1. Rà soát quy hoạch ba loại rừng.\nThời gian hoàn thành\n"
        "Chi cục Kiểm lâm báo cáo kết quả rà soát trước ngày 30/6/2024.\n",
    )
    assert r.task("Chi cục Kiểm lâm báo cáo").lead_units == ["Chi cục Kiểm lâm"]


def test_a_table_row_cut_by_a_page_break(tmp_path):
    # the row's number and first words before the break, the rest of its cells after it, one
    # column short; the page number between the two parts is no group row
    r = run(
        tmp_path,
        "I. MỤC ĐÍCH\nNâng cao chất lượng.\n\nPHỤ LỤC\n"
        "STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\tSản phẩm\n"
        "1\tTrồng rừng thay thế diện tích rừng bị chuyển đổi mục đích sử dụng\t"
        "Chi cục Kiểm lâm\tUBND các huyện\tQuý II/2024\tBáo cáo\n"
        "2\tGiao đất, giao rừng cho các hộ gia đình, cá nhân và cộng đồng dân cư thôn tại các "
        "xã vùng\n\n                                         5\n"
        "sâu, vùng xa\tSở TN&MT\tUBND các huyện, thị xã\tTừ tháng 5/2024\tQuyết định giao đất\n"
        "3\tKiểm tra công tác phòng cháy rừng\tChi cục Kiểm lâm\tCông an tỉnh\tThường xuyên\t"
        "Báo cáo\n",
    )
    assert len(r.tasks) == 3
    t = r.task("Giao đất, giao rừng")
    assert t.text.endswith("sâu, vùng xa")
    assert (t.lead_units, t.support_units) == (
        ["Sở Tài nguyên và Môi trường"],
        ["Ủy ban nhân dân các huyện, thị xã"],
    )
    assert (t.deadline_text, t.output, t.group) == ("Từ tháng 5/2024", "Quyết định giao đất", None)
    assert r.task("Kiểm tra công tác phòng cháy").group is None


def test_a_task_table_without_a_support_column_takes_phoi_hop_voi_from_the_task(tmp_path):
    r = run(
        tmp_path,
        "I. MỤC ĐÍCH\nNâng cao chất lượng.\n\nPHỤ LỤC\n"
        "STT\tNội dung công việc\tĐơn vị thực hiện\tThời gian\n"
        "1\tPhối hợp với Công an huyện, Hạt Kiểm lâm huyện tuần tra bảo vệ rừng\t"
        "UBND các xã\tThường xuyên\n",
    )
    t = r.tasks[0]
    assert t.lead_units == ["Ủy ban nhân dân các xã"]
    assert t.support_units == ["Công an huyện", "Hạt Kiểm lâm huyện"]


def test_a_unit_in_parentheses_in_a_units_cell_does_the_work_too(tmp_path):
    r = run(
        tmp_path,
        appendix(
            "1\tKiểm tra hồ sơ cấp phép khai thác\tBáo cáo\tSở Công Thương (Chi cục Quản lý "
            "thị trường)\tUBND cấp huyện (để phối hợp)\tQuý III/2022\n"
        ),
    )
    t = r.tasks[0]
    assert t.lead_units == ["Sở Công Thương", "Chi cục Quản lý thị trường"]
    assert t.support_units == ["Ủy ban nhân dân cấp huyện"]


# --- a unit as the subject of its duty --------------------------------------------------------


def test_units_as_subjects_of_duty_verbs_in_the_tasks_section(tmp_path):
    r = run(
        tmp_path,
        "I. MỤC TIÊU\nTrồng mới 500 ha rừng.\n"
        "II. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Chi cục Kiểm lâm tham mưu kiện toàn Ban Chỉ đạo bảo vệ rừng các cấp.\n"
        "2. Trung tâm Giống cây trồng tỉnh xây dựng vườn ươm đạt chuẩn.\n"
        "3. Hạt Kiểm lâm huyện phối hợp với Công an huyện kiểm tra các cơ sở chế biến gỗ.\n"
        "4. Các doanh nghiệp chế biến gỗ chủ động xây dựng vùng nguyên liệu.\n"
        "5. Công an tỉnh (Phòng Cảnh sát môi trường) tăng cường điều tra các vụ phá rừng.\n",
    )
    assert [(t.text[:20], t.lead_units, t.support_units, t.source) for t in r.tasks] == [
        ("Chi cục Kiểm lâm tha", ["Chi cục Kiểm lâm"], [], "list"),
        ("Trung tâm Giống cây ", ["Trung tâm Giống cây trồng tỉnh"], [], "list"),
        ("Hạt Kiểm lâm huyện p", ["Hạt Kiểm lâm huyện"], ["Công an huyện"], "list"),
        ("Các doanh nghiệp chế", ["Các doanh nghiệp chế biến gỗ"], [], "list"),
        ("Công an tỉnh (Phòng ", ["Công an tỉnh"], [], "list"),
    ]


def test_a_unit_that_leads_inside_a_sentence_joined_to_its_heading(tmp_path):
    # the reader joined the heading "1. Phát triển nguồn nhân lực" with the sentence after it
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n"
        "1. Phát triển nguồn nhân lực số Phòng Nội vụ chủ trì, phối hợp với Phòng Tư pháp "
        "tổ chức bồi dưỡng kỹ năng số cho công chức, hoàn thành trong Quý III/2024.\n"
        "2. Phối hợp với Sở Y tế, Phòng Giáo dục chủ trì kiểm tra bếp ăn trường học.\n",
    )
    t = r.task("Phòng Nội vụ chủ trì")
    assert (t.lead_units, t.support_units) == (["Phòng Nội vụ"], ["Phòng Tư pháp"])
    assert t.deadline_text == "trong Quý III/2024"
    # a unit named after "với", "và" or a comma is not leading
    assert [t.text[:12] for t in r.tasks] == ["Phòng Nội vụ"]


def test_a_subject_after_a_colon_and_giao_after_a_colon(tmp_path):
    r = run(
        tmp_path,
        "I. KẾT LUẬN\n"
        "a) Về đề xuất mua sắm trang thiết bị y tế: giao Sở Tài chính chủ trì, phối hợp với Sở "
        "Y tế thẩm định, báo cáo UBND tỉnh trước ngày 15/8/2024.\n"
        "b) Về kiến nghị bổ sung biên chế: Sở Nội vụ tổng hợp, tham mưu UBND tỉnh xem xét.\n",
        doc_type="THÔNG BÁO",
        title="Kết luận của Chủ tịch UBND tỉnh",
    )
    a = r.task("Về đề xuất mua sắm")
    assert (a.lead_units, a.support_units) == (["Sở Tài chính"], ["Sở Y tế"])
    assert a.deadline_text == "trước ngày 15/8/2024"
    b = r.task("Sở Nội vụ tổng hợp")
    assert b.lead_units == ["Sở Nội vụ"]


def test_a_notice_that_the_issuer_announces_is_not_a_task(tmp_path):
    r = run(
        tmp_path,
        "I. KẾT LUẬN\nSở Y tế chủ trì kiểm tra an toàn thực phẩm.\n"
        "Văn phòng UBND tỉnh thông báo để các sở, ngành biết, thực hiện./.\n",
        doc_type="THÔNG BÁO",
        title="Kết luận của Chủ tịch UBND tỉnh",
    )
    assert [t.text[:15] for t in r.tasks] == ["Sở Y tế chủ trì"]


# --- duties under a unit heading --------------------------------------------------------------


def test_a_numbered_heading_made_of_units_heads_its_duties_in_any_section(tmp_path):
    r = run(
        tmp_path,
        "I. TÌNH HÌNH\nNăm 2023 diện tích rừng tăng.\n"
        "II. NHIỆM VỤ THỜI GIAN TỚI\n"
        "1. Sở Nông nghiệp và Phát triển nông thôn\n"
        "a) Rà soát quy hoạch ba loại rừng, trình UBND tỉnh trước ngày 30/9/2024.\n"
        "b) Phối hợp với Sở Tài chính tham mưu bố trí kinh phí trồng rừng.\n"
        "2. Công an tỉnh\n"
        "Chỉ đạo lực lượng chức năng xử lý nghiêm các vụ phá rừng; thực hiện thường xuyên.\n"
        "3. Sở Tài chính, Kho bạc Nhà nước tỉnh Thanh toán kịp thời kinh phí hỗ trợ trồng "
        "rừng cho các hộ dân.\n",
        doc_type="THÔNG BÁO",
        title="Kết luận về công tác lâm nghiệp",
    )
    assert [(t.text[:20], t.lead_units, t.support_units) for t in r.tasks] == [
        ("Rà soát quy hoạch ba", ["Sở Nông nghiệp và Phát triển nông thôn"], []),
        ("Phối hợp với Sở Tài ", ["Sở Nông nghiệp và Phát triển nông thôn"], ["Sở Tài chính"]),
        ("Chỉ đạo lực lượng ch", ["Công an tỉnh"], []),
        ("Thanh toán kịp thời ", ["Sở Tài chính", "Kho bạc Nhà nước tỉnh"], []),
    ]
    assert r.task("Rà soát quy hoạch").deadline_text == "trước ngày 30/9/2024"
    assert r.task("Chỉ đạo lực lượng").deadline_text == "thường xuyên"


def test_unit_headings_with_a_parenthesis_or_de_nghi_in_the_implementation_section(tmp_path):
    r = run(
        tmp_path,
        "I. MỤC ĐÍCH\nNâng cao chất lượng.\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Y tế (Cơ quan thường trực Ban Chỉ đạo)\n"
        "Theo dõi, đôn đốc các đơn vị triển khai Kế hoạch.\n"
        "2. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội\n"
        "Vận động đoàn viên, hội viên tham gia tiêm chủng.\n"
        "3. Phòng Tài chính - Kế hoạch huyện\n"
        "Bố trí kinh phí thực hiện Kế hoạch.\n",
    )
    assert [(t.text[:15], t.lead_units) for t in r.tasks] == [
        ("Theo dõi, đôn đ", ["Sở Y tế"]),
        (
            "Vận động đoàn v",
            ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Các tổ chức chính trị - xã hội"],
        ),
        ("Bố trí kinh phí", ["Phòng Tài chính - Kế hoạch"]),
    ]


def test_a_report_assigns_in_its_forward_part_under_a_bare_label_but_not_in_its_requests(
    tmp_path,
):
    r = run(
        tmp_path,
        "PHẦN I\nKẾT QUẢ NĂM 2023\n"
        "1. Chi cục Kiểm lâm kiểm tra 120 cơ sở chế biến gỗ.\n"
        "PHẦN II\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n"
        "I. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Chi cục Kiểm lâm tăng cường kiểm tra các cơ sở chế biến gỗ.\n"
        "II. KIẾN NGHỊ\n"
        "1. Đề nghị UBND tỉnh bố trí kinh phí trồng rừng thay thế.\n",
        doc_type="BÁO CÁO",
        title="Kết quả công tác lâm nghiệp năm 2023",
    )
    assert [t.text[:30] for t in r.tasks] == ["Chi cục Kiểm lâm tăng cường ki"]


# --- the task's own time ----------------------------------------------------------------------


def test_the_time_a_later_clause_closes_with_is_the_tasks_deadline(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n"
        "1. Sở Y tế chủ trì rà soát danh mục thuốc; hoàn thành việc cập nhật trước ngày "
        "31/8/2024.\n"
        "2. Sở Nội vụ rà soát vị trí việc làm; thực hiện từ Quý III/2024.\n"
        "3. Sở Tư pháp tổ chức tuyên truyền pháp luật (Tháng 11/2024).\n"
        "4. Sở Tài chính cung cấp số liệu cho đoàn kiểm tra khi có yêu cầu.\n"
        "5. Sở Xây dựng phát hành bản tin giá vật liệu định kỳ hằng quý.\n",
    )
    assert [t.deadline_text for t in r.tasks] == [
        "trước ngày 31/8/2024",
        "từ Quý III/2024",
        "Tháng 11/2024",
        "khi có yêu cầu",
        "định kỳ hằng quý",
    ]


def test_times_that_are_not_the_tasks_deadline(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n"
        # how often, not by when
        "1. Sở Y tế chỉ đạo các bệnh viện; thường xuyên kiểm tra việc kê đơn thuốc.\n"
        # a period named, no time set
        "2. Sở Nội vụ tổng hợp số liệu; đánh giá kết quả các nhiệm vụ năm 2021 - 2023;\n"
        # a recurrence of a noun, not of the work
        "3. Sở Tư pháp đưa kết quả vào bộ chỉ số đánh giá hàng năm.\n",
    )
    assert [t.deadline_text for t in r.tasks] == [None, None, None]


def test_two_periods_joined_by_va_give_the_first_and_a_time_cell_its_first_part(tmp_path):
    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n"
        "1. Công an tỉnh tổ chức tuần tra từ ngày 01/6 đến ngày 30/6/2024 và từ ngày 01/9/2024 "
        "đến ngày 30/9/2024.\n",
    )
    assert r.tasks[0].deadline_text == "từ ngày 01/6 đến ngày 30/6/2024"
    r = run(
        tmp_path,
        appendix(
            "1\tSơ kết, tổng kết công tác\tBáo cáo\tSở GDĐT\tPhòng GDĐT\t"
            "Trước ngày 15/6/2022; trước ngày 15/12/2022\n"
        ),
    )
    assert r.tasks[0].deadline_text == "Trước ngày 15/6/2022"


# --- scoring ----------------------------------------------------------------------------------


def test_scoring_splits_unit_names_on_commas_and_drops_a_leading_trong(tmp_path):
    from extract.evaluate import score_tasks
    from extract.model import Extraction

    r = run(
        tmp_path,
        "I. NHIỆM VỤ\n1. UBND các huyện, thị xã tổ chức tập huấn, hoàn thành trong Quý II/2022.\n",
    )
    ex = Extraction(document=r.doc, tasks=r.tasks)
    gold = {
        "lead": ["Ủy ban nhân dân các huyện", "thị xã"],
        "support": [],
        "deadline_text": "Quý II/2022",
        "text_start": "UBND các huyện, thị xã tổ chức tập huấn",
    }
    s = score_tasks({"plan.txt": ex}, {"plan.txt": {"tasks": [gold]}})
    assert r.tasks[0].lead_units == ["Ủy ban nhân dân các huyện, thị xã"]
    assert r.tasks[0].deadline_text == "trong Quý II/2022"
    assert (s.tp, s.accuracy("lead"), s.accuracy("deadline_text")) == (1, 1.0, 1.0)
    # nothing else is lenient
    gold["deadline_text"] = "Quý III/2022"
    s = score_tasks({"plan.txt": ex}, {"plan.txt": {"tasks": [gold]}})
    assert s.accuracy("deadline_text") == 0.0


# --- generalizing: forms first met in independently written plans ------------------------------


def test_columns_named_bo_phan_give_lead_and_support(tmp_path):
    head = "TT\tNội dung nhiệm vụ\tBộ phận chủ trì\tBộ phận phối hợp\tThời gian thực hiện\n"
    body = "I. MỤC ĐÍCH\nNâng cao chất lượng.\n\nPHỤ LỤC\n" + head
    body += "1\tLập danh sách hộ cần hỗ trợ sửa nhà\tCông chức VH-XH\tTrạm Y tế xã\tQuý IV/2024\n"
    t = run(tmp_path, body).tasks[0]
    assert t.lead_units == ["Công chức Văn hóa - Xã hội"]
    assert t.support_units == ["Trạm Y tế xã"]
    assert t.deadline_text == "Quý IV/2024"


def test_a_time_label_inside_a_duty_gives_its_deadline(tmp_path):
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Phòng Tổ chức cán bộ\n"
        "- Rà soát vị trí việc làm của các đơn vị trực thuộc, đề xuất điều chỉnh biên chế; "
        "thời gian thực hiện: Tháng 4-5/2024.\n"
        "- Tổng hợp nhu cầu bồi dưỡng công chức năm sau. Thời gian: Quý III/2024.\n"
    )
    r = run(tmp_path, body)
    assert r.task("Rà soát vị trí").deadline_text == "Tháng 4-5/2024"
    assert r.task("Tổng hợp nhu cầu").deadline_text == "Quý III/2024"


def test_items_above_role_lines_survive_wrapped_lines_and_a_page_number(tmp_path):
    body = (
        "II. NHIỆM VỤ\n"
        "1. Chuyển đổi số\n"
        'a) Thí điểm quy trình liên thông "Cấp giấy phép xây dựng - Đăng ký\n'
        '- Cấp số nhà" tại hai phường.\n'
        "- Cơ quan chủ trì: Sở Xây dựng.\n"
        "- Thời gian hoàn thành: Quý II/2024.\n"
        "                                        3\n"
        "b) Hướng dẫn người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công của\n"
        "tỉnh; tổ chức các đợt hỗ trợ tại bộ phận một cửa.\n"
        "- Cơ quan chủ trì: Công an tỉnh (Phòng PC06).\n"
        "- Thời gian hoàn thành: Tháng 9/2024.\n"
    )
    r = run(tmp_path, body)
    a = r.task("Thí điểm quy trình")
    assert a.lead_units == ["Sở Xây dựng"] and a.deadline_text == "Quý II/2024"
    b = r.task("Hướng dẫn người dân")
    assert b.lead_units == ["Công an tỉnh"] and b.deadline_text == "Tháng 9/2024"
    assert len(r.tasks) == 2


def test_the_implementation_section_of_a_report_assigns(tmp_path):
    body = (
        "I. KẾT QUẢ ĐẠT ĐƯỢC\n"
        "Phòng Tài chính - Kế hoạch đã tham mưu phân bổ kinh phí.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n"
        "1. Văn phòng - Thống kê xã\n"
        "- Tổng hợp số liệu các tiêu chí, gửi Ủy ban nhân dân huyện trước ngày 10/12/2024.\n"
    )
    r = run(tmp_path, body, doc_type="BÁO CÁO", title="Kết quả năm 2024")
    assert [t.text[:20] for t in r.tasks] == ["Tổng hợp số liệu các"]
    assert r.tasks[0].lead_units == ["Văn phòng - Thống kê xã"]


def test_a_report_sent_on_a_wrapped_line_keeps_its_deadline(tmp_path):
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Các phòng, đơn vị thuộc Sở\n"
        "- Chủ động triển khai các nội dung được giao; báo cáo kết quả gửi về Sở Tư pháp\n"
        "(qua Văn phòng Sở) trước ngày 20/11/2024.\n"
    )
    t = run(tmp_path, body).tasks[0]
    assert t.deadline_text == "trước ngày 20/11/2024"


def test_a_commune_civil_servant_post_is_a_unit(tmp_path):
    body = (
        "II. TỔ CHỨC THỰC HIỆN\n"
        "Giao Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với Văn phòng - Thống kê xã rà soát "
        "hồ sơ hộ tịch tồn đọng, hoàn thành trong tháng 8/2024.\n"
    )
    t = run(tmp_path, body).tasks[0]
    assert t.lead_units == ["Công chức Tư pháp - Hộ tịch"]
    assert t.support_units == ["Văn phòng - Thống kê xã"]


def test_a_subject_after_the_time_the_sentence_opens_with(tmp_path):
    body = (
        "I. KẾT QUẢ\n"
        "Đã nạo vét 2 tuyến kênh.\n\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ\n"
        "Trong quý IV/2024, Ban Nhân dân các ấp Phú Hòa, Phú Lợi phối hợp với Hội Nông dân xã "
        "vận động hộ dân chỉnh trang hàng rào.\n"
        "Từ nay đến cuối năm, Đoàn Thanh niên xã tổ chức ra quân dọn vệ sinh môi trường.\n"
        "Trong quá trình thực hiện, nếu có vướng mắc thì báo cáo về Ủy ban nhân dân xã.\n"
    )
    r = run(tmp_path, body, doc_type="BÁO CÁO", title="Kết quả 9 tháng năm 2024")
    assert len(r.tasks) == 2
    a = r.task("Trong quý IV/2024")
    assert a.lead_units == ["Ban Nhân dân ấp Phú Hòa", "Ban Nhân dân ấp Phú Lợi"]
    assert a.support_units == ["Hội Nông dân xã"]
    assert a.deadline_text == "Trong quý IV/2024"
    assert r.task("Từ nay đến cuối năm").lead_units == ["Đoàn Thanh niên xã"]


def test_a_duty_that_begins_with_an_officials_title_is_the_units(tmp_path):
    body = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Trưởng các phòng chuyên môn, đơn vị trực thuộc Sở có trách nhiệm phổ biến Kế hoạch "
        "này đến công chức, viên chức.\n"
        "2. Chánh Văn phòng Sở theo dõi, tổng hợp kết quả, báo cáo Giám đốc Sở trước ngày "
        "15/12/2024.\n"
    )
    r = run(tmp_path, body)
    assert r.task("Trưởng các phòng").lead_units == ["Các phòng chuyên môn", "Đơn vị trực thuộc Sở"]
    b = r.task("Chánh Văn phòng Sở")
    assert b.lead_units == ["Văn phòng Sở"] and b.deadline_text == "trước ngày 15/12/2024"


def test_an_event_named_before_its_colon_opens_the_task_one_per_chu_tri_clause(tmp_path):
    body = (
        "I. MỤC ĐÍCH, YÊU CẦU\nTạo không khí vui tươi.\n\n"
        "II. CÁC HOẠT ĐỘNG\n"
        "1. Văn hóa, văn nghệ\n"
        "- Hội thi gói bánh tét các xã, thị trấn: Ủy ban nhân dân huyện Tư Nghĩa chủ trì, phối "
        "hợp với Hội Liên hiệp Phụ nữ tỉnh tổ chức.\n"
        "2. Trang trí\n"
        "Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân thành phố trang trí đèn chiếu sáng các "
        "tuyến phố chính, hoàn thành trước ngày 20/01/2025; Công an tỉnh chủ trì, phối hợp với "
        "Sở Y tế bảo đảm an ninh trật tự tại các điểm vui chơi. Lễ thượng cờ đầu năm: Ủy ban "
        "nhân dân thành phố chủ trì tổ chức.\n"
    )
    r = run(tmp_path, body, doc_type="HƯỚNG DẪN", title="Tổ chức các hoạt động mừng Xuân")
    a = r.task("Hội thi gói bánh tét")
    assert a.lead_units == ["Ủy ban nhân dân huyện Tư Nghĩa"]
    assert a.support_units == ["Hội Liên hiệp Phụ nữ tỉnh"]
    b = r.task("Sở Xây dựng chủ trì")
    assert b.deadline_text == "hoàn thành trước ngày 20/01/2025" and "Công an" not in b.text
    assert r.task("Công an tỉnh chủ trì").support_units == ["Sở Y tế"]
    assert r.task("Lễ thượng cờ").lead_units == ["Ủy ban nhân dân thành phố"]
    assert len(r.tasks) == 4
