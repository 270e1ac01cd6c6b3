"""The text reader: what careless exports of Word files and web pages look like.

Each test feeds the reader a file as received (Markdown, HTML residue, hard-wrapped lines,
page breaks, tab tables, footnotes, odd encodings) and checks the normalized text and
blocks that every later offset points into.
"""

from __future__ import annotations

import codecs
import hashlib
import unicodedata

import pytest

from extract.read import ReadError


def _kinds(doc):
    return [(b.kind, b.text) for b in doc.blocks]


def test_block_offsets_index_the_document_text(read):
    doc = read(
        "**I. MỤC ĐÍCH, YÊU CẦU**\n\n"
        "1. Mục đích\n"
        "Triển khai có hiệu quả Kế hoạch số 196/KH-UBND của UBND tỉnh.\n"
    )
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start : b.end] == b.text
    assert doc.text == "\n".join(b.text for b in doc.blocks)


# --- Markdown and HTML ----------------------------------------------------------------


def test_markdown_heading_and_bold_are_removed_and_mark_a_heading(read):
    doc = read("### **1. Cải cách thể chế**\n\na) Rà soát văn bản quy phạm pháp luật.\n", ".md")
    assert doc.text == "1. Cải cách thể chế\na) Rà soát văn bản quy phạm pháp luật."
    assert doc.blocks[0].kind == "heading"
    bold = read("**II. NHIỆM VỤ VÀ GIẢI PHÁP**\n\nTiếp tục rà soát thủ tục hành chính.\n", ".md")
    assert bold.text == "II. NHIỆM VỤ VÀ GIẢI PHÁP\nTiếp tục rà soát thủ tục hành chính."
    assert [b.bold for b in bold.blocks] == [True, False]


def test_inline_markdown_emphasis_keeps_the_words(read):
    doc = read("Các đơn vị **phải** hoàn thành *đúng hạn* và gửi báo cáo về __Văn phòng Sở__.\n")
    assert doc.text == "Các đơn vị phải hoàn thành đúng hạn và gửi báo cáo về Văn phòng Sở."


def test_html_paragraphs_italics_and_entities_read_clean(read):
    doc = read(
        "<p>Sở GD&amp;ĐT chủ trì, <i>phối hợp</i> với các đơn vị.</p>"
        "<p>Báo cáo kết quả trước ngày 15/12/2022.</p>\n"
    )
    assert doc.text == (
        "Sở GD&ĐT chủ trì, phối hợp với các đơn vị.\nBáo cáo kết quả trước ngày 15/12/2022."
    )


def test_html_bold_paragraph_reads_like_markdown_bold(read):
    doc = read("<p><b>II. NHIỆM VỤ</b></p>\n<p>Rà soát thủ tục hành chính.</p>\n")
    assert doc.text == "II. NHIỆM VỤ\nRà soát thủ tục hành chính."
    assert doc.blocks[0].bold


def test_html_list_items_are_separate_list_items(read):
    doc = read(
        "<ul>\n"
        "<li>Rà soát thủ tục hành chính;</li>\n"
        "<li>Công khai kết quả giải quyết.</li>\n"
        "</ul>\n"
    )
    assert _kinds(doc) == [
        ("list_item", "Rà soát thủ tục hành chính;"),
        ("list_item", "Công khai kết quả giải quyết."),
    ]


def test_markdown_pipe_table_is_a_table(read):
    doc = read(
        "| TT | Nội dung | Thời gian |\n"
        "|---|---|---|\n"
        "| 1 | Rà soát thủ tục hành chính | Quý I/2022 |\n",
        ".md",
    )
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["TT", "Nội dung", "Thời gian"],
        ["1", "Rà soát thủ tục hành chính", "Quý I/2022"],
    ]


# --- tab-separated tables -------------------------------------------------------------

