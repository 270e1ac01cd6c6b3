"""Web copies of plans (.html): portal pages and Word's "Save as web page" exports."""

from __future__ import annotations

import pytest

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>Kế hoạch 05/KH-SGDĐT - Cổng thông tin</title>
<style>p {{ margin: 0 }}</style><script>var menu = "Văn bản số 99/QĐ-XYZ";</script></head>
<body>
<nav><ul><li><a href="/">Trang chủ</a></li><li>Văn bản pháp luật</li></ul></nav>
<div role="banner">Cổng thông tin điện tử Sở GD&amp;ĐT</div>
<div class="content">
<table>
<tr><td><p>UBND TỈNH HƯNG YÊN<br><b>SỞ GIÁO DỤC VÀ ĐÀO TẠO</b><br>-------</p></td>
<td><p><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>
---------------</p></td></tr>
<tr><td>Số: 05/KH-SGDĐT</td><td><i>Hưng Yên, ngày 04 tháng 01 năm 2022</i></td></tr>
</table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Cải cách hành chính năm 2022</b></p>
<p>Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh
Hưng Yên<a href="#_ftn1" name="_ftnref1"><span class="MsoFootnoteReference">[1]</span></a>,
Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:</p>
<h3>I. MỤC ĐÍCH, YÊU CẦU</h3>
<p>Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ<sup>2</sup>.</p>
<ol type="a">
<li>Thực hiện Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh;</li>
<li>Thực hiện Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ.</li>
</ol>
<table border="1">
<tr><th>STT</th><th>Nội dung</th><th colspan="2">Đơn vị</th></tr>
<tr><td rowspan="2">1</td><td>Rà soát theo Thông tư số 01/2019/TT-BNV</td>
<td>Sở</td><td>Phòng</td></tr>
<tr><td>Công khai thủ tục</td><td colspan="2">Các trường</td></tr>
</table>
</div>
<div style="mso-element:footnote-list"><div id="ftn1">
<p class="MsoFootnoteText"><a href="#_ftnref1" name="_ftn1"><span>[1]</span></a>
Kèm theo Quyết định số 4424/QĐ-UBND ngày 31/12/2021.</p></div></div>
<footer role="contentinfo">Bản quyền thuộc Sở GD&amp;ĐT. Quyết định số 1/QĐ-WEB.</footer>
</body></html>
"""

TEXT = "\n".join(
    [
        "UBND TỈNH HƯNG YÊN",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-SGDĐT",
        "Hưng Yên, ngày 04 tháng 01 năm 2022",
        "",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2022",
        "",
        (
            "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên, Sở "
            "Giáo dục và Đào tạo xây dựng kế hoạch như sau:"
        ),
        "",
        "[1: Kèm theo Quyết định số 4424/QĐ-UBND ngày 31/12/2021.]",
        "",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "",
        "Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.",
        "",
        "a. Thực hiện Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh;",
        "",
        "b. Thực hiện Nghị định số 43/2011/NĐ-CP ngày 13/6/2011 của Chính phủ.",
        "",
        "STT\tNội dung\tĐơn vị\t",
        "1\tRà soát theo Thông tư số 01/2019/TT-BNV\tSở\tPhòng",
        "\tCông khai thủ tục\tCác trường\t",
        "",
    ]
)


def _page(charset: str = "utf-8") -> bytes:
    return PAGE.format(charset=charset).encode("utf-8" if charset == "utf-8" else charset)


def test_web_page_reads_in_order_without_navigation_scripts_or_markers(read):
    doc = read(_page(), ".html")
    lines = doc.text.split("\n")
    assert "Trang chủ" not in doc.text and "var menu" not in doc.text
    assert "Bản quyền" not in doc.text and "Cổng thông tin" not in doc.text
    assert lines[4:10] == [
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2022",
        "Thực hiện Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh Hưng Yên, "
        "Sở Giáo dục và Đào tạo xây dựng kế hoạch như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Triển khai Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.",
        "a. Thực hiện Quyết định số 22/2020/QĐ-UBND ngày 12/8/2020 của UBND tỉnh;",
    ]
    kinds = {b.text: b.kind for b in doc.blocks if b.rows is None}
    assert kinds["I. MỤC ĐÍCH, YÊU CẦU"] == "heading"
    assert kinds["KẾ HOẠCH"] == "heading"
    assert [b.bold for b in doc.blocks if b.text == "KẾ HOẠCH"] == [True]


def test_header_table_and_merged_cells(read):
    doc = read(_page(), ".html")
    header, *_, grid = [b for b in doc.blocks if b.kind == "table"]
    assert [[c.text for c in row] for row in header.rows] == [
        ["UBND TỈNH HƯNG YÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Độc lập - Tự do - Hạnh phúc"],
        ["-------", "---------------"],
        ["Số: 05/KH-SGDĐT", "Hưng Yên, ngày 04 tháng 01 năm 2022"],
    ]
    assert [[c.text for c in row] for row in grid.rows] == [
        ["STT", "Nội dung", "Đơn vị", ""],
        ["1", "Rà soát theo Thông tư số 01/2019/TT-BNV", "Sở", "Phòng"],
        ["", "Công khai thủ tục", "Các trường", ""],
    ]


def test_word_footnotes_become_footnote_blocks(read):
    doc = read(_page(), ".html")
    notes = [(b.label, b.text) for b in doc.blocks if b.kind == "footnote"]
    assert notes == [("1", "Kèm theo Quyết định số 4424/QĐ-UBND ngày 31/12/2021.")]
    assert "[1]" not in doc.text


def test_header_fields_from_the_web_page(parse):
    parsed = parse(_page(), ".html")
    info = parsed.info
    assert (info.doc_number, str(info.issue_date), info.issuer, info.doc_type) == (
        "05/KH-SGDĐT",
        "2022-01-04",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Kế hoạch",
    )


@pytest.mark.parametrize("charset", ["utf-8", "utf-16"])
def test_web_page_gives_the_references_of_the_text_version(parse, charset):
    page = PAGE.format(charset=charset).encode(charset)
    got = sorted((r.ref_key, r.ref_type, r.issue_date) for r in parse(page, ".html").refs)
    want = sorted((r.ref_key, r.ref_type, r.issue_date) for r in parse(TEXT).refs)
    assert got == want
    assert len(want) >= 6


def test_declared_windows_1258_page(parse):
    from test_encodings import to_cp1258

    page = PAGE.format(charset="windows-1258")
    parsed = parse(to_cp1258(page), ".html")
    assert "Thực hiện Kế hoạch số 196/KH-UBND" in parsed.text
    assert parsed.info.doc_number == "05/KH-SGDĐT"


def test_legacy_font_in_a_web_page(read):
    page = (
        '<html><body><p><font face=".VnTime">QuyÕt ®Þnh sè 12/Q§-UBND cña UBND tØnh '
        "vÒ viÖc ban hµnh kÕ ho¹ch c¶i c¸ch hµnh chÝnh.</font></p></body></html>"
    ).encode("cp1252")
    doc = read(page, ".html")
    assert doc.text == (
        "Quyết định số 12/QĐ-UBND của UBND tỉnh về việc ban hành kế hoạch cải cách hành chính."
    )
    assert "converted from TCVN3" in doc.warnings


def test_list_items_holding_paragraphs_keep_their_labels(read):
    doc = read(
        '<ol type="I"><li><p><b>MỤC TIÊU</b></p></li><li><p>NHIỆM VỤ</p><ul>'
        "<li><p>Rà soát thủ tục;</p></li></ul></li></ol><p>Tổ chức thực hiện.</p>",
        ".html",
    )
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("list_item", "I. MỤC TIÊU"),
        ("list_item", "II. NHIỆM VỤ"),
        ("list_item", "Rà soát thủ tục;"),
        ("paragraph", "Tổ chức thực hiện."),
    ]
