"""One document, three formats: the corpus text, its Word rendering and its PDF rendering
(``tools/make_fixtures.py`` → ``corpus/rendered/``) give the same records; PDF records carry
the page their quote is printed on; the image-only scan gives back the legal references of
the pages it shows.

Each document is processed once per format (module-scoped cache); the assertions print the
agreement table so a failure shows where the formats part.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from extract.model import Block, Cell, Document, Extraction
from extract.pipeline import process
from extract.read import build_document, ocr, page_mark

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
RENDERED = CORPUS / "rendered"
FORMATS = ("docx", "pdf")
ENTITIES = ("legal_refs", "targets", "deadlines", "tasks")
FLOOR = 0.98
OCR_FLOOR = 0.90
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _rendered_stems() -> list[str]:
    return [
        txt.stem
        for txt in sorted(CORPUS.glob("*.txt"))
        if all((RENDERED / f"{txt.stem}.{fmt}").exists() for fmt in FORMATS)
    ]


STEMS = _rendered_stems()
SCANS = sorted(RENDERED.glob("*-scan.pdf"))


@pytest.fixture(scope="module")
def extracted() -> Callable[[Path], Extraction]:
    """``extracted(path)``: the pipeline's result for a file, computed once per module."""
    cache: dict[Path, Extraction] = {}

    def get(path: Path) -> Extraction:
        if path not in cache:
            result = process(path)
            assert result.status == "ok", f"{path.name}: {result.status}: {result.error}"
            cache[path] = result
        return cache[path]

    return get


# --- item keys and agreement -------------------------------------------------------------


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


def item_keys(result: Extraction) -> dict[str, Counter[Hashable]]:
    """Per entity type, the multiset of what an item says, independent of offsets and order.

    Legal references count once per distinct key, with the set of types and issue dates its
    mentions give (which mention comes first depends on where a format lays out footnotes);
    targets, deadlines and tasks count every item; a task by the start of its text, its lead
    units and its deadline as printed.
    """
    by_key: dict[str, tuple[set, set]] = {}
    for r in result.legal_refs:
        types, dates = by_key.setdefault(r.ref_key.casefold(), (set(), set()))
        if r.ref_type:
            types.add(r.ref_type)
        if r.issue_date:
            dates.add(r.issue_date)
    return {
        "legal_refs": Counter(
            (key, tuple(sorted(types)), tuple(sorted(dates)))
            for key, (types, dates) in by_key.items()
        ),
        "targets": Counter((t.value, t.comparator, t.unit, t.kind) for t in result.targets),
        "deadlines": Counter(
            (d.kind, d.start_date, d.end_date, d.recurrence) for d in result.deadlines
        ),
        "tasks": Counter(
            (_norm(t.text)[:40], tuple(sorted(t.lead_units)), t.deadline_text) for t in result.tasks
        ),
    }


def agreement(a: Counter, b: Counter) -> float:
    """Items found in both / items in the larger side (1.0 when both are empty)."""
    n = max(sum(a.values()), sum(b.values()))
    return 1.0 if n == 0 else sum((a & b).values()) / n


def _table(stem: str, rows: dict[str, dict[str, tuple[float, int, int]]]) -> str:
    head = f"{stem}\n  {'entity':<11}" + "".join(f"{fmt:>22}" for fmt in FORMATS)
    lines = [head]
    for entity in ENTITIES:
        cells = "".join(
            f"{rows[fmt][entity][0]:>10.3f} ({rows[fmt][entity][1]:>3}/{rows[fmt][entity][2]:>3})"
            for fmt in FORMATS
        )
        lines.append(f"  {entity:<11}{cells}")
    return "\n".join(lines)


def _differences(base: dict[str, Counter], other: dict[str, Counter], fmt: str) -> list[str]:
    out = []
    for entity in ENTITIES:
        for item in (base[entity] - other[entity]).elements():
            out.append(f"  {entity}: text only: {item}")
        for item in (other[entity] - base[entity]).elements():
            out.append(f"  {entity}: {fmt} only: {item}")
    return out[:30]