_TABLE = (
    "Phân công thực hiện như sau:\n"
    "TT\tNội dung\tĐơn vị chủ trì\tThời gian\n"
    "1\tRà soát, đánh giá thủ tục hành chính\tVăn phòng Sở\tQuý I/2022\n"
    "2\tTuyên truyền cải cách hành chính và\tPhòng Tổ chức cán bộ\tThường xuyên\n"
    "\n"
    "\tđảm bảo thực hiện đúng quy định\t\t\n"
    "TT\tNội dung\tĐơn vị chủ trì\tThời gian\n"
    "3\tKiểm tra công tác cải cách hành chính\tThanh tra Sở\tQuý III/2022\n"
    "Các đơn vị triển khai thực hiện.\n"
)


def _table_rows(doc):
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    return [[c.text for c in row] for row in table.rows]


def test_tab_separated_lines_form_a_table_without_the_repeated_header(read):
    rows = _table_rows(read(_TABLE))
    assert [r[0] for r in rows] == ["TT", "1", "2", "3"]  # header repeated on page 2 dropped
    assert rows[0] == ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian"]
    assert rows[1] == ["1", "Rà soát, đánh giá thủ tục hành chính", "Văn phòng Sở", "Quý I/2022"]


def test_table_row_continued_after_a_page_break_is_one_row(read):
    rows = _table_rows(read(_TABLE))
    assert rows[2] == [
        "2",
        "Tuyên truyền cải cách hành chính và đảm bảo thực hiện đúng quy định",
        "Phòng Tổ chức cán bộ",
        "Thường xuyên",
    ]


def test_table_cells_keep_exact_offsets(read):
    doc = read(_TABLE)
    (table,) = [b for b in doc.blocks if b.kind == "table"]
    for row in table.rows:
        for cell in row:
            assert doc.text[cell.start : cell.end] == cell.text
    assert doc.blocks[-1].text == "Các đơn vị triển khai thực hiện."


# --- footnotes ------------------------------------------------------------------------


def test_inline_footnote_marker_and_body_are_separated(read):
    doc = read(
        "Thực hiện tốt công tác cải cách hành chính[footnoteRef:1] trong toàn ngành. "
        "[1: Theo Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh.]\n"
        "Tiếp tục rà soát thủ tục hành chính.\n"
    )
    assert "footnoteRef" not in doc.text
    assert "[1:" not in doc.text
    (note,) = [b for b in doc.blocks if b.kind == "footnote"]
    assert note.label == "1"
    assert note.text == "Theo Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh."
    assert "Thực hiện tốt công tác cải cách hành chính trong toàn ngành." in doc.text


def test_inline_footnote_body_follows_its_paragraph(read):
    doc = read(
        "Thực hiện tốt công tác cải cách hành chính[footnoteRef:1] trong toàn ngành. "
        "[1: Theo Quyết định số 12/QĐ-UBND ngày 05/01/2022 của UBND tỉnh.]\n"
        "Tiếp tục rà soát thủ tục hành chính.\n"
    )
    assert [b.kind for b in doc.blocks] == ["paragraph", "footnote", "paragraph"]


def test_superscript_footnote_paragraph_is_a_footnote_block(read):
    doc = read(
        "Nâng cao chỉ số hài lòng¹ của người dân.\n"
        "¹ Chỉ số SIPAS do Bộ Nội vụ công bố hằng năm.\n"
        "Tiếp tục rà soát thủ tục hành chính.\n"
    )
    assert _kinds(doc) == [
        ("paragraph", "Nâng cao chỉ số hài lòng của người dân."),
        ("footnote", "Chỉ số SIPAS do Bộ Nội vụ công bố hằng năm."),
        ("paragraph", "Tiếp tục rà soát thủ tục hành chính."),
    ]
    assert doc.blocks[1].label == "1"


