"""Word files: .docx read with python-docx, .doc through LibreOffice.

Each test builds the Word file a clerk would send (automatic numbering, the two-column
header table, real footnotes, merged cells, text boxes) with python-docx in ``tmp_path`` and
checks the blocks and text the reader gives, and that the pipeline finds the same legal
references as in the text version of the same content.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract import structure
from extract.extractors import legal_refs
from extract.pipeline import process
from extract.read import ReadError, read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
RENDERED = CORPUS / "rendered"


def _load_fixtures_module():
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tools/make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


fixtures = _load_fixtures_module()
DocxWriter = fixtures.DocxWriter

NATIONAL = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "---------------"]


def _header(w: DocxWriter) -> None:
    w.table(
        [
            [["UBND TỈNH HƯNG YÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "-------"], NATIONAL],
            ["Số: 05/KH-SGDĐT", "Hưng Yên, ngày 04 tháng 01 năm 2022"],
        ],
        borders=False,
    )


def _save(w: DocxWriter, tmp_path: Path, name: str = "plan.docx") -> Path:
    path = tmp_path / name
    w.save(path)
    return path


def _lines(doc) -> list[str]:
    return doc.text.split("\n")


def _refs(path: Path) -> list[tuple]:
    ex = process(path)
    assert ex.status == "ok", ex.error
    return sorted((r.ref_key, r.ref_type, r.issue_date, r.relation) for r in ex.legal_refs)


# --- Automatic numbering --------------------------------------------------------------


def test_word_numbering_labels_are_rendered_into_the_text(tmp_path):
    w = DocxWriter()
    roman = w.abstract_list([("upperRoman", "%1.")])
    decimal = w.abstract_list([("decimal", "%1.")])
    letter = w.abstract_list([("lowerLetter", "%1)")])
    dash = w.abstract_list([("bullet", "-")])
    sections = w.start_list(roman)
    w.paragraph("MỤC ĐÍCH, YÊU CẦU", bold=True, numbering=(sections, 0))
    items = w.start_list(decimal)
    w.paragraph("Mục đích", bold=True, numbering=(items, 0))
    w.paragraph("Yêu cầu", bold=True, numbering=(items, 0))
    sub = w.start_list(letter)
    w.paragraph("Rà soát thủ tục hành chính;", numbering=(sub, 0))
    w.paragraph("Công khai kết quả giải quyết.", numbering=(sub, 0))
    w.paragraph("NHIỆM VỤ", bold=True, numbering=(sections, 0))
    items2 = w.start_list(decimal)  # restarts at 1 under II.
    w.paragraph("Cải cách thể chế", bold=True, numbering=(items2, 0))
    bullets = w.start_list(dash)
    w.paragraph("Tuyên truyền;", numbering=(bullets, 0))
    path = _save(w, tmp_path)
    # The labels are not in the text runs: Word draws them from numbering.xml.
    import zipfile

    assert "I." not in zipfile.ZipFile(path).read("word/document.xml").decode()
    doc = read_document(path)
    assert _lines(doc) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "a) Rà soát thủ tục hành chính;",
        "b) Công khai kết quả giải quyết.",
        "II. NHIỆM VỤ",
        "1. Cải cách thể chế",
        "- Tuyên truyền;",
    ]
    assert [b.kind for b in doc.blocks][-1] == "list_item"
    _, sections_found = structure.analyze(doc)
    assert [(s.label, s.level) for s in sections_found] == [
        ("I.", 1), ("1.", 2), ("2.", 2), ("a)", 3), ("b)", 3), ("II.", 1), ("1.", 2), ("-", 3),
    ]  # fmt: skip


def test_multilevel_list_restarts_deeper_levels(tmp_path):
    w = DocxWriter()
    outline = w.abstract_list([("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")])
    n = w.start_list(outline)
    for text, level in [
        ("MỤC TIÊU", 0),
        ("Chung", 1),
        ("Cụ thể", 1),
        ("Chỉ tiêu một;", 2),
        ("Chỉ tiêu hai.", 2),
        ("GIẢI PHÁP", 0),
        ("Thể chế", 1),
        ("Rà soát.", 2),
    ]:
        w.paragraph(text, numbering=(n, level))
    doc = read_document(_save(w, tmp_path))
    assert [line.split(" ", 1)[0] for line in _lines(doc)] == [
        "I.", "1.", "2.", "a)", "b)", "II.", "1.", "a)",
    ]  # fmt: skip


def test_legal_numbering_and_two_level_labels(tmp_path):
    w = DocxWriter()
    outline = w.abstract_list([("decimal", "%1."), ("decimal", "%1.%2.")])
    n = w.start_list(outline)
    w.paragraph("Cải cách hành chính", numbering=(n, 0))
    w.paragraph("Cải cách thể chế", numbering=(n, 1))
    w.paragraph("Cải cách thủ tục", numbering=(n, 1))
    doc = read_document(_save(w, tmp_path))
    assert _lines(doc) == [
        "1. Cải cách hành chính",
        "1.1. Cải cách thể chế",
        "1.2. Cải cách thủ tục",
    ]


# --- Header table ----------------------------------------------------------------------


def test_header_table_is_read_by_the_header_parser(tmp_path):
    w = DocxWriter()
    _header(w)
    w.paragraph("KẾ HOẠCH", bold=True, align="center")
    w.paragraph("Cải cách hành chính Nhà nước năm 2022", bold=True, align="center")
    w.paragraph("Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên.")
    doc = read_document(_save(w, tmp_path))
    table = doc.blocks[0]
    assert table.kind == "table"
    # One row per printed line, so "Số: ..." and the date line are cells of their own.
    assert [[c.text for c in row] for row in table.rows] == [
        ["UBND TỈNH HƯNG YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Độc lập - Tự do - Hạnh phúc"],
        ["-------", "---------------"],
        ["Số: 05/KH-SGDĐT", "Hưng Yên, ngày 04 tháng 01 năm 2022"],
    ]
    info, _ = structure.analyze(doc)
    assert info.doc_number == "05/KH-SGDĐT"
    assert str(info.issue_date) == "2022-01-04"
    assert info.place == "Hưng Yên"
    assert info.issuer == "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert info.doc_type == "Kế hoạch"
    assert info.title == "Cải cách hành chính Nhà nước năm 2022"


# --- Footnotes, text boxes, page headers -----------------------------------------------


def test_footnotes_become_blocks_after_their_paragraph_and_markers_leave_the_text(tmp_path):
    w = DocxWriter()
    p = w.paragraph("Sở GD&ĐT đã ban hành các văn bản chỉ đạo.")
    w.footnote(p, "Quyết định số 132/QĐ-SGDĐT-VP ngày 24/02/2020 về Bộ phận một cửa;")
    w.footnote(p, "Kế hoạch số 17/KH-SGDĐT ngày 08/2/2023.")
    w.paragraph("Tiếp tục thực hiện.")
    doc = read_document(_save(w, tmp_path))
    assert [(b.kind, b.label, b.text) for b in doc.blocks] == [
        ("paragraph", None, "Sở GD&ĐT đã ban hành các văn bản chỉ đạo."),
        ("footnote", "1", "Quyết định số 132/QĐ-SGDĐT-VP ngày 24/02/2020 về Bộ phận một cửa;"),
        ("footnote", "2", "Kế hoạch số 17/KH-SGDĐT ngày 08/2/2023."),
        ("paragraph", None, "Tiếp tục thực hiện."),
    ]
    info, sections = structure.analyze(doc)
    keys = {r.ref_key for r in legal_refs.extract(doc, info, sections)}
    assert {"132/QĐ-SGDĐT-VP", "17/KH-SGDĐT"} <= keys


def test_endnotes_are_read_at_the_end(tmp_path):
    w = DocxWriter()
    p = w.paragraph("Căn cứ các văn bản hướng dẫn.")
    w.endnote(p, "Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ.")
    w.paragraph("Nội dung.")
    doc = read_document(_save(w, tmp_path))
    assert [(b.kind, b.label, b.text) for b in doc.blocks] == [
        ("paragraph", None, "Căn cứ các văn bản hướng dẫn."),
        ("paragraph", None, "Nội dung."),
        ("footnote", "i", "Thông tư số 01/2011/TT-BNV ngày 19/01/2011 của Bộ Nội vụ."),
    ]


def test_text_box_is_read_once_after_its_anchor(tmp_path):
    w = DocxWriter()
    anchor = w.paragraph("Kính gửi: Các phòng GDĐT.")
    w.text_box(anchor, ["Dự thảo lần 2", "Theo Nghị định số 30/2020/NĐ-CP"])
    w.paragraph("Nội dung chính.")
    doc = read_document(_save(w, tmp_path))
    assert _lines(doc) == [
        "Kính gửi: Các phòng GDĐT.",
        "Dự thảo lần 2",
        "Theo Nghị định số 30/2020/NĐ-CP",
        "Nội dung chính.",
    ]  # the DrawingML box and its VML fallback hold the same text: read once


def test_page_headers_and_footers_stay_out_of_the_body(tmp_path):
    w = DocxWriter()
    section = w.doc.sections[0]
    section.header.paragraphs[0].text = "SỞ GIÁO DỤC VÀ ĐÀO TẠO - Trang"
    section.footer.paragraphs[0].text = "Kế hoạch số 99/KH-XYZ"
    w.paragraph("Nội dung kế hoạch.")
    doc = read_document(_save(w, tmp_path))
    assert doc.text == "Nội dung kế hoạch."


def test_bold_runs_and_heading_styles(tmp_path):
    w = DocxWriter()
    w.paragraph("MỤC TIÊU", style="Heading 1")
    w.paragraph("Cải cách thể chế", bold=True)
    p = w.paragraph("Nâng cao ")
    p.add_run("chất lượng").bold = True
    doc = read_document(_save(w, tmp_path))
    assert [(b.kind, b.bold) for b in doc.blocks] == [
        ("heading", True),  # the style "Heading 1" is bold
        ("heading", True),
        ("paragraph", False),
    ]


def test_line_breaks_split_header_lines_but_not_sentences(tmp_path):
    w = DocxWriter()
    p = w.paragraph("Số: 12/KH-UBND")
    p.add_run().add_break()
    p.add_run("Hà Nội, ngày 02 tháng 3 năm 2023")
    q = w.paragraph("Căn cứ Quyết định số")
    q.add_run().add_break()
    q.add_run("4424/QĐ-UBND ngày 31/12/2021.")
    doc = read_document(_save(w, tmp_path))
    assert _lines(doc) == [
        "Số: 12/KH-UBND",
        "Hà Nội, ngày 02 tháng 3 năm 2023",
        "Căn cứ Quyết định số 4424/QĐ-UBND ngày 31/12/2021.",
    ]


def test_legacy_vntime_font_runs_are_converted(tmp_path):
    w = DocxWriter()
    p = w.paragraph("")
    run = p.add_run("Thùc hiÖn QuyÕt ®Þnh sè 12/Q§-UBND cña žy ban nh©n d©n tØnh.")
    run.font.name = ".VnTime"
    doc = read_document(_save(w, tmp_path))
    assert doc.text == "Thực hiện Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh."
    assert "converted from TCVN3" in doc.warnings


# --- Tables ------------------------------------------------------------------------------


def test_merged_cells_resolve_to_a_rectangular_grid(tmp_path):
    w = DocxWriter()
    w.table(
        [
            ["STT", "Nội dung", "Chủ trì", "Thời gian"],
            ["I. CẢI CÁCH THỂ CHẾ", "", "", ""],
            ["1", "Rà soát văn bản theo Nghị định số 34/2016/NĐ-CP", "Sở Tư pháp", "Quý I"],
            ["2", "Kiểm tra văn bản", "", "Quý II"],
        ],
        merges=[(1, 0, 1, 3), (2, 2, 3, 2)],
        header_rows=1,
    )
    doc = read_document(_save(w, tmp_path))
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["STT", "Nội dung", "Chủ trì", "Thời gian"],
        ["I. CẢI CÁCH THỂ CHẾ", "", "", ""],
        ["1", "Rà soát văn bản theo Nghị định số 34/2016/NĐ-CP", "Sở Tư pháp", "Quý I"],
        ["2", "Kiểm tra văn bản", "", "Quý II"],
    ]
    for row in table.rows:
        for cell in row:
            assert doc.text[cell.start : cell.end] == cell.text


def test_paragraphs_and_tables_keep_body_order(tmp_path):
    w = DocxWriter()
    w.paragraph("Trước bảng.")
    w.table([["a", "b"], ["c", "d"]])
    w.paragraph("Sau bảng.")
    doc = read_document(_save(w, tmp_path))
    assert [b.kind for b in doc.blocks] == ["paragraph", "table", "paragraph"]


# --- Same references as the text version ----------------------------------------------

PLAN = "\n".join(
    [
        "Số: 05/KH-SGDĐT",
        "",
        "Hưng Yên, ngày 04 tháng 01 năm 2022",
        "",
        "**KẾ HOẠCH**",
        "",
        "**Cải cách hành chính của Sở Giáo dục và Đào tạo năm 2022**",
        "",
        (
            "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên về cải "
            "cách hành chính năm 2022, Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:"
        ),
        "",
        "**I. MỤC ĐÍCH, YÊU CẦU**",
        "",
        "**1. Mục đích**",
        "",
        (
            "Triển khai có hiệu quả Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ và "
            "Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ.¹"
        ),
        "",
        "¹ Kèm theo Quyết định số 4424/QĐ-UBND ngày 31/12/2021 của UBND tỉnh.",
        "",
        "**2. Yêu cầu**",
        "",
        "a) Thực hiện nghiêm Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh.",
        "",
        (
            "b) Thực hiện Luật Cán bộ, công chức và Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 "
            "của Chính phủ."
        ),
        "",
        "**II. NHIỆM VỤ**",
        "",
        "- Rà soát theo Thông tư số 01/2019/TT-BNV ngày 24/01/2019 của Bộ Nội vụ;",
        "",
        "- Tuyên truyền kết quả.",
        "",
        "PHỤ LỤC",
        "",
        "STT\tNội dung\tChủ trì\tPhối hợp\tThời gian",
        "",
        "1\tRà soát theo Nghị định số 61/2018/NĐ-CP\tSở GDĐT\tCác phòng\tQuý I",
        "",
        "\tCông khai thủ tục\t\tCác trường\tQuý II",
        "",
    ]
)


def test_docx_rendering_of_a_plan_gives_the_same_references_as_its_text(tmp_path):
    txt = tmp_path / "plan.txt"
    txt.write_text(PLAN, encoding="utf-8")
    path = tmp_path / "plan.docx"
    fixtures.render_docx(txt).save(path)
    import zipfile

    body = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "w:numPr" in body and "footnoteReference" in body
    assert "I. MỤC ĐÍCH" not in body  # the label comes from Word's numbering
    doc = read_document(path)
    assert "I. MỤC ĐÍCH, YÊU CẦU" in doc.text.split("\n")
    assert [b.label for b in doc.blocks if b.kind == "footnote"] == ["1"]
    assert _refs(path) == _refs(txt)
    assert len(_refs(txt)) >= 8


# --- Corpus renderings ------------------------------------------------------------------


def _rendered_pairs() -> list:
    return [
        pytest.param(txt, RENDERED / f"{txt.stem}.docx", id=txt.stem)
        for txt in sorted(CORPUS.glob("*.txt"))
        if (RENDERED / f"{txt.stem}.docx").exists()
    ]


@pytest.mark.skipif(not _rendered_pairs(), reason="no rendered DOCX (tools/make_fixtures.py)")
@pytest.mark.parametrize("txt,rendered", _rendered_pairs())
def test_rendered_docx_has_the_legal_references_of_the_text(txt, rendered):
    text_keys = {r.ref_key.casefold() for r in process(txt).legal_refs}
    result = process(rendered)
    assert result.status == "ok", result.error
    docx_keys = {r.ref_key.casefold() for r in result.legal_refs}
    union = text_keys | docx_keys
    agreement = len(text_keys & docx_keys) / len(union) if union else 1.0
    assert agreement >= 0.98, (sorted(text_keys - docx_keys), sorted(docx_keys - text_keys))


# --- Errors and .doc ----------------------------------------------------------------------


def test_a_broken_docx_is_a_one_line_read_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not a zip archive")
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(info.value).startswith("cannot read .docx")
    assert "\n" not in str(info.value)


def test_doc_without_libreoffice_says_so_in_one_line(tmp_path, monkeypatch):
    from extract.read import doc as doc_reader

    monkeypatch.setattr(doc_reader, "soffice_path", lambda: None)
    path = tmp_path / "plan.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReadError) as info:
        read_document(path)
    assert str(info.value) == "cannot read .doc: LibreOffice (soffice) is not installed"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
def test_doc_is_read_through_libreoffice(tmp_path):
    w = DocxWriter()
    _header(w)
    w.paragraph("KẾ HOẠCH", bold=True, align="center")
    w.paragraph("Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.")
    w.table([["1", "Rà soát theo Nghị định số 61/2018/NĐ-CP", "Sở GDĐT"]])
    w.paragraph("Nơi nhận:")
    docx_path = _save(w, tmp_path, "plan.docx")
    out = tmp_path / "out"
    profile = f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}"
    subprocess.run(
        [
            "soffice",
            profile,
            "--headless",
            "--convert-to",
            "doc",
            "--outdir",
            str(out),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    doc_path = out / "plan.doc"
    assert doc_path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    doc = read_document(doc_path)
    assert doc.source_format == "doc"
    assert "Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ." in doc.text
    assert _refs(doc_path) == _refs(docx_path)
    info, _ = structure.analyze(doc)
    assert info.doc_number == "05/KH-SGDĐT"