@pytest.mark.skipif(not STEMS, reason="no renderings in corpus/rendered (tools/make_fixtures.py)")
@pytest.mark.parametrize("stem", STEMS)
def test_renderings_give_the_records_of_the_text(stem: str, extracted) -> None:
    base = item_keys(extracted(CORPUS / f"{stem}.txt"))
    rows: dict[str, dict[str, tuple[float, int, int]]] = {}
    diffs: list[str] = []
    failed = False
    for fmt in FORMATS:
        keys = item_keys(extracted(RENDERED / f"{stem}.{fmt}"))
        rows[fmt] = {}
        for entity in ENTITIES:
            score = agreement(base[entity], keys[entity])
            rows[fmt][entity] = (
                score,
                sum(keys[entity].values()),
                sum(base[entity].values()),
            )
            failed = failed or score < FLOOR
        diffs += _differences(base, keys, fmt)
    # (agreement, items in the rendering / items in the text)
    assert not failed, _table(stem, rows) + "\n" + "\n".join(diffs)


# --- pages ----------------------------------------------------------------------------------


def _squash(text: str) -> str:
    """Text for comparing with what pdfium prints: no spaces, hyphens or line-end marks."""
    return re.sub(r"[\s\u00ad\ufffe\x02\-–]+", "", unicodedata.normalize("NFC", text))