def test_sentence_interrupted_by_a_page_foot_footnote_is_rejoined(read):
    doc = read(
        "Nâng cao mức độ hài lòng¹ của người dân đối với sự phục vụ của cơ quan\n"
        "\n"
        "¹ Chỉ số SIPAS do Bộ Nội vụ công bố hằng năm.\n"
        "\n"
        "hành chính nhà nước trên địa bàn tỉnh.\n"
    )
    assert (
        "paragraph",
        "Nâng cao mức độ hài lòng của người dân đối với sự phục vụ của cơ quan "
        "hành chính nhà nước trên địa bàn tỉnh.",
    ) in _kinds(doc)
    assert ("footnote", "Chỉ số SIPAS do Bộ Nội vụ công bố hằng năm.") in _kinds(doc)


def test_footnote_markers_glued_to_words_are_removed_but_unit_powers_kept(read):
    doc = read(
        "Sở GD&ĐT^{1, 2} đã triển khai có hiệu quả¹¹. Mỗi phòng học có diện tích tối thiểu 48 m².\n"
    )
    assert doc.text == (
        "Sở GD&ĐT đã triển khai có hiệu quả. Mỗi phòng học có diện tích tối thiểu 48 m²."
    )


# --- line re-joining ------------------------------------------------------------------


def test_hard_wrapped_line_is_rejoined_with_one_space(read):
    doc = read(
        "Triển khai thực hiện Kế hoạch số 184/KH-UBND ngày 07/12/2021 của \n"
        "Ủy ban nhân dân tỉnh về cải cách hành chính.\n"
    )
    assert doc.text == (
        "Triển khai thực hiện Kế hoạch số 184/KH-UBND ngày 07/12/2021 của "
        "Ủy ban nhân dân tỉnh về cải cách hành chính."
    )


_WRAPPED = (
    "1. Mục đích\n"
    "Triển khai thực hiện có hiệu quả các mục tiêu, nhiệm vụ cải cách hành\n"
    "chính nhà nước giai đoạn 2021-2030 theo Nghị quyết số 76/NQ-CP ngày\n"
    "15/7/2021 của Chính phủ; nâng cao chất lượng phục vụ người dân, doanh\n"
    "nghiệp, góp phần thúc đẩy phát triển kinh tế - xã hội của địa phương gắn\n"
    "với chuyển đổi số. Tăng cường kỷ luật, kỷ cương hành chính trong các cơ\n"
    "quan nhà nước các cấp, nhất là trong giải quyết thủ tục hành chính cho\n"
    "người dân.\n"
    "2. Yêu cầu\n"
    "- Bám sát nội dung Kế hoạch của Ủy ban nhân dân tỉnh.\n"
    "- Phân công rõ trách nhiệm.\n"
)


def test_hard_wrapped_paragraph_is_one_block_and_labels_start_new_ones(read):
    doc = read(_WRAPPED)
    assert [b.text[:12] for b in doc.blocks] == [
        "1. Mục đích",
        "Triển khai t",
        "2. Yêu cầu",
        "- Bám sát nộ",
        "- Phân công ",
    ]
    assert "theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;" in doc.blocks[1].text
    assert doc.blocks[1].text.endswith("cho người dân.")


def test_wrapped_compound_with_a_hyphen_is_not_a_bullet(read):
    doc = read(
        "Triển khai thực hiện có hiệu quả các mục tiêu, nhiệm vụ phát triển kinh tế\n"
        "- xã hội của địa phương gắn với cải cách hành chính và chuyển đổi số trên\n"
        "địa bàn tỉnh, nâng cao chất lượng phục vụ người dân, doanh nghiệp trong\n"
        "giải quyết thủ tục hành chính, bảo đảm công khai, minh bạch và đúng hạn\n"
        "trong toàn bộ quy trình tiếp nhận, thẩm định và trả kết quả cho người dân\n"
        "tại Bộ phận một cửa các cấp.\n"
    )
    assert len(doc.blocks) == 1
    assert "phát triển kinh tế - xã hội của địa phương" in doc.text


def test_wrap_point_after_a_semicolon_does_not_split_the_paragraph(read):
    doc = read(
        "Triển khai thực hiện có hiệu quả các mục tiêu, nhiệm vụ phát triển kinh tế\n"
        "- xã hội của địa phương gắn với cải cách hành chính và chuyển đổi số trên\n"
        "địa bàn tỉnh; nâng cao chất lượng phục vụ người dân, doanh nghiệp trong\n"
        "giải quyết thủ tục hành chính, bảo đảm công khai, minh bạch và đúng hạn;\n"
        "tăng cường kỷ luật, kỷ cương hành chính trong các cơ quan nhà nước các\n"
        "cấp, nhất là trong giải quyết thủ tục hành chính cho người dân.\n"
    )
    assert len(doc.blocks) == 1
    assert "minh bạch và đúng hạn; tăng cường kỷ luật" in doc.text


def test_sentence_split_by_a_page_break_is_rejoined(read):
    doc = read(
        "Thực hiện Kế hoạch số\n\n2336/KH-SGDĐT ngày 10/5/2022 của Sở Giáo dục và Đào tạo.\n"
    )
    assert doc.text == (
        "Thực hiện Kế hoạch số 2336/KH-SGDĐT ngày 10/5/2022 của Sở Giáo dục và Đào tạo."
    )


def test_blank_line_between_finished_paragraphs_keeps_them_apart(read):
    doc = read(
        "Hoàn thành 100% nhiệm vụ được giao.\n\n"
        "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.\n\n"
        "II. NHIỆM VỤ\n"
    )
    assert [b.text for b in doc.blocks] == [
        "Hoàn thành 100% nhiệm vụ được giao.",
        "Tiếp tục rà soát, đơn giản hóa thủ tục hành chính.",
        "II. NHIỆM VỤ",
    ]


def test_windows_line_endings_read_like_unix_ones(read):
    doc = read("Tiếp tục rà soát thủ tục.\r\nII. NHIỆM VỤ\r\n")
    assert doc.text == "Tiếp tục rà soát thủ tục.\nII. NHIỆM VỤ"


# --- Unicode and encodings ------------------------------------------------------------

_SENTENCE = "Căn cứ Quyết định số 12/QĐ-UBND của Ủy ban nhân dân tỉnh Khánh Hòa."


def test_decomposed_input_gives_composed_text(read):
    doc = read(unicodedata.normalize("NFD", _SENTENCE) + "\n")
    assert doc.text == _SENTENCE
    assert unicodedata.is_normalized("NFC", doc.text)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + _SENTENCE.encode("utf-8"),
        codecs.BOM_UTF16_LE + _SENTENCE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + _SENTENCE.encode("utf-16-be"),
        _SENTENCE.encode("utf-16-le"),
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-no-bom"],
)
def test_utf8_bom_and_utf16_files_read_clean(read, data):
    doc = read(data)
    assert doc.text == _SENTENCE  # no BOM, no NUL, nothing garbled


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"  \r\n\n\t ",
        codecs.BOM_UTF8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(32)) * 64,
    ],
    ids=["empty", "whitespace", "bom-only", "png", "binary"],
)
def test_empty_or_binary_file_raises_read_error_with_one_line(read, data):
    with pytest.raises(ReadError) as info:
        read(data)
    message = str(info.value)
    assert message.strip()
    assert "\n" not in message


def test_doc_id_is_the_sha256_prefix_of_the_bytes(write_file):
    from extract.read import read_document

    path = write_file(_SENTENCE + "\n")
    doc = read_document(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.sha256 == digest
    assert doc.doc_id == digest[:16]
    assert read_document(path).doc_id == doc.doc_id


def test_dash_before_a_capital_is_a_bullet_not_a_wrapped_compound(read):
    doc = read("Các đơn vị phối hợp gồm\n- Ủy ban nhân dân các huyện;\n- Sở Y tế.\n")
    assert [b.kind for b in doc.blocks] == ["paragraph", "list_item", "list_item"]