def _page_texts(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            texts.append(_squash(textpage.get_text_range()))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()


def _printed_on(key: str, page: int | None, pages: list[str]) -> bool:
    """``key`` (squashed) is printed on ``page``, or starts there and goes on to the next."""
    if page is None or not 1 <= page <= len(pages):
        return False
    if key in pages[page - 1]:
        return True
    # Cut by the page break (pdfium prints a page's footnotes and table cells in its own
    # order, so the two parts need not be the end and the start of the page texts).
    after = pages[page] if page < len(pages) else ""
    return any(key[:k] in pages[page - 1] and key[k:] in after for k in range(5, len(key) - 1))


def _quotes(result: Extraction) -> list[tuple[str, str, int | None]]:
    text = result.document.text
    return (
        [("legal_ref", r.quote, r.page) for r in result.legal_refs]
        + [("target", t.quote, t.page) for t in result.targets]
        + [("deadline", d.quote, d.page) for d in result.deadlines]
        + [("task", text[t.char_start : t.char_end], t.page) for t in result.tasks]
    )


# The PDF renderings and the born-digital PDFs of the corpus.
TEXT_PDFS = [RENDERED / f"{stem}.pdf" for stem in STEMS] + sorted(CORPUS.glob("*.pdf"))


@pytest.mark.parametrize("path", TEXT_PDFS, ids=lambda p: p.name)
def test_pdf_records_carry_the_page_their_quote_is_printed_on(path: Path, extracted) -> None:
    """Every record's quote is on its page (or starts there and runs onto the next), also
    in paragraphs, footnotes and table rows that a page break cut."""
    pages = _page_texts(path)
    if sum(map(len, pages)) < 100 * len(pages):
        pytest.skip("a scan: no text layer to check the pages against")
    wrong = []
    checked = 0
    for kind, quote, page in _quotes(extracted(path)):
        key = _squash(quote)[:24]
        if len(key) < 4:
            continue
        checked += 1
        if not _printed_on(key, page, pages):
            found = [i + 1 for i, t in enumerate(pages) if key in t]
            wrong.append(f"  {kind} on page {page}, printed on {found}: {quote[:60]!r}")
    assert not wrong, f"{len(wrong)}/{checked} records on the wrong page:\n" + "\n".join(wrong)


def test_page_marks_become_offsets_through_normalization() -> None:
    """A reader marks where a block goes on onto the next page; the marks leave the text and
    ``page_at`` answers with the page of the offset, also past a footnote marker that the
    normalization removes and in a table whose empty row is dropped."""
    para = Block(
        "paragraph",
        f"Căn cứ Nghị định số 61/2018/NĐ-CP hiệu quả¹²\n{page_mark(3)}³ và  Chỉ thị số 23/CT-TTg.",
        page=2,
    )
    table = Block(
        "table",
        "",
        page=3,
        rows=[
            [Cell("1"), Cell("Rà soát thủ tục")],
            [Cell(page_mark(4)), Cell(" ")],
            [Cell("2"), Cell("Công bố danh mục")],
        ],
    )
    doc = Document("x", "x.pdf", "pdf", "0")
    build_document(doc, [para, table])
    assert "\ufdd0" not in doc.text
    assert para.text == "Căn cứ Nghị định số 61/2018/NĐ-CP hiệu quả và Chỉ thị số 23/CT-TTg."
    assert doc.page_at(doc.text.index("61/2018")) == 2
    assert doc.page_at(doc.text.index("và Chỉ thị")) == 3
    assert [[c.text for c in row] for row in table.rows] == [
        ["1", "Rà soát thủ tục"],
        ["2", "Công bố danh mục"],
    ]
    assert doc.page_at(doc.text.index("Rà soát")) == 3
    assert doc.page_at(doc.text.index("2\tCông bố")) == 4


def _load_fixtures_module():
    if "make_fixtures" in sys.modules:
        return sys.modules["make_fixtures"]
    spec = importlib.util.spec_from_file_location("make_fixtures", ROOT / "tools/make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


FILLER = (
    "Các phòng, ban thuộc Sở tổ chức quán triệt nội dung kế hoạch đến toàn thể công chức, "
    "viên chức và người lao động; phân công cụ thể người thực hiện, thời hạn hoàn thành và "
    "thường xuyên kiểm tra, đôn đốc việc triển khai thực hiện tại đơn vị mình."
)
CUT = (
    "Triển khai Kế hoạch số 196/KH-UBND ngày 24/12/2021 của UBND tỉnh về cải cách hành "
    "chính giai đoạn 2021 - 2025, các đơn vị tập trung thực hiện những nội dung sau: "
    + " ".join([FILLER] * 5)
    + " Kết quả được báo cáo theo Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ."
)
N_TABLE_ROWS = 40
KEYS = ["196/KH-UBND", "23/CT-TTg"] + [f"{200 + i}/QĐ-UBND" for i in range(1, N_TABLE_ROWS + 1)]


def _paged_plan(path: Path) -> None:
    """A plan whose references sit on known pages: page 1 (after the header), page 2 (in a
    paragraph and in a footnote), a paragraph that starts at the foot of page 2 and ends on
    page 3, and after a page break a ruled table running over the next pages, one reference
    a row (rows are not split, so each is on one page)."""
    from docx.oxml import parse_xml

    fixtures = _load_fixtures_module()
    W_NS = fixtures.W_NS
    w = fixtures.DocxWriter()
    w.table(
        [
            [
                ["UBND TỈNH HƯNG YÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"],
                ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
            ],
            ["Số: 05/KH-SGDĐT", "Hưng Yên, ngày 04 tháng 01 năm 2022"],
        ],
        borders=False,
    )
    w.paragraph("KẾ HOẠCH", bold=True, align="center")
    w.paragraph("Cải cách hành chính năm 2022", bold=True, align="center")
    w.paragraph(
        "Căn cứ Quyết định số 101/QĐ-UBND ngày 05/01/2022 của UBND tỉnh về công tác cải cách "
        "hành chính năm 2022.",
        align="justify",
        indent=True,
    )
    w.doc.add_page_break()
    p = w.paragraph(
        "Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế "
        "một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.",
        align="justify",
        indent=True,
    )
    w.footnote(
        p, "Hướng dẫn tại Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ."
    )
    for _ in range(5):
        w.paragraph(FILLER, align="justify", indent=True)
    w.paragraph(CUT, align="justify", indent=True)
    w.doc.add_page_break()
    rows = [["TT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian"]]
    for i in range(1, N_TABLE_ROWS + 1):
        rows.append(
            [
                str(i),
                f"Rà soát lĩnh vực số {i} theo Quyết định số {200 + i}/QĐ-UBND ngày 10/3/2022 "
                "của UBND tỉnh",
                "Văn phòng Sở",
                "Quý II/2022",
            ]
        )
    table = w.table(rows, header_rows=1, widths=[1.2, 9.5, 3.0, 2.3])
    for row in table.rows:  # whole rows on a page, so each reference has one page
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit xmlns:w="{W_NS}"/>'))
    w.save(path)


@pytest.fixture(scope="module")
def paged_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) not installed")
    folder = tmp_path_factory.mktemp("paged")
    docx_path = folder / "paged.docx"
    _paged_plan(docx_path)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return docx_path.with_suffix(".pdf")


def test_generated_pdf_references_carry_the_page_they_are_printed_on(
    paged_pdf: Path, extracted
) -> None:
    pages = _page_texts(paged_pdf)
    # The layout is as designed: the long paragraph starts on page 2 and ends on page 3, the
    # table starts on page 4 and runs onto the next pages.
    on = {key: [k + 1 for k, t in enumerate(pages) if _squash(key) in t] for key in KEYS}
    assert on["196/KH-UBND"] == [2] and on["23/CT-TTg"] == [3], f"layout changed: {on}"
    table_pages = {i: on[f"{200 + i}/QĐ-UBND"][0] for i in range(1, N_TABLE_ROWS + 1)}
    assert table_pages[1] == 4 and table_pages[N_TABLE_ROWS] > 4, table_pages

    result = extracted(paged_pdf)
    found = {r.ref_key: r.page for r in result.legal_refs}
    expected = {
        "101/QĐ-UBND": 1,
        "61/2018/NĐ-CP": 2,
        "01/2018/TT-VPCP": 2,  # in the footnote at the foot of page 2
        "196/KH-UBND": 2,  # where the cut paragraph starts
        "23/CT-TTg": 3,  # the same paragraph, after the page break
    } | {f"{200 + i}/QĐ-UBND": p for i, p in table_pages.items()}
    assert {k: found.get(k) for k in expected} == expected

    # Tasks and deadlines of table rows carry the page of their row.
    tasks = [t for t in result.tasks if t.text.startswith("Rà soát lĩnh vực số")]
    assert len(tasks) == N_TABLE_ROWS
    for t in tasks:
        row = int(re.search(r"lĩnh vực số (\d+)", t.text).group(1))
        assert t.page == table_pages[row], (t.text, t.page)
    row_deadlines = [d for d in result.deadlines if d.quote == "Quý II/2022"]
    assert sorted(d.page for d in row_deadlines) == sorted(table_pages.values())


# --- the image-only scan ----------------------------------------------------------------


def _has_ocr() -> bool:
    langs = ocr._languages(ocr.TESSERACT_CMD)
    return langs is not None and ocr.LANG in langs


@pytest.mark.skipif(not SCANS, reason="no scan in corpus/rendered (tools/make_fixtures.py)")
@pytest.mark.skipif(not _has_ocr(), reason="Tesseract with its Vietnamese model not installed")
@pytest.mark.parametrize("scan", SCANS, ids=lambda p: p.stem)
def test_scan_recovers_the_legal_references_of_its_pages(scan: Path, extracted) -> None:
    text_layer = RENDERED / scan.name.replace("-scan.pdf", ".pdf")
    result = extracted(scan)
    assert result.document.ocr
    n_pages = result.document.n_pages
    expected: dict[str, set[int | None]] = {}
    for r in extracted(text_layer).legal_refs:
        if r.page is not None and r.page <= n_pages:
            expected.setdefault(r.ref_key.casefold(), set()).add(r.page)
    found: dict[str, set[int | None]] = {}
    for r in result.legal_refs:
        found.setdefault(r.ref_key.casefold(), set()).add(r.page)
    assert expected, "no references on the scanned pages"
    recovered = len(expected.keys() & found.keys()) / len(expected)
    assert recovered >= OCR_FLOOR, (
        f"{recovered:.3f} of {len(expected)} on pages 1-{n_pages}; "
        f"missed {sorted(expected.keys() - found.keys())}, "
        f"extra {sorted(found.keys() - expected.keys())}"
    )
    # and on the pages where the text layer has them
    same_page = [k for k in expected.keys() & found.keys() if expected[k] & found[k]]
    assert len(same_page) >= OCR_FLOOR * len(expected.keys() & found.keys()), (expected, found)
